import type { RawDatabase } from '../../db/open';
import { AUDIT_HEAD_KEY, GENESIS_HASH, entryHash } from '../../db/queries/audit';
import type { SyncedTable } from '../../db/schema';
import { changeData, encodeValue } from '../../db/changeLog';
import type { HybridClock } from '../../shared/sync/hlc';
import { seededUuidv7, type Rng } from './prng';

type Statement = { run: (...params: unknown[]) => unknown; get: (...params: unknown[]) => unknown };

// The seed's fast write path. It writes exactly the rows db/write.ts writes — the same columns in the
// same order, created_at/updated_at/hlc/deleted_at, one change_log message per write (db/changeLog.ts)
// — and the audit entries the repository functions append, but
// through prepared statements on the raw better-sqlite3 handle inside large transactions, because
// Kysely's per-statement overhead would make millions of rows take an hour.
// test/bench/seed.test.ts writes every kind of record both ways and compares rows, change messages and
// audit entries.

const CHANGE_BATCH = 50;

export interface BulkWriterOptions {
  raw: RawDatabase;
  clock: HybridClock;
  origin: string;
  rng: Rng;
  user: { id: string; username: string };
  /** false only for pure read benchmarks (documented in README): change_log stays empty. */
  changeLog: boolean;
}

export class BulkWriter {
  /** The simulated wall clock (ms): created_at, updated_at, ids and audit times follow it. */
  nowMs = 0;
  rows = 0;
  changes = 0;
  private readonly statements = new Map<string, Statement>();
  private readonly pending: unknown[] = [];
  private readonly changeOne;
  private readonly changeMany;
  private readonly auditInsert;
  private auditHead: string;

  constructor(private readonly o: BulkWriterOptions) {
    const one = '(?, ?, ?, ?, ?)';
    this.changeOne = o.raw.prepare(`INSERT INTO change_log (hlc, table_name, row_id, data, origin) VALUES ${one}`);
    this.changeMany = o.raw.prepare(`INSERT INTO change_log (hlc, table_name, row_id, data, origin) VALUES ${Array(CHANGE_BATCH).fill(one).join(', ')}`);
    this.auditInsert = o.raw.prepare(
      'INSERT INTO audit_log (id, at, user_id, username, action, entity, entity_id, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const head = o.raw.prepare('SELECT value FROM meta WHERE key = ?').get(AUDIT_HEAD_KEY) as { value: string } | undefined;
    this.auditHead = head?.value ?? GENESIS_HASH;
  }

  get iso(): string {
    return new Date(this.nowMs).toISOString();
  }

  newId(): string {
    return seededUuidv7(this.o.rng, this.nowMs);
  }

  /** insertRow(): the row with its bookkeeping columns, and a change message per column. */
  insert(table: SyncedTable, values: Record<string, unknown>, id: string = this.newId()): string {
    const now = this.iso;
    const hlc = this.o.clock.tick();
    const row: Record<string, unknown> = { ...values, id, created_at: now, updated_at: now, hlc, deleted_at: null };
    const columns = Object.keys(row);
    const stmt = this.statement(`insert:${table}:${columns.join(',')}`, () => `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
    stmt.run(...columns.map((c) => row[c]));
    this.rows += 1;
    this.logChanges(table, id, hlc, row);
    return id;
  }

  /** updateRow(): sets only the columns whose value really changes, with updated_at and hlc, and logs them. */
  update(table: SyncedTable, id: string, patch: Record<string, unknown>): void {
    const current = this.statement(`current:${table}:${Object.keys(patch).join(',')}`, () =>
      `SELECT ${Object.keys(patch).map((c) => `"${c}"`).join(', ')} FROM "${table}" WHERE id = ?`,
    );
    const before = (current.get(id) ?? {}) as Record<string, unknown>;
    const changed = Object.fromEntries(Object.entries(patch).filter(([c, v]) => v !== undefined && encodeValue(before[c]) !== encodeValue(v)));
    const columns = Object.keys(changed);
    if (columns.length === 0) return;
    const hlc = this.o.clock.tick();
    const stmt = this.statement(`update:${table}:${columns.join(',')}`, () => `UPDATE "${table}" SET ${[...columns, 'updated_at', 'hlc'].map((c) => `"${c}" = ?`).join(', ')} WHERE id = ?`);
    stmt.run(...columns.map((c) => changed[c]), this.iso, hlc, id);
    this.logChanges(table, id, hlc, changed);
  }

  private statement(key: string, sql: () => string): Statement {
    let stmt = this.statements.get(key);
    if (!stmt) {
      stmt = this.o.raw.prepare<unknown[]>(sql());
      this.statements.set(key, stmt);
    }
    return stmt;
  }

  /** appendAudit(): hash-chained to the recorded head; details are ids and counts only. */
  /** The account the rows are written as (the repository functions' ctx.user). */
  get userId(): string {
    return this.o.user.id;
  }

  audit(action: string, entity: string, entityId: string | null, detail: Record<string, unknown> = {}): void {
    const row = {
      id: this.newId(),
      at: this.iso,
      user_id: this.o.user.id,
      username: this.o.user.username,
      action,
      entity,
      entity_id: entityId,
      detail: JSON.stringify(detail),
    };
    const hash = entryHash(this.auditHead, row);
    this.auditInsert.run(row.id, row.at, row.user_id, row.username, row.action, row.entity, row.entity_id, row.detail, this.auditHead, hash);
    this.auditHead = hash;
  }

  /** After entries were appended by the app's own appendAudit (the demo data set). */
  reloadAuditHead(): void {
    const head = this.o.raw.prepare('SELECT value FROM meta WHERE key = ?').get(AUDIT_HEAD_KEY) as { value: string } | undefined;
    this.auditHead = head?.value ?? GENESIS_HASH;
  }

  /** Writes what is buffered and the audit head; call before each COMMIT. */
  flush(): void {
    const rest = this.pending.splice(0);
    for (let i = 0; i < rest.length; i += 5) this.changeOne.run(...rest.slice(i, i + 5));
    this.o.raw.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(AUDIT_HEAD_KEY, this.auditHead);
  }

  private logChanges(table: string, rowId: string, hlc: string, values: Record<string, unknown>): void {
    if (!this.o.changeLog) return;
    const data = changeData(values);
    if (data === null) return;
    this.pending.push(hlc, table, rowId, data, this.o.origin);
    this.changes += 1;
    if (this.pending.length === CHANGE_BATCH * 5) this.changeMany.run(...this.pending.splice(0));
  }
}
