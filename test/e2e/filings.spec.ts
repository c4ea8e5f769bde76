import { join } from 'node:path';
import { runCli } from '../../electron/cli/run';
import { alimonyShare as ALIMONY_SHARE } from '../../templates/manifests/alimonyShare';
import { ADMIN, createDatabase, expect, test } from './support/fixtures';

// The filing wizard once, in browser mode. The demo cases are put into the running app's database by
// the command line (`seed --demo`, opened beside the server with the administrator's passphrase),
// because creating eight clients and cases through the UI would test the case screens, not filings.

test('prepares, previews and saves a filing from a demo case', async ({ page, app }) => {
  test.setTimeout(120_000);
  await createDatabase(page, app);
  process.env.LAD_E2E_PASS = ADMIN.passphrase;
  const code = await runCli(['seed', '--db', join(app.dataDir, 'legal-aid.db'), '--demo', '--user', ADMIN.username, '--passphrase-env', 'LAD_E2E_PASS'], () => {});
  expect(code).toBe(0);

  await page.getByRole('link', { name: 'Ҳуҷҷатҳои судӣ' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ҳуҷҷатҳои судӣ' })).toBeVisible();
  const row = page.getByRole('row', { name: /Раҳимова Малика/ });
  await row.getByRole('link', { name: 'Тайёр кардани ҳуҷҷат' }).click();

  await expect(page.getByRole('heading', { level: 1, name: /Ҳуҷҷат барои парвандаи/ })).toBeVisible();
  await expect(page.getByTestId('filing-status')).toHaveText('Ҳама чизе, ки намуна талаб мекунад, пур карда шуд.');
  // The share for two children is not a confirmed fact: the wizard says to check it.
  await expect(page.getByTestId('filing-refs')).toContainText('бо қонунгузории амалкунанда санҷед');

  await page.getByRole('button', { name: 'Пешнамоиш' }).click();
  const preview = page.getByRole('region', { name: 'Пешнамоиш' });
  await expect(preview).toContainText('АРИЗАИ ДАЪВОГӢ');
  await expect(preview).toContainText('Раҳимова Малика Саидовна');
  await expect(preview).toContainText('Каримов Рустам Саидович');
  await expect(preview).not.toContainText('{{');

  await page.getByRole('button', { name: 'Нигоҳ доштани ҳуҷҷат' }).click();
  // Named by the filing's title in its language, not by the template's code.
  await expect(page.getByTestId('case-documents')).toContainText(ALIMONY_SHARE.title.tg);
  await expect(page.getByTestId('case-documents')).toContainText('версияи намуна 1.1.0');
  await expect(page.getByTestId('case-documents')).not.toContainText('alimony-share');
});
