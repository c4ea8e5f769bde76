import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addMonths, todayIso } from '../../shared/domain/dates';
import { consult, newClient, ownContactPoint } from '../support/caseFixtures';
import { createTestApp, type TestApp } from '../support/testApp';

// The lists' filters as a screen sends them (docs/list-filters.md): each finds what it names and
// nothing else, on a real encrypted database.

let t: TestApp;
afterEach(async () => t?.cleanup());

const daysAgo = (n: number) => {
  const d = new Date(`${todayIso()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
};

async function lawyer(username: string, displayName: string): Promise<string> {
  return (await t.call('users:create', { username, displayName, role: 'lawyer', password: 'рамзи ҳуқуқшинос 1', passwordConfirm: 'рамзи ҳуқуқшинос 1' })).id;
}

const names = (rows: Array<{ clientName?: string; surname?: string; givenName?: string }>) => rows.map((r) => r.clientName ?? `${r.surname} ${r.givenName}`).sort();

describe('list filters', () => {
  let zarina: string;
  let malika: string;
  let nodira: string;
  let karim: string;
  let sabohat: string;
  beforeEach(async () => {
    t = await createTestApp();
    await ownContactPoint(t);
    karim = await lawyer('karim', 'Каримов Фарҳод');
    sabohat = await lawyer('sabohat', 'Сафарова Сабоҳат');
    // Left by her husband a year ago, no remittance since: without support today.
    zarina = await newClient(t, { surname: 'Ҳасанова', givenName: 'Зарина', residenceDistrictId: 'su-khujand', household: { relation: 'wife', departureDate: addMonths(todayIso(), -12) } });
    // A remittance last month: supported.
    malika = await newClient(t, { surname: 'Раҳимова', givenName: 'Малика', residenceDistrictId: 'su-khujand', household: { relation: 'wife', departureDate: addMonths(todayIso(), -24), lastRemittanceDate: addMonths(todayIso(), -1) } });
    // Not from a migrant household, another district.
    nodira = await newClient(t, { surname: 'Саидова', givenName: 'Нодира', phones: [{ phone: '+992 91 777 12 34' }], residenceDistrictId: 'ra-vahdat' });
    await consult(t, zarina, daysAgo(10), { issues: ['alimony'], lawyerUserId: karim });
    await consult(t, malika, daysAgo(9), { issues: ['birth_certificate'], lawyerUserId: sabohat });
    await consult(t, nodira, daysAgo(8), { issues: ['alimony', 'property_division'], lawyerUserId: sabohat });
  });

  it('finds clients without support today, by issue, by district of residence and by lawyer', async () => {
    const list = async (filter: Record<string, unknown>) => (await t.call('clients:list', { sort: 'name', dir: 'asc', ...filter })).rows.map((r) => r.id).sort();
    expect(await list({ abandoned: true })).toEqual([zarina]);
    expect(await list({ issue: 'alimony' })).toEqual([zarina, nodira].sort());
    expect(await list({ issue: 'birth_certificate' })).toEqual([malika]);
    expect(await list({ residenceDistrictId: 'su-khujand' })).toEqual([zarina, malika].sort());
    expect(await list({ lawyerUserId: sabohat })).toEqual([malika, nodira].sort());
    expect(await list({ lawyerUserId: sabohat, issue: 'alimony' })).toEqual([nodira]);
    // The lawyer's override comes first: "supported" removes Zarina, "without support" adds Malika.
    await t.call('clients:setAbandonedOverride', { clientId: zarina, override: false, reason: 'Шавҳар баргашт' });
    await t.call('clients:setAbandonedOverride', { clientId: malika, override: true, reason: 'Пул намефиристад' });
    expect(await list({ abandoned: true })).toEqual([malika]);
    const counted = await t.call('clients:list', { sort: 'name', dir: 'asc', issue: 'alimony' });
    expect(counted.total).toBe(2);
  });

  it('finds consultations by issue, venue, lawyer and mobile session', async () => {
    const list = async (filter: Record<string, unknown>) => names((await t.call('consultations:list', { sort: 'date', dir: 'desc', ...filter })).rows);
    expect(await list({ issue: 'alimony' })).toEqual(['Саидова Нодира', 'Ҳасанова Зарина'].sort());
    expect(await list({ lawyerUserId: karim })).toEqual(['Ҳасанова Зарина']);
    expect(await list({ lawyerUserId: sabohat, issue: 'alimony' })).toEqual(['Саидова Нодира']);
    expect((await t.call('consultations:list', { sort: 'date', dir: 'desc', issue: 'alimony' })).total).toBe(2);
    const cp = (await t.call('contactPoints:list', { includeClosed: false }))[0]!;
    const session = await t.call('mobileSessions:save', { contactPointId: cp.id, date: daysAgo(3), districtId: 'su-khujand', jamoat: 'Ғафуров', village: 'Гулакандоз', team: [] });
    await t.call('desk:register', { mobileSessionId: session.session.id, clientId: malika, consultation: { issues: ['paternity'], lawyerUserId: karim } });
    expect(await list({ mobileSessionId: session.session.id })).toEqual(['Раҳимова Малика']);
    expect(await list({ venueKind: 'mobile_session' })).toEqual(['Раҳимова Малика']);
    expect(await list({ venueKind: 'contact_point', lawyerUserId: karim })).toEqual(['Ҳасанова Зарина']);
  });

  it('finds cases by type, status, lawyer, and overdue ones (a task past due, a hearing passed without result)', async () => {
    const open = async (clientId: string, caseType: string, responsibleUserId: string) => (await t.call('cases:save', { clientId, caseType: caseType as 'alimony_share', responsibleUserId, openedOn: daysAgo(60) })).case.id;
    const alimony = await open(zarina, 'alimony_share', karim);
    const birth = await open(malika, 'birth_registration', sabohat);
    const property = await open(nodira, 'property_division', sabohat);
    const list = async (filter: Record<string, unknown>) => (await t.call('cases:list', { sort: 'openedOn', dir: 'desc', ...filter })).rows.map((r) => r.id).sort();
    expect(await list({ caseType: 'alimony_share' })).toEqual([alimony]);
    expect(await list({ responsibleUserId: sabohat })).toEqual([birth, property].sort());
    expect(await list({ overdue: true })).toEqual([]);
    // A task due yesterday and not done: overdue. A task due today: not yet.
    const task = await t.call('cases:saveTask', { caseId: alimony, title: 'Нусхаи шаҳодатнома гирифтан', dueOn: daysAgo(1) });
    await t.call('cases:saveTask', { caseId: birth, title: 'Ба ФНАС рафтан', dueOn: todayIso() });
    // A hearing two days ago with no result: overdue; one with its result recorded: not.
    await t.call('cases:saveHearing', { caseId: property, date: daysAgo(2), place: 'Суди шаҳри Хуҷанд' });
    await t.call('cases:saveHearing', { caseId: birth, date: daysAgo(5), place: 'Суди шаҳри Хуҷанд', result: 'Ба таъхир гузошта шуд' });
    expect(await list({ overdue: true })).toEqual([alimony, property].sort());
    expect(await list({ overdue: true, responsibleUserId: sabohat })).toEqual([property]);
    expect((await t.call('cases:list', { sort: 'openedOn', dir: 'desc', overdue: true })).total).toBe(2);
    // Done: no longer overdue. A closed case is never overdue.
    await t.call('cases:completeTask', { id: task.id, done: true });
    expect(await list({ overdue: true })).toEqual([property]);
    await t.call('cases:setStatus', { id: property, status: 'closed', on: todayIso(), outcome: 'withdrawn' });
    expect(await list({ overdue: true, status: 'active' })).toEqual([]);
    expect(await list({ overdue: true })).toEqual([]);
  });

  it('finds a case by the client as the client list finds her: a given name alone, digits inside her phone', async () => {
    const id = (await t.call('cases:save', { clientId: nodira, caseType: 'alimony_share', openedOn: daysAgo(5) })).case.id;
    await t.call('cases:save', { clientId: zarina, caseType: 'alimony_share', openedOn: daysAgo(5) });
    const find = async (query: string) => (await t.call('cases:list', { sort: 'openedOn', dir: 'desc', query })).rows.map((r) => r.id);
    expect(await find('Нодира')).toEqual([id]);
    expect(await find('Nodira')).toEqual([id]);
    expect(await find('7771')).toEqual([id]);
    expect(await find('Саидова')).toEqual([id]);
  });

  it('refuses a filter value the list does not know, naming it', async () => {
    const bad = await t.raw('cases:list', { overdue: 'yes' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'overdue' }] } });
    const badIssue = await t.raw('clients:list', { issue: 'nonsense' });
    expect(badIssue).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'issue', key: 'invalid' }] } });
  });

  it('offers the lawyers to filter by to a read-only user too, and records the filter in the read audit', async () => {
    const lawyers = await t.call('users:lawyers', {});
    expect(lawyers.map((l) => l.displayName)).toEqual(expect.arrayContaining(['Каримов Фарҳод', 'Сафарова Сабоҳат']));
    await t.call('cases:list', { sort: 'openedOn', dir: 'desc', overdue: true, responsibleUserId: karim });
    const row = await t.app.requireUnlocked().db.selectFrom('audit_log').select('detail').where('action', '=', 'read').orderBy('seq', 'desc').executeTakeFirst();
    expect(JSON.parse(row?.detail ?? '{}')).toMatchObject({ filter: { overdue: true, responsibleUserId: karim } });
  });
});
