import { sql, type RawBuilder } from 'kysely';
import { seesEverySensitiveRecord, type Viewer } from '../../shared/domain/sensitivity';
import type { Db } from './writeContext';

// The rule of shared/domain/sensitivity.ts as SQL: one fragment per kind of record, used by every list,
// search and page that reads clients or cases. Each is a boolean expression over the query's own aliases,
// so it composes with any other WHERE: filtered on (search), or selected as a column (lists, which
// show a "restricted" row in place of a hidden one so that their totals stay right).

export type { Viewer };

/** Whether the client under alias `c` is seen by `viewer` (1 or 0). */
export function clientVisibleSql(viewer: Viewer, c = 'c'): RawBuilder<number> {
  if (seesEverySensitiveRecord(viewer.role)) return sql<number>`1`;
  const col = (name: string) => sql.ref(`${c}.${name}`);
  return sql<number>`(${col('sensitive')} IS NULL OR ${col('recorded_by_user_id')} = ${viewer.userId} OR EXISTS (SELECT 1 FROM cases AS seen_case WHERE seen_case.client_id = ${col('id')} AND seen_case.responsible_user_id = ${viewer.userId} AND seen_case.deleted_at IS NULL))`;
}

/** The case's own part of the rule (its client aside): not sensitive, or the viewer is responsible. */
function caseItselfVisibleSql(viewer: Viewer, k: string): RawBuilder<number> {
  return sql<number>`(${sql.ref(`${k}.sensitive`)} IS NULL OR ${sql.ref(`${k}.responsible_user_id`)} = ${viewer.userId})`;
}

/** Whether the case under alias `k`, of the client under alias `c`, is seen by `viewer` (1 or 0). */
export function caseVisibleSql(viewer: Viewer, k = 'k', c = 'c'): RawBuilder<number> {
  if (seesEverySensitiveRecord(viewer.role)) return sql<number>`1`;
  return sql<number>`(${caseItselfVisibleSql(viewer, k)} AND ${clientVisibleSql(viewer, c)})`;
}

/**
 * Whether the consultation under alias `k`, of the client under alias `c`, is seen by `viewer`: it shows
 * its client and its case, so it is seen by those who see both.
 */
export function consultationVisibleSql(viewer: Viewer, k = 'k', c = 'c'): RawBuilder<number> {
  if (seesEverySensitiveRecord(viewer.role)) return sql<number>`1`;
  const caseId = sql.ref(`${k}.case_id`);
  return sql<number>`(${clientVisibleSql(viewer, c)} AND (${caseId} IS NULL OR EXISTS (SELECT 1 FROM cases AS seen_by WHERE seen_by.id = ${caseId} AND ${caseItselfVisibleSql(viewer, 'seen_by')})))`;
}

/** The ones of `ids` (clients) that `viewer` may not see. */
export async function hiddenClientIds(db: Db, viewer: Viewer, ids: readonly string[]): Promise<Set<string>> {
  const hidden = new Set<string>();
  if (ids.length === 0 || seesEverySensitiveRecord(viewer.role)) return hidden;
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .selectFrom('clients as c')
      .select('c.id')
      .where('c.id', 'in', unique.slice(i, i + 500))
      .where('c.sensitive', 'is not', null)
      .where(sql<boolean>`NOT ${clientVisibleSql(viewer)}`)
      .execute();
    for (const r of rows) hidden.add(r.id);
  }
  return hidden;
}

/** Whether `viewer` may see this client (true too when there is no such client: the caller reports that). */
export async function clientVisible(db: Db, viewer: Viewer, id: string): Promise<boolean> {
  return !(await hiddenClientIds(db, viewer, [id])).has(id);
}

/** Whether `viewer` may see this case (true too when there is no such case: the caller reports that). */
export async function caseVisible(db: Db, viewer: Viewer, id: string): Promise<boolean> {
  if (seesEverySensitiveRecord(viewer.role)) return true;
  const row = await db
    .selectFrom('cases as k')
    .innerJoin('clients as c', 'c.id', 'k.client_id')
    .select(caseVisibleSql(viewer).as('visible'))
    .where('k.id', '=', id)
    .executeTakeFirst();
  return !row || Number(row.visible) === 1;
}

/** The case and the client a stored document belongs to, for the visibility check before it is taken out. */
export async function documentOwner(db: Db, id: string): Promise<{ case_id: string | null; client_id: string | null } | undefined> {
  return db.selectFrom('documents').select(['case_id', 'client_id']).where('id', '=', id).executeTakeFirst();
}
