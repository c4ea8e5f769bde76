import { describe, expect, it } from 'vitest';
import { closedCaseloadRows, openCaseloadRows } from '../../db/queries/caseAssignment';
import { calendarHearingRows, calendarTaskRows, overdueTaskRowsOf } from '../../db/queries/calendar';
import { planDatabases } from '../support/queryPlans';

// The calendar's month and the caseload table read ranges of indexes (migration 0023): a contact
// point's cases, then each case's hearings and tasks within the dates shown, and the client's row only
// for the hearings found; the cases closed this year from the index of closed cases, not every closed case of every year.

const { plans } = planDatabases();

const CONTACT_POINT = '0190a8f2-7c1e-7b3a-9f00-0000000000c1';
const LAWYER = { userId: '01900000-0000-7000-8000-000000000001', role: 'lawyer' as const };
const ADMIN = { userId: '01900000-0000-7000-8000-000000000002', role: 'administrator' as const };
const MONTH = { from: '2026-09-28', to: '2026-11-08', contactPointId: CONTACT_POINT };

describe('calendar and caseload plans', () => {
  for (const viewer of [ADMIN, LAWYER]) {
    it(`a contact point's month of hearings: its cases, their hearings in the dates, then the client (${viewer.role})`, async () => {
      const [hearings] = await plans((o) => calendarHearingRows(o.db, { ...MONTH, viewer }));
      expect(hearings!.plan).toMatch(/SEARCH k USING INDEX cases_contact_point \(contact_point_id=\?\)/);
      expect(hearings!.plan).toContain('SEARCH h USING INDEX hearings_live_case_date (case_id=? AND date>? AND date<?)');
      // The client is read after the hearing is found, not for every case of the contact point.
      expect(hearings!.plan.indexOf('SEARCH c ')).toBeGreaterThan(hearings!.plan.indexOf('SEARCH h '));
    });

    it(`a contact point's month of tasks: each case's tasks in the dates (${viewer.role})`, async () => {
      const [tasks] = await plans((o) => calendarTaskRows(o.db, { ...MONTH, viewer }));
      expect(tasks!.plan).toContain('SEARCH t USING INDEX tasks_live_case_due (case_id=? AND due_on>? AND due_on<?)');
      expect(tasks!.plan).not.toMatch(/SCAN (t|k)\b/);
    });
  }

  it("the sign-in reminders: the lawyer's assigned overdue tasks by date, and the tasks of the lawyer's cases, not every overdue task", async () => {
    const [overdue] = await plans((o) => overdueTaskRowsOf(o.db, LAWYER, '2026-11-01'));
    expect(overdue!.plan).toContain('SEARCH t USING INDEX tasks_open_assignee_due (assignee_user_id=? AND due_on<?)');
    expect(overdue!.plan).toContain('SEARCH k USING INDEX cases_live_responsible (responsible_user_id=?)');
    expect(overdue!.plan).toContain('SEARCH t USING INDEX tasks_live_case_due (case_id=? AND due_on<?)');
    expect(overdue!.plan).not.toMatch(/SCAN (t|k)\b/);
    expect(overdue!.plan).not.toContain('tasks_open_due');
  });

  it('cases closed this year, by lawyer: a range of their index, for the installation and for one contact point', async () => {
    for (const cp of [null, CONTACT_POINT]) {
      const [closed] = await plans((o) => closedCaseloadRows(o.db, '2026-01-01', '2026-12-31', cp));
      expect(closed!.plan).toContain('USING COVERING INDEX cases_live_closed_by (closed_on>? AND closed_on<?)');
    }
  });

  it('open cases by lawyer, status and type: from the partial index of open cases', async () => {
    const [open] = await plans((o) => openCaseloadRows(o.db, null));
    expect(open!.plan).toContain('cases_live_caseload');
    expect(open!.plan).not.toMatch(/SCAN k\b(?! USING)/);
  });
});
