import type { Kysely, Transaction } from 'kysely';
import { appendAudit, auditHead } from '../../db/queries/audit';
import type { Database } from '../../db/schema';
import { AppError } from '../../shared/api/errors';
import type { SessionUser } from '../../shared/api/types';
import type { AuditWitnessAlert } from '../../shared/api/exchangeTypes';
import { uuidv7 } from '../../shared/util/uuidv7';
import type { PackageHeader } from './packageFile';
import { PackageRefused } from './refusal';

// Paired installations witness each other's audit trail. Whoever holds a database can rewrite its
// trail and compute every hash again, and `verify` on that database then passes; what they cannot
// change is what another installation has already seen. So every package names its sender's audit
// head (sequence number and hash) and, for each earlier package sent to the same recipient, the hash
// the sender's trail holds *now* at the head that package named. The recipient remembers every head
// it was shown; a package whose trail no longer holds one of them at the same place (or holds nothing
// there) comes from a trail that was rewritten, and is refused, with an alert on the Exchange screen,
// until an administrator acknowledges it. Only hashes travel, never the entries themselves.

type Db = Kysely<Database> | Transaction<Database>;

/** What a package's header says about its sender's audit trail. */
export type AuditWitness = NonNullable<PackageHeader['audit']>;

const HASH = /^[0-9a-f]{64}$/;
/** One pair per package ever sent to the recipient: years of daily packages stay far below this. */
const MAX_EARLIER = 100_000;
const IN_CHUNK = 500;

/**
 * The witness for a package to `recipient`, and the record that this head was shown to it. Recorded
 * before the package is written: a head recorded for a package that then failed costs nothing, while a
 * package that arrived without its head recorded would make the next one look rewritten.
 */
export async function witnessFor(db: Kysely<Database>, recipient: string, now: string): Promise<AuditWitness> {
  return db.transaction().execute(async (trx) => {
    const head = await auditHead(trx);
    const sent = await trx.selectFrom('audit_heads_sent').select('seq').where('recipient_installation_id', '=', recipient).where('seq', '<', head.seq).orderBy('seq').execute();
    const seqs = sent.map((s) => s.seq);
    const hashAt = new Map<number, string>();
    for (let i = 0; i < seqs.length; i += IN_CHUNK) {
      const rows = await trx.selectFrom('audit_log').select(['seq', 'hash']).where('seq', 'in', seqs.slice(i, i + IN_CHUNK)).execute();
      for (const r of rows) hashAt.set(r.seq, r.hash);
    }
    await trx
      .insertInto('audit_heads_sent')
      .values({ recipient_installation_id: recipient, seq: head.seq, sent_at: now })
      .onConflict((oc) => oc.doNothing())
      .execute();
    return { seq: head.seq, hash: head.hash, earlier: seqs.map((seq) => [seq, hashAt.get(seq) ?? null]) };
  });
}

function parseWitness(value: unknown): AuditWitness | null {
  if (value === undefined) return null;
  const w = value as Partial<AuditWitness> | null;
  const seqOk = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;
  if (!w || !seqOk(w.seq) || typeof w.hash !== 'string' || !HASH.test(w.hash) || !Array.isArray(w.earlier) || w.earlier.length > MAX_EARLIER) {
    throw new PackageRefused('badContent');
  }
  for (const pair of w.earlier) {
    if (!Array.isArray(pair) || pair.length !== 2 || !seqOk(pair[0]) || !(pair[1] === null || (typeof pair[1] === 'string' && HASH.test(pair[1])))) {
      throw new PackageRefused('badContent');
    }
  }
  return w as AuditWitness;
}

interface Mismatch {
  witnessedSeq: number;
  witnessedHash: string;
  claimedHash: string | null;
}

/**
 * Where a package's witness contradicts the heads seen before from its sender (null when it does not).
 * - Every head seen at or below the package's head must be listed with the same hash.
 * - A head seen above it is allowed only for a package made before the one that showed that head (an
 *   older package that arrives late); a package made later with a shorter trail lost entries.
 * - The sender listing an earlier head of its own that its trail no longer holds is a rewrite too.
 */
function contradiction(
  witness: AuditWitness | null,
  created: string,
  seen: { seq: number; hash: string; package_created: string }[],
): Mismatch | null {
  if (seen.length === 0) return null;
  if (!witness) return { witnessedSeq: seen[seen.length - 1]!.seq, witnessedHash: seen[seen.length - 1]!.hash, claimedHash: null };
  const listed = new Map<number, string | null>(witness.earlier);
  listed.set(witness.seq, witness.hash);
  for (const head of seen) {
    if (head.seq <= witness.seq) {
      const claimed = listed.get(head.seq) ?? null;
      if (claimed !== head.hash) return { witnessedSeq: head.seq, witnessedHash: head.hash, claimedHash: claimed };
    } else if (created >= head.package_created) {
      return { witnessedSeq: head.seq, witnessedHash: head.hash, claimedHash: null };
    }
  }
  for (const [seq, hash] of witness.earlier) {
    if (hash === null) return { witnessedSeq: seq, witnessedHash: seen.find((h) => h.seq === seq)?.hash ?? '', claimedHash: null };
  }
  return null;
}

/**
 * Checks an incoming package's witness against what its sender showed before; writes nothing unless
 * the sender is refused (then the alert, in its own transaction, so it stays after the refusal).
 * Returns the witness to remember once the package is applied (rememberHead).
 */
export async function checkWitness(
  db: Kysely<Database>,
  user: SessionUser,
  pkg: { packageId: string; sender: string; created: string; audit?: unknown },
  now: string,
): Promise<AuditWitness | null> {
  const witness = parseWitness(pkg.audit);
  const open = await db.selectFrom('audit_witness_alerts').select('id').where('sender_installation_id', '=', pkg.sender).where('acknowledged_at', 'is', null).executeTakeFirst();
  if (open) throw new PackageRefused('auditRewritten');
  const seen = await db.selectFrom('audit_heads_seen').select(['seq', 'hash', 'package_created']).where('sender_installation_id', '=', pkg.sender).orderBy('seq').execute();
  const mismatch = contradiction(witness, pkg.created, seen);
  if (!mismatch) return witness;
  await db.transaction().execute(async (trx) => {
    const id = uuidv7();
    await trx
      .insertInto('audit_witness_alerts')
      .values({
        id,
        sender_installation_id: pkg.sender,
        package_id: pkg.packageId,
        detected_at: now,
        witnessed_seq: mismatch.witnessedSeq,
        witnessed_hash: mismatch.witnessedHash,
        claimed_hash: mismatch.claimedHash,
        acknowledged_at: null,
        acknowledged_by_user_id: null,
      })
      .execute();
    await appendAudit(trx, {
      userId: user.id,
      username: user.username,
      action: 'exchange.auditRewritten',
      entity: 'audit_witness_alerts',
      entityId: id,
      detail: { peer: pkg.sender, package: pkg.packageId, witnessedSeq: mismatch.witnessedSeq },
    });
  });
  throw new PackageRefused('auditRewritten');
}

/** Remembers the head a package showed, in the transaction that applies it. */
export async function rememberHead(trx: Transaction<Database>, sender: string, witness: AuditWitness | null, created: string, now: string): Promise<void> {
  if (!witness) return;
  await trx
    .insertInto('audit_heads_seen')
    .values({ sender_installation_id: sender, seq: witness.seq, hash: witness.hash, package_created: created, seen_at: now })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function listWitnessAlerts(db: Db, includeAcknowledged: boolean): Promise<AuditWitnessAlert[]> {
  let q = db
    .selectFrom('audit_witness_alerts as a')
    .leftJoin('peers as p', 'p.installation_id', 'a.sender_installation_id')
    .select(['a.id', 'a.sender_installation_id', 'p.name', 'a.package_id', 'a.detected_at', 'a.witnessed_seq', 'a.acknowledged_at'])
    .orderBy('a.detected_at', 'desc');
  if (!includeAcknowledged) q = q.where('a.acknowledged_at', 'is', null);
  return (await q.execute()).map((r) => ({
    id: r.id,
    senderInstallationId: r.sender_installation_id,
    senderName: r.name ?? r.sender_installation_id,
    packageId: r.package_id,
    detectedAt: r.detected_at,
    witnessedSeq: r.witnessed_seq,
    acknowledgedAt: r.acknowledged_at,
  }));
}

/**
 * An administrator has looked into the alert (and, say, learned that the sender restored a backup).
 * The sender's packages are accepted again and its next head is witnessed afresh: the heads seen
 * before the rewrite are forgotten, as its trail can no longer hold them. Audited.
 */
export async function acknowledgeWitnessAlert(trx: Transaction<Database>, user: SessionUser, id: string, now: string): Promise<void> {
  const alert = await trx.selectFrom('audit_witness_alerts').select(['sender_installation_id', 'acknowledged_at']).where('id', '=', id).executeTakeFirst();
  if (!alert) throw new AppError('NOT_FOUND', 'No such alert');
  if (alert.acknowledged_at) return;
  await trx.updateTable('audit_witness_alerts').set({ acknowledged_at: now, acknowledged_by_user_id: user.id }).where('sender_installation_id', '=', alert.sender_installation_id).where('acknowledged_at', 'is', null).execute();
  await trx.deleteFrom('audit_heads_seen').where('sender_installation_id', '=', alert.sender_installation_id).execute();
  await appendAudit(trx, { userId: user.id, username: user.username, action: 'exchange.auditAlertAcknowledged', entity: 'audit_witness_alerts', entityId: id, detail: { peer: alert.sender_installation_id } });
}
