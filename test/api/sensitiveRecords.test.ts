import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enumsRu } from '../../shared/i18n/parts/enumsRu';
import { enumsTg } from '../../shared/i18n/parts/enumsTg';
import { consult, newClient, ownContactPoint } from '../support/caseFixtures';
import { ADMIN, createTestApp, inlineBytes, type TestApp } from '../support/testApp';

// Sensitive records (shared/domain/sensitivity.ts): a case marked for violence is seen by its
// responsible lawyer and administrators only; another lawyer meets it as a restricted row in a list
// (so the total stays right), never in a search, and is refused its page (audited). Statistics count it.

const PASS = 'a long enough password 1';
const FAMILY_VIOLENCE = { tg: enumsTg.issue.family_violence, ru: enumsRu.issue.family_violence };
let t: TestApp;
let lawyerA: string;
let wifeId: string;
let caseId: string;
let consultationId: string;

async function signInAs(username: string, passphrase = PASS) {
  await t.call('login:lock', {});
  await t.call('login:unlock', { username, passphrase });
}
const asAdmin = () => signInAs(ADMIN.username, ADMIN.passphrase);
const auditOf = (action: string) => t.app.requireUnlocked().db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('seq').execute();

beforeEach(async () => {
  t = await createTestApp();
  await ownContactPoint(t);
  lawyerA = (await t.call('users:create', { username: 'lawyer.a', displayName: 'Lawyer A', role: 'lawyer', password: PASS, passwordConfirm: PASS })).id;
  await t.call('users:create', { username: 'lawyer.b', displayName: 'Lawyer B', role: 'lawyer', password: PASS, passwordConfirm: PASS });
  wifeId = await newClient(t);
  await newClient(t, { surname: 'Саидова', givenName: 'Зарина', phones: [{ phone: '+992 92 700 00 01' }] });
  const k = await t.call('cases:save', { clientId: wifeId, caseType: 'alimony_fixed_sum', openedOn: '2025-03-01', responsibleUserId: lawyerA, responsibleName: 'Lawyer A', courtCaseNumber: '2-77/25' });
  caseId = k.case.id;
  await t.call('cases:save', { clientId: wifeId, caseType: 'paternity', openedOn: '2025-03-02' });
  consultationId = (await consult(t, wifeId, '2025-03-01', { caseId, issues: ['alimony', 'family_violence'], advice: 'Ба паноҳгоҳ муроҷиат кунед.' })).id;
});
afterEach(async () => t?.cleanup());

async function receiptText(language: 'tg' | 'ru'): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'lad-sensitive-'));
  try {
    const file = join(dir, 'r.pdf');
    writeFileSync(file, inlineBytes(await t.call('receipts:consultation', { consultationId, language })));
    return execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('a sensitive case', () => {
  it('is hidden from another lawyer’s list, search and page, and seen by its responsible lawyer and an administrator', async () => {
    const before = await t.call('cases:list', { status: 'active' });
    const marked = await t.call('cases:setSensitive', { id: caseId, sensitive: 'violence' });
    expect(marked.case.sensitive).toBe('violence');
    const marks = await auditOf('case.sensitive');
    expect(marks).toHaveLength(1);
    expect(JSON.parse(marks[0]!.detail)).toEqual({ from: null, to: 'violence' });
    // Synced: the mark travels in the change log like any column.
    const logged = await t.app.requireUnlocked().db.selectFrom('change_log').select('data').where('table_name', '=', 'cases').where('row_id', '=', caseId).orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(JSON.parse(logged.data)).toMatchObject({ sensitive: 'violence' });

    await signInAs('lawyer.b');
    const list = await t.call('cases:list', { status: 'active' });
    expect(list.total).toBe(before.total);
    const row = list.rows.find((r) => r.id === caseId)!;
    expect(row).toMatchObject({ restricted: true, clientName: '', courtCaseNumber: '' });
    expect(list.rows.filter((r) => !r.restricted).map((r) => r.caseType)).toEqual(['paternity']);
    expect((await t.call('cases:list', { query: 'Раҳимова' })).rows.map((r) => r.caseType)).toEqual(['paternity']);
    expect((await t.call('cases:list', { query: '2-77' })).rows).toEqual([]);
    const found = await t.call('search:global', { query: 'Rahimova' });
    expect(found.cases.map((c) => c.id)).not.toContain(caseId);
    expect((await t.call('search:global', { query: '2-77/25' })).cases).toEqual([]);
    expect(await t.raw('cases:get', { id: caseId })).toMatchObject({ ok: false, error: { code: 'RESTRICTED' } });
    expect(await t.raw('cases:setSensitive', { id: caseId, sensitive: null })).toMatchObject({ ok: false, error: { code: 'RESTRICTED' } });
    expect(await t.raw('consultations:get', { id: consultationId })).toMatchObject({ ok: false, error: { code: 'RESTRICTED' } });
    const consultations = await t.call('consultations:list', {});
    expect(consultations.rows.find((k) => k.id === consultationId)).toMatchObject({ restricted: true, clientName: '', issues: [] });
    // Her own page still opens (she is not marked), her sensitive case only as a restricted row.
    const her = await t.call('clients:get', { id: wifeId });
    expect(her.cases.find((c) => c.id === caseId)).toMatchObject({ restricted: true });
    const refusals = await auditOf('access.restricted');
    expect(refusals.map((r) => [r.username, r.entity, r.entity_id])).toContainEqual(['lawyer.b', 'cases', caseId]);

    await signInAs('lawyer.a');
    expect((await t.call('cases:get', { id: caseId })).case).toMatchObject({ sensitive: 'violence', courtCaseNumber: '2-77/25' });
    expect((await t.call('cases:list', { status: 'active' })).rows.some((r) => r.restricted)).toBe(false);
    expect((await t.call('search:global', { query: '2-77/25' })).cases.map((c) => c.id)).toEqual([caseId]);

    await asAdmin();
    expect((await t.call('cases:get', { id: caseId })).case.clientName).toBe('Раҳимова Малика');
    expect((await t.call('cases:list', { status: 'active' })).rows.some((r) => r.restricted)).toBe(false);
  });

  it("keeps its hearings and tasks out of another lawyer's calendar", async () => {
    await t.call('cases:saveHearing', { caseId, date: '2026-12-10', time: '10:00', place: 'Толори 2' });
    await t.call('cases:saveTask', { caseId, title: 'Ба суд ариза супоридан', dueOn: '2026-12-09' });
    await t.call('cases:setSensitive', { id: caseId, sensitive: 'violence' });
    const period = { from: '2026-12-01', to: '2026-12-31', lawyerUserId: lawyerA };
    await signInAs('lawyer.b');
    const seenByB = await t.call('calendar:range', period);
    expect(seenByB.hearings).toEqual([]);
    expect(seenByB.tasks).toEqual([]);
    await signInAs('lawyer.a');
    const seenByA = await t.call('calendar:range', period);
    expect(seenByA.hearings.map((h) => h.caseId)).toEqual([caseId]);
    expect(seenByA.tasks.map((k) => k.caseId)).toEqual([caseId]);
    await asAdmin();
    expect((await t.call('calendar:range', period)).hearings).toHaveLength(1);
  });

  it('needs a responsible lawyer to be marked', async () => {
    const other = (await t.call('cases:list', { caseType: 'paternity' })).rows[0]!;
    expect(await t.raw('cases:setSensitive', { id: other.id, sensitive: 'hiv' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: [{ path: 'responsibleUserId', key: 'required' }] },
    });
  });

  it('is counted by the indicator report as before', async () => {
    const year = { from: '2025-01-01', to: '2025-12-31' };
    const before = await t.call('reports:indicators', year);
    await t.call('cases:setSensitive', { id: caseId, sensitive: 'sexual_assault' });
    await t.call('clients:setSensitive', { id: wifeId, sensitive: 'violence' });
    expect((await t.call('reports:indicators', year)).indicators).toEqual(before.indicators);
    await signInAs('lawyer.b');
    expect((await t.call('reports:indicators', year)).indicators).toEqual(before.indicators);
  });

  it('prints a receipt without its issues, referrals and advice', async () => {
    const plain = await receiptText('ru');
    expect(plain).toContain(FAMILY_VIOLENCE.ru);
    expect(plain).toContain('Ба паноҳгоҳ муроҷиат кунед.');
    await t.call('cases:setSensitive', { id: caseId, sensitive: 'violence' });
    for (const language of ['tg', 'ru'] as const) {
      const text = await receiptText(language);
      expect(text).toContain('Раҳимова Малика');
      expect(text).not.toContain('Ба паноҳгоҳ муроҷиат кунед.');
      expect(text).not.toContain(FAMILY_VIOLENCE[language]);
    }
  });
});

describe('a sensitive client', () => {
  it('is seen by whoever recorded her and the responsible lawyers of her cases; to others a restricted row, never a search hit', async () => {
    await signInAs('lawyer.b');
    const hidden = (await t.call('clients:save', { surname: 'Назарова', givenName: 'Гулнора', sex: 'F', birthDate: '1994-01-01', phones: [{ phone: '+992 93 400 40 40' }], household: null, children: [] })).client.id;
    await t.call('clients:setSensitive', { id: hidden, sensitive: 'hiv' });
    expect((await auditOf('client.sensitive')).map((a) => a.entity_id)).toEqual([hidden]);
    const total = (await t.call('clients:list', {})).total;

    await signInAs('lawyer.a');
    const list = await t.call('clients:list', {});
    expect(list.total).toBe(total);
    expect(list.rows.find((c) => c.id === hidden)).toMatchObject({ restricted: true, surname: '', givenName: '', phone: '', birthDate: null });
    expect((await t.call('clients:list', { query: 'Назарова' })).rows).toEqual([]);
    expect((await t.call('clients:list', { query: '93 400 40' })).rows).toEqual([]);
    expect((await t.call('search:global', { query: 'Nazarova' })).clients).toEqual([]);
    expect(await t.raw('clients:get', { id: hidden })).toMatchObject({ ok: false, error: { code: 'RESTRICTED' } });
    // A duplicate check still says that someone matches, without saying who.
    const dup = await t.call('clients:findDuplicates', { surname: 'Nazarova', givenName: 'Gulnora', phones: [] });
    expect(dup).toEqual([{ client: expect.objectContaining({ id: hidden, restricted: true, surname: '' }), reasons: ['name'] }]);

    // An administrator opens a case of hers for lawyer A: from then on A sees her too.
    await asAdmin();
    expect((await t.call('clients:get', { id: hidden })).client.sensitive).toBe('hiv');
    await t.call('cases:save', { clientId: hidden, caseType: 'alimony_share', openedOn: '2025-04-01', responsibleUserId: lawyerA, responsibleName: 'Lawyer A' });
    await signInAs('lawyer.a');
    expect((await t.call('clients:get', { id: hidden })).client.surname).toBe('Назарова');
    expect((await t.call('search:global', { query: 'Nazarova' })).clients.map((c) => c.id)).toEqual([hidden]);
  });
});
