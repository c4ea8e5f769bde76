import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { listCaseRows, overdueCaseIds } from '../../db/queries/cases';
import { abandonedClientIds, listClientIds } from '../../db/queries/clients';
import { listConsultationRows } from '../../db/queries/consultations';
import { caseListInput } from '../../shared/api/caseInputs';
import { clientListInput } from '../../shared/api/clientInputs';
import { consultationListInput } from '../../shared/api/consultationInputs';
import { computeAbandonment } from '../../shared/domain/abandonment';
import { isCaseOverdue } from '../../shared/domain/caseOverdue';
import { planDatabases } from '../support/queryPlans';

// Migration 0019 and the lists' filters: each filter reads a range of an index, never the whole table
// (the plans of the SQL the lists send), and the SQL of the overdue and without-support filters says
// what the rules of shared/domain say.

const { open, plans } = planDatabases();

const ID = '0190a8f2-7c1e-7b3a-9f00-0000000000a1';
/** The lists read as a lawyer (the visibility rule of sensitive records applies to every reader but an administrator). */
const asLawyer = <T extends object>(f: T) => ({ ...f, viewer: { userId: '01900000-0000-7000-8000-000000000001', role: 'lawyer' as const } });
const TABLE_SCAN = /SCAN (k|c|t|h|ci|m|ca|cases|clients|consultations|tasks|hearings|consultation_issues|migrant_households)\b(?! USING)/;

/** Every statement's plan, with none reading a whole table. */
function noTableScan(list: { sql: string; plan: string }[]) {
  for (const s of list) expect(s.plan, s.sql).not.toMatch(TABLE_SCAN);
}

describe('list filters read indexes (migration 0019)', () => {
  it('overdue cases: the open tasks and the hearings without a result, by date', async () => {
    const list = await plans((o) => listCaseRows(o.db, asLawyer(caseListInput.parse({ overdue: true })), '2026-06-01'));
    const all = list.map((s) => s.plan).join(' || ');
    expect(all).toContain('tasks_open_due (due_on<?)');
    expect(all).toContain('hearings_without_result (date<?)');
    noTableScan(list);
  });

  it("cases of one lawyer: a range of the lawyer's index, newest first without sorting", async () => {
    const list = await plans((o) => listCaseRows(o.db, asLawyer(caseListInput.parse({ responsibleUserId: ID, sort: 'openedOn', dir: 'desc' }))));
    const page = list.find((s) => s.sql.includes('order by'))!;
    expect(page.plan).toContain('cases_live_responsible (responsible_user_id=?)');
    expect(page.plan).not.toContain('TEMP B-TREE');
    noTableScan(list);
  });

  it("consultations of one lawyer, and about one issue, from their indexes", async () => {
    const byLawyer = await plans((o) => listConsultationRows(o.db, asLawyer(consultationListInput.parse({ lawyerUserId: ID }))));
    expect(byLawyer.map((s) => s.plan).join(' || ')).toContain('consultations_live_lawyer (lawyer_user_id=?)');
    noTableScan(byLawyer);
    const byIssue = await plans((o) => listConsultationRows(o.db, asLawyer(consultationListInput.parse({ issue: 'alimony' }))));
    expect(byIssue.map((s) => s.plan).join(' || ')).toContain('consultation_issues_by_issue (issue=?)');
    noTableScan(byIssue);
  });

  it('clients by district, issue, lawyer and without support, from their indexes', async () => {
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [{ residenceDistrictId: 'su-khujand' }, ['clients_live_district (residence_district_id=?)']],
      [{ issue: 'alimony' }, ['consultation_issues_by_issue (issue=?)']],
      [{ lawyerUserId: ID }, ['consultations_live_lawyer (lawyer_user_id=?)', 'cases_live_responsible (responsible_user_id=?)']],
      [{ abandoned: true }, ['migrant_households_override', 'migrant_households_wife_remittance (last_remittance_date<?)', 'migrant_households_wife_remittance (last_remittance_date=?)']],
    ];
    for (const [filter, indexes] of cases) {
      const list = await plans((o) => listClientIds(o.db, asLawyer(clientListInput.parse(filter)), '2026-06-01'));
      const all = list.map((s) => s.plan).join(' || ');
      for (const index of indexes) expect(all, JSON.stringify(filter)).toContain(index);
      noTableScan(list);
    }
  });
});

describe('the filters say what the rules say', () => {
  it('overdue: the SQL finds exactly the cases isCaseOverdue names', async () => {
    const o = await open();
    const today = '2026-06-10';
    const raw = o.raw;
    raw.exec(`INSERT INTO contact_points(id, created_at, updated_at, hlc, code, name, district_id, established_on) VALUES ('cp', 'x', 'x', 'x', 'C', 'C', 'su-khujand', '2020-01-01')`);
    raw.exec(`INSERT INTO clients(id, created_at, updated_at, hlc, surname, given_name, sex, search_name, search_key) VALUES ('cl', 'x', 'x', 'x', 'A', 'B', 'F', 'a b', 'a b')`);
    type Facts = Parameters<typeof isCaseOverdue>[0];
    const samples: Record<string, Facts> = {
      nothing: { status: 'open', tasks: [], hearings: [] },
      taskYesterday: { status: 'open', tasks: [{ dueOn: '2026-06-09', doneOn: null }], hearings: [] },
      taskToday: { status: 'filed', tasks: [{ dueOn: today, doneOn: null }], hearings: [] },
      taskDone: { status: 'open', tasks: [{ dueOn: '2026-06-01', doneOn: '2026-06-02' }], hearings: [] },
      taskNoDate: { status: 'open', tasks: [{ dueOn: null, doneOn: null }], hearings: [] },
      hearingPassed: { status: 'hearing', tasks: [], hearings: [{ date: '2026-06-09', result: '' }] },
      hearingToday: { status: 'hearing', tasks: [], hearings: [{ date: today, result: '' }] },
      hearingDecided: { status: 'hearing', tasks: [], hearings: [{ date: '2026-06-01', result: 'Қарор бароварда шуд' }] },
      closedWithTask: { status: 'closed', tasks: [{ dueOn: '2026-06-01', doneOn: null }], hearings: [] },
    };
    let n = 0;
    for (const [id, c] of Object.entries(samples)) {
      raw.prepare(`INSERT INTO cases(id, created_at, updated_at, hlc, client_id, case_type, status, opened_on) VALUES (?, 'x', 'x', 'x', 'cl', 'other', ?, '2026-01-01')`).run(id, c.status);
      for (const task of c.tasks) raw.prepare(`INSERT INTO tasks(id, created_at, updated_at, hlc, case_id, title, due_on, done_on) VALUES (?, 'x', 'x', 'x', ?, 't', ?, ?)`).run(`t${n++}`, id, task.dueOn, task.doneOn);
      for (const h of c.hearings) raw.prepare(`INSERT INTO hearings(id, created_at, updated_at, hlc, case_id, date, result) VALUES (?, 'x', 'x', 'x', ?, ?, ?)`).run(`h${n++}`, id, h.date, h.result);
    }
    const expected = Object.entries(samples).filter(([, c]) => isCaseOverdue(c, today)).map(([id]) => id).sort();
    expect(expected).toEqual(['hearingPassed', 'taskYesterday']);
    const listed = (await listCaseRows(o.db, asLawyer(caseListInput.parse({ overdue: true, limit: 100 })), today)).rows.map((r) => r.id).sort();
    expect(listed).toEqual(expected);
    const ids = (await sql<{ case_id: string }>`${overdueCaseIds(today)}`.execute(o.db)).rows.map((r) => r.case_id);
    expect(ids.filter((id) => samples[id]!.status !== 'closed').sort()).toEqual(expected);
  });

  it('without support: the SQL finds exactly the women computeAbandonment (override first) names', async () => {
    const o = await open();
    const today = '2026-06-10';
    const raw = o.raw;
    type Household = { relation: 'wife' | 'mother'; departure: string | null; remittance: string | null; override: 0 | 1 | null };
    const samples: Record<string, Household> = {
      leftLongAgo: { relation: 'wife', departure: '2025-01-01', remittance: null, override: null },
      leftRecently: { relation: 'wife', departure: '2026-03-01', remittance: null, override: null },
      sixMonthsToTheDay: { relation: 'wife', departure: '2020-01-01', remittance: '2025-12-10', override: null },
      remittanceLastMonth: { relation: 'wife', departure: '2020-01-01', remittance: '2026-05-10', override: null },
      remittanceLongAgo: { relation: 'wife', departure: '2020-01-01', remittance: '2025-06-01', override: null },
      noDates: { relation: 'wife', departure: null, remittance: null, override: null },
      mother: { relation: 'mother', departure: '2020-01-01', remittance: null, override: null },
      overrideYes: { relation: 'wife', departure: '2026-05-01', remittance: '2026-06-01', override: 1 },
      overrideNo: { relation: 'wife', departure: '2020-01-01', remittance: null, override: 0 },
    };
    for (const [id, h] of Object.entries(samples)) {
      raw.prepare(`INSERT INTO clients(id, created_at, updated_at, hlc, surname, given_name, sex, search_name, search_key) VALUES (?, 'x', 'x', 'x', ?, 'B', 'F', ?, ?)`).run(id, id, id, id);
      raw
        .prepare(`INSERT INTO migrant_households(id, created_at, updated_at, hlc, client_id, relation, departure_date, last_remittance_date, abandoned_override) VALUES (?, 'x', 'x', 'x', ?, ?, ?, ?, ?)`)
        .run(`m-${id}`, id, h.relation, h.departure, h.remittance, h.override);
    }
    const expected = Object.entries(samples)
      .filter(([, h]) => (h.override !== null ? h.override === 1 : computeAbandonment({ relation: h.relation, departureDate: h.departure, lastRemittanceDate: h.remittance }, today).abandoned === true))
      .map(([id]) => id)
      .sort();
    expect(expected).toEqual(['leftLongAgo', 'overrideYes', 'remittanceLongAgo', 'sixMonthsToTheDay']);
    const ids = (await sql<{ client_id: string }>`${abandonedClientIds(today)}`.execute(o.db)).rows.map((r) => r.client_id).sort();
    expect(ids).toEqual(expected);
    const listed = (await listClientIds(o.db, asLawyer(clientListInput.parse({ abandoned: true, limit: 100 })), today)).ids.sort();
    expect(listed).toEqual(expected);
  });
});
