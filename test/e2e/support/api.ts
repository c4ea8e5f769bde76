import type { Page } from '@playwright/test';

/** Calls a channel from inside the page, with the bridge token the page keeps (browser mode), as the interface does. */
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
