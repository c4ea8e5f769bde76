import type { Page } from '@playwright/test';
import { tr, type Lang } from './caseSteps';
import { expect } from './fixtures';

// Set-up steps shared by the end-to-end tests: calls through browser mode's bridge, and signing in as
// another user.

/** A call through the same loopback bridge the interface uses (for setting up users and records quickly). */
export async function api<T = unknown>(page: Page, channel: string, input: unknown): Promise<T> {
  const envelope = await page.evaluate(
    async ([c, i]) => {
      const token = (globalThis as unknown as { sessionStorage: { getItem: (key: string) => string | null } }).sessionStorage.getItem('legal-aid-bridge-token');
      const res = await fetch(`/api/${encodeURIComponent(c as string)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Legal-Aid-Token': token ?? '' },
        body: JSON.stringify(i),
      });
      return (await res.json()) as { ok: boolean; value?: unknown; error?: unknown };
    },
    [channel, input] as const,
  );
  if (!envelope.ok) throw new Error(`${channel}: ${JSON.stringify(envelope.error)}`);
  return envelope.value as T;
}

/** Locks the app and unlocks it as another user. */
export async function signInAs(page: Page, lang: Lang, username: string, password: string): Promise<void> {
  await page.getByRole('button', { name: tr(lang, 'shell.lock') }).click();
  const user = page.locator('form input[autocomplete=username]');
  await expect(user).toBeVisible();
  await user.fill(username);
  await page.locator('form input[type=password]').fill(password);
  await page.locator('form input[type=password]').press('Enter');
  await expect(page.getByRole('navigation')).toBeVisible();
}
