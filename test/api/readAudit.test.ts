import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../db/queries/audit';
import { consult, newClient, ownContactPoint } from '../support/caseFixtures';
import { createTestApp, type TestApp } from '../support/testApp';

// Reading personal data in bulk leaves a trace: one audit entry per call, saying who, through which
// channel, how many records and with which filter — never a searched name or anything returned.

let t: TestApp;
let clientId = '';
let caseId = '';

interface Entry {
  username: string;
  action: string;
  entity: string;
  entity_id: string | null;
  detail: string;
}

async function entriesAfter(seq: number): Promise<Entry[]> {
  return t.app.requireUnlocked().db.selectFrom('audit_log').select(['username', 'action', 'entity', 'entity_id', 'detail']).where('seq', '>', seq).orderBy('seq').execute();
}

async function lastSeq(): Promise<number> {
  const r = await t.app.requireUnlocked().db.selectFrom('audit_log').select('seq').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
  return r.seq;
}

beforeAll(async () => {
  t = await createTestApp();
  await ownContactPoint(t);
  clientId = await newClient(t, { surname: 'Сафарова', givenName: 'Зарина' });
  await newClient(t, { surname: 'Сафарова', givenName: 'Нигора', birthDate: '1985-02-01', phones: [] });
  await consult(t, clientId, '2025-03-10');
  caseId = (await t.call('cases:save', { clientId, caseType: 'divorce', openedOn: '2025-03-10' })).case.id;
});
afterAll(() => t.cleanup());

describe('audit of what is read', () => {
  it('writes one entry per list call with the count and the filter, and never the searched text', async () => {
    const before = await lastSeq();
    const clients = await t.call('clients:list', { query: 'Сафарова', sex: 'F', limit: 50 });
    expect(clients.rows).toHaveLength(2);
    const found = await t.call('search:global', { query: 'Сафарова Зарина' });
    expect(found.clients.length).toBeGreaterThan(0);
    const dupes = await t.call('clients:findDuplicates', { surname: 'Сафарова', givenName: 'Нигора', birthDate: '1985-02-01', phones: ['+992 93 123 45 67'] });
    await t.call('consultations:list', { clientId });
    await t.call('cases:list', { query: 'Сафарова', status: 'active' });
    await t.call('dashboard:summary', {});
    await t.call('filings:prepare', { caseId, templateId: 'divorce', language: 'tg' });
    await t.call('filings:preview', { caseId, templateId: 'divorce', language: 'tg', answers: { reason: 'Зарина рафт' } });
    await t.call('exchange:conflicts', { includeResolved: false });
    await t.call('reports:drilldown', { from: '2025-01-01', to: '2025-12-31', target: '1.2.10.consultations' });

    const entries = await entriesAfter(before);
    expect(entries.map((e) => [e.username, e.action, e.entity])).toEqual(
      [
        'clients:list',
        'search:global',
        'clients:findDuplicates',
        'consultations:list',
        'cases:list',
        'dashboard:summary',
        'filings:prepare',
        'filings:preview',
        'exchange:conflicts',
        'reports:drilldown',
      ].map((channel) => ['admin', 'read', channel]),
    );
    const detail = (channel: string) => JSON.parse(entries.find((e) => e.entity === channel)!.detail) as { records: number; filter: Record<string, unknown> };
    expect(detail('clients:list')).toEqual({ records: 2, filter: { offset: 0, limit: 50, sort: 'name', dir: 'desc', sex: 'F', query: { length: 8 } } });
    expect(detail('search:global')).toEqual({ records: found.clients.length + found.cases.length, filter: { limit: 20, query: { length: 15 } } });
    expect(detail('clients:findDuplicates').records).toBe(dupes.length);
    expect(detail('clients:findDuplicates').filter).toEqual({ surname: { length: 8 }, givenName: { length: 6 }, birthDate: { length: 10 }, phones: { given: true } });
    expect(detail('consultations:list')).toMatchObject({ records: 1, filter: { clientId } });
    expect(detail('cases:list')).toMatchObject({ records: 1, filter: { status: 'active', query: { length: 8 } } });
    expect(detail('filings:preview').filter).toEqual({ caseId, templateId: 'divorce', language: 'tg', answers: { given: true } });
    expect(detail('reports:drilldown').records).toBe(1);

    const all = JSON.stringify(entries);
    for (const typed of ['Сафарова', 'Зарина', 'Нигора', '1985-02-01', '123 45 67', 'рафт']) expect(all).not.toContain(typed);
  });

  it('the audit screen still finds the chain whole after reads', async () => {
    await t.call('clients:list', {});
    const page = await t.call('audit:list', { offset: 0, limit: 5 });
    expect(page.chainOk).toBe(true);
    expect(page.rows[0]).toMatchObject({ action: 'read', entity: 'clients:list' });
  });

  it('chains a read entry written beside saves and other reads at the same moment, and saves still wait for the disk', async () => {
    const before = await lastSeq();
    const unlocked = t.app.requireUnlocked();
    await Promise.all([
      t.call('search:global', { query: 'Сафарова' }),
      t.call('clients:save', { surname: 'Раҳимова', givenName: 'Малика', sex: 'F', birthDate: '1991-04-02', phones: [], household: null, children: [] }),
      t.call('clients:get', { id: clientId }),
      t.call('cases:list', {}),
      t.call('consultations:save', { clientId, date: '2025-04-01', venueKind: 'contact_point', issues: ['alimony'] }),
      t.call('consultations:list', {}),
    ]);
    const entries = await entriesAfter(before);
    expect(entries.filter((e) => e.action === 'read').map((e) => e.entity).sort()).toEqual(['cases:list', 'consultations:list', 'search:global']);
    expect(entries.filter((e) => e.action === 'view').map((e) => [e.entity, e.entity_id])).toEqual([['clients', clientId]]);
    expect(entries.filter((e) => e.action === 'client.create' || e.action === 'consultation.create')).toHaveLength(2);
    expect(await verifyAuditChain(unlocked.db)).toMatchObject({ ok: true, brokenAt: null });
    // A read entry does not wait for the disk; the connection goes back to waiting for it on every save.
    expect(unlocked.raw.pragma('synchronous', { simple: true })).toBe(2);
  });
});
