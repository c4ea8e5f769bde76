import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addMonths, todayIso, weekOf } from '../../shared/domain/dates';
import { consult, newClient, ownContactPoint } from '../support/caseFixtures';
import { createTestApp, inlineBytes, type TestApp } from '../support/testApp';

let t: TestApp;
let clientId: string;
beforeEach(async () => {
  t = await createTestApp();
  await ownContactPoint(t);
  clientId = await newClient(t, { household: { relation: 'wife', departureDate: '2022-01-01' } });
});
afterEach(async () => t?.cleanup());

describe('cases', () => {
  it('opens an alimony case with a number and an "open" history row, amounts in diram', async () => {
    const c = await t.call('cases:save', { clientId, caseType: 'alimony_fixed_sum', openedOn: '2024-03-01', courtName: 'Суди шаҳри Хуҷанд', respondentName: 'Раҳимов Ҷ.', monthlyAlimonyDiram: 50000 });
    expect(c.case).toMatchObject({ number: 'KH-01-2024-0001', status: 'open', monthlyAlimonyDiram: 50000, clientName: 'Раҳимова Малика' });
    expect(c.history.map((h) => [h.status, h.changedOn])).toEqual([['open', '2024-03-01']]);
    expect(c.allowedNext).toEqual(['preparing_documents', 'filed', 'closed']);
    expect((await t.call('cases:save', { clientId, caseType: 'paternity', openedOn: '2024-04-01' })).case.number).toBe('KH-01-2024-0002');
    const bad = await t.raw('cases:save', { clientId, caseType: 'alimony', monthlyAlimonyDiram: -1 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!bad.ok) expect(bad.error.fields?.map((f) => f.path).sort()).toEqual(['caseType', 'monthlyAlimonyDiram']);
  });

  it('moves through the workflow with dated history and refuses other transitions', async () => {
    const { case: c } = await t.call('cases:save', { clientId, caseType: 'alimony_share', openedOn: '2024-01-10' });
    await t.call('cases:setStatus', { id: c.id, status: 'preparing_documents', on: '2024-01-12' });
    await t.call('cases:setStatus', { id: c.id, status: 'filed', on: '2024-01-20' });
    const back = await t.raw('cases:setStatus', { id: c.id, status: 'open', on: '2024-01-21' });
    expect(back).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION', params: { from: 'filed', to: 'open' } } });
    const early = await t.raw('cases:setStatus', { id: c.id, status: 'hearing', on: '2024-01-15' });
    expect(early).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'on', key: 'dateOrder' }] } });
    await t.call('cases:setStatus', { id: c.id, status: 'hearing', on: '2024-02-01' });
    await t.call('cases:setStatus', { id: c.id, status: 'decided', on: '2024-02-15', outcome: 'granted' });
    await t.call('cases:setStatus', { id: c.id, status: 'enforcement', on: '2024-03-01' });
    const noOutcome = await t.raw('cases:setStatus', { id: c.id, status: 'closed', on: '2024-04-01' });
    expect(noOutcome).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'outcome', key: 'required' }] } });
    const closed = await t.call('cases:setStatus', { id: c.id, status: 'closed', on: '2024-04-01', outcome: 'granted' });
    expect(closed.case).toMatchObject({ status: 'closed', closedOn: '2024-04-01', outcome: 'granted' });
    expect(closed.history.map((h) => `${h.changedOn} ${h.status}`)).toEqual([
      '2024-01-10 open',
      '2024-01-12 preparing_documents',
      '2024-01-20 filed',
      '2024-02-01 hearing',
      '2024-02-15 decided',
      '2024-03-01 enforcement',
      '2024-04-01 closed',
    ]);
    expect(await t.raw('cases:setStatus', { id: c.id, status: 'enforcement' })).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
    const audit = await t.app.requireUnlocked().db.selectFrom('audit_log').select('detail').where('action', '=', 'case.status').where('entity_id', '=', c.id).execute();
    expect(audit).toHaveLength(6);
  });

  it('closes before a decision only as settled or withdrawn', async () => {
    const { case: c } = await t.call('cases:save', { clientId, caseType: 'divorce', openedOn: '2024-01-10' });
    expect(await t.raw('cases:setStatus', { id: c.id, status: 'closed', outcome: 'granted' })).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION', params: { reason: 'outcome_not_allowed' } } });
    expect((await t.call('cases:setStatus', { id: c.id, status: 'closed', outcome: 'withdrawn' })).case.status).toBe('closed');
  });

  it('lists cases filtered by status, type and query, and links consultations', async () => {
    const a = await t.call('cases:save', { clientId, caseType: 'alimony_share', openedOn: '2024-01-10', courtCaseNumber: '2-100/2024' });
    const other = await newClient(t, { surname: 'Каримова' });
    const b = await t.call('cases:save', { clientId: other, caseType: 'paternity', openedOn: '2024-02-10' });
    await t.call('cases:setStatus', { id: b.case.id, status: 'closed', outcome: 'settled' });
    await consult(t, clientId, '2024-01-09', { caseId: a.case.id });
    expect((await t.call('cases:list', { status: 'active' })).rows.map((r) => r.id)).toEqual([a.case.id]);
    expect((await t.call('cases:list', { caseType: 'paternity' })).rows.map((r) => r.id)).toEqual([b.case.id]);
    expect((await t.call('cases:list', { query: 'Karimova' })).rows.map((r) => r.id)).toEqual([b.case.id]);
    expect((await t.call('cases:list', { query: '2-100' })).rows.map((r) => r.id)).toEqual([a.case.id]);
    expect((await t.call('cases:list', { sort: 'openedOn', dir: 'asc' })).rows.map((r) => r.id)).toEqual([a.case.id, b.case.id]);
    expect((await t.call('cases:get', { id: a.case.id })).consultations).toHaveLength(1);
    // A case of another client cannot be linked.
    const wrong = await t.raw('consultations:save', { clientId, date: '2024-01-09', venueKind: 'contact_point', issues: ['alimony'], caseId: b.case.id });
    expect(wrong).toMatchObject({ ok: false, error: { fields: [{ path: 'caseId', key: 'invalid' }] } });
  });
});

describe('dashboard', () => {
  it("shows today's and this week's hearings, overdue tasks, open cases by type and this month's counts", async () => {
    const today = todayIso();
    const week = weekOf(today);
    const { case: c } = await t.call('cases:save', { clientId, caseType: 'alimony_share', courtCaseNumber: '2-7/2025' });
    await t.call('cases:saveHearing', { caseId: c.id, date: today, time: '10:30', place: 'Суди шаҳри Хуҷанд' });
    await t.call('cases:saveHearing', { caseId: c.id, date: week.to === today ? week.from : week.to, time: '09:00' });
    await t.call('cases:saveHearing', { caseId: c.id, date: addMonths(today, 2) });
    const late = await t.call('cases:saveTask', { caseId: c.id, title: 'Нусхаи шаҳодатнома гирифтан', dueOn: addMonths(today, -1) });
    await t.call('cases:saveTask', { caseId: c.id, title: 'Дар оянда', dueOn: addMonths(today, 1) });
    const done = await t.call('cases:saveTask', { caseId: c.id, title: 'Иҷрошуда', dueOn: addMonths(today, -1) });
    await t.call('cases:completeTask', { id: done.id });
    await consult(t, clientId, today);
    await consult(t, clientId, today, { issues: ['paternity'] });

    const d = await t.call('dashboard:summary', {});
    expect(d.hearingsToday.map((h) => [h.time, h.clientName, h.courtCaseNumber])).toEqual([['10:30', 'Раҳимова Малика', '2-7/2025']]);
    expect(d.hearingsThisWeek).toHaveLength(2);
    expect(d.overdueTasks.map((x) => x.id)).toEqual([late.id]);
    expect(d.openCasesByType).toEqual([{ caseType: 'alimony_share', count: 1 }]);
    expect(d.month).toMatchObject({ consultations: 2, newClients: 1, migrantWomen: 1, sessionsConducted: 0 });
  });

  it('refuses a result for a hearing still to come, and a bad time', async () => {
    const { case: c } = await t.call('cases:save', { clientId, caseType: 'alimony_share' });
    const res = await t.raw('cases:saveHearing', { caseId: c.id, date: addMonths(todayIso(), 1), result: 'Қарор бароварда шуд' });
    expect(res).toMatchObject({ ok: false, error: { fields: [{ path: 'result', key: 'futureDate' }] } });
    const time = await t.raw('cases:saveHearing', { caseId: c.id, date: todayIso(), time: '25:00' });
    expect(time).toMatchObject({ ok: false, error: { fields: [{ path: 'time', key: 'invalid' }] } });
  });
});

describe('consultation receipt', () => {
  it('is a PDF with the client name in Tajik letters, in Tajik and in Russian, audited as a print', async () => {
    const k = await consult(t, clientId, '2024-06-30', { issues: ['alimony_abroad'], referrals: [{ referral: 'civil_registry' }], advice: 'Ба суд ариза диҳед.' });
    const dir = mkdtempSync(join(tmpdir(), 'lad-pdf-'));
    try {
      for (const [language, word] of [['tg', 'Маълумотнома'], ['ru', 'Справка']] as const) {
        const pdf = await t.call('receipts:consultation', { consultationId: k.id, language });
        const bytes = inlineBytes(pdf);
        expect(bytes.subarray(0, 4).toString()).toBe('%PDF');
        expect(pdf.fileName).toMatch(/^receipt-2024-06-30-.*\.pdf$/);
        expect(pdf.fileName).not.toMatch(/Раҳимова/);
        const file = join(dir, `r-${language}.pdf`);
        writeFileSync(file, bytes);
        const text = execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
        expect(text).toContain('Раҳимова Малика Ҷамшедовна');
        expect(text).toContain(word);
        expect(text).toContain('30.06.2024');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const prints = await t.app.requireUnlocked().db.selectFrom('audit_log').selectAll().where('action', '=', 'print').execute();
    expect(prints).toHaveLength(2);
    expect(prints[0]!.entity_id).toBe(k.id);
  });
});
