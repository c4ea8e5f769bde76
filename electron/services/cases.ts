import {
  completeTask as completeTaskRow,
  hearingRow,
  hearingRows,
  liveHearingOf,
  postponeHearing as postponeHearingRow,
  postponementRows,
  removedHearingRows,
  removedTaskRows,
  removeHearing as removeHearingRow,
  removeTask as removeTaskRow,
  saveHearing as saveHearingRow,
  saveTask as saveTaskRow,
  taskRow,
  taskRows,
  type HearingFields,
  type Postponement,
  type TaskFields,
} from '../../db/queries/caseWork';
import {
  getCaseListRow,
  getCaseRow,
  lastStatusChangeOn,
  saveCase as saveCaseRows,
  setCaseSensitive as setCaseSensitiveRow,
  type ConflictDecision,
  statusHistoryRows,
  writeCaseStatus,
  type CaseFields,
  type CaseListFilter,
} from '../../db/queries/cases';
import { transferRows } from '../../db/queries/caseAssignment';
import { clientExists } from '../../db/queries/clients';
import { findContactPoint } from '../../db/queries/contactPoints';
import { userExists } from '../../db/queries/users';
import type { Db } from '../../db/queries/writeContext';
import type { CaseDetail, CaseSummary, Hearing, Task } from '../../shared/api/caseTypes';
import type { Paged } from '../../shared/api/pagedCount';
import { AppError } from '../../shared/api/errors';
import { allowedNextStatuses, checkCaseTransition } from '../../shared/domain/caseWorkflow';
import { todayIso } from '../../shared/domain/dates';
import type { CaseOutcome, CaseStatus, CaseType, SensitiveKind } from '../../shared/domain/enums';
import { transferCase as transferCaseRows } from './caseAssignment';
import { listCases as listCaseViews, toCaseRecord, toHearing, toPostponement, toRemoved, toTask } from './caseViews';
import { clientSummaries } from './clientViews';
import { respondentChanged, respondentMatches } from './conflicts';
import { consultationsOf } from './consultationViews';
import { fieldError } from './fieldPaths';
import { withWrite, type Unlocked } from './index';
import { requireVisibleCase, requireVisibleClient, viewerOf } from './visibility';

// Cases: the list, the case page, saving a case, its status workflow (shared/domain/caseWorkflow.ts),
// its hearings and tasks.

export async function listCases(s: Unlocked, f: Omit<CaseListFilter, 'viewer'>): Promise<Paged<CaseSummary>> {
  return listCaseViews(s.db, { ...f, viewer: viewerOf(s) });
}

/** A case as the command line lists it: its client under her full name. */
export interface CaseLine {
  id: string;
  number: string;
  type: CaseType;
  clientName: string;
  status: CaseStatus;
}

/** Every case, the oldest first, a page of the list at a time. */
export async function allCases(s: Unlocked): Promise<CaseLine[]> {
  const lines: CaseLine[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await listCaseViews(s.db, { sort: 'openedOn', dir: 'asc', offset, limit: PAGE, viewer: viewerOf(s) });
    const clients = new Map((await clientSummaries(s.db, viewerOf(s), page.rows.map((c) => c.clientId))).map((c) => [c.id, c]));
    for (const c of page.rows) {
      const client = clients.get(c.clientId);
      const clientName = client ? [client.surname, client.givenName, client.patronymic].filter(Boolean).join(' ') : c.clientName;
      lines.push({ id: c.id, number: c.number, type: c.caseType, clientName, status: c.status });
    }
    if (page.rows.length < PAGE) return lines;
  }
}
const PAGE = 500;

/** The case page (the caller has checked that the user may see it: requireVisibleCase). */
async function caseDetail(s: Unlocked, id: string, today: string = todayIso()): Promise<CaseDetail> {
  const { db } = s;
  const record = toCaseRecord(await getCaseListRow(db, id, today));
  const history = await statusHistoryRows(db, id);
  const [client] = await clientSummaries(db, viewerOf(s), [record.clientId], today);
  return {
    case: record,
    history: history.map((h) => ({ id: h.id, status: h.status, changedOn: h.changed_on, userId: h.user_id, note: h.note })),
    transfers: (await transferRows(db, id)).map((r) => ({ id: r.id, on: r.transferred_on, fromUserId: r.from_user_id, fromName: r.from_name, toUserId: r.to_user_id, toName: r.to_name, reason: r.reason })),
    hearings: (await hearingRows(db, id)).map(toHearing),
    postponements: (await postponementRows(db, id)).map(toPostponement),
    tasks: (await taskRows(db, id)).map(toTask),
    removedHearings: (await removedHearingRows(db, id)).map((r) => toRemoved(r, toHearing)),
    removedTasks: (await removedTaskRows(db, id)).map((r) => toRemoved(r, toTask)),
    consultations: await consultationsOf(db, viewerOf(s), { caseId: id }, 'desc'),
    client: client!,
    allowedNext: [...allowedNextStatuses(record.status)],
  };
}

/** The case's client, contact point and person in charge exist; it is not opened after it was closed. */
async function checkCase(db: Db, input: CaseFields, ownContactPointId: string | null, today: string): Promise<void> {
  const existing = input.id ? await getCaseRow(db, input.id) : null;
  if (!(await clientExists(db, input.clientId))) throw fieldError('No such client', 'clientId', 'invalid');
  const contactPointId = input.contactPointId ?? existing?.contact_point_id ?? ownContactPointId;
  if (contactPointId && !(await findContactPoint(db, contactPointId))) throw fieldError('No such contact point', 'contactPointId', 'invalid');
  if (input.responsibleUserId && !(await userExists(db, input.responsibleUserId))) throw fieldError('No such user', 'responsibleUserId', 'invalid');
  const openedOn = input.openedOn ?? existing?.opened_on ?? today;
  if (existing?.closed_on && openedOn > existing.closed_on) throw fieldError('Opened after it was closed', 'openedOn', 'dateOrder');
}

export async function getCase(s: Unlocked, id: string): Promise<CaseDetail> {
  await requireVisibleCase(s, id);
  return caseDetail(s, id);
}

/**
 * Saves a case. A new or changed respondent who matches clients of this office is refused
 * (CONFLICT_OF_INTEREST) unless the lawyer's decision to go on names every match (see conflicts.ts).
 */
export async function saveCase(s: Unlocked, input: CaseFields & { conflict?: ConflictDecision }, today: string = todayIso()): Promise<CaseDetail> {
  const own = s.installation.contactPointId;
  if (input.id) await requireVisibleCase(s, input.id);
  await requireVisibleClient(s, input.clientId);
  const existing = input.id ? await getCaseRow(s.db, input.id) : null;
  let conflict: ConflictDecision | null = null;
  if (respondentChanged(existing, input)) {
    const matches = (await respondentMatches(s, input)).map((m) => m.client.id);
    const decided = new Set(input.conflict?.clientIds ?? []);
    const undecided = matches.filter((id) => !decided.has(id));
    if (undecided.length > 0) throw new AppError('CONFLICT_OF_INTEREST', 'The respondent matches clients of this office', undefined, { matches: undecided.length });
    if (matches.length > 0 && input.conflict) conflict = { reason: input.conflict.reason, clientIds: matches };
  }
  const id = await withWrite(s, async (ctx) => {
    await checkCase(ctx.trx, input, own, today);
    return saveCaseRows(ctx, input, own, today, conflict);
  });
  return caseDetail(s, id);
}

/** Marks a case sensitive or clears the mark (audited); a sensitive case needs a responsible lawyer to see it. */
export async function setCaseSensitive(s: Unlocked, input: { id: string; sensitive: SensitiveKind | null }): Promise<CaseDetail> {
  await requireVisibleCase(s, input.id);
  await withWrite(s, async (ctx) => {
    const row = await getCaseRow(ctx.trx, input.id);
    if (input.sensitive && !row.responsible_user_id) throw fieldError('A sensitive case needs a responsible lawyer', 'responsibleUserId', 'required');
    await setCaseSensitiveRow(ctx, input.id, input.sensitive);
  });
  return caseDetail(s, input.id);
}

export async function setCaseStatus(
  s: Unlocked,
  input: { id: string; status: CaseStatus; on: string | null; outcome: CaseOutcome | null; note: string },
  today: string = todayIso(),
): Promise<CaseDetail> {
  await requireVisibleCase(s, input.id);
  await withWrite(s, async (ctx) => {
    const from = (await getCaseRow(ctx.trx, input.id)).status;
    const check = checkCaseTransition(from, input.status, input.outcome);
    if (!check.ok) {
      if (check.reason === 'outcome_required') throw fieldError('Closing needs an outcome', 'outcome', 'required');
      throw new AppError('INVALID_TRANSITION', `A case cannot go from ${from} to ${input.status}`, undefined, { from, to: input.status, reason: check.reason });
    }
    const on = input.on ?? today;
    const last = await lastStatusChangeOn(ctx.trx, input.id);
    if (last && on < last) throw fieldError('Before the previous status change', 'on', 'dateOrder');
    await writeCaseStatus(ctx, { id: input.id, from, status: input.status, on, outcome: input.outcome, note: input.note });
  });
  return caseDetail(s, input.id);
}

export async function saveHearing(s: Unlocked, input: HearingFields, today: string = todayIso()): Promise<Hearing> {
  await requireVisibleCase(s, input.caseId);
  return withWrite(s, async (ctx) => {
    await getCaseRow(ctx.trx, input.caseId);
    // A result is what happened: it cannot be written for a hearing still to come.
    if (input.result && input.date > today) throw fieldError('A future hearing has no result yet', 'result', 'futureDate');
    return toHearing(await hearingRow(ctx.trx, await saveHearingRow(ctx, input)));
  });
}

/**
 * Moves a hearing to a later date (or another hour of the same day); the earlier date stays in the case's
 * history. A hearing that already has a result took place: it is not postponed.
 */
export async function postponeHearing(s: Unlocked, input: Postponement): Promise<CaseDetail> {
  await requireVisibleCase(s, input.caseId);
  await withWrite(s, async (ctx) => {
    const current = await liveHearingOf(ctx.trx, input.id, input.caseId);
    if (current.result) throw fieldError('The hearing already has a result', 'date', 'hearingHeld');
    const later = input.date > current.date || (input.date === current.date && input.time !== current.time);
    if (!later) throw fieldError('A postponement moves the hearing later', 'date', 'notLater');
    await postponeHearingRow(ctx, input);
  });
  return caseDetail(s, input.caseId);
}

export async function removeHearing(s: Unlocked, input: { id: string; caseId: string; reason: string }): Promise<CaseDetail> {
  await requireVisibleCase(s, input.caseId);
  await withWrite(s, (ctx) => removeHearingRow(ctx, input.id, input.caseId, input.reason));
  return caseDetail(s, input.caseId);
}

export async function removeTask(s: Unlocked, input: { id: string; caseId: string; reason: string }): Promise<CaseDetail> {
  await requireVisibleCase(s, input.caseId);
  await withWrite(s, (ctx) => removeTaskRow(ctx, input.id, input.caseId, input.reason));
  return caseDetail(s, input.caseId);
}

export async function saveTask(s: Unlocked, input: TaskFields): Promise<Task> {
  if (input.caseId) await requireVisibleCase(s, input.caseId);
  return withWrite(s, async (ctx) => {
    if (input.caseId) await getCaseRow(ctx.trx, input.caseId);
    if (input.assigneeUserId && !(await userExists(ctx.trx, input.assigneeUserId))) throw fieldError('No such user', 'assigneeUserId', 'invalid');
    return toTask(await taskRow(ctx.trx, await saveTaskRow(ctx, input)));
  });
}

export async function transferCase(s: Unlocked, input: { id: string; toUserId: string; reason: string; on: string | null }): Promise<CaseDetail> {
  await requireVisibleCase(s, input.id);
  await transferCaseRows(s, input);
  return caseDetail(s, input.id);
}

export async function completeTask(s: Unlocked, input: { id: string; done: boolean; doneOn: string | null }): Promise<Task> {
  return withWrite(s, async (ctx) => {
    await completeTaskRow(ctx, input.id, input.done, input.doneOn);
    return toTask(await taskRow(ctx.trx, input.id));
  });
}
