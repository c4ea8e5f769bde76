import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { PackageRefused } from './refusal';

// The exchange package file: one self-contained, encrypted and signed file that travels on a USB stick.
//
//   "LADPKG" | version (1 byte) | header length (u32 BE) | header JSON | body length (u32 BE) | body | signature (64)
//
// body = AES-256-GCM(gzip(payload JSON)) with tag appended; the key comes from an ephemeral X25519 key
// agreement with the recipient's encryption key, through HKDF-SHA256. The header is the GCM additional
// data, so it cannot be changed without the body failing to open. The Ed25519 signature covers every
// byte before it; it is checked first, so a flipped byte anywhere is refused before any decryption.

const MAGIC = Buffer.from('LADPKG', 'ascii');
const VERSION = 1;
const SIGNATURE_BYTES = 64;
const INFO = Buffer.from('legal-aid-desk exchange package v1');

export type PackageKind = 'full' | 'stats' | 'networkKey';

export interface PackageHeader {
  packageId: string;
  kind: PackageKind;
  sender: string;
  recipient: string;
  created: string;
  counts: Record<string, number>;
  /** Full packages: the sender's change_log sequence range and what it has received from the recipient. */
  seq?: { from: number; to: number; ack: number };
  /** Statistics packages: the period and contact point whose facts the package replaces. */
  period?: { from: string; to: string; contactPointId: string };
  /** Base64 raw X25519 public key of the ephemeral pair, and the GCM nonce. */
  epk: string;
  iv: string;
}

export interface RawKeys {
  /** Base64 of the raw 32-byte public key. */
  publicKey: string;
  /** Base64 of the PKCS#8 DER private key. */
  privateKey: string;
}

export function generateKeys(type: 'ed25519' | 'x25519'): RawKeys {
  const pair = type === 'ed25519' ? generateKeyPairSync('ed25519') : generateKeyPairSync('x25519');
  return {
    publicKey: rawPublic(pair.publicKey).toString('base64'),
    privateKey: pair.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
  };
}

function rawPublic(key: KeyObject): Buffer {
  const jwk = key.export({ format: 'jwk' });
  return Buffer.from(jwk.x!, 'base64url');
}

export function publicKeyFromRaw(raw: string, curve: 'Ed25519' | 'X25519'): KeyObject {
  const bytes = Buffer.from(raw, 'base64');
  if (bytes.length !== 32) throw new Error('A public key has 32 bytes');
  return createPublicKey({ key: { kty: 'OKP', crv: curve, x: bytes.toString('base64url') }, format: 'jwk' });
}

export function privateKeyFromDer(der: string): KeyObject {
  return createPrivateKey({ key: Buffer.from(der, 'base64'), format: 'der', type: 'pkcs8' });
}

function deriveKey(shared: Buffer, epk: Buffer, recipientPublic: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.concat([epk, recipientPublic]), INFO, 32));
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

export interface SealInput {
  header: Omit<PackageHeader, 'epk' | 'iv'>;
  payload: unknown;
  recipientEncPublic: string;
  senderSignPrivate: string;
}

/** Encrypts the payload to the recipient and signs the whole file with the sender's key. */
export function sealPackage(input: SealInput): Buffer {
  const recipientRaw = Buffer.from(input.recipientEncPublic, 'base64');
  const eph = generateKeyPairSync('x25519');
  const epk = rawPublic(eph.publicKey);
  const shared = diffieHellman({ privateKey: eph.privateKey, publicKey: publicKeyFromRaw(input.recipientEncPublic, 'X25519') });
  const key = deriveKey(shared, epk, recipientRaw);
  const iv = randomBytes(12);
  const header: PackageHeader = { ...input.header, epk: epk.toString('base64'), iv: iv.toString('base64') };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(headerBytes);
  const plain = gzipSync(Buffer.from(JSON.stringify(input.payload), 'utf8'));
  const body = Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  const signed = Buffer.concat([MAGIC, Buffer.from([VERSION]), u32(headerBytes.length), headerBytes, u32(body.length), body]);
  const signature = sign(null, signed, privateKeyFromDer(input.senderSignPrivate));
  return Buffer.concat([signed, signature]);
}

export interface OpenedEnvelope {
  header: PackageHeader;
  signed: Buffer;
  signature: Buffer;
  body: Buffer;
  headerBytes: Buffer;
}

/** Splits the file and reads the header; refuses anything that is not a whole package file. */
export function readEnvelope(file: Buffer): OpenedEnvelope {
  const min = MAGIC.length + 1 + 4 + 4 + SIGNATURE_BYTES;
  if (file.length < MAGIC.length || !file.subarray(0, MAGIC.length).equals(MAGIC)) throw new PackageRefused('notPackage');
  if (file.length < min) throw new PackageRefused('truncated');
  if (file[MAGIC.length] !== VERSION) throw new PackageRefused('version');
  let at = MAGIC.length + 1;
  const headerLength = file.readUInt32BE(at);
  at += 4;
  if (at + headerLength + 4 + SIGNATURE_BYTES > file.length) throw new PackageRefused('truncated');
  const headerBytes = file.subarray(at, at + headerLength);
  at += headerLength;
  const bodyLength = file.readUInt32BE(at);
  at += 4;
  if (at + bodyLength + SIGNATURE_BYTES !== file.length) throw new PackageRefused(at + bodyLength + SIGNATURE_BYTES > file.length ? 'truncated' : 'corrupt');
  const body = file.subarray(at, at + bodyLength);
  const signed = file.subarray(0, at + bodyLength);
  const signature = file.subarray(at + bodyLength);
  let header: PackageHeader;
  try {
    header = JSON.parse(headerBytes.toString('utf8')) as PackageHeader;
  } catch {
    throw new PackageRefused('corrupt');
  }
  if (!header || typeof header.packageId !== 'string' || typeof header.sender !== 'string' || typeof header.recipient !== 'string') {
    throw new PackageRefused('corrupt');
  }
  if (!['full', 'stats', 'networkKey'].includes(header.kind)) throw new PackageRefused('corrupt');
  return { header, signed, signature, body, headerBytes };
}

export function verifySignature(env: OpenedEnvelope, senderSignPublic: string): void {
  let ok = false;
  try {
    ok = verify(null, env.signed, publicKeyFromRaw(senderSignPublic, 'Ed25519'), env.signature);
  } catch {
    ok = false;
  }
  if (!ok) throw new PackageRefused('badSignature');
}

export function decryptBody(env: OpenedEnvelope, ownEncPrivate: string, ownEncPublic: string): unknown {
  try {
    const epk = Buffer.from(env.header.epk, 'base64');
    const shared = diffieHellman({ privateKey: privateKeyFromDer(ownEncPrivate), publicKey: publicKeyFromRaw(env.header.epk, 'X25519') });
    const key = deriveKey(shared, epk, Buffer.from(ownEncPublic, 'base64'));
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(env.header.iv, 'base64'));
    decipher.setAAD(env.headerBytes);
    decipher.setAuthTag(env.body.subarray(env.body.length - 16));
    const plain = Buffer.concat([decipher.update(env.body.subarray(0, env.body.length - 16)), decipher.final()]);
    return JSON.parse(gunzipSync(plain).toString('utf8'));
  } catch {
    throw new PackageRefused('cannotDecrypt');
  }
}
