import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open';
import { factsQuery, notLivePeopleQuery } from '../../db/queries/indicatorFacts';
import { casesByMonthQuery, sessionsByMonthQuery } from '../../db/queries/indicators';
import { tempDir } from '../support/testApp';

let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// The indicator report reads report_facts (migration 0009) and the few removed or merged clients
// (clients_not_live, migration 0006). At national scale reading and decrypting pages is its cost, so a
// plan that sorted the facts or walked every client would make the report several times slower
// without changing a number — this test notices. So does a trigger that finds a consultation's fact
// by a scan instead of its primary key (every write to a consultation would read the whole table).
describe('the plans of the indicator report and of its triggers', () => {
  it("reads a range of the facts' primary key in order, removed clients from their own index, and triggers find facts by key", async () => {
    dir = tempDir();
    const opened = await openDatabase({ path: join(dir, 'a.db'), key: randomBytes(32), create: true, appVersion: 'test' });
    const plan = (text: string, parameters: readonly unknown[] = []) =>
      (opened.raw.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...(parameters as unknown[])) as { detail: string }[]).map((p) => p.detail).join(' | ');
    const facts = factsQuery('2025-01-01', '2025-02-01', '2025-12-31').compile(opened.db);
    const report = plan(facts.sql, facts.parameters);
    expect(report).toContain('SEARCH f USING PRIMARY KEY (date>? AND date<?)');
    expect(report).not.toContain('TEMP B-TREE');
    const people = notLivePeopleQuery().compile(opened.db);
    expect(plan(people.sql, people.parameters)).toContain('USING COVERING INDEX clients_not_live');

    const bySession = plan("UPDATE report_facts SET counted = 1 WHERE (date, created_at, id) IN (SELECT c.date, c.created_at, c.id FROM consultations c WHERE c.mobile_session_id = 'x')");
    expect(bySession).toContain('USING PRIMARY KEY (date=? AND created_at=? AND id=?)');
    expect(bySession).toContain('consultations_session');
    const byConsultation = plan("UPDATE report_facts SET issues = 0 WHERE (date, created_at, id) IN (SELECT c.date, c.created_at, c.id FROM consultations c WHERE c.id = 'x')");
    expect(byConsultation).toContain('USING PRIMARY KEY (date=? AND created_at=? AND id=?)');
    expect(plan("SELECT string_agg(ci.issue, '' ORDER BY ci.issue) FROM consultation_issues ci WHERE ci.consultation_id = 'x' AND ci.deleted_at IS NULL")).toContain(
      'USING COVERING INDEX consultation_issues_live (consultation_id=?)',
    );
    // The months of the series come from the same reads, grouped: the previous period's headline-only
    // pass reads the same range of the key; sessions and closed cases their indexes, grouped by month.
    const headlineOnly = factsQuery('2024-01-01', '2024-02-01', '2024-12-31', ['dims', 'place', 'person']).compile(opened.db);
    const previous = plan(headlineOnly.sql, headlineOnly.parameters);
    expect(previous).toContain('SEARCH f USING PRIMARY KEY (date>? AND date<?)');
    expect(previous).not.toContain('TEMP B-TREE');
    const year = { from: '2025-01-01', to: '2025-12-31' };
    const cases = casesByMonthQuery(year, { districtIds: null, contactPointId: null }).compile(opened.db);
    expect(plan(cases.sql, cases.parameters)).toContain('SEARCH ca USING COVERING INDEX cases_closed_report (closed_on>? AND closed_on<?)');
    const sessions = sessionsByMonthQuery(year, { districtIds: null, contactPointId: null }).compile(opened.db);
    expect(plan(sessions.sql, sessions.parameters)).toContain('SEARCH ms USING INDEX mobile_sessions_date (date>? AND date<?)');
    const ofOne = sessionsByMonthQuery(year, { districtIds: null, contactPointId: 'cp' }).compile(opened.db);
    expect(plan(ofOne.sql, ofOne.parameters)).toMatch(/SEARCH ms USING INDEX mobile_sessions_(contact_point \(contact_point_id=\? AND date>\? AND date<\?\)|date)/);
    await opened.close();
  });
});
