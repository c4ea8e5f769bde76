import { closedCaseloadRows, openCaseloadRows, transferTargetRow, userNames, writeTransfer } from '../../db/queries/caseAssignment';
import { getCaseRow } from '../../db/queries/cases';
import type { Caseload, CaseloadRow } from '../../shared/api/caseTypes';
import { AppError } from '../../shared/api/errors';
import { todayIso } from '../../shared/domain/dates';
import type { CaseStatus, CaseType } from '../../shared/domain/enums';
import { mayHoldCases } from '../../shared/domain/permissions';
import { fieldError } from './fieldPaths';
import { withWrite, type Unlocked } from './index';

// Who is responsible for a case: transfer to another lawyer with a reason, and each lawyer's caseload.

/** Hands an open case to another active lawyer (or administrator); the reason is kept with the case. */
export async function transferCase(s: Unlocked, input: { id: string; toUserId: string; reason: string; on: string | null }, today: string = todayIso()): Promise<void> {
  await withWrite(s, async (ctx) => {
    const c = await getCaseRow(ctx.trx, input.id);
    if (c.status === 'closed') throw new AppError('CONFLICT', 'A closed case is not transferred');
    const to = await transferTargetRow(ctx.trx, input.toUserId);
    if (!to || !to.active || !mayHoldCases(to.role)) throw fieldError('Not a lawyer who can hold cases', 'toUserId', 'notCaseHolder');
    if (to.id === c.responsible_user_id) throw fieldError('Already this lawyer’s case', 'toUserId', 'sameLawyer');
    const on = input.on ?? today;
    if (on < c.opened_on) throw fieldError('Before the case was opened', 'on', 'dateOrder');
    await writeTransfer(ctx, { caseId: c.id, on, from: { userId: c.responsible_user_id, name: c.responsible_name }, to: { userId: to.id, name: to.display_name }, reason: input.reason });
  });
}

function emptyRow(userId: string | null, name: string): CaseloadRow {
  return { userId, name, open: 0, byStatus: {}, byType: {}, oldestOpenOn: null, closedThisYear: 0 };
}

function add(row: CaseloadRow, status: CaseStatus, type: CaseType, n: number, oldest: string | null) {
  row.open += n;
  row.byStatus[status] = (row.byStatus[status] ?? 0) + n;
  row.byType[type] = (row.byType[type] ?? 0) + n;
  if (oldest && (!row.oldestOpenOn || oldest < row.oldestOpenOn)) row.oldestOpenOn = oldest;
}

/** Every lawyer's open cases (by status and type), oldest open case and cases closed this year; the busiest first. */
export async function caseload(s: Unlocked, input: { contactPointId: string | null }, today: string = todayIso()): Promise<Caseload> {
  const yearFrom = `${today.slice(0, 4)}-01-01`;
  const open = await openCaseloadRows(s.db, input.contactPointId);
  const closed = await closedCaseloadRows(s.db, yearFrom, today, input.contactPointId);
  const ids = [...new Set([...open, ...closed].map((r) => r.responsible_user_id).filter((id): id is string => id !== null))];
  const names = await userNames(s.db, ids);
  const rows = new Map<string | null, CaseloadRow>();
  const rowOf = (userId: string | null) => {
    let row = rows.get(userId);
    if (!row) rows.set(userId, (row = emptyRow(userId, userId ? (names.get(userId) ?? '') : '')));
    return row;
  };
  const total = emptyRow(null, '');
  for (const r of open) {
    const n = Number(r.n);
    add(rowOf(r.responsible_user_id), r.status, r.case_type, n, r.oldest);
    add(total, r.status, r.case_type, n, r.oldest);
  }
  for (const r of closed) {
    rowOf(r.responsible_user_id).closedThisYear += Number(r.n);
    total.closedThisYear += Number(r.n);
  }
  // Cases with no lawyer here come last, whatever their number.
  const sorted = [...rows.values()].sort((a, b) => Number(a.userId === null) - Number(b.userId === null) || b.open - a.open || a.name.localeCompare(b.name));
  const { open: openTotal, byStatus, byType, oldestOpenOn, closedThisYear } = total;
  return { today, yearFrom, rows: sorted, total: { open: openTotal, byStatus, byType, oldestOpenOn, closedThisYear } };
}
