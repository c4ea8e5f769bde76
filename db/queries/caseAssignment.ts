import { sql } from 'kysely';
import { insertRow, updateRow } from '../write';
import { audit, type Db, type WriteCtx } from './writeContext';

// Who is responsible for a case: handing it to another lawyer (a dated row with the reason, the case's
// lawyer columns changed, one audit entry), and each lawyer's caseload. Reads of cases here start from
// `liveCases`, the one place a rule on which cases a user may see would be added.

/** Cases not removed: the start of every read of cases for the calendar and the caseload. */
export function liveCases(db: Db) {
  return db.selectFrom('cases as k').where('k.deleted_at', 'is', null);
}

export async function transferRows(db: Db, caseId: string) {
  return db.selectFrom('case_transfers').selectAll().where('case_id', '=', caseId).where('deleted_at', 'is', null).orderBy('transferred_on').orderBy('id').execute();
}

export interface TransferFields {
  caseId: string;
  on: string;
  from: { userId: string | null; name: string };
  to: { userId: string; name: string };
  reason: string;
}

/** The case goes to another lawyer. The audit entry names the accounts, not the reason (free text). */
export async function writeTransfer(ctx: WriteCtx, t: TransferFields): Promise<string> {
  await updateRow(ctx.trx, ctx.w, 'cases', t.caseId, { responsible_user_id: t.to.userId, responsible_name: t.to.name });
  const id = await insertRow(ctx.trx, ctx.w, 'case_transfers', {
    case_id: t.caseId,
    transferred_on: t.on,
    from_user_id: t.from.userId,
    from_name: t.from.name,
    to_user_id: t.to.userId,
    to_name: t.to.name,
    reason: t.reason,
    user_id: ctx.user.id,
  });
  await audit(ctx, 'case.transfer', 'cases', t.caseId, { fromUserId: t.from.userId, toUserId: t.to.userId, transferId: id });
  return id;
}

/** Open cases counted by lawyer (the account; null: nobody here), status and type, with the oldest opening date of each group. */
export async function openCaseloadRows(db: Db, contactPointId: string | null) {
  let q = liveCases(db)
    .select((eb) => ['k.responsible_user_id', 'k.status', 'k.case_type', eb.fn.countAll<number>().as('n'), eb.fn.min<string>('k.opened_on').as('oldest')])
    // A literal, as in the case list: the partial index of active cases (migration 0007) covers it.
    .where('k.status', '!=', sql.lit('closed'));
  if (contactPointId) q = q.where('k.contact_point_id', '=', contactPointId);
  return q.groupBy(['k.responsible_user_id', 'k.status', 'k.case_type']).execute();
}

/** Cases closed between two dates (inclusive), counted by lawyer. */
export async function closedCaseloadRows(db: Db, from: string, to: string, contactPointId: string | null) {
  // The index of closed cases by day (migration 0023) is named: left to itself, SQLite would start from
  // the status, every closed case of every year. Live cases only, as `liveCases` reads them.
  const { rows } = await sql<{ responsible_user_id: string | null; n: number }>`
    SELECT k.responsible_user_id, count(*) AS n
    FROM cases AS k INDEXED BY cases_live_closed_by
    WHERE k.deleted_at IS NULL AND k.status = 'closed' AND k.closed_on >= ${from} AND k.closed_on <= ${to}
      ${contactPointId ? sql`AND k.contact_point_id = ${contactPointId}` : sql``}
    GROUP BY k.responsible_user_id`.execute(db);
  return rows;
}

/** The account a case would go to, removed ones left out. */
export async function transferTargetRow(db: Db, userId: string) {
  return db.selectFrom('users').select(['id', 'display_name', 'role', 'active']).where('id', '=', userId).where('deleted_at', 'is', null).executeTakeFirst();
}

/** Display names of accounts, removed ones included (a caseload may still name them). */
export async function userNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
