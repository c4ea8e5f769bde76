import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { tg } from '../../shared/i18n/tg';
import { readPrefs, writePrefs } from '../app/prefs';
import { summarize, type Timing } from './measure';
import { BENCH_PASSPHRASE, BENCH_USER } from './calls';

// Browser mode with the seeded database: electron/browser/serve.ts on its data folder, Chromium
// driven by Playwright. In a new window each run (nothing cached) it measures the time to the unlock
// screen, from the unlock to the dashboard, and from opening the cases list (#/cases) until its first
// row is on screen; then it locks again.

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

/** What the scenario waits for: a field with this label, a level-1 heading with this text, a table's first row. */
type Sight = { field: string } | { heading: string } | { tableRow: true };

/**
 * Waits until `sight` is on screen, checking in the page on every animation frame. A locator's
 * `waitFor` checks at growing intervals (up to every half second), which would add up to half a second
 * to a screen that has long been drawn. (The check is a function, not a string: the page's
 * Content-Security-Policy forbids evaluating strings. This file is compiled without the DOM library.)
 */
async function onScreen(page: Page, sight: Sight, timeout = 60_000): Promise<void> {
  await page.waitForFunction(
    (s: Sight) => {
      // No named functions in here: the bench runs under tsx, whose output wraps them in a helper the page lacks.
      const doc = (globalThis as unknown as { document: { querySelectorAll(selector: string): ArrayLike<unknown> & Iterable<{ textContent: string | null; control?: unknown }> } }).document;
      if ('tableRow' in s) return doc.querySelectorAll('[role="table"] [role="row"]').length > 1;
      const [selector, text] = 'field' in s ? ['label', s.field] : ['h1', s.heading];
      for (const n of doc.querySelectorAll(selector)) {
        if ((n.textContent ?? '').trim() === text && (selector === 'h1' || n.control)) return true;
      }
      return false;
    },
    sight,
    { polling: 'raf', timeout },
  );
}

export interface BrowserTimings {
  /** From opening the address in a new window (nothing cached) until the unlock screen can be typed in. */
  toUnlockScreen: Timing;
  /** From pressing "unlock" until the dashboard shows its heading (key derivation and first page included). */
  unlockToDashboard: Timing;
  /** From opening the cases list until its first row is on screen. */
  casesFirstRows: Timing;
}

export async function benchBrowser(dataDir: string, runs: number): Promise<BrowserTimings> {
  if (!existsSync(join(ROOT, 'out', 'renderer', 'index.html'))) throw new Error('the renderer is not built (npm run build)');
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}`);
  // The scenario finds the unlock screen by its Tajik labels: whatever language the folder was last
  // used in (a Russian screenshot, say), the interface opens in Tajik.
  const prefsPath = join(dataDir, 'preferences.json');
  writePrefs(prefsPath, { ...readPrefs(prefsPath), language: 'tg' });
  const server = await startServer(dataDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  const toUnlock: number[] = [];
  const unlock: number[] = [];
  const cases: number[] = [];
  try {
    for (let i = 0; i <= runs; i++) {
      // A new context each run: an empty cache, as a window opened after a restart.
      const context = await browser.newContext();
      const page = await context.newPage();
      let t = Date.now();
      await page.goto(server.url);
      await onScreen(page, { field: tg.unlock.passphrase });
      const opened = Date.now() - t;
      const username = page.getByLabel(tg.unlock.username, { exact: true });
      if ((await username.inputValue()) === '') await username.fill(BENCH_USER);
      await page.getByLabel(tg.unlock.passphrase, { exact: true }).fill(BENCH_PASSPHRASE);
      t = Date.now();
      await page.getByRole('button', { name: tg.unlock.submit, exact: true }).click();
      await onScreen(page, { heading: tg.dashboard.title }, 120_000);
      const unlocked = Date.now() - t;
      t = Date.now();
      // A string: this file is compiled without the DOM library (CDP evaluation is not subject to the CSP).
      await page.evaluate("window.location.hash = '#/cases'");
      await onScreen(page, { tableRow: true });
      // The first run warms the server and the operating system's file cache: a warm-up.
      if (i > 0) {
        toUnlock.push(opened);
        unlock.push(unlocked);
        cases.push(Date.now() - t);
      }
      await page.getByRole('button', { name: tg.shell.lock }).click();
      await page.getByLabel(tg.unlock.passphrase, { exact: true }).waitFor({ timeout: 60_000 });
      await context.close();
    }
    return { toUnlockScreen: summarize(toUnlock), unlockToDashboard: summarize(unlock), casesFirstRows: summarize(cases) };
  } finally {
    await browser.close();
    server.stop();
  }
}
