import { ADMIN, createDatabase, expect, test } from './support/fixtures';

const SECTIONS_TG = ['Саҳифаи асосӣ', 'Мизоҷон', 'Машваратҳо', 'Парвандаҳо', 'Тақвим', 'Сессияҳои сайёр', 'Нуқтаҳои тамос', 'Ҳуҷҷатҳои судӣ', 'Ҳисоботҳо', 'Мубодила', 'Танзимот'];
const SECTIONS_RU = ['Главная', 'Клиенты', 'Консультации', 'Дела', 'Календарь', 'Мобильные сессии', 'Контактные пункты', 'Документы в суд', 'Отчёты', 'Обмен', 'Настройки'];

test.describe.configure({ mode: 'serial' });

test('first start: the setup screen is in Tajik and refuses a short passphrase, naming the field', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'Эҷоди пойгоҳи рамзгузоришудаи маълумот' })).toBeVisible();
  await page.getByLabel('Номи ин нуқтаи тамос ё гурӯҳ').fill('Х');
  await page.getByLabel('Ному насаби пурраи шумо').fill('Х');
  await page.getByLabel('Номи корбарии шумо').fill('x');
  await page.getByLabel('Рамз (на камтар аз 10 аломат)').fill('short');
  await page.getByLabel('Рамзро такрор кунед').fill('short');
  await page.getByRole('button', { name: 'Эҷоди пойгоҳ' }).click();
  await expect(page.getByText('На камтар аз 10 аломат.')).toBeVisible();
});

test('creates the database, switches languages and visits every section', async ({ page, app }) => {
  await createDatabase(page, app);
  const nav = page.getByRole('navigation');
  // Each section opens its own page: the link is marked current and the page has its main heading.
  for (const name of SECTIONS_TG) {
    const link = nav.getByRole('link', { name, exact: true });
    await link.click();
    await expect(link).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }
  await page.getByRole('button', { name: 'Русский' }).first().click();
  for (const name of SECTIONS_RU) {
    const link = nav.getByRole('link', { name, exact: true });
    await link.click();
    await expect(link).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }
  await nav.getByRole('link', { name: 'Клиенты', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Клиенты' })).toBeVisible();
  await page.getByRole('button', { name: 'English' }).first().click();
  await expect(nav.getByRole('link', { name: 'Clients', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Русский' }).first().click();
  // The language is remembered: a reload (a new launch of the page) keeps Russian.
  await page.reload();
  await expect(page.getByRole('link', { name: 'Клиенты' })).toBeVisible();
});

test('locks, refuses a wrong passphrase and unlocks with the right one', async ({ page, app }) => {
  await page.goto(app.url);
  // The database stays unlocked in the app while a page is reloaded; lock it first.
  await page.getByRole('button', { name: 'Заблокировать' }).click();
  await expect(page.getByRole('heading', { name: 'Вход' })).toBeVisible();
  // The page remembers who locked it; nothing on disk does: a new page asks for the name.
  await expect(page.getByLabel('Имя пользователя')).toHaveValue(ADMIN.username);
  await page.reload();
  await expect(page.getByLabel('Имя пользователя')).toHaveValue('');
  await page.getByLabel('Имя пользователя').fill(ADMIN.username);
  await page.getByLabel('Пароль', { exact: true }).fill('совсем не тот пароль');
  await page.getByRole('button', { name: 'Открыть' }).click();
  await expect(page.getByRole('alert')).toHaveText('Неверное имя пользователя или пароль.');
  await page.getByLabel('Пароль', { exact: true }).fill(ADMIN.passphrase);
  await page.getByRole('button', { name: 'Открыть' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Главная' })).toBeVisible();
});

test('types the Tajik letters from the letter bar and from Alt shortcuts', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Тоҷикӣ' }).first().click();
  // Whatever screen the app is on (setup, unlock or the unlocked app), use its first text field.
  const lock = page.getByRole('button', { name: 'Қулф кардан' });
  const field = page.getByRole('textbox').first();
  await expect(lock.or(field)).toBeVisible();
  if (await lock.isVisible()) await lock.click();
  await field.fill('Ра');
  await page.getByRole('button', { name: 'Ворид кардани ҳ' }).click();
  await field.pressSequentially('им');
  await field.press('Alt+u');
  await expect(field).toHaveValue('Раҳимӯ');
  await field.press('Alt+Shift+j');
  await expect(field).toHaveValue('РаҳимӯҶ');
});
