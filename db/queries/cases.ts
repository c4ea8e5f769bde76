import { sql, type RawBuilder } from 'kysely';
import type { z } from 'zod';
import type { CaseDetail, CaseRecord, CaseSummary, Hearing, Paged, Task } from '../../shared/api/caseTracking';
import type { caseInput, caseListInput } from '../../shared/api/caseTrackingInputs';
import { AppError } from '../../shared/api/errors';
import { allowedNextStatuses, checkCaseTransition } from '../../shared/domain/caseWorkflow';
import { todayIso } from '../../shared/domain/dates';
import type { CaseOutcome, CaseStatus, CaseType } from '../../shared/domain/enums';
import { latinKey, prefixEnd } from '../../shared/domain/names';
import { insertRow, updateRow } from '../write';
import { clientSummaries } from './clients';
import { listConsultations } from './consultations';
import { audit, type Db, type WriteCtx } from './writeContext';

// Cases: the court work that follows some consultations, with the status workflow of
// shared/domain/caseWorkflow.ts and a dated history row for every change.

type ListFilter = Partial<z.output<typeof caseListInput>> & Pick<z.output<typeof caseListInput>, 'sort' | 'dir' | 'offset' | 'limit'> & { onlyId?: string };

function base(db: Db) {
  return db.selectFrom('cases as k').innerJoin('clients as c', 'c.id', 'k.client_id').where('k.deleted_at', 'is', null);
}

async function nextHearings(db: Db, ids: string[], today: string): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('hearings')
      .select((eb) => ['case_id', eb.fn.min<string>('date').as('next')])
      .where('case_id', 'in', ids.slice(i, i + 500))
      .where('date', '>=', today)
      .where('deleted_at', 'is', null)
      .groupBy('case_id')
      .execute();
    for (const r of rows) map.set(r.case_id, r.next);
  }
  return map;
}

type CaseJoinRow = Awaited<ReturnType<ReturnType<typeof selectAllOf>['executeTakeFirstOrThrow']>>;
function selectAllOf(db: Db) {
  return base(db).selectAll('k').select(['c.surname', 'c.given_name']);
}

function toRecord(r: CaseJoinRow, next: string | null): CaseRecord {
  return {
    id: r.id,
    number: r.number,
    caseType: r.case_type as CaseType,
    status: r.status as CaseStatus,
    openedOn: r.opened_on,
    closedOn: r.closed_on,
    clientId: r.client_id,
    clientName: `${r.surname} ${r.given_name}`,
    responsibleUserId: r.responsible_user_id,
    responsibleName: r.responsible_name,
    courtName: r.court_name,
    courtCaseNumber: r.court_case_number,
    outcome: r.outcome as CaseOutcome | null,
    nextHearingOn: next,
    updatedAt: r.updated_at,
    contactPointId: r.contact_point_id,
    courtDistrictId: r.court_district_id,
    judge: r.judge,
    respondentName: r.respondent_name,
    respondentBirthDate: r.respondent_birth_date,
    respondentAddress: r.respondent_address,
    respondentWhereabouts: r.respondent_whereabouts,
    monthlyAlimonyDiram: r.monthly_alimony_diram,
    arrearsRecoveredDiram: r.arrears_recovered_diram,
    notes: r.notes,
  };
}

function toSummary(r: CaseRecord): CaseSummary {
  const { id, number, caseType, status, openedOn, closedOn, clientId, clientName, responsibleUserId, responsibleName, courtName, courtCaseNumber, outcome, nextHearingOn, updatedAt } = r;
  return { id, number, caseType, status, openedOn, closedOn, clientId, clientName, responsibleUserId, responsibleName, courtName, courtCaseNumber, outcome, nextHearingOn, updatedAt };
}

/** The list's filters on the case itself (no client column), for the page and for the count. */
type CaseCondition = ['k.status' | 'k.case_type' | 'k.responsible_user_id' | 'k.client_id' | 'k.id', '=' | '!=', string | RawBuilder<string>];

function caseConditions(f: ListFilter): CaseCondition[] {
  const out: CaseCondition[] = [];
  // A literal, not a parameter: written exactly as the condition of the partial index of active cases
  // (migration 0007), SQLite knows every row of that index qualifies and counts without reading a case.
  if (f.status === 'active') out.push(['k.status', '!=', sql.lit('closed')]);
  else if (f.status) out.push(['k.status', '=', f.status]);
  if (f.caseType) out.push(['k.case_type', '=', f.caseType]);
  if (f.responsibleUserId) out.push(['k.responsible_user_id', '=', f.responsibleUserId]);
  if (f.clientId) out.push(['k.client_id', '=', f.clientId]);
  if (f.onlyId) out.push(['k.id', '=', f.onlyId]);
  return out;
}

export async function listCases(db: Db, f: ListFilter, today: string = todayIso()): Promise<Paged<CaseSummary>> {
  let q = base(db);
  const conditions = caseConditions(f);
  for (const [column, op, value] of conditions) q = q.where(column, op, value);
  const query = (f.query ?? '').trim();
  if (query) {
    const key = latinKey(query);
    q = q.where((eb) => {
      const ors = [
        eb.and([eb('k.court_case_number', '>=', query), eb('k.court_case_number', '<', prefixEnd(query))]),
        eb.and([eb('k.number', '>=', query), eb('k.number', '<', prefixEnd(query))]),
      ];
      if (key) ors.push(eb.and([eb('c.search_key', '>=', key), eb('c.search_key', '<', prefixEnd(key))]));
      return eb.or(ors);
    });
  }
  // Without a name to search, the count needs no client: every case has its client (a foreign key,
  // checked even by the exchange's deferred checks), so joining them changes no count, but looking
  // each one up cost more than the rest of the list (7,000 active cases at national scale).
  let counted = db.selectFrom('cases as k').where('k.deleted_at', 'is', null);
  for (const [column, op, value] of conditions) counted = counted.where(column, op, value);
  const total = query
    ? await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    : await counted.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const column = { openedOn: 'k.opened_on', number: 'k.number', status: 'k.status', caseType: 'k.case_type', updatedAt: 'k.updated_at' } as const;
  const rows = await q
    .selectAll('k')
    .select(['c.surname', 'c.given_name'])
    .orderBy(column[f.sort], f.dir)
    .orderBy('k.id', f.dir)
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  const next = await nextHearings(db, rows.map((r) => r.id), today);
  return { rows: rows.map((r) => toSummary(toRecord(r, next.get(r.id) ?? null))), total: Number(total.n) };
}

export async function getCaseRow(db: Db, id: string) {
  const row = await db.selectFrom('cases').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'No such case');
  return row;
}

export function toHearing(h: { id: string; case_id: string; date: string; time: string; place: string; result: string; notes: string }): Hearing {
  return { id: h.id, caseId: h.case_id, date: h.date, time: h.time, place: h.place, result: h.result, notes: h.notes };
}

export function toTask(t: { id: string; case_id: string | null; title: string; due_on: string | null; done_on: string | null; assignee_user_id: string | null }): Task {
  return { id: t.id, caseId: t.case_id, title: t.title, dueOn: t.due_on, doneOn: t.done_on, assigneeUserId: t.assignee_user_id };
}

export async function getCaseDetail(db: Db, id: string, today: string = todayIso()): Promise<CaseDetail> {
  const row = await selectAllOf(db).where('k.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'No such case');
  const next = await nextHearings(db, [id], today);
  const history = await db.selectFrom('case_status_history').selectAll().where('case_id', '=', id).where('deleted_at', 'is', null).orderBy('changed_on').orderBy('id').execute();
  const hearings = await db.selectFrom('hearings').selectAll().where('case_id', '=', id).where('deleted_at', 'is', null).orderBy('date').orderBy('time').execute();
  const tasks = await db.selectFrom('tasks').selectAll().where('case_id', '=', id).where('deleted_at', 'is', null).orderBy('done_on').orderBy('due_on').execute();
  const consultations = await listConsultations(db, { caseId: id, sort: 'date', dir: 'desc', offset: 0, limit: 500 });
  const [client] = await clientSummaries(db, [row.client_id], today);
  const record = toRecord(row, next.get(id) ?? null);
  return {
    case: record,
    history: history.map((h) => ({ id: h.id, status: h.status as CaseStatus, changedOn: h.changed_on, userId: h.user_id, note: h.note })),
    hearings: hearings.map(toHearing),
    tasks: tasks.map(toTask),
    consultations: consultations.rows,
    client: client!,
    allowedNext: [...allowedNextStatuses(record.status)],
  };
}

async function generateNumber(db: Db, prefix: string): Promise<string> {
  const taken = await db.selectFrom('cases').select('number').where('number', '>=', prefix).where('number', '<', prefixEnd(prefix)).execute();
  const max = taken.reduce((m, t) => Math.max(m, Number(t.number.slice(prefix.length)) || 0), 0);
  return `${prefix}${String(max + 1).padStart(4, '0')}`;
}

/** The columns a case form sets (saveCase, and the national seed's fast path). */
export function caseColumns(input: z.output<typeof caseInput>, number: string, openedOn: string, contactPointId: string | null) {
  return {
    client_id: input.clientId,
    case_type: input.caseType,
    number,
    opened_on: openedOn,
    contact_point_id: contactPointId,
    responsible_user_id: input.responsibleUserId,
    responsible_name: input.responsibleName,
    court_name: input.courtName,
    court_district_id: input.courtDistrictId,
    court_case_number: input.courtCaseNumber,
    judge: input.judge,
    respondent_name: input.respondentName,
    respondent_birth_date: input.respondentBirthDate,
    respondent_address: input.respondentAddress,
    respondent_whereabouts: input.respondentWhereabouts,
    monthly_alimony_diram: input.monthlyAlimonyDiram,
    arrears_recovered_diram: input.arrearsRecoveredDiram,
    notes: input.notes,
  };
}

export async function saveCase(ctx: WriteCtx, input: z.output<typeof caseInput>, ownContactPointId: string | null, today: string = todayIso()): Promise<string> {
  const { trx, w } = ctx;
  const existing = input.id ? await getCaseRow(trx, input.id) : null;
  const client = await trx.selectFrom('clients').select('id').where('id', '=', input.clientId).where('deleted_at', 'is', null).executeTakeFirst();
  if (!client) throw new AppError('VALIDATION', 'No such client', [{ path: 'clientId', key: 'invalid' }]);
  const contactPointId = input.contactPointId ?? existing?.contact_point_id ?? ownContactPointId;
  let cpCode = 'C';
  if (contactPointId) {
    const cp = await trx.selectFrom('contact_points').select('code').where('id', '=', contactPointId).where('deleted_at', 'is', null).executeTakeFirst();
    if (!cp) throw new AppError('VALIDATION', 'No such contact point', [{ path: 'contactPointId', key: 'invalid' }]);
    cpCode = cp.code;
  }
  if (input.responsibleUserId) {
    const u = await trx.selectFrom('users').select('id').where('id', '=', input.responsibleUserId).where('deleted_at', 'is', null).executeTakeFirst();
    if (!u) throw new AppError('VALIDATION', 'No such user', [{ path: 'responsibleUserId', key: 'invalid' }]);
  }
  const openedOn = input.openedOn ?? existing?.opened_on ?? today;
  if (existing?.closed_on && openedOn > existing.closed_on) throw new AppError('VALIDATION', 'Opened after it was closed', [{ path: 'openedOn', key: 'dateOrder' }]);
  const number = input.number || existing?.number || (await generateNumber(trx, `${cpCode}-${openedOn.slice(0, 4)}-`));
  const values = caseColumns(input, number, openedOn, contactPointId);
  if (existing) {
    const fields = await updateRow(trx, w, 'cases', existing.id, values);
    await audit(ctx, 'case.update', 'cases', existing.id, { fields });
    return existing.id;
  }
  const id = await insertRow(trx, w, 'cases', { ...values, status: 'open', closed_on: null, outcome: null, details: '{}' });
  await insertRow(trx, w, 'case_status_history', statusHistoryColumns(id, 'open', openedOn, ctx.user.id, ''));
  await audit(ctx, 'case.create', 'cases', id, { clientId: input.clientId, caseType: input.caseType });
  return id;
}

/** A case's details (JSON; the answers of its filings under `filing`), as saving a filing keeps them for the next one (saveFiling, and the demo data set). */
export async function setCaseDetails(ctx: WriteCtx, caseId: string, details: Record<string, unknown>): Promise<void> {
  await updateRow(ctx.trx, ctx.w, 'cases', caseId, { details: JSON.stringify(details) });
}

/** The columns a status change sets on the case (setCaseStatus, and the national seed). */
export function caseStatusPatch(status: CaseStatus, on: string, outcome: CaseOutcome | null) {
  const patch: { status: CaseStatus; closed_on?: string | null; outcome?: CaseOutcome | null } = { status };
  if (status === 'closed') {
    patch.closed_on = on;
    patch.outcome = outcome;
  } else if (outcome) patch.outcome = outcome; // e.g. the decision's outcome, recorded when decided
  return patch;
}

/** The dated history row of a case's status (saveCase, setCaseStatus, and the national seed). */
export function statusHistoryColumns(caseId: string, status: CaseStatus, on: string, userId: string, note: string) {
  return { case_id: caseId, status, changed_on: on, user_id: userId, note };
}

export async function setCaseStatus(
  ctx: WriteCtx,
  input: { id: string; status: CaseStatus; on: string | null; outcome: CaseOutcome | null; note: string },
  today: string = todayIso(),
): Promise<void> {
  const { trx, w } = ctx;
  const row = await getCaseRow(trx, input.id);
  const from = row.status as CaseStatus;
  const check = checkCaseTransition(from, input.status, input.outcome);
  if (!check.ok) {
    if (check.reason === 'outcome_required') throw new AppError('VALIDATION', 'Closing needs an outcome', [{ path: 'outcome', key: 'required' }]);
    throw new AppError('INVALID_TRANSITION', `A case cannot go from ${from} to ${input.status}`, undefined, { from, to: input.status, reason: check.reason });
  }
  const on = input.on ?? today;
  const last = await trx.selectFrom('case_status_history').select((eb) => eb.fn.max<string>('changed_on').as('last')).where('case_id', '=', input.id).where('deleted_at', 'is', null).executeTakeFirst();
  if (last?.last && on < last.last) throw new AppError('VALIDATION', 'Before the previous status change', [{ path: 'on', key: 'dateOrder' }]);
  await updateRow(trx, w, 'cases', input.id, caseStatusPatch(input.status, on, input.outcome));
  await insertRow(trx, w, 'case_status_history', statusHistoryColumns(input.id, input.status, on, ctx.user.id, input.note));
  await audit(ctx, 'case.status', 'cases', input.id, { from, to: input.status, outcome: input.outcome });
}
