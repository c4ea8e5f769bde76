import { sql } from 'kysely';
import { getMeta, META_KEYS } from '../../db/queries/meta';
import type { WriteCtx } from '../../db/queries/writeContext';
import { audit } from '../../db/queries/writeContext';
import { AppError } from '../../shared/api/errors';
import type { ImportResult, PackageFileOut } from '../../shared/api/exchangeTypes';
import { uuidv7 } from '../../shared/util/uuidv7';
import type { UnlockedDatabase } from '../app/database';
import { collectChanges, mergeChanges, validatePayload, type FullPayload } from './fullSync';
import { applyStatsFacts, hubView, isApplied } from './hubStore';
import { adoptNetworkSecret, findPeer, networkSecret, ownKeys, peerState, savePeerState, type PeerRow } from './identity';
import { decryptBody, readEnvelope, sealPackage, verifySignature, type PackageHeader, type PackageKind } from './packageFile';
import { PackageRefused } from './refusal';
import { buildStatsPayload, type StatsPayload } from './statsFacts';

// Export and import of exchange packages: the one place that decides what goes into a package, and
// checks everything about an incoming one (whole file, known sender, signature, addressed to us,
// decryptable, well-formed, clock not far ahead) BEFORE anything is written. Writing is then one
// transaction: all of the package, or none of it.

export interface ExportOptions {
  kind: PackageKind;
  from?: string;
  to?: string;
  now?: Date;
}

function userOf(session: UnlockedDatabase): WriteCtx['user'] {
  return session.user;
}

async function requirePeer(session: UnlockedDatabase, peerId: string): Promise<PeerRow> {
  const peer = await findPeer(session.db, peerId);
  if (!peer) throw new AppError('NOT_FOUND', 'This installation is not paired');
  return peer;
}

export async function exportPackage(session: UnlockedDatabase, peerId: string, opts: ExportOptions): Promise<PackageFileOut> {
  const peer = await requirePeer(session, peerId);
  const keys = await ownKeys(session.db);
  const now = (opts.now ?? new Date()).toISOString();
  const packageId = uuidv7();
  let payload: unknown;
  let counts: Record<string, number>;
  let seq: PackageHeader['seq'];
  let period: PackageHeader['period'];
  if (opts.kind === 'full') {
    const state = await peerState(session.db, peer.installationId);
    const collected = await collectChanges(session.db, peer.installationId, state.acked);
    const full: FullPayload = collected.payload;
    // Contact points of one network share the pseudonym secret; it travels only inside an encrypted package.
    if (peer.role === 'contact_point' && session.installation.role === 'contact_point') {
      const secret = await networkSecret(session.db, false);
      if (secret) full.networkSecret = secret.toString('base64');
    }
    payload = full;
    counts = { changes: full.changes.length };
    seq = { from: state.acked, to: collected.seqTo, ack: state.received };
  } else if (opts.kind === 'stats') {
    if (!opts.from || !opts.to) throw new AppError('BAD_REQUEST', 'A statistics package needs a period');
    const cp = session.installation.contactPointId ?? (await getMeta(session.db, META_KEYS.contactPointId));
    if (!cp) throw new PackageRefused('noContactPoint');
    const secret = (await networkSecret(session.db, true))!;
    const stats: StatsPayload = await buildStatsPayload(session.db, secret, cp, opts.from, opts.to);
    payload = stats;
    counts = { consultations: stats.consultations.length, sessions: stats.sessions.length, cases: stats.cases.length, persons: Object.keys(stats.persons).length };
    period = { from: opts.from, to: opts.to, contactPointId: cp };
  } else {
    const secret = (await networkSecret(session.db, true))!;
    payload = { networkSecret: secret.toString('base64') };
    counts = {};
  }
  const file = sealPackage({
    header: { packageId, kind: opts.kind, sender: keys.installationId, recipient: peer.installationId, created: now, counts, ...(seq ? { seq } : {}), ...(period ? { period } : {}) },
    payload,
    recipientEncPublic: peer.encPublicKey,
    senderSignPrivate: keys.signPrivate,
  });
  await session.db.transaction().execute(async (trx) => {
    const state = await peerState(trx, peer.installationId);
    await savePeerState(trx, peer.installationId, { ...state, lastSentAt: now });
    await audit({ trx, w: session.writer, user: userOf(session) }, 'exchange.export', 'package', packageId, { kind: opts.kind, peer: peer.installationId, ...counts });
  });
  const stamp = now.slice(0, 10);
  const fileName = `${opts.kind === 'stats' ? 'stats' : opts.kind === 'networkKey' ? 'network-key' : 'changes'}-${stamp}-${packageId.slice(-8)}.ladpkg`;
  return { fileName, base64: file.toString('base64'), packageId, counts };
}

export interface ImportOptions {
  onProgress?: (done: number, total: number) => void | Promise<void>;
  now?: Date;
}

/** Checks a package completely and returns its header and decrypted payload; writes nothing. */
export async function openPackage(session: UnlockedDatabase, file: Buffer): Promise<{ header: PackageHeader; payload: unknown; peer: PeerRow }> {
  const env = readEnvelope(file);
  const keys = await ownKeys(session.db);
  const peer = await findPeer(session.db, env.header.sender);
  if (!peer) throw new PackageRefused('unknownSender');
  verifySignature(env, peer.signPublicKey);
  if (env.header.recipient !== keys.installationId) throw new PackageRefused('notForUs');
  const payload = decryptBody(env, keys.encPrivate, keys.encPublic);
  return { header: env.header, payload, peer };
}

function sqliteReason(error: unknown): PackageRefused | null {
  const code = (error as { code?: string })?.code ?? '';
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return new PackageRefused('brokenReferences');
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return new PackageRefused('uniqueClash');
  if (code === 'SQLITE_CONSTRAINT_NOTNULL' || code === 'SQLITE_CONSTRAINT_CHECK') return new PackageRefused('incomplete');
  return null;
}

export async function importPackage(session: UnlockedDatabase, file: Buffer, opts: ImportOptions = {}): Promise<ImportResult> {
  const { header, payload, peer } = await openPackage(session, file);
  const now = (opts.now ?? new Date()).toISOString();
  const result: ImportResult = { packageId: header.packageId, kind: header.kind, senderName: peer.name, alreadyApplied: false, counts: {} };
  if (await isApplied(hubView(session.db), header.packageId)) return { ...result, alreadyApplied: true };
  const ctx = (trx: WriteCtx['trx']): WriteCtx => ({ trx, w: session.writer, user: session.user });

  try {
    if (header.kind === 'full') {
      if (session.installation.role === 'hub' || peer.role === 'hub') throw new PackageRefused('wrongKind');
      const full = payload as FullPayload;
      const newest = await validatePayload(session.db, full);
      if (full.networkSecret !== undefined && typeof full.networkSecret !== 'string') throw new PackageRefused('badContent');
      if (full.networkSecret) {
        const current = await networkSecret(session.db, false);
        if (current && current.toString('base64') !== full.networkSecret) throw new PackageRefused('networkSecretMismatch');
      }
      if (newest) {
        try {
          session.writer.clock.receive(newest);
        } catch {
          throw new PackageRefused('clockAhead');
        }
      }
      const seq = header.seq ?? { from: 0, to: 0, ack: 0 };
      result.counts = await session.db.transaction().execute(async (trx) => {
        // Rows may arrive before the rows they point at; the references are checked at commit.
        await sql`PRAGMA defer_foreign_keys = ON`.execute(trx);
        const counts = await mergeChanges(trx, full, { sender: peer.installationId, ack: seq.ack, now, onProgress: opts.onProgress });
        if (full.networkSecret) await adoptNetworkSecret(trx, full.networkSecret);
        await trx
          .insertInto('applied_packages')
          .values({ package_id: header.packageId, sender_installation_id: peer.installationId, kind: 'full', applied_at: now, period_from: null, period_to: null })
          .execute();
        const state = await peerState(trx, peer.installationId);
        await savePeerState(trx, peer.installationId, {
          ...state,
          acked: Math.max(state.acked, seq.ack),
          // Only a package that starts where we are leaves no gap behind it.
          received: seq.from <= state.received ? Math.max(state.received, seq.to) : state.received,
          lastReceivedAt: now,
        });
        await audit(ctx(trx), 'exchange.import', 'package', header.packageId, { kind: 'full', peer: peer.installationId, ...counts });
        return { ...counts };
      });
    } else if (header.kind === 'stats') {
      if (session.installation.role !== 'hub') throw new PackageRefused('wrongKind');
      const stats = payload as StatsPayload;
      if (!stats || !header.period || !Array.isArray(stats.consultations) || !Array.isArray(stats.contactPoints) || !stats.persons || !stats.period) {
        throw new PackageRefused('badContent');
      }
      if (stats.period.contactPointId !== header.period.contactPointId || stats.period.from !== header.period.from || stats.period.to !== header.period.to) {
        throw new PackageRefused('badContent');
      }
      const n = await session.db.transaction().execute(async (trx) => {
        await sql`PRAGMA defer_foreign_keys = ON`.execute(trx);
        const stored = await applyStatsFacts(hubView(trx), stats, { packageId: header.packageId, sender: peer.installationId, now });
        const state = await peerState(trx, peer.installationId);
        await savePeerState(trx, peer.installationId, { ...state, lastReceivedAt: now });
        await audit(ctx(trx), 'exchange.import', 'package', header.packageId, { kind: 'stats', peer: peer.installationId, consultations: stored });
        return stored;
      });
      await opts.onProgress?.(1, 1);
      result.counts = { consultations: n };
    } else {
      const secret = (payload as { networkSecret?: unknown })?.networkSecret;
      if (typeof secret !== 'string' || Buffer.from(secret, 'base64').length !== 32) throw new PackageRefused('badContent');
      await session.db.transaction().execute(async (trx) => {
        await adoptNetworkSecret(trx, secret);
        await trx
          .insertInto('applied_packages')
          .values({ package_id: header.packageId, sender_installation_id: peer.installationId, kind: 'networkKey', applied_at: now, period_from: null, period_to: null })
          .execute();
        await audit(ctx(trx), 'exchange.import', 'package', header.packageId, { kind: 'networkKey', peer: peer.installationId });
      });
    }
  } catch (error) {
    throw sqliteReason(error) ?? error;
  }
  return result;
}
