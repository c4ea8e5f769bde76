import { mkdirSync } from 'node:fs';
import { ADMIN, createDatabase, expect, test } from './support/fixtures';

// A backup made before the database got a new key: Settings asks for an administrator's passphrase of
// that backup, restores it, and the unlock screen names the users who must get a new password.

const SHOTS = '/tmp/shots/restore';

test('a backup made before a key rotation is restored from Settings with its administrator’s passphrase (Tajik, Russian)', async ({ page, app }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  mkdirSync(SHOTS, { recursive: true });
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

  // The key rotation shows its progress, ending at 100%.
  await page.getByRole('button', { name: 'Иваз кардани калиди пойгоҳи маълумот' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Иваз кардани калиди пойгоҳи маълумот' }).click();
  await expect(page.getByText('Пойгоҳи маълумот калиди нав дорад.')).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Рафти иваз кардани калид' })).toHaveAttribute('value', '100');
  await expect(page.getByText('Тайёр: 100%')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/rotated-progress-tg.png` });

  // The manual backup is now under the old key: the restore asks for an administrator's passphrase of it.
  await page.getByRole('button', { name: 'Русский' }).first().click();
  await page.getByRole('row', { name: /Вручную/ }).getByRole('button', { name: 'Восстановить' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Восстановить' }).click();
  await expect(dialog.getByText('Эта резервная копия сделана под прежним ключом базы данных.', { exact: false })).toBeVisible();
  await expect(dialog.getByLabel('Имя администратора в резервной копии')).toHaveValue(ADMIN.username);
  await dialog.getByLabel('Его пароль на день создания копии').fill('не та фраза совсем');
  await dialog.getByRole('button', { name: 'Восстановить' }).click();
  await expect(dialog.getByText('Это имя пользователя и пароль не открывают эту резервную копию.', { exact: false })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/restore-passphrase-ru.png` });
  await dialog.getByLabel('Его пароль на день создания копии').fill(ADMIN.passphrase);
  await dialog.getByRole('button', { name: 'Восстановить' }).click();

  // The unlock screen names the lawyer, who has no slot in the restored key file.
  await expect(page.getByText('Резервная копия восстановлена. Войдите.')).toBeVisible();
  await expect(page.getByText(/Эти пользователи не смогут войти.*: lawyer1$/)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/restored-unlock-ru.png` });
  await page.getByRole('button', { name: 'Тоҷикӣ' }).first().click();
  await expect(page.getByText(/Ин корбарон .*: lawyer1$/)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/restored-unlock-tg.png` });

  await page.getByLabel('Номи корбар').fill(ADMIN.username);
  await page.getByLabel('Рамз', { exact: true }).fill(ADMIN.passphrase);
  await page.getByRole('button', { name: 'Кушодан' }).click();
  // Back where the restore began; the lawyer is marked as unable to sign in until she gets a new password.
  await expect(page.getByRole('heading', { level: 1, name: 'Танзимот' })).toBeVisible();
  await page.getByRole('tab', { name: 'Корбарон' }).click();
  await expect(page.getByText('Ворид шуда наметавонад: рамзи нав гузоред')).toBeVisible();
});
