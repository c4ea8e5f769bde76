import { staffName } from '../../db/queries/contactPoints';
import {
  getSessionRow,
  listSessionRows,
  saveSession as saveSessionRows,
  sessionCounts,
  sessionHasConsultations,
  sessionIdByCode,
  teamRows,
  writeSessionStatus,
  type SessionFields,
  type SessionListFilter,
  type SessionRow,
} from '../../db/queries/mobileSessions';
import type { Db, WriteCtx } from '../../db/queries/writeContext';
import type { MobileSessionDetail, MobileSessionSummary } from '../../shared/api/mobileSessionTypes';
import type { Paged } from '../../shared/api/pagedCount';
import { AppError } from '../../shared/api/errors';
import { todayIso } from '../../shared/domain/dates';
import type { MobileSessionStatus } from '../../shared/domain/enums';
import { consultationsOf } from './consultationViews';
import { requireContactPoint } from './contactPoints';
import { fieldError } from './fieldPaths';
import { viewerOf } from './visibility';
import { withWrite, type Unlocked } from './index';

// Mobile legal-aid sessions (Action Plan 1.2.4): planned → conducted or cancelled, with the team and
// who was seen. (Not the login session of electron/app/database.ts.)

async function summaries(db: Db, rows: SessionRow[]): Promise<MobileSessionSummary[]> {
  const counts = await sessionCounts(db, rows.map((r) => r.id));
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
    status: r.status,
    statusChangedOn: r.status_changed_on,
    notes: r.notes,
    consultationCount: counts.get(r.id)?.consultations ?? 0,
    clientCount: counts.get(r.id)?.clients ?? 0,
  }));
}

export async function listSessions(s: Unlocked, f: SessionListFilter): Promise<Paged<MobileSessionSummary>> {
  const { rows, total } = await listSessionRows(s.db, f);
  return { rows: await summaries(s.db, rows), total };
}

export async function getSession(s: Unlocked, id: string): Promise<MobileSessionDetail> {
  const row = await getSessionRow(s.db, id);
  const [session] = await summaries(s.db, [row]);
  const team = await teamRows(s.db, id);
  return {
    session: session!,
    team: team.map((t) => ({ id: t.id, staffId: t.staff_id, name: t.name, role: t.role })),
    consultations: await consultationsOf(s.db, viewerOf(s), { mobileSessionId: id }, 'asc'),
  };
}

/**
 * A session has a contact point; a conducted one is not in the future; a code typed is not another
 * session's; a session already held keeps its date once it has consultations; team members named
 * from the staff exist.
 */
async function checkSession(db: Db, input: SessionFields, ownContactPointId: string | null, today: string): Promise<void> {
  const existing = input.id ? await getSessionRow(db, input.id) : null;
  const contactPointId = input.contactPointId ?? existing?.contact_point_id ?? ownContactPointId;
  if (!contactPointId) throw fieldError('Choose the contact point', 'contactPointId', 'required');
  await requireContactPoint(db, contactPointId, 'contactPointId');
  if (existing && existing.status === 'conducted' && input.date > today) throw fieldError('A conducted session cannot be in the future', 'date', 'futureDate');
  if (input.code) {
    const clash = await sessionIdByCode(db, input.code);
    if (clash && clash !== input.id) throw fieldError('This code is already used', 'code', 'duplicate');
  }
  // Consultations of a session carry its date; moving a held session would split them from it.
  if (existing && existing.status !== 'planned' && input.date !== existing.date && (await sessionHasConsultations(db, existing.id))) {
    throw fieldError('The session already has consultations on its date', 'date', 'invalid');
  }
  for (const [i, member] of input.team.entries()) {
    if (member.staffId && (await staffName(db, member.staffId)) === undefined) throw fieldError('No such staff member', `team.${i}.staffId`, 'invalid');
  }
}

export async function saveSession(s: Unlocked, input: SessionFields, today: string = todayIso()): Promise<MobileSessionDetail> {
  const own = s.installation.contactPointId;
  const id = await withWrite(s, async (ctx) => {
    await checkSession(ctx.trx, input, own, today);
    return saveSessionRows(ctx, input, own);
  });
  return getSession(s, id);
}

/**
 * planned → conducted (not before the session's date) or cancelled; cancelled → planned (re-planned);
 * conducted → planned/cancelled only while no consultation was recorded in it (a mistake), never after.
 * Checks the change of the session `id` (its current status and date in `row`), then writes it.
 */
export async function changeSessionStatus(ctx: WriteCtx, row: { id: string; status: MobileSessionStatus; date: string }, status: MobileSessionStatus, today: string): Promise<void> {
  const from = row.status;
  if (from === status) throw new AppError('INVALID_TRANSITION', `The session is already ${status}`, undefined, { from, to: status });
  if (status === 'conducted') {
    if (from !== 'planned') throw new AppError('INVALID_TRANSITION', 'Only a planned session can be conducted', undefined, { from, to: status });
    if (row.date > today) throw new AppError('INVALID_TRANSITION', 'A session in the future cannot be conducted yet', undefined, { from, to: status, reason: 'future' });
  }
  if ((from === 'conducted' || status === 'cancelled') && (await sessionHasConsultations(ctx.trx, row.id))) {
    throw new AppError('INVALID_TRANSITION', 'The session has consultations', undefined, { from, to: status, reason: 'has_consultations' });
  }
  await writeSessionStatus(ctx, row.id, from, status, today);
}

export async function setSessionStatus(s: Unlocked, id: string, status: MobileSessionStatus, today: string = todayIso()): Promise<MobileSessionDetail> {
  await withWrite(s, async (ctx) => changeSessionStatus(ctx, await getSessionRow(ctx.trx, id), status, today));
  return getSession(s, id);
}
