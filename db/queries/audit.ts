import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { uuidv7 } from '../../shared/util/uuidv7';
import type { Database } from '../schema';
import { getMeta, setMeta } from './meta';

// Append-only audit trail. Each entry's hash covers the previous entry's hash and its own content, so
// changing or removing any entry breaks the chain from there on (checked by `verify`).
// Details never hold personal data: ids, field names and counts only.

type Db = Kysely<Database> | Transaction<Database>;

export const GENESIS_HASH = '0'.repeat(64);
const AUDIT_HEAD_KEY = 'audit.head';

export interface AuditEntry {
  userId: string | null;
  username: string;
  action: string;
  entity?: string;
  entityId?: string | null;
  detail?: Record<string, unknown>;
}

function entryHash(prev: string, e: { id: string; at: string; user_id: string | null; username: string; action: string; entity: string; entity_id: string | null; detail: string }): string {
  const canonical = JSON.stringify([prev, e.id, e.at, e.user_id, e.username, e.action, e.entity, e.entity_id, e.detail]);
  return createHash('sha256').update(canonical).digest('hex');
}

export async function appendAudit(db: Db, entry: AuditEntry, now: Date = new Date()): Promise<void> {
  // Chained to the recorded head, not to whatever row is last: if entries were removed, the next
  // entry no longer links to the remaining ones and verify sees the gap.
  const prev = (await getMeta(db, AUDIT_HEAD_KEY)) ?? GENESIS_HASH;
  const row = {
    id: uuidv7(),
    at: now.toISOString(),
    user_id: entry.userId,
    username: entry.username,
    action: entry.action,
    entity: entry.entity ?? '',
    entity_id: entry.entityId ?? null,
    detail: JSON.stringify(entry.detail ?? {}),
  };
  const hash = entryHash(prev, row);
  await db.insertInto('audit_log').values({ ...row, prev_hash: prev, hash }).execute();
  // The head is kept apart too, so removing the newest entries is detected as well.
  await setMeta(db, AUDIT_HEAD_KEY, hash);
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

export interface AuditVerification {
  ok: boolean;
  entries: number;
  /** seq of the first entry whose chain is broken. */
  brokenAt: number | null;
}

export async function verifyAuditChain(db: Db): Promise<AuditVerification> {
  const rows = await allAuditRows(db);
  let prev = GENESIS_HASH;
  for (const row of rows) {
    if (row.prev_hash !== prev || entryHash(prev, row) !== row.hash) return { ok: false, entries: rows.length, brokenAt: row.seq };
    prev = row.hash;
  }
  const head = await getMeta(db, AUDIT_HEAD_KEY);
  if ((head ?? GENESIS_HASH) !== prev) return { ok: false, entries: rows.length, brokenAt: rows.length ? rows[rows.length - 1]!.seq : 0 };
  return { ok: true, entries: rows.length, brokenAt: null };
}
