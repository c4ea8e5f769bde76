import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import { AppError } from '../../shared/api/errors';
import { todayIso } from '../../shared/domain/dates';
import type { CaseOutcome, CaseStatus, CaseType, SensitiveKind } from '../../shared/domain/enums';
import { prefixEnd } from '../../shared/domain/names';
import { clientMatches } from './clients';
import type { CaseRow } from '../schema';
import { insertRow, updateRow } from '../write';
import { caseVisibleSql, type Viewer } from './visibility';
import { audit, type Db, type WriteCtx } from './writeContext';

// Cases: the court work that follows some consultations, with a dated history row for every change of
// status (the workflow's rules are in shared/domain/caseWorkflow.ts, checked by the case service).

/** The case list's filters and page. */
export interface CaseListFilter {
  /** Client name (any spelling, prefix), court case number or case number. */
  query?: string;
  /** A status, or 'active' for every status but closed. */
  status?: CaseStatus | 'active';
  caseType?: CaseType;
  responsibleUserId?: string | null;
  clientId?: string | null;
  /** Only cases overdue today (shared/domain/caseOverdue.ts). */
  overdue?: boolean;
  onlyId?: string;
  sort: 'openedOn' | 'number' | 'status' | 'caseType' | 'updatedAt';
  dir: 'asc' | 'desc';
  offset: number;
  limit: number;
  /** Who reads: a sensitive case hidden from them is left out of a search and marked restricted in a list. */
  viewer: Viewer;
}
type ListFilter = CaseListFilter;

function base(db: Db) {
  return db.selectFrom('cases as k').innerJoin('clients as c', 'c.id', 'k.client_id').where('k.deleted_at', 'is', null);
}

/**
 * The next hearing of each of the cases (from `today` on). Written as SQL, as the searched cases below:
 * every case list and search runs it, and building it with Kysely cost more than running it.
 */
async function nextHearings(db: Db, ids: string[], today: string): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const { rows } = await sql<{ case_id: string; next: string }>`SELECT case_id, min(date) AS next FROM hearings
      WHERE case_id IN (${sql.join(ids.slice(i, i + 500))}) AND date >= ${today} AND deleted_at IS NULL GROUP BY case_id`.execute(db);
    for (const r of rows) map.set(r.case_id, r.next);
  }
  return map;
}

function selectAllOf(db: Db) {
  return base(db).selectAll('k').select(['c.surname', 'c.given_name']);
}

/**
 * A case with its client's name and the date of its next hearing (null: none to come); `restricted`:
 * the reader may not see it (shared/domain/sensitivity.ts), so the list shows only its place.
 */
export type CaseListRow = Awaited<ReturnType<ReturnType<typeof selectAllOf>['executeTakeFirstOrThrow']>> & { next_hearing_on: string | null; restricted?: boolean };

/**
 * A row as the list shows it, with its next hearing and, when the reader may not see it, marked so.
 * The row SQLite returned is completed in place: copying rows of some forty columns (a spread, or a
 * rest pattern to drop the `visible` column) cost as much as the query.
 */
function asListRow<R extends { id: string }>(row: R, next: Map<string, string>, visible: boolean): R & { next_hearing_on: string | null; restricted?: boolean } {
  return Object.assign(row, { next_hearing_on: next.get(row.id) ?? null }, visible ? {} : { restricted: true });
}

/**
 * The ids of the cases overdue on `today` (shared/domain/caseOverdue.ts): a task not done and due before
 * today, or a hearing before today with no result. Each half is a range of a partial index of the open
 * tasks and the hearings without a result (migration 0019), whose conditions are written here as
 * literals, exactly as in the index, so SQLite knows it may use them.
 */
export function overdueCaseIds(today: string) {
  return sql<string>`SELECT t.case_id FROM tasks t WHERE t.deleted_at IS NULL AND t.done_on IS NULL AND t.due_on < ${today} AND t.case_id IS NOT NULL
    UNION ALL SELECT h.case_id FROM hearings h WHERE h.deleted_at IS NULL AND h.result = '' AND h.date < ${today}`;
}

/**
 * Every filter of the case list, on the case itself (no client column), for the page and for the
 * count: the one place where what a list shows of the cases is decided.
 */
function caseConditions(f: ListFilter, today: string): Expression<SqlBool>[] {
  const out: Expression<SqlBool>[] = [];
  const k = (column: string) => sql.ref(`k.${column}`);
  // A literal, not a parameter: written exactly as the condition of the partial index of active cases
  // (migration 0007), SQLite knows every row of that index qualifies and counts without reading a case.
  if (f.status === 'active') out.push(sql<SqlBool>`${k('status')} != 'closed'`);
  else if (f.status) out.push(sql<SqlBool>`${k('status')} = ${f.status}`);
  if (f.caseType) out.push(sql<SqlBool>`${k('case_type')} = ${f.caseType}`);
  if (f.responsibleUserId) out.push(sql<SqlBool>`${k('responsible_user_id')} = ${f.responsibleUserId}`);
  if (f.clientId) out.push(sql<SqlBool>`${k('client_id')} = ${f.clientId}`);
  if (f.overdue) {
    if (f.status !== 'active') out.push(sql<SqlBool>`${k('status')} != 'closed'`);
    out.push(sql<SqlBool>`${k('id')} IN (${overdueCaseIds(today)})`);
  }
  if (f.onlyId) out.push(sql<SqlBool>`${k('id')} = ${f.onlyId}`);
  return out;
}

/** One page of the list and how many cases match. */
export async function listCaseRows(db: Db, f: ListFilter, today: string = todayIso()): Promise<{ rows: CaseListRow[]; total: number }> {
  let q = base(db);
  const conditions = caseConditions(f, today);
  for (const condition of conditions) q = q.where(condition);
  const query = (f.query ?? '').trim();
  const client = clientMatches(query);
  if (client) {
    // The client is found as the client list finds her (any word of the name, digits of a phone…).
    q = q.where((eb) =>
      eb.or([
        eb.and([eb('k.court_case_number', '>=', query), eb('k.court_case_number', '<', prefixEnd(query))]),
        eb.and([eb('k.number', '>=', query), eb('k.number', '<', prefixEnd(query))]),
        client,
      ]),
    );
    // A search never names a record hidden from its reader, not even as a restricted row.
    q = q.where(caseVisibleSql(f.viewer), '=', 1);
  }
  // Without a name to search, the count needs no client: every case has its client (a foreign key,
  // checked even by the exchange's deferred checks), so joining them changes no count, but looking
  // each one up cost more than the rest of the list (7,000 active cases at national scale).
  let counted = db.selectFrom('cases as k').where('k.deleted_at', 'is', null);
  for (const condition of conditions) counted = counted.where(condition);
  const total = query
    ? await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    : await counted.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const column = { openedOn: 'k.opened_on', number: 'k.number', status: 'k.status', caseType: 'k.case_type', updatedAt: 'k.updated_at' } as const;
  const rows = await q
    .selectAll('k')
    .select(['c.surname', 'c.given_name'])
    .select(caseVisibleSql(f.viewer).as('visible'))
    .orderBy(column[f.sort], f.dir)
    .orderBy('k.id', f.dir)
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  const next = await nextHearings(db, rows.map((r) => r.id), today);
  return {
    rows: rows.map((r) => asListRow(r, next, Number(r.visible) === 1)),
    total: Number(total.n),
  };
}

/**
 * The cases a search names, in one query: those whose court case number or own number starts with
 * `number` (the newest first), or the cases of `clientIds` (each client's in turn, in the order given,
 * her newest first); only those `viewer` may see, at most `limit`.
 */
export async function searchedCaseRows(db: Db, viewer: Viewer, by: { number: string } | { clientIds: readonly string[] }, limit: number, today: string = todayIso()): Promise<CaseListRow[]> {
  // Written as SQL (the columns of selectAllOf): every search runs it twice, and Kysely's query builder
  // took longer to put it together than SQLite to run it.
  let where: RawBuilder<unknown>;
  let order: RawBuilder<unknown>;
  if ('number' in by) {
    const { number } = by;
    where = sql`((k.court_case_number >= ${number} AND k.court_case_number < ${prefixEnd(number)}) OR (k.number >= ${number} AND k.number < ${prefixEnd(number)}))`;
    order = sql`k.opened_on DESC`;
  } else {
    if (by.clientIds.length === 0) return [];
    const ids = by.clientIds.slice(0, 500);
    where = sql`k.client_id IN (${sql.join(ids)})`;
    // Each client's cases in the order the clients were given.
    order = sql`CASE k.client_id ${sql.join(ids.map((id, i) => sql`WHEN ${id} THEN ${sql.lit(i)}`), sql` `)} END, k.opened_on DESC`;
  }
  const { rows } = await sql<CaseListRow>`SELECT k.*, c.surname, c.given_name FROM cases AS k INNER JOIN clients AS c ON c.id = k.client_id
    WHERE k.deleted_at IS NULL AND ${caseVisibleSql(viewer)} = 1 AND ${where} ORDER BY ${order}, k.id DESC LIMIT ${limit}`.execute(db);
  const next = await nextHearings(db, rows.map((r) => r.id), today);
  return rows.map((r) => asListRow(r, next, true));
}

export async function getCaseRow(db: Db, id: string): Promise<CaseRow> {
  const row = await db.selectFrom('cases').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'No such case');
  return row;
}

/** The client of a live case, if there is such a case. */
export async function caseClientId(db: Db, caseId: string): Promise<string | undefined> {
  return (await db.selectFrom('cases').select('client_id').where('id', '=', caseId).where('deleted_at', 'is', null).executeTakeFirst())?.client_id;
}

/** One case as the list shows it. */
export async function getCaseListRow(db: Db, id: string, today: string = todayIso()): Promise<CaseListRow> {
  const row = await selectAllOf(db).where('k.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'No such case');
  return asListRow(row, await nextHearings(db, [id], today), true);
}

export async function statusHistoryRows(db: Db, caseId: string) {
  return db.selectFrom('case_status_history').selectAll().where('case_id', '=', caseId).where('deleted_at', 'is', null).orderBy('changed_on').orderBy('id').execute();
}

/** The date of the case's latest status change (null: none recorded). */
export async function lastStatusChangeOn(db: Db, caseId: string): Promise<string | null> {
  const last = await db.selectFrom('case_status_history').select((eb) => eb.fn.max<string>('changed_on').as('last')).where('case_id', '=', caseId).where('deleted_at', 'is', null).executeTakeFirst();
  return last?.last ?? null;
}

async function generateNumber(db: Db, prefix: string): Promise<string> {
  const taken = await db.selectFrom('cases').select('number').where('number', '>=', prefix).where('number', '<', prefixEnd(prefix)).execute();
  const max = taken.reduce((m, t) => Math.max(m, Number(t.number.slice(prefix.length)) || 0), 0);
  return `${prefix}${String(max + 1).padStart(4, '0')}`;
}

/** What a case's form sets. */
export interface CaseFields {
  id?: string;
  clientId: string;
  caseType: CaseType;
  /** Generated (contact point code + year + number) when empty. */
  number: string;
  openedOn: string | null;
  contactPointId: string | null;
  responsibleUserId: string | null;
  responsibleName: string;
  courtName: string;
  courtDistrictId: string | null;
  courtCaseNumber: string;
  judge: string;
  respondentName: string;
  respondentBirthDate: string | null;
  respondentAddress: string;
  respondentWhereabouts: string;
  respondentPhone: string;
  monthlyAlimonyDiram: number | null;
  arrearsRecoveredDiram: number | null;
  notes: string;
}

/** The columns a case form sets (saveCase, and the national seed's fast path). */
export function caseColumns(input: CaseFields, number: string, openedOn: string, contactPointId: string | null) {
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
    respondent_phone: input.respondentPhone,
    monthly_alimony_diram: input.monthlyAlimonyDiram,
    arrears_recovered_diram: input.arrearsRecoveredDiram,
    notes: input.notes,
  };
}

/**
 * Saves a case as checked by the case service: a new one is numbered after its contact point (the
 * case's, else this installation's) and year, and starts open with its first history row.
 */
/** The lawyer's decision to go on although the respondent matched these clients of the office. */
export interface ConflictDecision {
  reason: string;
  clientIds: string[];
}

export async function saveCase(
  ctx: WriteCtx,
  input: CaseFields,
  ownContactPointId: string | null,
  today: string = todayIso(),
  conflict: ConflictDecision | null = null,
): Promise<string> {
  const { trx, w } = ctx;
  const existing = input.id ? await getCaseRow(trx, input.id) : null;
  const contactPointId = input.contactPointId ?? existing?.contact_point_id ?? ownContactPointId;
  let cpCode = 'C';
  if (contactPointId) {
    const cp = await trx.selectFrom('contact_points').select('code').where('id', '=', contactPointId).where('deleted_at', 'is', null).executeTakeFirst();
    if (!cp) throw new AppError('NOT_FOUND', 'No such contact point');
    cpCode = cp.code;
  }
  const openedOn = input.openedOn ?? existing?.opened_on ?? today;
  const number = input.number || existing?.number || (await generateNumber(trx, `${cpCode}-${openedOn.slice(0, 4)}-`));
  const values = { ...caseColumns(input, number, openedOn, contactPointId), ...(conflict ? { conflict_note: conflict.reason } : {}) };
  let id: string;
  if (existing) {
    id = existing.id;
    const fields = await updateRow(trx, w, 'cases', existing.id, values);
    await audit(ctx, 'case.update', 'cases', existing.id, { fields });
  } else {
    id = await insertRow(trx, w, 'cases', { ...values, status: 'open', closed_on: null, outcome: null, details: '{}' });
    await insertRow(trx, w, 'case_status_history', statusHistoryColumns(id, 'open', openedOn, ctx.user.id, ''));
    await audit(ctx, 'case.create', 'cases', id, { clientId: input.clientId, caseType: input.caseType });
  }
  // The decision names the matching records by id only; its reason is kept on the case (conflict_note).
  if (conflict) await audit(ctx, 'case.conflictProceed', 'cases', id, { clientIds: conflict.clientIds, matches: conflict.clientIds.length });
  return id;
}

/** A case's details (JSON; the answers of its filings under `filing`), as saving a filing keeps them for the next one (saveFiling, and the demo data set). */
export async function setCaseDetails(ctx: WriteCtx, caseId: string, details: Record<string, unknown>): Promise<void> {
  await updateRow(ctx.trx, ctx.w, 'cases', caseId, { details: JSON.stringify(details) });
}

/** The columns a status change sets on the case (writeCaseStatus, and the national seed). */
export function caseStatusPatch(status: CaseStatus, on: string, outcome: CaseOutcome | null) {
  const patch: { status: CaseStatus; closed_on?: string | null; outcome?: CaseOutcome | null } = { status };
  if (status === 'closed') {
    patch.closed_on = on;
    patch.outcome = outcome;
  } else if (outcome) patch.outcome = outcome; // e.g. the decision's outcome, recorded when decided
  return patch;
}

/** The dated history row of a case's status (saveCase, writeCaseStatus, and the national seed). */
export function statusHistoryColumns(caseId: string, status: CaseStatus, on: string, userId: string, note: string) {
  return { case_id: caseId, status, changed_on: on, user_id: userId, note };
}

/** A change of status as the case service allowed it: the case's columns and a dated history row. */
export async function writeCaseStatus(
  ctx: WriteCtx,
  change: { id: string; from: CaseStatus; status: CaseStatus; on: string; outcome: CaseOutcome | null; note: string },
): Promise<void> {
  const { trx, w } = ctx;
  await updateRow(trx, w, 'cases', change.id, caseStatusPatch(change.status, change.on, change.outcome));
  await insertRow(trx, w, 'case_status_history', statusHistoryColumns(change.id, change.status, change.on, ctx.user.id, change.note));
  await audit(ctx, 'case.status', 'cases', change.id, { from: change.from, to: change.status, outcome: change.outcome });
}

/** Marks a case sensitive (why) or clears the mark; returns whether it changed. */
export async function setCaseSensitive(ctx: WriteCtx, id: string, sensitive: SensitiveKind | null): Promise<boolean> {
  const from = (await getCaseRow(ctx.trx, id)).sensitive;
  if (from === sensitive) return false;
  await updateRow(ctx.trx, ctx.w, 'cases', id, { sensitive });
  await audit(ctx, 'case.sensitive', 'cases', id, { from, to: sensitive });
  return true;
}
