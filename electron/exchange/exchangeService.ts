import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RawDatabase } from '../../db/open';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { ownContactPointId } from '../../db/queries/contactPoints';
import { stampAfter } from '../../db/queries/hubPeriods';
import { getMeta, setMeta } from '../../db/queries/meta';
import type { WriteCtx } from '../../db/queries/writeContext';
import { audit } from '../../db/queries/writeContext';
import { deferFacts } from '../../db/queries/reportFactsUpkeep';
import { deferSearchTerms } from '../../db/queries/searchTermsUpkeep';
import { AppError } from '../../shared/api/errors';
import type { ImportResult } from '../../shared/api/exchangeTypes';
import { isValidIsoDate } from '../../shared/domain/dates';
import { stampFromTime } from '../../shared/domain/statsPeriods';
import { isHlc } from '../../shared/sync/hlc';
import { uuidv7 } from '../../shared/util/uuidv7';
import type { UnlockedDatabase } from '../app/database';
import { checkWitness, rememberHead, witnessFor } from './auditWitness';
import { ChangeMerger, changeLines, maxSeq, parseChange, parseEnd, type FullPackageOpening } from './fullSync';
import { applyStatsFacts, hubView, isApplied } from './hubStore';
import { compareSecret, findPeer, networkKeyring, ownKeys, parseSentSecret, peerState, receiveNetworkSecret, savePeerState, wasUnpaired, type PeerRow } from './identity';
import {
  bodyLines,
  bufferSource,
  fileSource,
  readEnvelope,
  readSingleValue,
  verifySignature,
  writePackageFile,
  type OpenedEnvelope,
  type PackageHeader,
  type PackageKind,
} from './packageFile';
import { PackageRefused } from './refusal';
import { buildStatsPayload, type StatsPayload } from './statsFacts';

// Export and import of exchange packages: the one place that decides what goes into a package, and
// checks everything about an incoming one (whole file, known sender, signature, addressed to us,
// decryptable, well-formed, clock not far ahead) BEFORE anything is written. Writing is then one
// transaction: all of the package, or none of it.

/** The stamp of the last statistics package this installation made. */
const STATS_STAMP_KEY = 'exchange.stats.stamp';

export interface ExportOptions {
  kind: PackageKind;
  from?: string;
  to?: string;
  now?: Date;
  /** Full packages: stop at this sequence number of ours (the benchmark's peer receives the earlier years first). */
  seqTo?: number;
  /** Full packages: carry scanned papers and photos too (left out unless asked: they are large). */
  withAttachments?: boolean;
}

function userOf(unlocked: UnlockedDatabase): WriteCtx['user'] {
  return unlocked.user;
}

async function requirePeer(unlocked: UnlockedDatabase, peerId: string): Promise<PeerRow> {
  const peer = await findPeer(unlocked.db, peerId);
  if (!peer) throw new AppError('NOT_FOUND', 'This installation is not paired');
  return peer;
}

/** What a written package is: its file name (for saving), id, counts and size. */
export interface WrittenPackage {
  fileName: string;
  packageId: string;
  counts: Record<string, number>;
  bytes: number;
}

/** Writes a package for a paired installation to `outPath`, streaming (a full package may hold a national year). */
export async function writePackage(unlocked: UnlockedDatabase, peerId: string, opts: ExportOptions, outPath: string): Promise<WrittenPackage> {
  const peer = await requirePeer(unlocked, peerId);
  const keys = await ownKeys(unlocked.db);
  const now = (opts.now ?? new Date()).toISOString();
  const packageId = uuidv7();
  let lines: Iterable<string | Buffer>;
  let counts: Record<string, number>;
  let seq: PackageHeader['seq'];
  let countsAfter = () => counts;
  let period: PackageHeader['period'];
  if (opts.kind === 'full') {
    const state = await peerState(unlocked.db, peer.installationId);
    const seqTo = Math.min(opts.seqTo ?? Number.MAX_SAFE_INTEGER, await maxSeq(unlocked.db));
    const opening: FullPackageOpening = {};
    // Contact points of one network share the pseudonym secret; it travels only inside an encrypted package.
    if (peer.role === 'contact_point' && unlocked.installation.role === 'contact_point') {
      const keyring = await networkKeyring(unlocked.db, false);
      if (keyring) {
        opening.networkSecret = keyring.secret.toString('base64');
        opening.networkGeneration = keyring.generation;
      }
    }
    const tally = { changes: 0, newest: null as string | null };
    lines = (function* () {
      yield JSON.stringify(opening);
      yield* changeLines(unlocked.raw, peer.installationId, state.acked, seqTo, tally, opts.withAttachments === true);
    })();
    // The header only announces the range: the count is known once the messages have streamed out.
    counts = {};
    countsAfter = () => ({ changes: tally.changes });
    seq = { from: state.acked, to: seqTo, ack: state.received };
  } else if (opts.kind === 'stats') {
    if (!opts.from || !opts.to || !isValidIsoDate(opts.from) || !isValidIsoDate(opts.to) || opts.from > opts.to) {
      throw new AppError('BAD_REQUEST', 'A statistics package needs a period');
    }
    const cp = unlocked.installation.contactPointId ?? (await ownContactPointId(unlocked.db));
    if (!cp) throw new PackageRefused('noContactPoint');
    const keyring = (await networkKeyring(unlocked.db, true))!;
    const stats: StatsPayload = await buildStatsPayload(unlocked.db, keyring, cp, opts.from, opts.to);
    lines = [JSON.stringify(stats)];
    counts = { consultations: stats.consultations.length, sessions: stats.sessions.length, cases: stats.cases.length, persons: Object.keys(stats.persons).length };
    // The sender's stamp orders its packages for the same days at the hub; kept, so that it only grows.
    const stamp = stampAfter(unlocked.writer.clock, await getMeta(unlocked.db, STATS_STAMP_KEY));
    await setMeta(unlocked.db, STATS_STAMP_KEY, stamp);
    period = { from: opts.from, to: opts.to, contactPointId: cp, stamp };
  } else {
    // The hub counts pseudonyms and must not be able to make them: the secret goes to contact points only.
    if (peer.role !== 'contact_point') throw new PackageRefused('wrongKind');
    const keyring = (await networkKeyring(unlocked.db, true))!;
    lines = [JSON.stringify({ networkSecret: keyring.secret.toString('base64'), generation: keyring.generation })];
    counts = {};
  }
  const witness = await witnessFor(unlocked.db, peer.installationId, now);
  const bytes = await writePackageFile(
    outPath,
    {
      header: {
        packageId,
        kind: opts.kind,
        sender: keys.installationId,
        recipient: peer.installationId,
        created: now,
        counts,
        ...(seq ? { seq } : {}),
        ...(period ? { period } : {}),
        audit: witness,
      },
      recipientEncPublic: peer.encPublicKey,
      senderSignPrivate: keys.signPrivate,
    },
    lines,
  );
  counts = countsAfter();
  await unlocked.db.transaction().execute(async (trx) => {
    const state = await peerState(trx, peer.installationId);
    await savePeerState(trx, peer.installationId, { ...state, lastSentAt: now });
    await audit({ trx, w: unlocked.writer, user: userOf(unlocked) }, 'exchange.export', 'package', packageId, { kind: opts.kind, peer: peer.installationId, ...counts });
  });
  const stamp = now.slice(0, 10);
  const fileName = `${opts.kind === 'stats' ? 'stats' : opts.kind === 'networkKey' ? 'network-key' : 'changes'}-${stamp}-${packageId.slice(-8)}.ladpkg`;
  return { fileName, packageId, counts, bytes };
}

/** The package as bytes for the interface to save (through a temporary file that is removed at once). */
export async function exportPackage(unlocked: UnlockedDatabase, peerId: string, opts: ExportOptions): Promise<Omit<WrittenPackage, 'bytes'> & { content: Buffer }> {
  const dir = await mkdtemp(join(tmpdir(), 'lad-package-'));
  try {
    const path = join(dir, 'package.ladpkg');
    const written = await writePackage(unlocked, peerId, opts, path);
    return { fileName: written.fileName, packageId: written.packageId, counts: written.counts, content: await readFile(path) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface ImportOptions {
  onProgress?: (done: number, total: number) => void | Promise<void>;
  now?: Date;
  /**
   * Other connections read the database while the package merges (the app's own, when the merge runs
   * in its worker thread, electron/app/dbJobs.ts): the merge stays in WAL mode, where they read the
   * last commit meanwhile (SQLite cannot leave WAL while another connection has the file open).
   */
  readersBeside?: boolean;
}

/** A package's bytes, or the path of its file (read as a stream). */
export type PackageInput = Buffer | string;

interface CheckedPackage {
  env: OpenedEnvelope;
  header: PackageHeader;
  peer: PeerRow;
  keys: Awaited<ReturnType<typeof ownKeys>>;
}

/** Checks the whole file, the sender, the signature and the address; decrypts nothing, writes nothing. */
async function checkPackage(unlocked: UnlockedDatabase, file: PackageInput): Promise<CheckedPackage> {
  const source = typeof file === 'string' ? await fileSource(file) : bufferSource(file);
  const env = await readEnvelope(source);
  const keys = await ownKeys(unlocked.db);
  const peer = await findPeer(unlocked.db, env.header.sender);
  if (!peer) throw new PackageRefused((await wasUnpaired(unlocked.db, env.header.sender)) ? 'unpaired' : 'unknownSender');
  await verifySignature(env, peer.signPublicKey);
  if (env.header.recipient !== keys.installationId) throw new PackageRefused('notForUs');
  return { env, header: env.header, peer, keys };
}

/** Checks a statistics or network-key package completely and returns its header and decrypted payload; writes nothing. */
export async function openPackage(unlocked: UnlockedDatabase, file: PackageInput): Promise<{ header: PackageHeader; payload: unknown; peer: PeerRow }> {
  const { env, header, peer, keys } = await checkPackage(unlocked, file);
  if (header.kind === 'full') throw new PackageRefused('wrongKind');
  return { header, payload: await readSingleValue(env, keys.encPrivate, keys.encPublic), peer };
}

/**
 * A statistics package's content checked against its header, and the sender's stamp that orders it
 * among packages for the same days (a package from a version that did not stamp its statistics: its
 * creation time).
 */
export function checkStats(header: PackageHeader, payload: unknown): { stats: StatsPayload; stamp: string } {
  const stats = payload as StatsPayload;
  const period = header.period;
  if (!stats || !period || !Array.isArray(stats.consultations) || !Array.isArray(stats.contactPoints) || !stats.persons || !stats.period) {
    throw new PackageRefused('badContent');
  }
  if (stats.period.contactPointId !== period.contactPointId || stats.period.from !== period.from || stats.period.to !== period.to) {
    throw new PackageRefused('badContent');
  }
  if (!isValidIsoDate(period.from) || !isValidIsoDate(period.to) || period.from > period.to) throw new PackageRefused('badContent');
  if (period.stamp !== undefined && (typeof period.stamp !== 'string' || !isHlc(period.stamp))) throw new PackageRefused('badContent');
  const aliases = stats.aliases ?? {};
  if (typeof aliases !== 'object' || Object.values(aliases).some((a) => !Array.isArray(a) || a.some((x) => typeof x !== 'string'))) throw new PackageRefused('badContent');
  if (stats.generation !== undefined && !(Number.isInteger(stats.generation) && stats.generation >= 1)) throw new PackageRefused('badContent');
  return { stats, stamp: period.stamp ?? stampFromTime(header.created) };
}

/** The first line of a full package: an object (with the network secret for another contact point). */
async function readOpening(lines: AsyncGenerator<string>): Promise<FullPackageOpening> {
  const first = await lines.next();
  let opening: unknown;
  try {
    opening = first.done ? null : JSON.parse(first.value);
  } catch {
    opening = null;
  }
  if (!opening || typeof opening !== 'object' || Array.isArray(opening)) throw new PackageRefused('badContent');
  const { networkSecret: secret, networkGeneration } = opening as FullPackageOpening;
  if (secret !== undefined) parseSentSecret(secret, networkGeneration);
  return opening as FullPackageOpening;
}

/**
 * The page cache while a full package is merged, in KiB: alone, with a rollback journal (the merge has
 * the file to itself: the bench's merge beside its floor, tests), and beside the reads (WAL: the app and
 * the command line merge in the job worker, in the process of the app's other threads). Alone, each page
 * the cache lets go before the commit costs a sync of the journal and a read back later: a national year
 * took 46-47 s with 48 MB against 32 s with 128. Beside the reads a page let go is only appended to the
 * log, and the cache shares the memory of the app's work (300 MB): there, 128 MB made the process peak at
 * about 400 MB, 48 MB at about 290, the merge reading and decrypting some 0.9 GB more of pages, with no
 * difference in its time larger than the spread of the bench machine's runs. With 32 MB or less the merge
 * took seconds longer there and the peak did not fall further.
 */
const MERGE_CACHE_KIB = { alone: 128 * 1024, besideReads: 48 * 1024 };
/**
 * The page cache once the messages are merged, while the report's facts and the search terms are
 * rebuilt (KiB). The rebuilds gather and sort what the merge noted in temporary storage, which is in
 * memory (db/open.ts): with the merge's cache still full they took some 100 MB more on top of it, and
 * a national year's import, as the app runs it, peaked at 570-590 MB. Shrunk, the cache writes its
 * changed pages out (to the journal or the log, as the commit would) and the rebuilds reuse that
 * memory: 400-410 MB, the rebuilds about half a second slower.
 */
const REBUILD_CACHE_KIB = 16 * 1024;

/** Called when the merge's messages are all written and the set-wise rebuilds start (see REBUILD_CACHE_KIB). */
function useRebuildCache(raw: RawDatabase): void {
  raw.pragma(`cache_size = ${REBUILD_CACHE_KIB * -1}`);
}

/**
 * SQLite's settings while a full package is merged; returns the function that gives the
 * connection's own settings back. The bench's floor of an import uses the same.
 * - A larger page cache: a year of national changes adds rows all over a dozen indexes of tables of
 *   several gigabytes, and with SQLite's default 2 MB nearly every insert read and decrypted its pages
 *   again.
 * - A rollback journal: in WAL mode every page the merge changes is written to the log and then copied
 *   into the database by the checkpoint after the commit (a fifth of a national year's import,
 *   decrypting and encrypting each page again). With a journal, only the former content of pages that
 *   existed is saved; the commit is as atomic and durable (synchronous=FULL), and a crash leaves a
 *   journal that SQLite rolls back when the database is next opened. Not while other connections read
 *   (`keepWal`): leaving WAL needs the file to itself, and only WAL lets readers go on beside a writer.
 * (Statement journals and the merge's temporary tables are in memory, as on every connection: applyKey
 * in db/open.ts. In a temporary file, the pages an insert may have to undo were written and read back
 * hundreds of thousands of times — about 5 s of a national year's import.)
 */
export function useMergeSettings(raw: RawDatabase, { keepWal = false } = {}): () => void {
  const cacheSize = raw.pragma('cache_size', { simple: true }) as number;
  const journal = keepWal ? 'kept' : String(raw.pragma('journal_mode', { simple: true }));
  raw.pragma(`cache_size = ${(keepWal ? MERGE_CACHE_KIB.besideReads : MERGE_CACHE_KIB.alone) * -1}`);
  if (journal === 'wal') raw.pragma('journal_mode = DELETE');
  return () => {
    raw.pragma(`cache_size = ${cacheSize}`);
    if (journal === 'wal') raw.pragma('journal_mode = WAL');
  };
}

function sqliteReason(error: unknown): PackageRefused | null {
  const code = (error as { code?: string })?.code ?? '';
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return new PackageRefused('brokenReferences');
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return new PackageRefused('uniqueClash');
  if (code === 'SQLITE_CONSTRAINT_NOTNULL' || code === 'SQLITE_CONSTRAINT_CHECK') return new PackageRefused('incomplete');
  return null;
}

export async function importPackage(unlocked: UnlockedDatabase, file: PackageInput, opts: ImportOptions = {}): Promise<ImportResult> {
  const checked = await checkPackage(unlocked, file);
  const { header, peer } = checked;
  const payload = header.kind === 'full' ? null : await readSingleValue(checked.env, checked.keys.encPrivate, checked.keys.encPublic);
  const now = (opts.now ?? new Date()).toISOString();
  const result: ImportResult = { packageId: header.packageId, kind: header.kind, senderName: peer.name, alreadyApplied: false, counts: {} };
  if (await isApplied(hubView(unlocked.db), header.packageId)) return { ...result, alreadyApplied: true };
  const witness = await checkWitness(unlocked.db, unlocked.user, header, now);
  const remember = (trx: Transaction<Database>) => rememberHead(trx, peer.installationId, witness, header.created, now);
  const ctx = (trx: WriteCtx['trx']): WriteCtx => ({ trx, w: unlocked.writer, user: unlocked.user });

  try {
    if (header.kind === 'full') {
      if (unlocked.installation.role === 'hub' || peer.role === 'hub') throw new PackageRefused('wrongKind');
      const seq = header.seq ?? { from: 0, to: 0, ack: 0 };
      const lines = bodyLines(checked.env, checked.keys.encPrivate, checked.keys.encPublic);
      const restoreSettings = useMergeSettings(unlocked.raw, { keepWal: opts.readersBeside === true });
      try {
        result.counts = await unlocked.db.transaction().execute(async (trx) => {
          // Rows may arrive before the rows they point at; the references are checked at commit.
          await sql`PRAGMA defer_foreign_keys = ON`.execute(trx);
          // The report's facts and the clients' search terms are rebuilt set-wise for what the package
          // changed, before the commit.
          const facts = await deferFacts(trx);
          const terms = await deferSearchTerms(trx);
          const opening = await readOpening(lines);
          const sentSecret = opening.networkSecret ? { secret: opening.networkSecret, generation: opening.networkGeneration } : null;
          if (sentSecret && compareSecret(await networkKeyring(trx, false), sentSecret) === 'mismatch') throw new PackageRefused('networkSecretMismatch');
          // The merge writes through the driver on the transaction's own connection (speed).
          const merger = new ChangeMerger(unlocked.raw, { sender: peer.installationId, ack: seq.ack, now, propose: true });
          // For progress only: the messages of the sender's range (some may be the recipient's own, left out).
          const expected = Math.max(1, seq.to - seq.from);
          let newest: string | null = null;
          let end: ReturnType<typeof parseEnd> = null;
          // Read to the body's end, not only to its closing line: the body's authentication tag is
          // checked there (the file is read again after its signature was checked, and may have been
          // changed in between), and a line after the closing one is refused.
          for await (const line of lines) {
            if (end) throw new PackageRefused('badContent');
            end = parseEnd(line);
            if (end) continue;
            const change = parseChange(unlocked.raw, line);
            if (newest === null || change[0] > newest) newest = change[0];
            if (merger.add(change) && opts.onProgress) await opts.onProgress(Math.min(merger.counts.received, expected), expected);
          }
          const counts = merger.finish();
          useRebuildCache(unlocked.raw);
          await facts.finish();
          await terms.finish();
          // The closing line must be there and agree: nothing was lost or added on the way.
          if (!end || end.changes !== counts.received || end.newest !== newest) throw new PackageRefused('badContent');
          if (newest) {
            try {
              unlocked.writer.clock.receive(newest);
            } catch {
              throw new PackageRefused('clockAhead');
            }
          }
          await opts.onProgress?.(expected, expected);
          if (sentSecret) await receiveNetworkSecret(trx, sentSecret, true);
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
          await remember(trx);
          await audit(ctx(trx), 'exchange.import', 'package', header.packageId, { kind: 'full', peer: peer.installationId, ...counts });
          return { ...counts };
        });
      } finally {
        restoreSettings();
      }
    } else if (header.kind === 'stats') {
      if (unlocked.installation.role !== 'hub') throw new PackageRefused('wrongKind');
      const { stats, stamp } = checkStats(header, payload);
      const n = await unlocked.db.transaction().execute(async (trx) => {
        await sql`PRAGMA defer_foreign_keys = ON`.execute(trx);
        const facts = await deferFacts(trx);
        const stored = await applyStatsFacts(hubView(trx), stats, { packageId: header.packageId, sender: peer.installationId, now, stamp, clock: unlocked.writer.clock });
        await facts.finish();
        const state = await peerState(trx, peer.installationId);
        await savePeerState(trx, peer.installationId, { ...state, lastReceivedAt: now });
        await remember(trx);
        await audit(ctx(trx), 'exchange.import', 'package', header.packageId, { kind: 'stats', peer: peer.installationId, consultations: stored });
        return stored;
      });
      await opts.onProgress?.(1, 1);
      result.counts = { consultations: n };
    } else {
      if (unlocked.installation.role !== 'contact_point') throw new PackageRefused('wrongKind');
      const sent = payload as { networkSecret?: unknown; generation?: unknown } | null;
      const secret = parseSentSecret(sent?.networkSecret, sent?.generation);
      await unlocked.db.transaction().execute(async (trx) => {
        await receiveNetworkSecret(trx, secret);
        await trx
          .insertInto('applied_packages')
          .values({ package_id: header.packageId, sender_installation_id: peer.installationId, kind: 'networkKey', applied_at: now, period_from: null, period_to: null })
          .execute();
        await remember(trx);
        await audit(ctx(trx), 'exchange.import', 'package', header.packageId, { kind: 'networkKey', peer: peer.installationId });
      });
    }
  } catch (error) {
    throw sqliteReason(error) ?? error;
  }
  return result;
}
