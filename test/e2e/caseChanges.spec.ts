import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { addDays, formatDate, todayIso } from '../../shared/domain/dates';
import { api } from './support/bridge';
import { ensureOwnContactPoint, openApp, SHOTS, shot, tr, type Lang } from './support/caseSteps';
import { ADMIN, expect, test } from './support/fixtures';

// After a hearing is added the lawyer records what happened, moves it when the court postpones it (the
// earlier date stays listed), removes a task with a reason; and a duplicate client is merged by choice:
// the careful record survives and each differing field keeps the value picked, side by side.

test.describe.configure({ mode: 'serial' });
test.use({ viewport: { width: 1366, height: 768 } });

/** What the person sees: the window as it is (a dialog over the page). */
async function view(page: Page, lang: Lang, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${lang}-${name}.png` });
}

const PEOPLE: Record<Lang, { surname: string; sloppySurname: string; givenName: string; patronymic: string }> = {
  tg: { surname: 'Раҳимова', sloppySurname: 'Рахимова', givenName: 'Гулнора', patronymic: 'Ҷамшедовна' },
  ru: { surname: 'Сафарова', sloppySurname: 'Сафорова', givenName: 'Зарина', patronymic: 'Алиевна' },
};

async function clientWithCase(page: Page, lang: Lang): Promise<string> {
  const p = PEOPLE[lang];
  const saved = await api<{ client: { id: string } }>(page, 'clients:save', {
    surname: p.surname,
    givenName: `${p.givenName}-${lang}`,
    sex: 'F',
    birthDate: '1991-03-02',
    phones: [],
    household: null,
    children: [],
  });
  const opened = await api<{ case: { id: string } }>(page, 'cases:save', { clientId: saved.client.id, caseType: 'alimony_share', openedOn: '2026-01-10' });
  return opened.case.id;
}

for (const lang of ['tg', 'ru'] as const) {
  test(`a hearing gets its result and is postponed with the earlier date kept; a task is edited and removed (${lang})`, async ({ page, app }) => {
    await openApp(page, app, lang);
    await ensureOwnContactPoint(page, lang);
    const caseId = await clientWithCase(page, lang);
    const held = addDays(todayIso(), -1);
    const next = addDays(todayIso(), 7);
    const later = addDays(todayIso(), 21);
    await api(page, 'cases:saveHearing', { caseId, date: held, time: '09:00', place: 'Толори 1' });
    await api(page, 'cases:saveHearing', { caseId, date: next, time: '10:00', place: 'Толори 2' });
    await api(page, 'cases:saveTask', { caseId, title: 'Маълумотнома аз ҷамоат', dueOn: next });
    await page.goto(`${app.url.split('#')[0]}#/cases/${caseId}`);
    const hearings = page.getByRole('region', { name: tr(lang, 'cases.hearings'), exact: true });
    await expect(hearings.getByRole('cell', { name: 'Толори 2' })).toBeVisible();

    // The result of yesterday's hearing.
    await hearings.getByRole('button', { name: tr(lang, 'cases.hearingEditOf', { date: formatDate(held) }) }).click();
    const edit = page.getByRole('dialog', { name: tr(lang, 'cases.hearingEditTitle', { date: `${formatDate(held)} 09:00` }) });
    await edit.getByLabel(tr(lang, 'cases.hearingResult'), { exact: true }).fill('Ҷавобгар ҳозир нашуд, мурофиа идома дорад');
    await edit.getByLabel(tr(lang, 'cases.hearingResult'), { exact: true }).press('Enter');
    await expect(edit).toBeHidden();
    await expect(hearings.getByRole('cell', { name: 'Ҷавобгар ҳозир нашуд, мурофиа идома дорад' })).toBeVisible();
    // A held hearing is not postponed: no such button on its row.
    await expect(hearings.getByRole('button', { name: tr(lang, 'cases.hearingPostponeOf', { date: formatDate(held) }) })).toHaveCount(0);

    // Postpone next week's hearing: first with nothing filled in, then to an earlier day, then properly.
    await hearings.getByRole('button', { name: tr(lang, 'cases.hearingPostponeOf', { date: formatDate(next) }) }).click();
    const postpone = page.getByRole('dialog', { name: tr(lang, 'cases.hearingPostponeOf', { date: formatDate(next) }) });
    await postpone.getByRole('button', { name: tr(lang, 'cases.postpone') }).click();
    const newDate = postpone.getByLabel(tr(lang, 'cases.newDate'), { exact: true });
    await expect(newDate).toBeFocused();
    await expect(postpone.getByText(tr(lang, 'validation.required')).first()).toBeVisible();
    await newDate.fill(formatDate(addDays(next, -2)));
    await postpone.getByLabel(tr(lang, 'cases.postponeReason'), { exact: true }).fill('Судя дар рухсатӣ');
    await postpone.getByRole('button', { name: tr(lang, 'cases.postpone') }).click();
    await expect(postpone.getByText(tr(lang, 'validation.notLater'))).toBeVisible();
    await expect(newDate).toBeFocused();
    await view(page, lang, 'hearing-postpone-refused');
    await newDate.fill(formatDate(later));
    await postpone.getByLabel(tr(lang, 'cases.newTime'), { exact: true }).fill('14:30');
    await postpone.getByLabel(tr(lang, 'cases.postponeReason'), { exact: true }).press('Enter');
    await expect(postpone).toBeHidden();
    await expect(page.getByRole('status').getByText(tr(lang, 'cases.postponed'))).toBeVisible();
    const row = hearings.getByRole('row', { name: new RegExp(formatDate(later)) });
    await expect(row.getByRole('cell', { name: '14:30' })).toBeVisible();
    await expect(row.getByText(tr(lang, 'cases.postponedFrom', { when: `${formatDate(next)} 10:00`, reason: 'Судя дар рухсатӣ' }))).toBeVisible();
    await expect(hearings.getByRole('row', { name: new RegExp(`^${formatDate(next)}`) })).toHaveCount(0);

    // The task: given to me with a new due date, then removed with a reason that stays listed.
    const tasks = page.getByRole('region', { name: tr(lang, 'cases.tasks'), exact: true });
    await tasks.getByRole('button', { name: tr(lang, 'cases.taskEditOf', { title: 'Маълумотнома аз ҷамоат' }) }).click();
    const taskDialog = page.getByRole('dialog', { name: tr(lang, 'cases.taskEditTitle') });
    await taskDialog.getByLabel(tr(lang, 'cases.taskTitle'), { exact: true }).fill('Маълумотнома аз ҷамоат гирифтан');
    await taskDialog.getByLabel(tr(lang, 'cases.taskAssignee'), { exact: true }).selectOption({ index: 1 });
    await taskDialog.getByRole('button', { name: tr(lang, 'common.save'), exact: true }).click();
    await expect(taskDialog).toBeHidden();
    await expect(tasks.getByRole('cell', { name: 'Маълумотнома аз ҷамоат гирифтан', exact: true })).toBeVisible();
    await expect(tasks.getByRole('cell', { name: tr(lang, 'cases.me', { name: ADMIN.name }), exact: true })).toBeVisible();
    // The box follows the saved state: it turns once the save is answered.
    await tasks.getByRole('checkbox').click();
    await expect(tasks.getByRole('checkbox')).toBeChecked();
    await tasks.getByRole('checkbox').click();
    await expect(tasks.getByRole('checkbox')).not.toBeChecked();
    await shot(page, lang, 'case-hearings-edited');

    await tasks.getByRole('button', { name: tr(lang, 'cases.taskRemoveOf', { title: 'Маълумотнома аз ҷамоат гирифтан' }) }).click();
    const remove = page.getByRole('dialog', { name: tr(lang, 'cases.removeTaskTitle', { title: 'Маълумотнома аз ҷамоат гирифтан' }) });
    await remove.getByRole('button', { name: tr(lang, 'cases.remove') }).click();
    await expect(remove.getByText(tr(lang, 'validation.required'))).toBeVisible();
    await view(page, lang, 'task-remove-reason');
    await remove.getByLabel(tr(lang, 'cases.removeReason'), { exact: true }).fill('Маълумотнома аллакай дар парванда ҳаст');
    await remove.getByRole('button', { name: tr(lang, 'cases.remove') }).click();
    await expect(remove).toBeHidden();
    await expect(tasks.getByText(tr(lang, 'cases.noTasks'))).toBeVisible();
    await tasks.getByText(tr(lang, 'cases.removedTasks', { n: 1 })).click();
    await expect(tasks.getByText('Маълумотнома аллакай дар парванда ҳаст', { exact: false })).toBeVisible();
    await shot(page, lang, 'case-task-removed');
  });

  test(`a duplicate is merged by choice, side by side, and its values stay listed (${lang})`, async ({ page, app }) => {
    const p = PEOPLE[lang];
    await openApp(page, app, lang);
    const careful = await api<{ client: { id: string } }>(page, 'clients:save', {
      surname: p.surname,
      givenName: p.givenName,
      patronymic: p.patronymic,
      sex: 'F',
      birthDate: '1990-05-15',
      phones: [{ phone: '+992 93 123 45 67' }],
      household: null,
      children: [],
    });
    const sloppy = await api<{ client: { id: string } }>(page, 'clients:save', {
      surname: p.sloppySurname,
      givenName: p.givenName,
      sex: 'F',
      age: 35,
      idDocType: 'Шиноснома',
      idDocNumber: 'A1234567',
      phones: [{ phone: '+992 91 700 00 01' }],
      household: null,
      children: [],
    });
    // The lawyer is on the sloppy record (found at a village session) and merges the careful one with it.
    await page.goto(`${app.url.split('#')[0]}#/clients/${sloppy.client.id}`);
    await expect(page.getByRole('heading', { level: 1, name: `${p.sloppySurname} ${p.givenName}` })).toBeVisible();
    await page.getByRole('button', { name: tr(lang, 'clients.merge') }).click();
    const dialog = page.getByRole('dialog', { name: tr(lang, 'clients.mergeTitle') });
    await dialog.getByLabel(tr(lang, 'clients.mergeSearch'), { exact: true }).fill(p.givenName);
    await dialog.getByRole('button', { name: `${p.surname} ${p.givenName} ${p.patronymic}` }).click();

    // Side by side: the record that stays, then each field that differs, a choice in each column.
    const table = dialog.getByRole('table', { name: tr(lang, 'clients.mergeCompare') });
    await expect(table.getByRole('columnheader', { name: tr(lang, 'clients.mergeShown') })).toBeVisible();
    await expect(table.getByRole('columnheader', { name: tr(lang, 'clients.mergeOther') })).toBeVisible();
    const carefulName = `${p.surname} ${p.givenName} ${p.patronymic} (15.05.1990)`;
    await expect(table.getByRole('radio', { name: `${p.sloppySurname} ${p.givenName}`, exact: true })).toBeChecked();
    // An empty field of the record on screen defaults to the other record's value; a filled one to its own.
    await expect(table.getByRole('radio', { name: p.patronymic, exact: true })).toBeChecked();
    await expect(table.getByRole('radio', { name: tr(lang, 'clients.mergeAgeTold', { age: 35 }), exact: true })).toBeChecked();
    await expect(table.getByRole('radio', { name: p.surname, exact: true })).not.toBeChecked();
    // No empty brackets where a birth date is missing.
    await expect(dialog).not.toContainText('()');
    await view(page, lang, 'merge-compare');

    // The careful record stays, with its spelling and birth date; the document number comes from the sloppy one.
    await table.getByRole('radio', { name: carefulName, exact: true }).check();
    await table.getByRole('radio', { name: p.surname, exact: true }).check();
    await table.getByRole('radio', { name: '15.05.1990', exact: true }).check();
    await expect(table.getByRole('radio', { name: 'Шиноснома A1234567', exact: true })).toBeChecked();
    await expect(dialog.getByText(tr(lang, 'clients.mergeText', { other: `${p.sloppySurname} ${p.givenName}`, name: carefulName }))).toBeVisible();
    await view(page, lang, 'merge-chosen');
    await dialog.getByRole('button', { name: tr(lang, 'clients.mergeConfirm') }).click();

    // The survivor's page: the chosen values, and the merged-away record listed with its own.
    await expect(page.getByRole('heading', { level: 1, name: `${p.surname} ${p.givenName} ${p.patronymic}` })).toBeVisible();
    expect(page.url()).toContain(careful.client.id);
    const identity = page.getByRole('region', { name: tr(lang, 'clients.identity') });
    await expect(identity.getByText('A1234567')).toBeVisible();
    const merged = page.getByRole('region', { name: tr(lang, 'clients.mergedRecords') });
    await expect(merged.getByRole('cell', { name: `${p.sloppySurname} ${p.givenName}`, exact: true })).toBeVisible();
    await expect(merged.getByRole('cell', { name: 'A1234567' })).toBeVisible();
    await shot(page, lang, 'merge-survivor');
  });
}
