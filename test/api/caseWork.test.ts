import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays, addMonths, todayIso } from '../../shared/domain/dates';
import { newClient, ownContactPoint } from '../support/caseFixtures';
import { createTestApp, type TestApp } from '../support/testApp';

// Hearings and tasks after they were added: a result, a postponement that keeps the earlier date, a
// removal that keeps its reason; tasks edited, done and undone, removed. Each change is in change_log
// (what the exchange carries) and in the audit trail.

let t: TestApp;
let caseId: string;
beforeEach(async () => {
  t = await createTestApp();
  await ownContactPoint(t);
  const clientId = await newClient(t);
  caseId = (await t.call('cases:save', { clientId, caseType: 'alimony_share', openedOn: '2024-01-10' })).case.id;
});
afterEach(async () => t?.cleanup());

const db = () => t.app.requireUnlocked().db;
const changes = (table: string, rowId: string) =>
  db().selectFrom('change_log').select(['data']).where('table_name', '=', table).where('row_id', '=', rowId).orderBy('seq').execute();
const audits = (action: string) => db().selectFrom('audit_log').select(['entity_id', 'detail']).where('action', '=', action).execute();

describe('hearings', () => {
  it('names the next hearing from today on, in the case list and in a search', async () => {
    const place = 'Суди ноҳияи Бобоҷон Ғафуров';
    await t.call('cases:saveHearing', { caseId, date: addDays(todayIso(), -3), time: '', place });
    await t.call('cases:saveHearing', { caseId, date: addDays(todayIso(), 10), time: '', place });
    await t.call('cases:saveHearing', { caseId, date: todayIso(), time: '09:00', place });
    expect((await t.call('cases:list', {})).rows.map((r) => [r.id, r.nextHearingOn])).toEqual([[caseId, todayIso()]]);
    expect((await t.call('search:global', { query: 'Раҳимова' })).cases.map((c) => [c.id, c.nextHearingOn])).toEqual([[caseId, todayIso()]]);
  });

  it('is postponed to a later date with its reason, and every earlier date stays on the case page', async () => {
    const first = addDays(todayIso(), 7);
    const second = addDays(todayIso(), 21);
    const third = addDays(todayIso(), 35);
    const h = await t.call('cases:saveHearing', { caseId, date: first, time: '10:00', place: 'Суди ноҳияи Бобоҷон Ғафуров' });

    await t.call('cases:postponeHearing', { id: h.id, caseId, date: second, time: '14:30', reason: 'Ҷавобгар ҳозир нашуд' });
    const d = await t.call('cases:postponeHearing', { id: h.id, caseId, date: third, time: '', reason: 'Судя дар рухсатӣ' });

    expect(d.hearings.map((x) => [x.id, x.date, x.time, x.place])).toEqual([[h.id, third, '', 'Суди ноҳияи Бобоҷон Ғафуров']]);
    expect(d.postponements.map((p) => [p.hearingId, p.fromDate, p.fromTime, p.toDate, p.toTime, p.reason])).toEqual([
      [h.id, first, '10:00', second, '14:30', 'Ҷавобгар ҳозир нашуд'],
      [h.id, second, '14:30', third, '', 'Судя дар рухсатӣ'],
    ]);
    expect(d.case.nextHearingOn).toBe(third);
    // Read again: the history is stored, not only returned.
    expect((await t.call('cases:get', { id: caseId })).postponements).toHaveLength(2);

    // Synced: each move is a change of the hearing and a new row of its history, both in change_log.
    const moves = await db().selectFrom('hearing_postponements').select('id').where('hearing_id', '=', h.id).execute();
    for (const m of moves) expect((await changes('hearing_postponements', m.id)).length).toBe(1);
    expect((await changes('hearings', h.id)).map((c) => Object.keys(JSON.parse(c.data) as object).sort())).toEqual([
      expect.arrayContaining(['date', 'time', 'place', 'case_id']),
      ['date', 'time'],
      ['date', 'time'],
    ]);
    // The audit names the hearing and its case, never the reason's words.
    const entries = await audits('hearing.postpone');
    expect(entries).toHaveLength(2);
    expect(entries.map((e) => e.detail).join(' ')).not.toContain('рухсатӣ');
  });

  it('refuses a postponement to an earlier date, one without a reason, and one of a hearing that already has a result', async () => {
    const on = addDays(todayIso(), 10);
    const h = await t.call('cases:saveHearing', { caseId, date: on, time: '10:00' });
    const earlier = await t.raw('cases:postponeHearing', { id: h.id, caseId, date: addDays(on, -3), time: '10:00', reason: 'Хато' });
    expect(earlier).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'date', key: 'notLater' }] } });
    const same = await t.raw('cases:postponeHearing', { id: h.id, caseId, date: on, time: '10:00', reason: 'Хато' });
    expect(same).toMatchObject({ ok: false, error: { fields: [{ path: 'date', key: 'notLater' }] } });
    const noReason = await t.raw('cases:postponeHearing', { id: h.id, caseId, date: addDays(on, 7), time: '', reason: '  ' });
    expect(noReason).toMatchObject({ ok: false, error: { fields: [{ path: 'reason', key: 'required' }] } });
    // Later the same day is a postponement too.
    expect((await t.call('cases:postponeHearing', { id: h.id, caseId, date: on, time: '15:00', reason: 'Ҷаласаи дигар тӯл кашид' })).hearings[0]).toMatchObject({ date: on, time: '15:00' });

    const past = await t.call('cases:saveHearing', { caseId, date: addDays(todayIso(), -2), time: '09:00' });
    await t.call('cases:saveHearing', { id: past.id, caseId, date: past.date, time: past.time, result: 'Алимент ¼ ҳиссаи даромад таъин шуд' });
    const held = await t.raw('cases:postponeHearing', { id: past.id, caseId, date: addDays(todayIso(), 5), time: '', reason: 'Хато' });
    expect(held).toMatchObject({ ok: false, error: { fields: [{ path: 'date', key: 'hearingHeld' }] } });
    const d = await t.call('cases:get', { id: caseId });
    expect(d.postponements).toHaveLength(1);
    expect(d.hearings.find((x) => x.id === past.id)).toMatchObject({ result: 'Алимент ¼ ҳиссаи даромад таъин шуд' });
  });

  it('gets its outcome once held, but not before', async () => {
    const past = await t.call('cases:saveHearing', { caseId, date: addDays(todayIso(), -1), time: '11:00', place: 'Толори 2' });
    const saved = await t.call('cases:saveHearing', { id: past.id, caseId, date: past.date, time: past.time, place: 'Толори 3', result: 'Даъво қонеъ гардид', notes: 'Нусхаи қарор баъд аз 5 рӯз' });
    expect(saved).toMatchObject({ id: past.id, place: 'Толори 3', result: 'Даъво қонеъ гардид', notes: 'Нусхаи қарор баъд аз 5 рӯз' });
    const future = await t.call('cases:saveHearing', { caseId, date: addMonths(todayIso(), 1) });
    const early = await t.raw('cases:saveHearing', { id: future.id, caseId, date: future.date, result: 'Қарор' });
    expect(early).toMatchObject({ ok: false, error: { fields: [{ path: 'result', key: 'futureDate' }] } });
    expect((await audits('hearing.update')).map((a) => JSON.parse(a.detail ?? '{}') as { fields: string[] })[0]!.fields.sort()).toEqual(['notes', 'place', 'result']);
  });

  it('is removed with a reason: gone from the list and the start page, the reason kept on the tombstone and listed', async () => {
    const today = todayIso();
    const h = await t.call('cases:saveHearing', { caseId, date: today, time: '10:00', place: 'Толори 1' });
    await t.call('cases:postponeHearing', { id: h.id, caseId, date: today, time: '16:00', reason: 'Барқ набуд' });
    expect((await t.call('dashboard:summary', {})).hearingsToday).toHaveLength(1);

    const d = await t.call('cases:removeHearing', { id: h.id, caseId, reason: 'Бо хато ду бор ворид шуда буд' });
    expect(d.hearings).toEqual([]);
    expect(d.postponements).toEqual([]);
    expect(d.removedHearings).toEqual([{ item: expect.objectContaining({ id: h.id, date: today, time: '16:00', place: 'Толори 1' }), reason: 'Бо хато ду бор ворид шуда буд', removedAt: expect.any(String) }]);
    expect((await t.call('dashboard:summary', {})).hearingsToday).toEqual([]);

    const row = await db().selectFrom('hearings').select(['deleted_at', 'removal_reason']).where('id', '=', h.id).executeTakeFirstOrThrow();
    expect(row.deleted_at).not.toBeNull();
    expect(row.removal_reason).toBe('Бо хато ду бор ворид шуда буд');
    // The tombstone and the reason travel: both are in change_log.
    const logged = (await changes('hearings', h.id)).map((c) => JSON.parse(c.data) as Record<string, unknown>);
    expect(logged).toEqual(expect.arrayContaining([{ removal_reason: 'Бо хато ду бор ворид шуда буд' }, { deleted_at: row.deleted_at }]));
    expect(await audits('hearing.remove')).toEqual([expect.objectContaining({ entity_id: h.id })]);

    // A removed hearing is not edited, postponed or removed again.
    expect(await t.raw('cases:saveHearing', { id: h.id, caseId, date: today, result: 'x' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.raw('cases:postponeHearing', { id: h.id, caseId, date: addDays(today, 3), reason: 'x' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.raw('cases:removeHearing', { id: h.id, caseId, reason: 'x' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.raw('cases:removeHearing', { id: h.id, caseId, reason: '' })).toMatchObject({ ok: false, error: { fields: [{ path: 'reason', key: 'required' }] } });
  });

  it('is changed only from its own case', async () => {
    const other = (await t.call('cases:save', { clientId: await newClient(t, { surname: 'Каримова' }), caseType: 'paternity' })).case.id;
    const h = await t.call('cases:saveHearing', { caseId, date: addDays(todayIso(), 5) });
    expect(await t.raw('cases:postponeHearing', { id: h.id, caseId: other, date: addDays(todayIso(), 9), reason: 'x' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.raw('cases:removeHearing', { id: h.id, caseId: other, reason: 'x' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await t.call('cases:get', { id: caseId })).hearings).toHaveLength(1);
  });
});

describe('tasks', () => {
  it('are edited (title, due date, person), done and undone, and removed with a reason', async () => {
    const me = t.app.requireUnlocked().user.id;
    const task = await t.call('cases:saveTask', { caseId, title: 'Нусхаи шаҳодатномаи таваллуд', dueOn: addDays(todayIso(), -3) });
    expect((await t.call('dashboard:summary', {})).overdueTasks.map((x) => x.id)).toEqual([task.id]);

    const edited = await t.call('cases:saveTask', { id: task.id, caseId, title: 'Нусхаи шаҳодатномаи таваллуди Меҳрона', dueOn: addDays(todayIso(), 4), assigneeUserId: me });
    expect(edited).toMatchObject({ id: task.id, title: 'Нусхаи шаҳодатномаи таваллуди Меҳрона', dueOn: addDays(todayIso(), 4), assigneeUserId: me, doneOn: null });
    expect((await t.call('dashboard:summary', {})).overdueTasks).toEqual([]);
    const badUser = await t.raw('cases:saveTask', { id: task.id, caseId, title: 'x', assigneeUserId: '01900000-0000-7000-8000-000000000000' });
    expect(badUser).toMatchObject({ ok: false, error: { fields: [{ path: 'assigneeUserId', key: 'invalid' }] } });
    const noTitle = await t.raw('cases:saveTask', { id: task.id, caseId, title: ' ' });
    expect(noTitle).toMatchObject({ ok: false, error: { fields: [{ path: 'title', key: 'required' }] } });

    expect((await t.call('cases:completeTask', { id: task.id, done: true })).doneOn).toBe(todayIso());
    expect((await t.call('cases:completeTask', { id: task.id, done: false })).doneOn).toBeNull();

    const d = await t.call('cases:removeTask', { id: task.id, caseId, reason: 'Шаҳодатнома аллакай дар парванда ҳаст' });
    expect(d.tasks).toEqual([]);
    expect(d.removedTasks).toEqual([{ item: expect.objectContaining({ id: task.id, title: 'Нусхаи шаҳодатномаи таваллуди Меҳрона' }), reason: 'Шаҳодатнома аллакай дар парванда ҳаст', removedAt: expect.any(String) }]);
    const logged = (await changes('tasks', task.id)).map((c) => Object.keys(JSON.parse(c.data) as object).sort());
    expect(logged.slice(1)).toEqual([['assignee_user_id', 'due_on', 'title'], ['done_on'], ['done_on'], ['removal_reason'], ['deleted_at']]);
    expect((await audits('task.remove')).map((a) => a.entity_id)).toEqual([task.id]);
    expect(await t.raw('cases:completeTask', { id: task.id, done: true })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('are changed by the roles that may add them, and by no other', async () => {
    const task = await t.call('cases:saveTask', { caseId, title: 'Ба суд занг задан' });
    const h = await t.call('cases:saveHearing', { caseId, date: addDays(todayIso(), 3) });
    const session = t.app.requireUnlocked();
    for (const role of ['readonly', 'analyst'] as const) {
      session.user.role = role;
      for (const [channel, input] of [
        ['cases:removeTask', { id: task.id, caseId, reason: 'x' }],
        ['cases:removeHearing', { id: h.id, caseId, reason: 'x' }],
        ['cases:postponeHearing', { id: h.id, caseId, date: addDays(todayIso(), 9), reason: 'x' }],
      ] as const) {
        expect(await t.raw(channel, input)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
    }
    session.user.role = 'paralegal';
    expect((await t.call('cases:postponeHearing', { id: h.id, caseId, date: addDays(todayIso(), 9), reason: 'Суд иваз шуд' })).postponements).toHaveLength(1);
    expect((await t.call('cases:removeTask', { id: task.id, caseId, reason: 'Лозим нест' })).tasks).toEqual([]);
  });
});
