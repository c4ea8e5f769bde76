import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { tg } from '../../shared/i18n/tg';
import { readPrefs, writePrefs } from '../app/prefs';
import { summarize, type Timing } from './measure';
import { BENCH_PASSPHRASE, BENCH_USER } from './prepare';

// Browser mode with the seeded database: electron/browser/serve.ts on its data folder, Chromium
// driven by Playwright. Unlocks through the unlock screen, then, in fresh pages (no cached query
// data), measures the time from opening the cases list (#/cases) until its first row is on screen.

const ROOT = join(__dirname, '..', '..');
export const CHROMIUM = process.env.LEGAL_AID_CHROMIUM ?? '/usr/bin/chromium';

async function startServer(dataDir: string): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/browser/serve.ts', '--data-dir', dataDir, '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error('browser mode did not start')), 60_000);
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
  return { url, stop: () => child.kill('SIGTERM') };
}

export async function benchBrowser(dataDir: string, runs: number): Promise<Timing> {
  if (!existsSync(join(ROOT, 'out', 'renderer', 'index.html'))) throw new Error('the renderer is not built (npm run build)');
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}`);
  // The scenario finds the unlock screen by its Tajik labels: whatever language the folder was last
  // used in (a Russian screenshot, say), the interface opens in Tajik.
  const prefsPath = join(dataDir, 'preferences.json');
  writePrefs(prefsPath, { ...readPrefs(prefsPath), language: 'tg' });
  const server = await startServer(dataDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  try {
    const first = await browser.newPage();
    await first.goto(server.url);
    await first.getByLabel(tg.unlock.username, { exact: true }).fill(BENCH_USER);
    await first.getByLabel(tg.unlock.passphrase, { exact: true }).fill(BENCH_PASSPHRASE);
    await first.getByRole('button', { name: tg.unlock.submit, exact: true }).click();
    await first.getByRole('button', { name: tg.shell.lock }).waitFor({ timeout: 120_000 });
    await first.close();
    const samples: number[] = [];
    for (let i = 0; i <= runs; i++) {
      const page = await browser.newPage();
      await page.goto(server.url);
      await page.getByRole('button', { name: tg.shell.lock }).waitFor({ timeout: 60_000 });
      const t = Date.now();
      // A string: this file is compiled without the DOM library (CDP evaluation is not subject to the CSP).
      await page.evaluate("window.location.hash = '#/cases'");
      await page.locator('[role="table"] [role="row"]').nth(1).waitFor({ timeout: 60_000 });
      // The first run loads the screen's code and warms the server: a warm-up.
      if (i > 0) samples.push(Date.now() - t);
      await page.close();
    }
    return summarize(samples);
  } finally {
    await browser.close();
    server.stop();
  }
}
