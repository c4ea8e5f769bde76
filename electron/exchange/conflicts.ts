import type { Db, WriteCtx } from '../../db/queries/writeContext';
import { audit } from '../../db/queries/writeContext';
import type { SyncedTable } from '../../db/schema';
import { updateRow } from '../../db/write';
import { AppError } from '../../shared/api/errors';
import type { ConflictItem } from '../../shared/api/exchangeTypes';
import { decodeValue } from '../../db/changeLog';
import { EXCHANGED_TABLES } from './fullSync';

// The conflict queue: values that lost a field-level merge against a concurrent change. The newest
// stamp already won on every installation; a person looks at each loser and either confirms the
// outcome or swaps it — the losing value is then written again as a new local change (with a newer
// stamp), so the swap travels to the other installations like any edit.

function shown(value: string | null): unknown {
  const v = decodeValue(value);
  return Buffer.isBuffer(v) ? `(${v.length} bytes)` : v;
}

export async function listConflicts(db: Db, includeResolved: boolean): Promise<ConflictItem[]> {
  let q = db.selectFrom('sync_conflicts').selectAll().orderBy('detected_at').orderBy('id');
  if (!includeResolved) q = q.where('resolved_at', 'is', null);
  const rows = await q.limit(1000).execute();
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
  }));
}

export async function resolveConflict(ctx: WriteCtx, id: string, action: 'confirm' | 'swap', now: string): Promise<void> {
  const c = await ctx.trx.selectFrom('sync_conflicts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!c) throw new AppError('NOT_FOUND', 'No such conflict');
  if (c.resolved_at) throw new AppError('INVALID_TRANSITION', 'The conflict is already resolved');
  if (action === 'swap') {
    if (!EXCHANGED_TABLES.includes(c.table_name)) throw new AppError('BAD_REQUEST', 'Not an exchanged table');
    await updateRow(ctx.trx, ctx.w, c.table_name as SyncedTable, c.row_id, { [c.column_name]: decodeValue(c.lost_value) } as never);
  }
  await ctx.trx.updateTable('sync_conflicts').set({ resolved_at: now, resolution: action }).where('id', '=', id).execute();
  await audit(ctx, 'exchange.conflict', c.table_name, c.row_id, { column: c.column_name, action });
}
