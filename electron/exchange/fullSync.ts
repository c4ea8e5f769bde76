import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { SYNCED_TABLES } from '../../db/schema';
import { isHlc } from '../../shared/sync/hlc';
import { uuidv7 } from '../../shared/util/uuidv7';
import { PackageRefused } from './refusal';

// Field-by-field merge of change messages (the payload of a full package). Every change carries its
// hybrid-logical-clock stamp; for each cell (table, row, column) the change with the newest stamp wins,
// on every installation, whatever order the changes arrive in — so all copies converge. Every change
// received is kept in change_log with its original stamp and origin (so it is relayed onwards and
// recognised when it comes again); only the winners are written to the rows.

type Db = Kysely<Database> | Transaction<Database>;

/** Installation-local tables: accounts (with their key slots) and the trusted peers never travel. */
export const LOCAL_ONLY_TABLES = new Set(['users', 'peers']);
export const EXCHANGED_TABLES: readonly string[] = SYNCED_TABLES.filter((t) => !LOCAL_ONLY_TABLES.has(t));

/**
 * Columns that point at a user account. Accounts stay on their installation, so on arrival a reference to
 * an account that does not exist here is stored as NULL (the change itself is kept and relayed as it was).
 */
const USER_REFERENCES: Record<string, string[]> = {
  staff: ['user_id'],
  cases: ['responsible_user_id'],
  case_status_history: ['user_id'],
  tasks: ['assignee_user_id'],
  consultations: ['lawyer_user_id'],
  documents: ['created_by_user_id'],
  template_versions: ['imported_by_user_id'],
};

/** One change on the wire: [hlc, table, row id, column, JSON value or null, origin]. */
export type WireChange = [string, string, string, string, string | null, string];

export interface FullPayload {
  changes: WireChange[];
  /** created_at of every row the changes touch, so a row created on arrival keeps its first-recorded time. */
  created: Record<string, Record<string, string>>;
  /** Sent to other contact points only: the network's pseudonym secret (base64). */
  networkSecret?: string;
}

export async function maxSeq(db: Db): Promise<number> {
  const r = await sql<{ n: number | null }>`SELECT MAX(rowid) AS n FROM change_log`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

/** Every change after `afterSeq` (our local arrival order) that did not come from the recipient itself. */
export async function collectChanges(db: Db, recipient: string, afterSeq: number): Promise<{ payload: FullPayload; seqTo: number }> {
  const seqTo = await maxSeq(db);
  const tables = sql.join(EXCHANGED_TABLES.map((t) => sql.lit(t)));
  const rows = await sql<{ hlc: string; table_name: string; row_id: string; column_name: string; value: string | null; origin: string }>`
    SELECT hlc, table_name, row_id, column_name, value, origin FROM change_log
    WHERE rowid > ${afterSeq} AND rowid <= ${seqTo} AND origin <> ${recipient} AND table_name IN (${tables})
    ORDER BY rowid`.execute(db);
  const changes: WireChange[] = rows.rows.map((r) => [r.hlc, r.table_name, r.row_id, r.column_name, r.value, r.origin]);
  const byTable = new Map<string, Set<string>>();
  for (const c of changes) (byTable.get(c[1]) ?? byTable.set(c[1], new Set()).get(c[1])!).add(c[2]);
  const created: Record<string, Record<string, string>> = {};
  for (const [table, ids] of byTable) {
    const list = [...ids];
    created[table] = {};
    for (let i = 0; i < list.length; i += 500) {
      const found = await (db as Kysely<any>)
        .selectFrom(table)
        .select(['id', 'created_at'])
        .where('id', 'in', list.slice(i, i + 500))
        .execute();
      for (const r of found as { id: string; created_at: string }[]) created[table]![r.id] = r.created_at;
    }
  }
  return { payload: { changes, created }, seqTo };
}

export function decodeValue(value: string | null): unknown {
  if (value === null) return null;
  const v = JSON.parse(value) as unknown;
  if (v && typeof v === 'object' && '$bytes' in v) return Buffer.from(String((v as { $bytes: string }).$bytes), 'base64');
  return v;
}

const columnCache = new Map<string, Set<string>>();
async function columnsOf(db: Db, table: string): Promise<Set<string>> {
  const cached = columnCache.get(table);
  if (cached) return cached;
  const r = await sql<{ name: string }>`SELECT name FROM pragma_table_info(${table})`.execute(db);
  const set = new Set(r.rows.map((x) => x.name));
  columnCache.set(table, set);
  return set;
}

/** Checks names and stamps before anything is written: table and column names become SQL identifiers. */
export async function validatePayload(db: Db, payload: FullPayload): Promise<string | null> {
  if (!payload || !Array.isArray(payload.changes) || typeof payload.created !== 'object') throw new PackageRefused('badContent');
  let newest: string | null = null;
  for (const c of payload.changes) {
    if (!Array.isArray(c) || c.length !== 6 || !c.slice(0, 4).every((x) => typeof x === 'string') || typeof c[5] !== 'string') {
      throw new PackageRefused('badContent');
    }
    const [hlc, table, , column, value] = c;
    if (!isHlc(hlc) || !EXCHANGED_TABLES.includes(table) || (value !== null && typeof value !== 'string')) throw new PackageRefused('badContent');
    if (column === 'id' || !(await columnsOf(db, table)).has(column)) throw new PackageRefused('badContent');
    if (value !== null) {
      try {
        JSON.parse(value);
      } catch {
        throw new PackageRefused('badContent');
      }
    }
    if (!newest || hlc > newest) newest = hlc;
  }
  return newest;
}

export interface MergeOptions {
  sender: string;
  /** Our sequence number up to which the sender had our changes: later local changes are concurrent. */
  ack: number;
  now: string;
  /** Called every few hundred cells; may return a promise (the app yields there so the screen can ask for progress). */
  onProgress?: (done: number, total: number) => void | Promise<void>;
}

export interface MergeCounts {
  received: number;
  applied: number;
  conflicts: number;
}

interface LocalCell {
  seq: number;
  hlc: string;
  value: string | null;
  origin: string;
}

/** Applies the changes inside the caller's transaction (which must have deferred foreign keys). */
export async function mergeChanges(trx: Transaction<Database>, payload: FullPayload, opts: MergeOptions): Promise<MergeCounts> {
  const startSeq = await maxSeq(trx);
  const cells = new Map<string, WireChange[]>();
  for (const c of payload.changes) {
    const key = `${c[1]}\u0000${c[2]}\u0000${c[3]}`;
    (cells.get(key) ?? cells.set(key, []).get(key)!).push(c);
  }
  const winners = new Map<string, { table: string; row: string; values: Record<string, unknown>; hlc: string }>();
  const counts: MergeCounts = { received: payload.changes.length, applied: 0, conflicts: 0 };
  let done = 0;
  const total = cells.size;
  for (const list of cells.values()) {
    done++;
    if (opts.onProgress && (done % 500 === 0 || done === total)) await opts.onProgress(done, total);
    const [, table, row, column] = list[0]!;
    const fresh: WireChange[] = [];
    for (const c of list) {
      const seen = await trx
        .selectFrom('change_log')
        .select('hlc')
        .where('hlc', '=', c[0])
        .where('table_name', '=', table)
        .where('row_id', '=', row)
        .where('column_name', '=', column)
        .executeTakeFirst();
      if (!seen && !fresh.some((f) => f[0] === c[0])) fresh.push(c);
    }
    if (fresh.length === 0) continue;
    fresh.sort((a, b) => (a[0] < b[0] ? -1 : 1));
    const incoming = fresh[fresh.length - 1]!;
    const local = (
      await sql<LocalCell>`SELECT rowid AS seq, hlc, value, origin FROM change_log
        WHERE table_name = ${table} AND row_id = ${row} AND column_name = ${column} ORDER BY hlc DESC LIMIT 1`.execute(trx)
    ).rows[0];
    for (let i = 0; i < fresh.length; i += 100) {
      await trx
        .insertInto('change_log')
        .values(fresh.slice(i, i + 100).map(([hlc, t, r, col, value, origin]) => ({ hlc, table_name: t, row_id: r, column_name: col, value, origin })))
        .execute();
    }
    // Concurrent: the newest local value was here before this import and the sender had not seen it.
    const concurrent = local && Number(local.seq) <= startSeq && Number(local.seq) > opts.ack && local.origin !== opts.sender && local.value !== incoming[4];
    if (!local || incoming[0] > local.hlc) {
      const key = `${table}\u0000${row}`;
      const w = winners.get(key) ?? winners.set(key, { table, row, values: {}, hlc: incoming[0] }).get(key)!;
      w.values[column] = decodeValue(incoming[4]);
      if (incoming[0] > w.hlc) w.hlc = incoming[0];
      counts.applied++;
      if (concurrent) await recordConflict(trx, table, row, column, incoming[4], incoming[0], local.value, local.hlc, opts.now);
    } else if (concurrent) {
      await recordConflict(trx, table, row, column, local.value, local.hlc, incoming[4], incoming[0], opts.now);
    }
    if (concurrent) counts.conflicts++;
  }
  for (const w of winners.values()) await writeRow(trx, w.table, w.row, w.values, w.hlc, payload.created[w.table]?.[w.row] ?? opts.now, opts.now);
  return counts;
}

async function recordConflict(trx: Transaction<Database>, table: string, row: string, column: string, kept: string | null, keptHlc: string, lost: string | null, lostHlc: string, now: string) {
  await trx
    .insertInto('sync_conflicts')
    .values({ id: uuidv7(), table_name: table, row_id: row, column_name: column, kept_value: kept, kept_hlc: keptHlc, lost_value: lost, lost_hlc: lostHlc, detected_at: now, resolved_at: null, resolution: null })
    .execute();
}

async function writeRow(trx: Transaction<Database>, table: string, row: string, values: Record<string, unknown>, hlc: string, createdAt: string, now: string) {
  const db = trx as unknown as Kysely<any>;
  for (const column of USER_REFERENCES[table] ?? []) {
    const ref = values[column];
    if (typeof ref === 'string') {
      const user = await trx.selectFrom('users').select('id').where('id', '=', ref).executeTakeFirst();
      if (!user) values[column] = null;
    }
  }
  const current = (await db.selectFrom(table).select(['id', 'hlc']).where('id', '=', row).executeTakeFirst()) as { hlc: string } | undefined;
  if (current) {
    await db
      .updateTable(table)
      .set({ ...values, updated_at: now, hlc: hlc > current.hlc ? hlc : current.hlc })
      .where('id', '=', row)
      .execute();
  } else {
    await db.insertInto(table).values({ deleted_at: null, ...values, id: row, created_at: createdAt, updated_at: now, hlc }).execute();
  }
}
