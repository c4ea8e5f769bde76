import { sql, type Kysely } from 'kysely';
import { migrationState } from './migrate';
import { verifyAuditChain } from './queries/audit';
import type { Database } from './schema';

export interface VerifyReport {
  integrityOk: boolean;
  brokenReferences: number;
  schema: { current: number; latest: number };
  audit: { ok: boolean; entries: number; brokenAt: number | null };
  ok: boolean;
}

/** What `verify` checks: SQLite integrity, foreign keys, migration state and the audit hash chain. */
export async function verifyDatabase(db: Kysely<Database>): Promise<VerifyReport> {
  const integrity = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(db);
  const integrityOk = integrity.rows.length === 1 && integrity.rows[0]?.integrity_check === 'ok';
  const fk = await sql`PRAGMA foreign_key_check`.execute(db);
  const m = await migrationState(db);
  const audit = await verifyAuditChain(db);
  return {
    integrityOk,
    brokenReferences: fk.rows.length,
    schema: { current: m.current, latest: m.latest },
    audit,
    ok: integrityOk && fk.rows.length === 0 && m.current === m.latest && audit.ok,
  };
}
