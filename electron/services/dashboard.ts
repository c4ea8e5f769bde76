import { hearingRowsBetween, monthCounts, openCaseCounts, overdueTaskRows } from '../../db/queries/dashboard';
import type { DashboardHearing, DashboardSummary, DashboardTask } from '../../shared/api/dashboardTypes';
import { addDays, addMonths, todayIso, weekOf } from '../../shared/domain/dates';
import { toHearing, toTask } from './caseViews';
import type { Unlocked } from './index';
import { viewerOf } from './visibility';

// The lawyer's start page: hearings of today and this week, overdue tasks, open cases by type and this
// month's counts.

export async function dashboardSummary(s: Unlocked, today: string = todayIso()): Promise<DashboardSummary> {
  const week = weekOf(today);
  const hearingsThisWeek: DashboardHearing[] = (await hearingRowsBetween(s.db, viewerOf(s), week.from, week.to)).map((h) => ({
    ...toHearing(h),
    caseNumber: h.number,
    caseType: h.case_type,
    courtCaseNumber: h.court_case_number,
    clientId: h.client_id,
    clientName: `${h.surname} ${h.given_name}`,
  }));
  const overdueTasks: DashboardTask[] = (await overdueTaskRows(s.db, viewerOf(s), today)).map((t) => ({
    ...toTask(t),
    caseNumber: t.number,
    clientId: t.client_id,
    clientName: t.surname === null ? null : `${t.surname} ${t.given_name}`,
  }));
  const from = `${today.slice(0, 7)}-01`;
  const nextMonth = addMonths(from, 1);
  const to = addDays(nextMonth, -1);
  return {
    today,
    week,
    hearingsToday: hearingsThisWeek.filter((h) => h.date === today),
    hearingsThisWeek,
    overdueTasks,
    openCasesByType: await openCaseCounts(s.db),
    month: { from, to, ...(await monthCounts(s.db, from, to, nextMonth)) },
  };
}
