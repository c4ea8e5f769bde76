import { sql } from 'kysely';
import type { Db, WriteCtx } from '../../db/queries/writeContext';
import { audit } from '../../db/queries/writeContext';
import type { SyncedTable } from '../../db/schema';
import { updateRow } from '../../db/write';
import { AppError } from '../../shared/api/errors';
import type { ConflictItem, ConflictOutcome } from '../../shared/api/exchangeTypes';
import { decodeValue } from '../../db/changeLog';
import { nodeIdFromInstallation, parseHlc } from '../../shared/sync/hlc';
import { EXCHANGED_TABLES } from './fullSync';

// The conflict queue: values that lost a field-level merge against a concurrent change. The newest
// stamp already won on every installation; a person looks at each loser and either confirms the
// outcome or swaps it — the losing value is then written again as a new local change (with a newer
// stamp), so the swap travels to the other installations like any edit.
//
// A record deleted since the conflict (by a person here or on a paired installation, or erased on
// request) is not brought back by a swap: the deletion is the later decision, and a swap over one field
// must not undo it (nor put back personal data an erasure removed). Such a conflict is closed with the
// resolution 'recordDeleted' and the other value is not written; the list shows it before anyone acts.

function shown(value: string | null): unknown {
  const v = decodeValue(value);
  return Buffer.isBuffer(v) ? `(${v.length} bytes)` : v;
}

/** The ids among `ids` of `table` that are live records (not deleted, still there). */
async function liveIds(db: Db, table: string, ids: string[]): Promise<Set<string>> {
  const live = new Set<string>();
  if (!EXCHANGED_TABLES.includes(table)) return live;
  for (let i = 0; i < ids.length; i += 500) {
    const { rows } = await sql<{ id: string }>`SELECT id FROM ${sql.table(table)} WHERE id IN (${sql.join(ids.slice(i, i + 500))}) AND deleted_at IS NULL`.execute(db);
    for (const r of rows) live.add(r.id);
  }
  return live;
}

/** The queue (the first thousand), or the one conflict of `onlyId`. */
export async function listConflicts(db: Db, includeResolved: boolean, onlyId?: string): Promise<ConflictItem[]> {
  let q = db.selectFrom('sync_conflicts').selectAll().orderBy('detected_at').orderBy('id');
  if (!includeResolved) q = q.where('resolved_at', 'is', null);
  if (onlyId !== undefined) q = q.where('id', '=', onlyId);
  const rows = await q.limit(1000).execute();
  const live = new Map<string, Set<string>>();
  for (const table of new Set(rows.map((r) => r.table_name))) {
    live.set(table, await liveIds(db, table, rows.filter((r) => r.table_name === table).map((r) => r.row_id)));
  }
  return rows.map((r) => ({
    id: r.id,
    tableName: r.table_name,
    rowId: r.row_id,
    columnName: r.column_name,
    keptValue: shown(r.kept_value),
    lostValue: shown(r.lost_value),
    keptHlc: r.kept_hlc,
    lostHlc: r.lost_hlc,
    detectedAt: r.detected_at,
    recordDeleted: !live.get(r.table_name)!.has(r.row_id),
    resolvedAt: r.resolved_at,
    resolution: r.resolution as ConflictOutcome | null,
  }));
}

export async function resolveConflict(ctx: WriteCtx, id: string, action: 'confirm' | 'swap', now: string): Promise<ConflictOutcome> {
  const c = await ctx.trx.selectFrom('sync_conflicts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!c) throw new AppError('NOT_FOUND', 'No such conflict');
  if (c.resolved_at) throw new AppError('INVALID_TRANSITION', 'The conflict is already resolved');
  let outcome: ConflictOutcome = action;
  if (action === 'swap') {
    if (!EXCHANGED_TABLES.includes(c.table_name)) throw new AppError('BAD_REQUEST', 'Not an exchanged table');
    if ((await liveIds(ctx.trx, c.table_name, [c.row_id])).size === 0) outcome = 'recordDeleted';
    else await updateRow(ctx.trx, ctx.w, c.table_name as SyncedTable, c.row_id, { [c.column_name]: decodeValue(c.lost_value) } as never);
  }
  await ctx.trx.updateTable('sync_conflicts').set({ resolved_at: now, resolution: outcome }).where('id', '=', id).execute();
  await audit(ctx, 'exchange.conflict', c.table_name, c.row_id, { column: c.column_name, action, ...(outcome === 'recordDeleted' ? { outcome } : {}) });
  return outcome;
}

/** Which value to keep, in the words of the command line: the value made here or elsewhere, or the kept or the other one. */
export type KeepChoice = 'mine' | 'theirs' | 'kept' | 'other';

/**
 * The action that keeps the chosen value. "Mine" is the value whose stamp this installation made (the
 * newer stamp won, so it may be the kept value or the other one); when neither value was made here (a
 * change relayed by a contact point) there is no "mine", and the choice must say kept or other.
 */
export function actionToKeep(c: ConflictItem, ownInstallationId: string, keep: KeepChoice): 'confirm' | 'swap' {
  if (keep === 'kept') return 'confirm';
  if (keep === 'other') return 'swap';
  const own = nodeIdFromInstallation(ownInstallationId);
  const keptHere = parseHlc(c.keptHlc).node === own;
  const lostHere = parseHlc(c.lostHlc).node === own;
  if (keptHere === lostHere) throw new AppError('BAD_REQUEST', 'Neither value (or both) was made on this installation: say --keep kept or --keep other');
  return (keep === 'mine') === keptHere ? 'confirm' : 'swap';
}
