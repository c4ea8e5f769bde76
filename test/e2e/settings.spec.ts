import { ADMIN, createDatabase, expect, test } from './support/fixtures';

test.describe.configure({ mode: 'serial' });

test('an administrator adds a lawyer, makes a backup and sees both in the audit log (Tajik)', async ({ page, app }) => {
  await createDatabase(page, app);
  await page.getByRole('navigation').getByRole('link', { name: 'Танзимот', exact: true }).click();
  await page.getByRole('tab', { name: 'Корбарон' }).click();
  await page.getByLabel('Номи корбар').fill('lawyer1');
  await page.getByLabel('Ному насаб').fill('Раҳмонова Зарина');
  await page.getByLabel('Нақш').selectOption('lawyer');
  await page.getByLabel('Рамз (на камтар аз 10 аломат)').fill('рамзи ҳуқуқшинос 1');
  await page.getByLabel('Рамзро такрор кунед').fill('рамзи ҳуқуқшинос 1');
  await page.getByRole('button', { name: 'Эҷоди корбар' }).click();
  await expect(page.getByRole('cell', { name: 'Раҳмонова Зарина' })).toBeVisible();

  await page.getByRole('tab', { name: 'Нусхаҳои эҳтиётӣ' }).click();
  await page.getByRole('button', { name: 'Ҳозир нусха сохтан' }).click();
  await expect(page.getByText(/^Нусха сохта шуд: legal-aid-/)).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Дастӣ' })).toBeVisible();

  await page.getByRole('tab', { name: 'Дафтари аудит' }).click();
  await expect(page.getByText('Занҷираи сабтҳо солим аст.')).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Корбар сохта шуд', exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Нусхаи эҳтиётӣ сохта шуд', exact: true })).toBeVisible();
});

test('the new lawyer signs in with her own password and sees no administrator tabs (Russian)', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Русский' }).first().click();
  await page.getByRole('button', { name: 'Заблокировать' }).click();
  await page.getByLabel('Имя пользователя').fill('lawyer1');
  await page.getByLabel('Пароль', { exact: true }).fill('рамзи ҳуқуқшинос 1');
  await page.getByRole('button', { name: 'Открыть' }).click();
  await expect(page.getByText('Пользователь: Раҳмонова Зарина')).toBeVisible();
  await page.getByRole('navigation').getByRole('link', { name: 'Настройки', exact: true }).click();
  await expect(page.getByRole('tab', { name: 'Мой пароль' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Пользователи' })).toHaveCount(0);
  await expect(page.getByRole('tab', { name: 'Журнал аудита' })).toHaveCount(0);
  // Back to the administrator for the next file's tests.
  await page.getByRole('button', { name: 'Заблокировать' }).click();
  await page.getByLabel('Имя пользователя').fill(ADMIN.username);
  await page.getByLabel('Пароль', { exact: true }).fill(ADMIN.passphrase);
  await page.getByRole('button', { name: 'Открыть' }).click();
  // Another user signing in starts on their own start page, not on the screen the last one left.
  await expect(page.getByRole('heading', { level: 1, name: 'Главная' })).toBeVisible();
  await page.getByRole('navigation').getByRole('link', { name: 'Настройки', exact: true }).click();
  await expect(page.getByRole('tab', { name: 'Пользователи' })).toBeVisible();
});
