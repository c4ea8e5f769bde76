import { sql, type Kysely } from 'kysely';

// The audit trail's witnesses among paired installations (electron/exchange/auditWitness.ts). Every
// package names its sender's audit head; these tables remember, on each side, what was shown to whom.
// Local to this installation: never synced, never in a package.
const STATEMENTS = [
  // Heads of other installations' trails, as their packages showed them: one row per package.
  `CREATE TABLE audit_heads_seen (
    sender_installation_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    hash TEXT NOT NULL,
    package_created TEXT NOT NULL,
    seen_at TEXT NOT NULL,
    PRIMARY KEY (sender_installation_id, seq))`,
  // Where our own head stood in each package we sent, so the next one can show the same entries again.
  `CREATE TABLE audit_heads_sent (
    recipient_installation_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    sent_at TEXT NOT NULL,
    PRIMARY KEY (recipient_installation_id, seq))`,
  // A sender whose trail no longer holds what it showed before: its packages are refused until an
  // administrator acknowledges the alert.
  `CREATE TABLE audit_witness_alerts (
    id TEXT PRIMARY KEY,
    sender_installation_id TEXT NOT NULL,
    package_id TEXT NOT NULL,
    detected_at TEXT NOT NULL,
    witnessed_seq INTEGER NOT NULL,
    witnessed_hash TEXT NOT NULL,
    claimed_hash TEXT,
    acknowledged_at TEXT,
    acknowledged_by_user_id TEXT)`,
  'CREATE INDEX audit_witness_alerts_open ON audit_witness_alerts(sender_installation_id) WHERE acknowledged_at IS NULL',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
