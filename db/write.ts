import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import { AppError } from '../shared/api/errors';
import type { HybridClock } from '../shared/sync/hlc';
import { uuidv7 } from '../shared/util/uuidv7';
import { changeData, encodeValue } from './changeLog';
import type { Database, SyncedColumns, SyncedTable } from './schema';

// Every write to a synced table goes through these three functions. Each stamps the row with a fresh
// hybrid-logical-clock value and records one change message in change_log: the columns it set, under
// that stamp (db/changeLog.ts) — what the exchange packages carry and merge column by column.
// Deletion is a tombstone (deleted_at), never DELETE, so that audit and sync still see the row.

export interface Writer {
  clock: HybridClock;
  /** This installation's id: where the change was made. */
  origin: string;
  now?: () => Date;
}

type Db = Kysely<Database> | Transaction<Database>;
type Values<T extends SyncedTable> = Omit<Insertable<Database[T]>, keyof SyncedColumns> & { id?: string };
type Patch<T extends SyncedTable> = Omit<Updateable<Database[T]>, keyof SyncedColumns>;

const BOOKKEEPING = new Set(['id', 'created_at', 'updated_at', 'hlc']);

async function logChanges(db: Db, w: Writer, table: SyncedTable, rowId: string, hlc: string, values: Record<string, unknown>) {
  const data = changeData(values);
  if (data !== null) await db.insertInto('change_log').values({ hlc, table_name: table, row_id: rowId, data, origin: w.origin }).execute();
}

export async function insertRow<T extends SyncedTable>(db: Db, w: Writer, table: T, values: Values<T>): Promise<string> {
  const id = values.id ?? uuidv7();
  const now = (w.now?.() ?? new Date()).toISOString();
  const hlc = w.clock.tick();
  const row = { ...values, id, created_at: now, updated_at: now, hlc, deleted_at: null } as Record<string, unknown>;
  // Kysely cannot type an insert into a table chosen at run time; `values` is typed by the signature.
  await (db as Kysely<any>).insertInto(table as string).values(row).execute();
  await logChanges(db, w, table, id, hlc, row);
  return id;
}

/**
 * Updates only the columns whose value really changes; returns the names of those columns. A removed
 * (tombstoned) row is changed only when `removed` says so: an erasure blanks what a removed row still holds.
 */
export async function updateRow<T extends SyncedTable>(db: Db, w: Writer, table: T, id: string, patch: Patch<T>, { removed = false } = {}): Promise<string[]> {
  const current = (await (db as Kysely<any>).selectFrom(table as string).selectAll().where('id', '=', id).executeTakeFirst()) as
    | Record<string, unknown>
    | undefined;
  if (!current || (current.deleted_at && !removed)) throw new AppError('NOT_FOUND', `No such record in ${table}`);
  const changed: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(patch as Record<string, unknown>)) {
    if (value === undefined || BOOKKEEPING.has(column)) continue;
    if (encodeValue(current[column]) !== encodeValue(value)) changed[column] = value;
  }
  const columns = Object.keys(changed);
  if (columns.length === 0) return [];
  const hlc = w.clock.tick();
  const now = (w.now?.() ?? new Date()).toISOString();
  await (db as Kysely<any>)
    .updateTable(table as string)
    .set({ ...changed, updated_at: now, hlc })
    .where('id', '=', id)
    .execute();
  await logChanges(db, w, table, id, hlc, changed);
  return columns;
}

export async function tombstoneRow(db: Db, w: Writer, table: SyncedTable, id: string): Promise<void> {
  const now = (w.now?.() ?? new Date()).toISOString();
  const current = (await (db as Kysely<any>).selectFrom(table as string).select(['id', 'deleted_at']).where('id', '=', id).executeTakeFirst()) as
    | { deleted_at: string | null }
    | undefined;
  if (!current) throw new AppError('NOT_FOUND', `No such record in ${table}`);
  if (current.deleted_at) return;
  const hlc = w.clock.tick();
  await (db as Kysely<any>).updateTable(table as string).set({ deleted_at: now, updated_at: now, hlc }).where('id', '=', id).execute();
  await logChanges(db, w, table, id, hlc, { deleted_at: now });
}
