import { AppError } from '../../shared/api/errors';
import { todayIso } from '../../shared/domain/dates';
import type { MobileSessionStatus } from '../../shared/domain/enums';
import { insertRow, tombstoneRow, updateRow } from '../write';
import { getContactPoint, staffName } from './contactPoints';
import { audit, type Db, type WriteCtx } from './writeContext';

// Mobile sessions (Action Plan 1.2.4): planned → conducted or cancelled, with the team and who was seen.

function baseQuery(db: Db) {
  return db
    .selectFrom('mobile_sessions as s')
    .innerJoin('contact_points as cp', 'cp.id', 's.contact_point_id')
    .selectAll('s')
    .select('cp.name as contact_point_name')
    .where('s.deleted_at', 'is', null);
}

/** A session with its contact point's name. */
export type SessionRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

/** How many consultations each session has, and of how many clients (one grouped query). */
export async function sessionCounts(db: Db, ids: string[]): Promise<Map<string, { consultations: number; clients: number }>> {
  if (ids.length === 0) return new Map();
  const counts = await db
    .selectFrom('consultations')
    .select((eb) => ['mobile_session_id', eb.fn.countAll<number>().as('n'), eb.fn.count<number>('client_id').distinct().as('clients')])
    .where('mobile_session_id', 'in', ids)
    .where('deleted_at', 'is', null)
    .groupBy('mobile_session_id')
    .execute();
  return new Map(counts.map((c) => [c.mobile_session_id!, { consultations: Number(c.n), clients: Number(c.clients) }]));
}

/** The session list's filters and page. */
export interface SessionListFilter {
  from?: string | null;
  to?: string | null;
  status?: MobileSessionStatus;
  contactPointId?: string | null;
  sort: 'date' | 'code' | 'status';
  dir: 'asc' | 'desc';
  offset: number;
  limit: number;
}

/** One page of the list and how many sessions match. */
export async function listSessionRows(db: Db, f: SessionListFilter): Promise<{ rows: SessionRow[]; total: number }> {
  let q = baseQuery(db);
  if (f.from) q = q.where('s.date', '>=', f.from);
  if (f.to) q = q.where('s.date', '<=', f.to);
  if (f.status) q = q.where('s.status', '=', f.status);
  if (f.contactPointId) q = q.where('s.contact_point_id', '=', f.contactPointId);
  const total = await q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const column = f.sort === 'code' ? 's.code' : f.sort === 'status' ? 's.status' : 's.date';
  const rows = await q.orderBy(column, f.dir).orderBy('s.id', f.dir).limit(f.limit).offset(f.offset).execute();
  return { rows, total: Number(total.n) };
}

export async function getSessionRow(db: Db, id: string): Promise<SessionRow> {
  const row = await baseQuery(db).where('s.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'No such mobile session');
  return row;
}

export async function teamRows(db: Db, sessionId: string) {
  return db
    .selectFrom('mobile_session_team')
    .select(['id', 'staff_id', 'name', 'role'])
    .where('mobile_session_id', '=', sessionId)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();
}

/** Whether any consultation was recorded in the session. */
export async function sessionHasConsultations(db: Db, sessionId: string): Promise<boolean> {
  return (await db.selectFrom('consultations').select('id').where('mobile_session_id', '=', sessionId).where('deleted_at', 'is', null).executeTakeFirst()) !== undefined;
}

/** The live session that has this code, if any. */
export async function sessionIdByCode(db: Db, code: string): Promise<string | undefined> {
  return (await db.selectFrom('mobile_sessions').select('id').where('code', '=', code).where('deleted_at', 'is', null).executeTakeFirst())?.id;
}

/** The columns a session's form sets, with its code and contact point resolved (saveSession, and the national seed). */
export function sessionColumns(input: SessionFields, code: string, contactPointId: string) {
  return {
    code,
    contact_point_id: contactPointId,
    date: input.date,
    district_id: input.districtId,
    jamoat: input.jamoat,
    village: input.village,
    partner_authority: input.partnerAuthority,
    notes: input.notes,
  };
}

/** The columns of a member of a session's team; `name` falls back to the staff member's (saveSession, and the national seed). */
export function teamMemberColumns(member: SessionFields['team'][number], name: string) {
  return { staff_id: member.staffId, name, role: member.role };
}

/** The first free code of a session of this contact point on this date: CODE-YYYYMMDD-N. */
export async function generateSessionCode(db: Db, cpCode: string, date: string): Promise<string> {
  const prefix = `${cpCode}-${date.replace(/-/g, '')}-`;
  const taken = await db
    .selectFrom('mobile_sessions')
    .select('code')
    .where('code', '>=', prefix)
    .where('code', '<', `${prefix}\uffff`)
    .execute();
  const used = new Set(taken.map((t) => t.code));
  let n = 1;
  while (used.has(`${prefix}${n}`)) n += 1;
  return `${prefix}${n}`;
}

/** What a session's form sets. */
export interface SessionFields {
  id?: string;
  /** Generated (contact point code + date + number) when empty. */
  code: string;
  /** null: the session's own (when edited), else this installation's. */
  contactPointId: string | null;
  date: string;
  districtId: string;
  jamoat: string;
  village: string;
  partnerAuthority: string;
  notes: string;
  team: Array<{ id?: string; staffId: string | null; name: string; role: string }>;
}

/** Saves a session as checked by the session service; returns its id. */
export async function saveSession(ctx: WriteCtx, input: SessionFields, ownContactPointId: string | null): Promise<string> {
  const { trx } = ctx;
  const existing = input.id ? await getSessionRow(trx, input.id) : null;
  const contactPointId = input.contactPointId ?? existing?.contact_point_id ?? ownContactPointId;
  if (!contactPointId) throw new AppError('NOT_FOUND', 'No contact point for the session');
  const cp = await getContactPoint(trx, contactPointId);
  let code = input.code || existing?.code || (await generateSessionCode(trx, cp.code, input.date));
  const clash = await sessionIdByCode(trx, code);
  // A generated code taken meanwhile (by a session received from another installation): the next one.
  if (clash && clash !== input.id) code = await generateSessionCode(trx, cp.code, input.date);
  const values = sessionColumns(input, code, contactPointId);
  let id: string;
  if (existing) {
    id = existing.id;
    const changed = await updateRow(trx, ctx.w, 'mobile_sessions', id, values);
    await audit(ctx, 'mobile_session.update', 'mobile_sessions', id, { fields: changed });
  } else {
    id = await insertRow(trx, ctx.w, 'mobile_sessions', { ...values, status: 'planned', status_changed_on: null });
    await audit(ctx, 'mobile_session.create', 'mobile_sessions', id);
  }
  await saveTeam(ctx, id, input.team);
  return id;
}

async function saveTeam(ctx: WriteCtx, sessionId: string, team: SessionFields['team']): Promise<void> {
  const { trx } = ctx;
  const current = await trx
    .selectFrom('mobile_session_team')
    .select('id')
    .where('mobile_session_id', '=', sessionId)
    .where('deleted_at', 'is', null)
    .execute();
  const keep = new Set<string>();
  let added = 0;
  for (const member of team) {
    // A staff member's name stands in for a name left empty.
    const name = member.name || (member.staffId ? ((await staffName(trx, member.staffId)) ?? '') : '');
    const values = teamMemberColumns(member, name);
    if (member.id && current.some((c) => c.id === member.id)) {
      keep.add(member.id);
      await updateRow(trx, ctx.w, 'mobile_session_team', member.id, values);
    } else {
      await insertRow(trx, ctx.w, 'mobile_session_team', { ...values, mobile_session_id: sessionId });
      added += 1;
    }
  }
  const removed = current.filter((c) => !keep.has(c.id));
  for (const r of removed) await tombstoneRow(trx, ctx.w, 'mobile_session_team', r.id);
  if (added || removed.length) await audit(ctx, 'mobile_session.team', 'mobile_sessions', sessionId, { added, removed: removed.length });
}

/** A change of status as the session service allowed it. */
export async function writeSessionStatus(ctx: WriteCtx, id: string, from: MobileSessionStatus, to: MobileSessionStatus, today: string = todayIso()): Promise<void> {
  await updateRow(ctx.trx, ctx.w, 'mobile_sessions', id, { status: to, status_changed_on: today });
  await audit(ctx, 'mobile_session.status', 'mobile_sessions', id, { from, to });
}
