import { join, resolve } from 'node:path';
import { startAppHost } from '../app/appHost';
import { defaultDataDir } from '../app/paths';
import { startBridge } from './server';

// Browser mode entry: `npm start` falls back to this where Electron's binary is missing.
// Options: --data-dir DIR, --port N. Prints one line with the address (token included).

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const dataDir = resolve(arg('--data-dir') ?? defaultDataDir());
  const port = Number(arg('--port') ?? process.env.LEGAL_AID_PORT ?? 0);
  // Cheaper key derivation only for automated tests, never for real data.
  const kdf = process.env.LEGAL_AID_TEST_FAST_KDF === '1' ? { memoryKiB: 1024, iterations: 1, parallelism: 1 } : undefined;
  const host = startAppHost({ dataDir, ...(kdf ? { kdf } : {}) });
  const bridge = await startBridge({ host, rendererDir: join(__dirname, '..', '..', 'out', 'renderer'), port });
  process.stdout.write(`Legal Aid Desk (browser mode) is running at ${bridge.url}\n`);
  const stop = async () => {
    await host.close();
    await bridge.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
