import type Sqlite from 'better-sqlite3-multiple-ciphers';
import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { uuidv7 } from '../../shared/util/uuidv7';
import type { AuditLogTable, Database } from '../schema';
import { getMeta, setMeta } from './meta';

// Append-only audit trail. Each entry's hash covers the previous entry's hash and its own content, so
// changing or removing any entry breaks the chain from there on (checked by `verify`). Whoever holds
// the database can still rewrite the whole chain; the heads that other installations, backups and
// printed reports have seen are what make that visible (electron/exchange/auditWitness.ts).
// Details never hold personal data: ids, field names and counts only.

type Db = Kysely<Database> | Transaction<Database>;

export const GENESIS_HASH = '0'.repeat(64);
export const AUDIT_HEAD_KEY = 'audit.head';

export interface AuditEntry {
  userId: string | null;
  username: string;
  action: string;
  entity?: string;
  entityId?: string | null;
  detail?: Record<string, unknown>;
}

/** The newest entry: its sequence number and hash (0 and the genesis hash for an empty trail). */
export interface AuditHead {
  seq: number;
  hash: string;
}

/** What an entry's hash covers: every column but its number and the chain's own hashes. */
export type AuditRowContent = Omit<AuditLogTable, 'seq' | 'prev_hash' | 'hash'>;

/** The one hash rule of the chain (the seed's bulk writer uses it too). */
export function entryHash(prev: string, e: AuditRowContent): string {
  const canonical = JSON.stringify([prev, e.id, e.at, e.user_id, e.username, e.action, e.entity, e.entity_id, e.detail]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** The row of `entry`, chained to `prev`. */
function chainedRow(prev: string, entry: AuditEntry, now: Date): Omit<AuditLogTable, 'seq'> {
  const row: AuditRowContent = {
    id: uuidv7(),
    at: now.toISOString(),
    user_id: entry.userId,
    username: entry.username,
    action: entry.action,
    entity: entry.entity ?? '',
    entity_id: entry.entityId ?? null,
    detail: JSON.stringify(entry.detail ?? {}),
  };
  return { ...row, prev_hash: prev, hash: entryHash(prev, row) };
}

async function appendIn(trx: Transaction<Database>, entry: AuditEntry, now: Date): Promise<void> {
  // Chained to the recorded head, not to whatever row is last: if entries were removed, the next
  // entry no longer links to the remaining ones and verify sees the gap.
  const row = chainedRow((await getMeta(trx, AUDIT_HEAD_KEY)) ?? GENESIS_HASH, entry, now);
  await trx.insertInto('audit_log').values(row).execute();
  // The head is kept apart too, so removing the newest entries is detected as well.
  await setMeta(trx, AUDIT_HEAD_KEY, row.hash);
}

/** A page of the trail, the newest first, and how many entries match (action: a prefix). */
export async function listAuditRows(db: Db, f: { action?: string; username?: string; offset: number; limit: number }) {
  let q = db.selectFrom('audit_log');
  if (f.action) q = q.where('action', 'like', `${f.action}%`);
  if (f.username) q = q.where('username', '=', f.username);
  const rows = await q.selectAll().orderBy('seq', 'desc').offset(f.offset).limit(f.limit).execute();
  const count = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}

/** The whole trail, the oldest first. */
export async function allAuditRows(db: Db) {
  return db.selectFrom('audit_log').selectAll().orderBy('seq', 'asc').execute();
}

/**
 * Appends one entry. The row and the recorded head are written in one transaction (the caller's, or
 * one of its own), so a crash between the two can never leave a trail that looks tampered with.
 */
export async function appendAudit(db: Db, entry: AuditEntry, now: Date = new Date()): Promise<void> {
  if (db.isTransaction) await appendIn(db as Transaction<Database>, entry, now);
  else await db.transaction().execute((trx) => appendIn(trx, entry, now));
}

/** The statements of a read's entry, prepared once per connection. */
interface ReadEntryStatements {
  level: Sqlite.Statement;
  relaxed: Sqlite.Statement;
  full: Sqlite.Statement;
  begin: Sqlite.Statement;
  head: Sqlite.Statement;
  insert: Sqlite.Statement;
  setHead: Sqlite.Statement;
  commit: Sqlite.Statement;
  rollback: Sqlite.Statement;
}

const readEntryStatements = new WeakMap<Sqlite.Database, ReadEntryStatements>();

function statementsOf(raw: Sqlite.Database): ReadEntryStatements {
  let s = readEntryStatements.get(raw);
  if (!s) {
    s = {
      level: raw.prepare('PRAGMA synchronous').pluck(),
      relaxed: raw.prepare('PRAGMA synchronous = NORMAL'),
      full: raw.prepare('PRAGMA synchronous = FULL'),
      begin: raw.prepare('BEGIN IMMEDIATE'),
      head: raw.prepare('SELECT value FROM meta WHERE key = ?').pluck(),
      insert: raw.prepare(
        'INSERT INTO audit_log (id, at, user_id, username, action, entity, entity_id, detail, prev_hash, hash) VALUES (@id, @at, @user_id, @username, @action, @entity, @entity_id, @detail, @prev_hash, @hash)',
      ),
      setHead: raw.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
      commit: raw.prepare('COMMIT'),
      rollback: raw.prepare('ROLLBACK'),
    };
    readEntryStatements.set(raw, s);
  }
  return s;
}

/** SQLite's numbers of the synchronous levels. */
const NORMAL = 1;
const FULL = 2;

/**
 * Appends the entry of a read (a record viewed, a list, a search): the same row, chain and head as
 * appendAudit, in a transaction of its own, through statements prepared once per connection, while
 * holding the connection so that no other call's statement runs in between. Its commit does not wait
 * for the disk (synchronous NORMAL for this one commit; every save's commit stays FULL and flushes it
 * too): a crash of the app or a killed process loses nothing, as the entry is with the operating system,
 * while a power cut within the moment before the system writes it out may lose the newest read entries,
 * the chain staying whole. Waiting for the disk was most of a search's time.
 */
export async function appendReadEntry(opened: { db: Kysely<Database>; raw: Sqlite.Database }, entry: AuditEntry, now: Date = new Date()): Promise<void> {
  await opened.db.connection().execute(async () => {
    const { raw } = opened;
    if (raw.inTransaction) throw new Error('A read entry is written in a transaction of its own');
    const s = statementsOf(raw);
    const level = Number(s.level.get());
    if (level > NORMAL) s.relaxed.run();
    try {
      s.begin.run();
      try {
        const row = chainedRow((s.head.get(AUDIT_HEAD_KEY) as string | undefined) ?? GENESIS_HASH, entry, now);
        s.insert.run(row);
        s.setHead.run(AUDIT_HEAD_KEY, row.hash);
        s.commit.run();
      } catch (error) {
        if (raw.inTransaction) s.rollback.run();
        throw error;
      }
    } finally {
      if (level === FULL) s.full.run();
      else if (level > NORMAL) raw.pragma(`synchronous = ${level}`);
    }
  });
}

/** The trail's newest entry, read by index (no hashing): what packages, backups and reports name. */
export async function auditHead(db: Db): Promise<AuditHead> {
  const last = await db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return last ? { seq: Number(last.seq), hash: last.hash } : { seq: 0, hash: GENESIS_HASH };
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  /** seq of the first entry whose chain is broken, or where entries are missing. */
  brokenAt: number | null;
}

/** Entries are hashed a page at a time: a national trail has millions. */
const VERIFY_PAGE = 10_000;

/**
 * Walks the chain after `from` (an entry already checked): every entry links to the one before and
 * hashes to its recorded hash, the sequence numbers follow without a gap (deleting rows and
 * re-chaining the rest is caught here), and the last entry is the recorded head and the highest
 * number SQLite ever handed out. `entries` counts the whole trail.
 */
async function walkChain(db: Db, from: AuditHead): Promise<AuditVerification & { head: AuditHead }> {
  let prev = from.hash;
  let lastSeq = from.seq;
  const broken = async (brokenAt: number) => ({ ok: false, entries: await countEntries(db), brokenAt, head: from });
  if (from.seq > 0) {
    const start = await db.selectFrom('audit_log').select('hash').where('seq', '=', from.seq).executeTakeFirst();
    if (start?.hash !== from.hash) return broken(from.seq);
  }
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>', lastSeq).orderBy('seq', 'asc').limit(VERIFY_PAGE).execute();
    for (const row of rows) {
      if (row.seq !== lastSeq + 1 || row.prev_hash !== prev || entryHash(prev, row) !== row.hash) return broken(row.seq);
      prev = row.hash;
      lastSeq = row.seq;
    }
    if (rows.length < VERIFY_PAGE) break;
  }
  const head = await getMeta(db, AUDIT_HEAD_KEY);
  // AUTOINCREMENT never hands a number out twice: a highest-ever number above the last entry means
  // the newest entries were removed.
  const issued = await sql<{ seq: number }>`SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'`.execute(db);
  if ((head ?? GENESIS_HASH) !== prev || Number(issued.rows[0]?.seq ?? 0) > lastSeq) return broken(lastSeq);
  return { ok: true, entries: await countEntries(db), brokenAt: null, head: { seq: lastSeq, hash: prev } };
}

async function countEntries(db: Db): Promise<number> {
  const r = await db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The whole chain from its first entry (what `verify` runs). */
export async function verifyAuditChain(db: Db): Promise<AuditVerification> {
  const { head: _head, ...result } = await walkChain(db, { seq: 0, hash: GENESIS_HASH });
  return result;
}

/** Where each open database's chain was last found whole (kept in memory, per connection). */
const checkedUpTo = new WeakMap<object, AuditHead>();

/**
 * The chain checked incrementally, for the audit screen: the first call walks it all, later calls only
 * the entries appended since (and that the entry checked last is still there, unchanged). A rewrite of
 * older entries while the app runs is left to `verify`, which always walks the whole chain.
 */
export async function verifyAuditSinceLastCheck(db: Kysely<Database>): Promise<AuditVerification> {
  const { head, ...result } = await walkChain(db, checkedUpTo.get(db) ?? { seq: 0, hash: GENESIS_HASH });
  if (result.ok) checkedUpTo.set(db, head);
  else checkedUpTo.delete(db);
  return result;
}
