import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Runs axe on the page as it is and fails with a readable list of serious and critical violations. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  // Let pending requests settle and notices fade in, so axe sees the finished screen.
  await page.waitForLoadState('networkidle');
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')}`);
  expect(bad, `axe on ${screen}`).toEqual([]);
}
