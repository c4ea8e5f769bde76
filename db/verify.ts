import { sql, type Kysely } from 'kysely';
import { migrationState } from './migrate';
import { verifyAuditChain } from './queries/audit';
import { checkFacts, type FactsCheck } from './queries/reportFactsUpkeep';
import type { Database } from './schema';

export interface VerifyReport {
  integrityOk: boolean;
  brokenReferences: number;
  schema: { current: number; latest: number };
  audit: { ok: boolean; entries: number; brokenAt: number | null };
  /** The indicator report's facts against the consultations (all zero when they agree). */
  reportFacts: FactsCheck;
  ok: boolean;
}

/** What `verify` checks: SQLite integrity, foreign keys, migration state, the audit hash chain and the report's facts. */
export async function verifyDatabase(db: Kysely<Database>): Promise<VerifyReport> {
  const integrity = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(db);
  const integrityOk = integrity.rows.length === 1 && integrity.rows[0]?.integrity_check === 'ok';
  const fk = await sql`PRAGMA foreign_key_check`.execute(db);
  const m = await migrationState(db);
  const audit = await verifyAuditChain(db);
  // Before migration 0009 there are no facts to compare.
  const reportFacts = m.current >= 9 ? await checkFacts(db) : { missing: 0, stale: 0, extra: 0 };
  const factsOk = reportFacts.missing === 0 && reportFacts.stale === 0 && reportFacts.extra === 0;
  return {
    integrityOk,
    brokenReferences: fk.rows.length,
    schema: { current: m.current, latest: m.latest },
    audit,
    reportFacts,
    ok: integrityOk && fk.rows.length === 0 && m.current === m.latest && audit.ok && factsOk,
  };
}
