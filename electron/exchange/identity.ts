import { createHash, randomBytes } from 'node:crypto';
import { ownContactPointId } from '../../db/queries/contactPoints';
import { getMeta, META_KEYS, setMeta } from '../../db/queries/meta';
import type { Db, WriteCtx } from '../../db/queries/writeContext';
import { audit } from '../../db/queries/writeContext';
import { insertRow, tombstoneRow, updateRow } from '../../db/write';
import { AppError } from '../../shared/api/errors';
import type { ExchangeIdentity, PairingFile, PeerSummary } from '../../shared/api/exchangeTypes';
import { INSTALLATION_ROLES, type InstallationRole } from '../../shared/domain/enums';
import { generateKeys, publicKeyFromRaw } from './packageFile';
import { PackageRefused } from './refusal';

// Who this installation is to the others: its signing (Ed25519) and encryption (X25519) key pairs,
// made on first use and kept in the meta table of the encrypted database (never in a file of their own),
// and the installations it trusts (peers), added only by importing their pairing file.

const KEYS = {
  signPublic: 'exchange.sign.public',
  signPrivate: 'exchange.sign.private',
  encPublic: 'exchange.enc.public',
  encPrivate: 'exchange.enc.private',
  networkSecret: 'exchange.network.secret',
  /** 1 for the first secret of the network, one more at each replacement. */
  networkGeneration: 'exchange.network.generation',
  /** The earlier secrets still kept after a replacement (newest first), as a JSON list. */
  networkEarlier: 'exchange.network.earlier',
} as const;

export interface OwnKeys {
  installationId: string;
  signPublic: string;
  signPrivate: string;
  encPublic: string;
  encPrivate: string;
}

export async function ownKeys(db: Db): Promise<OwnKeys> {
  const installationId = (await getMeta(db, META_KEYS.installationId)) ?? '';
  let signPublic = await getMeta(db, KEYS.signPublic);
  let encPublic = await getMeta(db, KEYS.encPublic);
  if (!signPublic || !encPublic) {
    const sign = generateKeys('ed25519');
    const enc = generateKeys('x25519');
    await setMeta(db, KEYS.signPrivate, sign.privateKey);
    await setMeta(db, KEYS.signPublic, sign.publicKey);
    await setMeta(db, KEYS.encPrivate, enc.privateKey);
    await setMeta(db, KEYS.encPublic, enc.publicKey);
    signPublic = sign.publicKey;
    encPublic = enc.publicKey;
  }
  return {
    installationId,
    signPublic,
    encPublic,
    signPrivate: (await getMeta(db, KEYS.signPrivate))!,
    encPrivate: (await getMeta(db, KEYS.encPrivate))!,
  };
}

const BASE32 = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no I, O, 0, 1: read aloud on a phone without confusion

/** 5 groups of 4 characters from SHA-256 over both public keys, for people to compare by phone. */
export function fingerprint(signPublic: string, encPublic: string): string {
  const digest = createHash('sha256').update(Buffer.from(signPublic, 'base64')).update(Buffer.from(encPublic, 'base64')).digest();
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of digest) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < 20) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    if (out.length >= 20) break;
  }
  return out.match(/.{4}/g)!.join('-');
}

export async function readIdentity(db: Db): Promise<ExchangeIdentity> {
  const keys = await ownKeys(db);
  return {
    installationId: keys.installationId,
    name: (await getMeta(db, META_KEYS.installationName)) ?? '',
    role: ((await getMeta(db, META_KEYS.installationRole)) ?? 'contact_point') as InstallationRole,
    contactPointId: await ownContactPointId(db),
    fingerprint: fingerprint(keys.signPublic, keys.encPublic),
    hasNetworkSecret: (await getMeta(db, KEYS.networkSecret)) !== null,
    ...(await networkKeyring(db, false).then((k) => ({ networkGeneration: k?.generation ?? null, earlierNetworkSecrets: k?.earlier.length ?? 0 }))),
  };
}

export async function pairingFile(db: Db): Promise<PairingFile> {
  const keys = await ownKeys(db);
  const id = await readIdentity(db);
  return {
    format: 'legal-aid-desk-pairing',
    version: 1,
    installationId: keys.installationId,
    role: id.role,
    name: id.name,
    signPublicKey: keys.signPublic,
    encPublicKey: keys.encPublic,
  };
}

export function parsePairingFile(json: string): PairingFile {
  let v: Partial<PairingFile>;
  try {
    v = JSON.parse(json) as Partial<PairingFile>;
  } catch {
    throw new PackageRefused('badPairingFile');
  }
  const ok =
    v &&
    v.format === 'legal-aid-desk-pairing' &&
    v.version === 1 &&
    typeof v.installationId === 'string' &&
    /^[0-9a-f-]{16,40}$/i.test(v.installationId) &&
    typeof v.name === 'string' &&
    v.name.length <= 200 &&
    (INSTALLATION_ROLES as readonly string[]).includes(v.role ?? '');
  if (!ok) throw new PackageRefused('badPairingFile');
  try {
    publicKeyFromRaw(v.signPublicKey ?? '', 'Ed25519');
    publicKeyFromRaw(v.encPublicKey ?? '', 'X25519');
  } catch {
    throw new PackageRefused('badPairingFile');
  }
  return v as PairingFile;
}

/** Adds (or renames) a peer. A known installation that comes back with other keys is refused: that is what an impostor looks like. */
export async function importPairing(ctx: WriteCtx, json: string): Promise<PeerSummary> {
  const file = parsePairingFile(json);
  const own = await ownKeys(ctx.trx);
  if (file.installationId === own.installationId) throw new PackageRefused('ownPairingFile');
  const existing = await ctx.trx
    .selectFrom('peers')
    .selectAll()
    .where('installation_id', '=', file.installationId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (existing) {
    if (existing.sign_public_key !== file.signPublicKey || existing.enc_public_key !== file.encPublicKey) throw new PackageRefused('keysChanged');
    await updateRow(ctx.trx, ctx.w, 'peers', existing.id, { name: file.name, role: file.role });
  } else {
    await insertRow(ctx.trx, ctx.w, 'peers', {
      installation_id: file.installationId,
      role: file.role,
      name: file.name,
      sign_public_key: file.signPublicKey,
      enc_public_key: file.encPublicKey,
      paired_on: new Date().toISOString().slice(0, 10),
      last_sent_hlc: null,
      last_received_hlc: null,
    });
  }
  await audit(ctx, 'exchange.pair', 'peer', file.installationId, { role: file.role });
  return (await listPeers(ctx.trx)).find((p) => p.installationId === file.installationId)!;
}

/**
 * Un-pairs a peer (a stolen laptop, a closed contact point): its keys are no longer trusted, and its
 * packages are refused from then on. The peer row stays as a tombstone, so a refusal can say the sender
 * was un-paired rather than never known. Pairing again (with the same or a new pairing file) trusts it anew.
 */
export async function unpairPeer(ctx: WriteCtx, installationId: string): Promise<void> {
  const row = await ctx.trx.selectFrom('peers').select(['id', 'role']).where('installation_id', '=', installationId).where('deleted_at', 'is', null).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'This installation is not paired');
  await tombstoneRow(ctx.trx, ctx.w, 'peers', row.id);
  await audit(ctx, 'exchange.unpair', 'peer', installationId, { role: row.role });
}

/** Whether this installation was paired once and un-paired since (and not paired again). */
export async function wasUnpaired(db: Db, installationId: string): Promise<boolean> {
  const row = await db.selectFrom('peers').select('id').where('installation_id', '=', installationId).where('deleted_at', 'is not', null).executeTakeFirst();
  return row !== undefined;
}

export interface PeerRow {
  installationId: string;
  name: string;
  role: InstallationRole;
  signPublicKey: string;
  encPublicKey: string;
}

export async function findPeer(db: Db, installationId: string): Promise<PeerRow | null> {
  const r = await db.selectFrom('peers').selectAll().where('installation_id', '=', installationId).where('deleted_at', 'is', null).executeTakeFirst();
  return r ? { installationId: r.installation_id, name: r.name, role: r.role, signPublicKey: r.sign_public_key, encPublicKey: r.enc_public_key } : null;
}

/** What this installation knows of its exchange with one peer (local bookkeeping, never exchanged). */
export interface PeerState {
  /** Highest of OUR change_log sequence numbers the peer has confirmed it holds. */
  acked: number;
  /** Highest of the PEER's sequence numbers we hold without a gap. */
  received: number;
  lastSentAt: string | null;
  lastReceivedAt: string | null;
}

const peerStateKey = (id: string) => `exchange.peer.${id}`;

export async function peerState(db: Db, installationId: string): Promise<PeerState> {
  const raw = await getMeta(db, peerStateKey(installationId));
  const base: PeerState = { acked: 0, received: 0, lastSentAt: null, lastReceivedAt: null };
  return raw ? { ...base, ...(JSON.parse(raw) as Partial<PeerState>) } : base;
}

export async function savePeerState(db: Db, installationId: string, state: PeerState): Promise<void> {
  await setMeta(db, peerStateKey(installationId), JSON.stringify(state));
}

export async function listPeers(db: Db): Promise<PeerSummary[]> {
  const rows = await db.selectFrom('peers').selectAll().where('deleted_at', 'is', null).orderBy('name').execute();
  const out: PeerSummary[] = [];
  for (const r of rows) {
    const st = await peerState(db, r.installation_id);
    out.push({
      installationId: r.installation_id,
      name: r.name,
      role: r.role,
      fingerprint: fingerprint(r.sign_public_key, r.enc_public_key),
      pairedOn: r.paired_on,
      lastSentAt: st.lastSentAt,
      lastReceivedAt: st.lastReceivedAt,
    });
  }
  return out;
}

/** The secret the contact points of one network share, to key the pseudonyms of women (statistics). */
export async function networkSecret(db: Db, create: boolean): Promise<Buffer | null> {
  const raw = await getMeta(db, KEYS.networkSecret);
  if (raw) return Buffer.from(raw, 'base64');
  if (!create) return null;
  const secret = randomBytes(32);
  await setMeta(db, KEYS.networkSecret, secret.toString('base64'));
  return secret;
}

/**
 * The network secret with its generation, and the earlier secrets this contact point still keeps
 * after a replacement: while it keeps them, its statistics name each woman under those too, so the
 * hub links her facts across the change (docs/exchange.md).
 */
export interface NetworkKeyring {
  secret: Buffer;
  generation: number;
  earlier: Buffer[];
}

export async function networkKeyring(db: Db, create: boolean): Promise<NetworkKeyring | null> {
  const secret = await networkSecret(db, create);
  if (!secret) return null;
  const earlier = JSON.parse((await getMeta(db, KEYS.networkEarlier)) ?? '[]') as string[];
  return { secret, generation: Number((await getMeta(db, KEYS.networkGeneration)) ?? '1'), earlier: earlier.map((e) => Buffer.from(e, 'base64')) };
}

async function saveKeyring(db: Db, k: NetworkKeyring): Promise<void> {
  await setMeta(db, KEYS.networkSecret, k.secret.toString('base64'));
  await setMeta(db, KEYS.networkGeneration, String(k.generation));
  await setMeta(db, KEYS.networkEarlier, JSON.stringify(k.earlier.map((e) => e.toString('base64'))));
}

/** A network secret as it travels: base64, and its generation (absent in packages of earlier versions: 1). */
export interface SentSecret {
  secret: string;
  generation?: number;
}

/** A secret read from a package: 32 bytes of base64 and a whole generation from 1, or the package is refused. */
export function parseSentSecret(secret: unknown, generation: unknown): SentSecret {
  if (typeof secret !== 'string' || Buffer.from(secret, 'base64').length !== 32) throw new PackageRefused('badContent');
  if (generation === undefined) return { secret };
  if (typeof generation !== 'number' || !Number.isInteger(generation) || generation < 1) throw new PackageRefused('badContent');
  return { secret, generation };
}

/**
 * What a secret arriving from another contact point means here: the first one ('adopt'), a newer
 * generation ('adopt': the one held becomes an earlier secret), the one held ('same'), an earlier
 * generation ('older'), or another secret of the same generation ('mismatch': two replacements that
 * did not know of each other, or another network).
 */
export function compareSecret(held: NetworkKeyring | null, sent: SentSecret): 'adopt' | 'same' | 'older' | 'mismatch' {
  const generation = sent.generation ?? 1;
  if (!held || generation > held.generation) return 'adopt';
  if (generation < held.generation) return 'older';
  return held.secret.toString('base64') === sent.secret ? 'same' : 'mismatch';
}

/**
 * Takes a secret received from another contact point. A network-key package with an earlier
 * generation is refused; inside a full package (`quiet`) it is left aside: the data still merges, and
 * the sender learns the newer secret from this side's packages.
 */
export async function receiveNetworkSecret(db: Db, sent: SentSecret, quiet = false): Promise<void> {
  const held = await networkKeyring(db, false);
  const verdict = compareSecret(held, sent);
  if (verdict === 'mismatch') throw new PackageRefused('networkSecretMismatch');
  if (verdict === 'older' && !quiet) throw new PackageRefused('olderNetworkSecret');
  if (verdict !== 'adopt') return;
  const earlier = held ? [held.secret, ...held.earlier] : [];
  await saveKeyring(db, { secret: Buffer.from(sent.secret, 'base64'), generation: sent.generation ?? 1, earlier });
}

/**
 * Replaces the network secret (an administrator, after a laptop holding it was lost): a new secret of
 * the next generation, the one held kept as an earlier secret until the transition ends. The new
 * secret then goes to every other contact point in a network-key package.
 */
export async function replaceNetworkSecret(ctx: WriteCtx): Promise<number> {
  const held = await networkKeyring(ctx.trx, false);
  if (!held) throw new PackageRefused('noNetworkSecret');
  const generation = held.generation + 1;
  await saveKeyring(ctx.trx, { secret: randomBytes(32), generation, earlier: [held.secret, ...held.earlier] });
  await audit(ctx, 'exchange.networkSecret.replace', 'installation', null, { generation });
  return generation;
}

/** Forgets the earlier secrets: statistics from now on name women under the current secret only. */
export async function endNetworkTransition(ctx: WriteCtx): Promise<void> {
  const held = await networkKeyring(ctx.trx, false);
  if (!held) throw new PackageRefused('noNetworkSecret');
  await saveKeyring(ctx.trx, { ...held, earlier: [] });
  await audit(ctx, 'exchange.networkSecret.endTransition', 'installation', null, { generation: held.generation });
}

export async function setRole(ctx: WriteCtx, role: InstallationRole): Promise<void> {
  await setMeta(ctx.trx, META_KEYS.installationRole, role);
  await audit(ctx, 'exchange.role', 'installation', null, { role });
}
