import { createDatabase, expect, test } from './support/fixtures';

test.describe.configure({ mode: 'serial' });

test('an administrator gives the database a new key and destroys the backups made before it', async ({ page, app }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await createDatabase(page, app);
  await page.getByRole('navigation').getByRole('link', { name: 'Танзимот', exact: true }).click();
  await page.getByRole('tab', { name: 'Нусхаҳои эҳтиётӣ' }).click();
  await page.getByRole('button', { name: 'Ҳозир нусха сохтан' }).click();
  await expect(page.getByText(/^Нусха сохта шуд: legal-aid-/)).toBeVisible();
  await expect(page.getByText('Пеш аз охирин ивази калид нусхаи эҳтиётӣ сохта нашудааст.')).toBeVisible();

  await page.getByRole('button', { name: 'Иваз кардани калиди пойгоҳи маълумот' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Иваз кардани калиди пойгоҳи маълумот' }).click();
  await expect(page.getByText('Пойгоҳи маълумот калиди нав дорад.')).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Пеш аз иваз кардани калид' })).toBeVisible();
  await page.screenshot({ path: '/tmp/shots/rekey/backups-rotated-tg.png' });

  await page.getByRole('button', { name: 'Нест кардани нусхаҳои пеш аз охирин ивази калид' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('listitem')).toHaveCount(2);
  await page.screenshot({ path: '/tmp/shots/rekey/destroy-list-tg.png' });
  await dialog.getByRole('button', { name: 'Нест кардани нусхаҳои пеш аз охирин ивази калид' }).click();
  await expect(page.getByText('Нусхаҳои нестшуда: 2')).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Пеш аз иваз кардани калид' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Русский' }).first().click();
  await page.getByRole('button', { name: 'Сменить ключ базы данных' }).click();
  await page.screenshot({ path: '/tmp/shots/rekey/rotate-confirm-ru.png' });
  await page.getByRole('dialog').getByRole('button', { name: 'Сменить ключ базы данных' }).click();
  await expect(page.getByText('У базы данных новый ключ.')).toBeVisible();
  await page.screenshot({ path: '/tmp/shots/rekey/backups-rotated-ru.png' });
});
