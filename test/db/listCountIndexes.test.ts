import { describe, expect, it } from 'vitest';
import { listCaseRows } from '../../db/queries/cases';
import { listClientIds } from '../../db/queries/clients';
import { listConsultationRows } from '../../db/queries/consultations';
import { caseListInput } from '../../shared/api/caseInputs';
import { clientListInput } from '../../shared/api/clientInputs';
import { consultationListInput } from '../../shared/api/consultationInputs';
import { planDatabases } from '../support/queryPlans';

// Migration 0007 and the lists' counts: the SQL the lists send counts from indexes of live
// rows, without reading every row or looking up each one's client.

const { plans } = planDatabases();

/** A lawyer, not an administrator: the lists then carry the visibility rule of sensitive records. */
const LAWYER = { userId: '01900000-0000-7000-8000-000000000001', role: 'lawyer' as const };

const countOf = (list: { sql: string; plan: string }[]) => list.find((s) => /count\(\*\)/.test(s.sql))!;

describe('list counts (migration 0007)', () => {
  it('counts active cases from their own partial index, without the clients', async () => {
    const list = await plans((o) => listCaseRows(o.db, { ...caseListInput.parse({ status: 'active', sort: 'openedOn', dir: 'desc' }), viewer: LAWYER }));
    const count = countOf(list);
    expect(count.sql).not.toContain('clients');
    expect(count.plan).toContain('cases_live_active_opened');
    const page = list.find((s) => s.sql.includes('order by'))!;
    expect(page.plan).toContain('cases_live_active_opened');
    expect(page.plan).not.toContain('TEMP B-TREE');
  });

  it('counts the cases of one status as a range of the status index', async () => {
    const count = countOf(await plans((o) => listCaseRows(o.db, { ...caseListInput.parse({ status: 'closed', sort: 'openedOn', dir: 'desc' }), viewer: LAWYER })));
    expect(count.plan).toContain('cases_live_status (status=?)');
  });

  it("counts a year's mobile-session consultations from the venue index alone", async () => {
    const count = countOf(
      await plans((o) => listConsultationRows(o.db, { ...consultationListInput.parse({ from: '2025-11-01', to: '2026-10-31', venueKind: 'mobile_session', sort: 'date', dir: 'desc' }), viewer: LAWYER })),
    );
    expect(count.sql).not.toMatch(/join/);
    expect(count.plan).toContain('consultations_live_venue_date');
  });

  it('counts clients of one sex from the sex index', async () => {
    const list = await plans((o) => listClientIds(o.db, { ...clientListInput.parse({ sex: 'F', sort: 'name', dir: 'asc' }), viewer: LAWYER }));
    expect(countOf(list).plan).toContain('clients_live_sex (sex=?)');
  });
});
