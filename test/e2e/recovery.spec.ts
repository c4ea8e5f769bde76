import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectAccessible } from './support/accessibility';
import { ADMIN, createDatabase, expect, test } from './support/fixtures';

// A database file damaged on disk: the unlock leads to the recovery screen, an administrator puts the
// backup back with its passphrase, and the app opens again.

const SHOTS = '/tmp/shots/recovery';

test('a damaged database is restored from a backup on the recovery screen (Tajik, Russian)', async ({ page, app }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  mkdirSync(SHOTS, { recursive: true });
  await createDatabase(page, app);
  await page.getByRole('navigation').getByRole('link', { name: 'Танзимот', exact: true }).click();
  await page.getByRole('tab', { name: 'Нусхаҳои эҳтиётӣ' }).click();
  await page.getByRole('button', { name: 'Ҳозир нусха сохтан' }).click();
  await expect(page.getByText(/^Нусха сохта шуд: legal-aid-/)).toBeVisible();
  await page.getByRole('button', { name: 'Қулф кардан' }).click();

  // The first page of the closed file overwritten, as a failing disk would leave it.
  const dbPath = join(app.dataDir, 'legal-aid.db');
  const bytes = readFileSync(dbPath);
  bytes.fill(0x5a, 0, 4096);
  writeFileSync(dbPath, bytes);

  await page.getByLabel('Рамз', { exact: true }).fill(ADMIN.passphrase);
  await page.getByRole('button', { name: 'Кушодан' }).click();
  await expect(page.getByRole('heading', { name: 'Барқарор кардани пойгоҳ аз нусхаи эҳтиётӣ' })).toBeVisible();
  const backup = page.getByRole('radio', { name: /Дастӣ/ });
  await expect(backup).toHaveCount(1);
  await page.screenshot({ path: `${SHOTS}/recovery-tg.png`, fullPage: true });
  await expectAccessible(page, 'recovery');

  await page.getByRole('button', { name: 'Русский' }).click();
  await expect(page.getByRole('heading', { name: 'Восстановление базы из резервной копии' })).toBeVisible();
  await page.getByRole('button', { name: 'Восстановить эту копию' }).click();
  await expect(page.getByText('Сначала выберите копию.')).toBeVisible();
  await page.getByRole('radio', { name: /Вручную/ }).check();
  // The name is typed: nothing on this computer remembers who last signed in.
  await page.getByLabel('Имя пользователя администратора').fill(ADMIN.username);
  await page.getByLabel('Пароль', { exact: true }).fill('не тот пароль');
  await page.getByRole('button', { name: 'Восстановить эту копию' }).click();
  await expect(page.getByText('Неверное имя пользователя или пароль.')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/recovery-ru.png`, fullPage: true });

  await page.getByLabel('Пароль', { exact: true }).fill(ADMIN.passphrase);
  await page.getByRole('button', { name: 'Восстановить эту копию' }).click();
  await expect(page.getByRole('heading', { name: 'Вход' })).toBeVisible();
  await expect(page.getByText(/^Копия от .* восстановлена\. Войдите\.$/)).toBeVisible();
  expect(readdirSync(join(app.dataDir, 'damaged')).some((n) => n.endsWith('.db'))).toBe(true);

  await page.getByLabel('Пароль', { exact: true }).fill(ADMIN.passphrase);
  await page.getByRole('button', { name: 'Открыть' }).click();
  await expect(page.getByRole('button', { name: 'Заблокировать' })).toBeVisible();
});
