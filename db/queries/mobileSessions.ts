import type { z } from 'zod';
import type { MobileSessionDetail, MobileSessionSummary, Paged, TeamMember } from '../../shared/api/caseTracking';
import type { sessionInput, sessionListInput } from '../../shared/api/caseTrackingInputs';
import { AppError } from '../../shared/api/errors';
import { todayIso } from '../../shared/domain/dates';
import type { SessionStatus } from '../../shared/domain/enums';
import { insertRow, tombstoneRow, updateRow } from '../write';
import { getContactPoint } from './contactPoints';
import { listConsultations } from './consultations';
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

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

async function summaries(db: Db, rows: Row[]): Promise<MobileSessionSummary[]> {
  if (rows.length === 0) return [];
  // One grouped query for the page, not one per row.
  const counts = await db
    .selectFrom('consultations')
    .select((eb) => ['mobile_session_id', eb.fn.countAll<number>().as('n'), eb.fn.count<number>('client_id').distinct().as('clients')])
    .where(
      'mobile_session_id',
      'in',
      rows.map((r) => r.id),
    )
    .where('deleted_at', 'is', null)
    .groupBy('mobile_session_id')
    .execute();
  const byId = new Map(counts.map((c) => [c.mobile_session_id, c]));
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    contactPointId: r.contact_point_id,
    contactPointName: r.contact_point_name,
    date: r.date,
    districtId: r.district_id,
    jamoat: r.jamoat,
    village: r.village,
    partnerAuthority: r.partner_authority,
    status: r.status as SessionStatus,
    statusChangedOn: r.status_changed_on,
    notes: r.notes,
    consultationCount: Number(byId.get(r.id)?.n ?? 0),
    clientCount: Number(byId.get(r.id)?.clients ?? 0),
  }));
}

export async function listSessions(db: Db, f: z.output<typeof sessionListInput>): Promise<Paged<MobileSessionSummary>> {
  let q = baseQuery(db);
  if (f.from) q = q.where('s.date', '>=', f.from);
  if (f.to) q = q.where('s.date', '<=', f.to);
  if (f.status) q = q.where('s.status', '=', f.status);
  if (f.contactPointId) q = q.where('s.contact_point_id', '=', f.contactPointId);
  const total = await q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const column = f.sort === 'code' ? 's.code' : f.sort === 'status' ? 's.status' : 's.date';
  const rows = await q.orderBy(column, f.dir).orderBy('s.id', f.dir).limit(f.limit).offset(f.offset).execute();
  return { rows: await summaries(db, rows), total: Number(total.n) };
}

export async function getSessionRow(db: Db, id: string) {
  const row = await baseQuery(db).where('s.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'No such mobile session');
  return row;
}

export async function getSession(db: Db, id: string): Promise<MobileSessionDetail> {
  const row = await getSessionRow(db, id);
  const [session] = await summaries(db, [row]);
  const team = await db
    .selectFrom('mobile_session_team')
    .select(['id', 'staff_id', 'name', 'role'])
    .where('mobile_session_id', '=', id)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();
  const consultations = await listConsultations(db, { mobileSessionId: id, sort: 'date', dir: 'asc', offset: 0, limit: 500 });
  return {
    session: session!,
    team: team.map((t): TeamMember => ({ id: t.id, staffId: t.staff_id, name: t.name, role: t.role })),
    consultations: consultations.rows,
  };
}

/** The columns a session's form sets, with its code and contact point resolved (saveSession, and the national seed). */
export function sessionColumns(input: z.output<typeof sessionInput>, code: string, contactPointId: string) {
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
export function teamMemberColumns(member: z.output<typeof sessionInput>['team'][number], name: string) {
  return { staff_id: member.staffId, name, role: member.role };
}

async function generateCode(db: Db, cpCode: string, date: string): Promise<string> {
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

export async function saveSession(ctx: WriteCtx, input: z.output<typeof sessionInput>, ownContactPointId: string | null): Promise<string> {
  const { trx } = ctx;
  const existing = input.id ? await getSessionRow(trx, input.id) : null;
  const contactPointId = input.contactPointId ?? existing?.contact_point_id ?? ownContactPointId;
  if (!contactPointId) throw new AppError('VALIDATION', 'Choose the contact point', [{ path: 'contactPointId', key: 'required' }]);
  const cp = await getContactPoint(trx, contactPointId);
  if (existing && existing.status === 'conducted' && input.date > todayIso()) {
    throw new AppError('VALIDATION', 'A conducted session cannot be in the future', [{ path: 'date', key: 'futureDate' }]);
  }
  let code = input.code || existing?.code || (await generateCode(trx, cp.code, input.date));
  const clash = await trx.selectFrom('mobile_sessions').select('id').where('code', '=', code).where('deleted_at', 'is', null).executeTakeFirst();
  if (clash && clash.id !== input.id) {
    if (input.code) throw new AppError('VALIDATION', 'This code is already used', [{ path: 'code', key: 'duplicate' }]);
    code = await generateCode(trx, cp.code, input.date);
  }
  const values = sessionColumns(input, code, contactPointId);
  let id: string;
  if (existing) {
    id = existing.id;
    if (existing.status !== 'planned' && input.date !== existing.date) {
      // Consultations of a session carry its date; moving a held session would split them from it.
      const held = await trx.selectFrom('consultations').select('id').where('mobile_session_id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
      if (held) throw new AppError('VALIDATION', 'The session already has consultations on its date', [{ path: 'date', key: 'invalid' }]);
    }
    const changed = await updateRow(trx, ctx.w, 'mobile_sessions', id, values);
    await audit(ctx, 'mobile_session.update', 'mobile_sessions', id, { fields: changed });
  } else {
    id = await insertRow(trx, ctx.w, 'mobile_sessions', { ...values, status: 'planned', status_changed_on: null });
    await audit(ctx, 'mobile_session.create', 'mobile_sessions', id);
  }
  await saveTeam(ctx, id, input.team);
  return id;
}

async function saveTeam(ctx: WriteCtx, sessionId: string, team: z.output<typeof sessionInput>['team']): Promise<void> {
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
    let name = member.name;
    if (member.staffId) {
      const staff = await trx.selectFrom('staff').select('full_name').where('id', '=', member.staffId).where('deleted_at', 'is', null).executeTakeFirst();
      if (!staff) throw new AppError('VALIDATION', 'No such staff member', [{ path: `team.${team.indexOf(member)}.staffId`, key: 'invalid' }]);
      name = name || staff.full_name;
    }
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

/**
 * planned → conducted (not before the session's date) or cancelled; cancelled → planned (re-planned);
 * conducted → planned/cancelled only while no consultation was recorded in it (a mistake), never after.
 */
export async function setSessionStatus(ctx: WriteCtx, id: string, status: SessionStatus, today: string = todayIso()): Promise<void> {
  const row = await getSessionRow(ctx.trx, id);
  const from = row.status as SessionStatus;
  if (from === status) throw new AppError('INVALID_TRANSITION', `The session is already ${status}`, undefined, { from, to: status });
  if (status === 'conducted') {
    if (from !== 'planned') throw new AppError('INVALID_TRANSITION', 'Only a planned session can be conducted', undefined, { from, to: status });
    if (row.date > today) throw new AppError('INVALID_TRANSITION', 'A session in the future cannot be conducted yet', undefined, { from, to: status, reason: 'future' });
  }
  if (from === 'conducted' || status === 'cancelled') {
    const held = await ctx.trx.selectFrom('consultations').select('id').where('mobile_session_id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    if (held) throw new AppError('INVALID_TRANSITION', 'The session has consultations', undefined, { from, to: status, reason: 'has_consultations' });
  }
  await updateRow(ctx.trx, ctx.w, 'mobile_sessions', id, { status, status_changed_on: today });
  await audit(ctx, 'mobile_session.status', 'mobile_sessions', id, { from, to: status });
}
