import type { CaseStatus } from './enums';

// When a case is overdue (docs/list-filters.md). On day D a case that is not closed is overdue when
// - one of its tasks is not done and was due before D, or
// - one of its hearings took place before D and no result has been recorded for it.
// A task without a due date is never overdue; a hearing on day D itself is not overdue until the next day.
// (Results are stored trimmed, so an empty result is the empty text.)
// The case list's SQL (db/queries/cases.ts, overdueCaseIds) tests the same, checked against this function.

export interface OverdueFacts {
  status: CaseStatus;
  tasks: ReadonlyArray<{ dueOn: string | null; doneOn: string | null }>;
  hearings: ReadonlyArray<{ date: string; result: string }>;
}

export function taskOverdue(task: { dueOn: string | null; doneOn: string | null }, today: string): boolean {
  return task.doneOn === null && task.dueOn !== null && task.dueOn < today;
}

export function hearingOverdue(hearing: { date: string; result: string }, today: string): boolean {
  return hearing.date < today && hearing.result === '';
}

export function isCaseOverdue(c: OverdueFacts, today: string): boolean {
  if (c.status === 'closed') return false;
  return c.tasks.some((t) => taskOverdue(t, today)) || c.hearings.some((h) => hearingOverdue(h, today));
}
