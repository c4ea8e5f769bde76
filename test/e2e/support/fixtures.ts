import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Each test file gets its own browser-mode server on a fresh data folder (a new, empty installation).
const ROOT = join(__dirname, '..', '..', '..');

export interface AppServer {
  url: string;
  dataDir: string;
}

/** A browser-mode server on a fresh data folder that the caller stops (for tests with several installations). */
export interface RunningServer extends AppServer {
  stop: () => void;
}

export async function startServer(): Promise<RunningServer> {
  const { server, child } = await spawnServer();
  return {
    ...server,
    stop: () => {
      child.kill('SIGTERM');
      rmSync(server.dataDir, { recursive: true, force: true });
    },
  };
}

async function spawnServer(): Promise<{ server: AppServer; child: ChildProcess }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lad-e2e-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/browser/serve.ts', '--data-dir', dataDir, '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, LEGAL_AID_TEST_FAST_KDF: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error('browser mode did not start')), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(buffer);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.on('exit', (code) => reject(new Error(`browser mode exited with ${code}`)));
  });
  return { server: { url, dataDir }, child };
}

/**
 * One browser-mode server with a fresh data folder per test FILE (so each file starts from a new, empty
 * installation whatever ran before it), shared by the tests of that file, stopped when the worker ends.
 */
export const test = base.extend<{ app: AppServer }, { servers: Map<string, { server: AppServer; child: ChildProcess }> }>({
  servers: [
    async ({}, use) => {
      const pool = new Map<string, { server: AppServer; child: ChildProcess }>();
      await use(pool);
      for (const { server, child } of pool.values()) {
        child.kill('SIGTERM');
        rmSync(server.dataDir, { recursive: true, force: true });
      }
    },
    { scope: 'worker' },
  ],
  app: async ({ servers }, use, testInfo) => {
    let entry = servers.get(testInfo.file);
    if (!entry) {
      entry = await spawnServer();
      servers.set(testInfo.file, entry);
    }
    await use(entry.server);
  },
});

export { expect };

export const ADMIN = { installation: 'Нуқтаи тамоси Хуҷанд', name: 'Саидова Нигора', username: 'nigora', passphrase: 'Ману ту дар боғ ҳастем 2026' };

/** The set-up screen's choice that creates no contact point: the tests add theirs with its details later. */
export const SETUP_NO_CONTACT_POINT = 'гурӯҳи сайёр ё дафтари Ваколатдор аст: нуқтаи тамоси он баъдтар интихоб мешавад';

/** Creates the database through the setup screen (in Tajik) and waits for the dashboard. */
export async function createDatabase(page: Page, app: AppServer): Promise<void> {
  await page.goto(app.url);
  await page.getByLabel('Номи ин нуқтаи тамос ё гурӯҳ').fill(ADMIN.installation);
  await page.getByLabel(SETUP_NO_CONTACT_POINT).check();
  await page.getByLabel('Ному насаби пурраи шумо').fill(ADMIN.name);
  await page.getByLabel('Номи корбарии шумо').fill(ADMIN.username);
  await page.getByLabel('Рамз (на камтар аз 10 аломат)').fill(ADMIN.passphrase);
  await page.getByLabel('Рамзро такрор кунед').fill(ADMIN.passphrase);
  await page.getByRole('button', { name: 'Эҷоди пойгоҳ' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Саҳифаи асосӣ' })).toBeVisible();
}
