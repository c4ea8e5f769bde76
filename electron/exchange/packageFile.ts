import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  sign,
  verify,
  type Hash,
  type KeyObject,
} from 'node:crypto';
import { closeSync, createReadStream, openSync, writeSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { gunzipSync, gzip } from 'node:zlib';
import { PackageRefused } from './refusal';

// The exchange package file: one self-contained, encrypted and signed file that travels on a USB stick.
//
//   "LADPKG" | version (1 byte) | header length (u32 BE) | header JSON | body length (u32 BE) | body | signature (64)
//
// body = AES-256-GCM(frames) with the 16-byte tag appended, a frame being a u32 length and a gzip member
// of whole lines of JSON; the key comes from an ephemeral
// X25519 key agreement with the recipient's encryption key, through HKDF-SHA256. The header is the GCM
// additional data, so it cannot be changed without the body failing to open.
// The Ed25519 signature is made over a SHA-512 digest of every byte before it, taken in the order
// magic, version, header length, header, body, body length (the length is only known once the body is
// written, and fixed-size fields keep the order unambiguous). It is checked first, so a flipped byte
// anywhere is refused before any decryption.
// Version 2 streams: a year of national changes is hundreds of megabytes of JSON, which is
// never held in memory — the body is written and read line by line. Version 1 files are refused.

const MAGIC = Buffer.from('LADPKG', 'ascii');
const VERSION = 2;
const SIGNATURE_BYTES = 64;
const TAG_BYTES = 16;
const PREFIX_BYTES = MAGIC.length + 1 + 4;
const INFO = Buffer.from('legal-aid-desk exchange package v1');
/** The u32 body length field; a bigger package must be split (a national year is ~100 MB). */
const MAX_BODY = 0xffffffff;

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
  /**
   * Statistics packages: the period and contact point whose facts the package replaces, and the
   * sender's clock stamp (HLC) when it made the package: of two packages for the same days, the hub
   * keeps the newer (absent in packages of earlier versions: their `created` stands for it).
   */
  period?: { from: string; to: string; contactPointId: string; stamp?: string };
  /**
   * The sender's audit head, and the hash its trail holds now at the head of every earlier package it
   * sent to this recipient ([seq, hash], null where it holds nothing): see exchange/auditWitness.ts.
   */
  audit?: { seq: number; hash: string; earlier: [number, string | null][] };
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
  recipientEncPublic: string;
  senderSignPrivate: string;
}

/** Where the bytes of a package go: a file (written as they come) or memory. */
interface Sink {
  write(chunk: Buffer): void;
  /** Writes the body length into its place (right after the header) and the signature at the end. */
  finish(bodyLengthAt: number, bodyLength: Buffer, signature: Buffer): void;
}

/** Lines are compressed in blocks of about this many bytes: one gzip member per block. */
const BLOCK_BYTES = 4 << 20;
const NEWLINE = Buffer.from('\n');
const gzipAsync = promisify(gzip);

/** The lines of a body: text, or bytes of UTF-8 (a line never holds a newline). */
export type BodyLines = AsyncIterable<string | Buffer> | Iterable<string | Buffer>;

async function seal(input: SealInput, lines: BodyLines, sink: Sink): Promise<number> {
  const recipientRaw = Buffer.from(input.recipientEncPublic, 'base64');
  const eph = generateKeyPairSync('x25519');
  const epk = rawPublic(eph.publicKey);
  const shared = diffieHellman({ privateKey: eph.privateKey, publicKey: publicKeyFromRaw(input.recipientEncPublic, 'X25519') });
  const key = deriveKey(shared, epk, recipientRaw);
  const iv = randomBytes(12);
  const header: PackageHeader = { ...input.header, epk: epk.toString('base64'), iv: iv.toString('base64') };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const digest = createHash('sha512');
  const prefix = Buffer.concat([MAGIC, Buffer.from([VERSION]), u32(headerBytes.length), headerBytes]);
  digest.update(prefix);
  sink.write(prefix);
  sink.write(u32(0)); // the body length, filled in when known

  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(headerBytes);
  let bodyLength = 0;
  const put = (chunk: Buffer) => {
    bodyLength += chunk.length;
    if (bodyLength > MAX_BODY) throw new Error('The package is too large for one file');
    digest.update(chunk);
    sink.write(chunk);
  };
  // The plaintext is a series of frames: u32 length, then a gzip member holding whole lines. Level 1:
  // several times faster than the default for about a fifth more bytes (a package is made while someone
  // waits). Blocks are compressed on libuv's thread pool while the next block is read from the database
  // (a third of a national year's export was gzip on the main thread); frames stay in order.
  let block: Buffer[] = [];
  let bytes = 0;
  const compressing: Promise<Buffer>[] = [];
  const putFrame = (member: Buffer) => put(cipher.update(Buffer.concat([u32(member.length), member])));
  const flushBlock = async (keep: number) => {
    if (block.length > 0) {
      const member = gzipAsync(Buffer.concat(block, bytes), { level: 1 });
      // Awaited below in order; a failure is reported there, not as an unhandled rejection.
      member.catch(() => undefined);
      compressing.push(member);
      block = [];
      bytes = 0;
    }
    while (compressing.length > keep) putFrame(await compressing.shift()!);
  };
  /** Takes one line; true when a block is full. */
  const take = (line: string | Buffer): boolean => {
    const b = typeof line === 'string' ? Buffer.from(line, 'utf8') : line;
    block.push(b, NEWLINE);
    bytes += b.length + 1;
    return bytes >= BLOCK_BYTES;
  };
  // A synchronous source is read without a promise per line (half a million lines for a national year).
  // Waiting for a compressed block also lets the rest of the app have a turn.
  if (Symbol.iterator in lines) {
    for (const line of lines) if (take(line)) await flushBlock(1);
  } else {
    for await (const line of lines) if (take(line)) await flushBlock(1);
  }
  await flushBlock(0);
  put(cipher.final());
  put(cipher.getAuthTag());
  const length = u32(bodyLength);
  digest.update(length);
  const signature = sign(null, digest.digest(), privateKeyFromDer(input.senderSignPrivate));
  sink.finish(prefix.length, length, signature);
  return prefix.length + 4 + bodyLength + SIGNATURE_BYTES;
}

/** Writes a package to a file as it is made; returns its size in bytes. */
export async function writePackageFile(path: string, input: SealInput, lines: BodyLines): Promise<number> {
  const fd = openSync(path, 'w');
  let position = 0;
  try {
    return await seal(input, lines, {
      write: (chunk) => {
        writeSync(fd, chunk, 0, chunk.length, position);
        position += chunk.length;
      },
      finish: (at, length, signature) => {
        writeSync(fd, signature, 0, signature.length, position);
        writeSync(fd, length, 0, length.length, at);
      },
    });
  } finally {
    closeSync(fd);
  }
}

/** A whole package in memory (small packages: statistics, the network key, tests). */
export async function sealPackage(input: SealInput & { lines: Iterable<string | Buffer> }): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let file = Buffer.alloc(0);
  await seal(input, input.lines, {
    write: (chunk) => void chunks.push(chunk),
    finish: (at, length, signature) => {
      file = Buffer.concat([...chunks, signature]);
      length.copy(file, at);
    },
  });
  return file;
}

/** Where an incoming package is read from: the file itself (streamed) or bytes already in memory. */
export interface PackageSource {
  size: number;
  read(start: number, end: number): Promise<Buffer>;
  stream(start: number, end: number): Readable;
}

export function bufferSource(bytes: Buffer): PackageSource {
  return {
    size: bytes.length,
    read: async (start, end) => bytes.subarray(start, end),
    stream: (start, end) => Readable.from([bytes.subarray(start, end)]),
  };
}

export async function fileSource(path: string): Promise<PackageSource> {
  const fd = await open(path, 'r');
  let size: number;
  try {
    size = (await fd.stat()).size;
  } finally {
    await fd.close();
  }
  return {
    size,
    read: async (start, end) => {
      const h = await open(path, 'r');
      try {
        const b = Buffer.alloc(Math.max(0, end - start));
        await h.read(b, 0, b.length, start);
        return b;
      } finally {
        await h.close();
      }
    },
    stream: (start, end) => (end > start ? createReadStream(path, { start, end: end - 1, highWaterMark: 1 << 20 }) : Readable.from([])),
  };
}

export interface OpenedEnvelope {
  header: PackageHeader;
  headerBytes: Buffer;
  source: PackageSource;
  bodyStart: number;
  bodyEnd: number;
}

/** Reads the header and checks the layout; refuses anything that is not a whole package file. */
export async function readEnvelope(source: PackageSource): Promise<OpenedEnvelope> {
  const start = await source.read(0, Math.min(source.size, PREFIX_BYTES));
  if (start.length < MAGIC.length || !start.subarray(0, MAGIC.length).equals(MAGIC)) throw new PackageRefused('notPackage');
  if (source.size < PREFIX_BYTES + 4 + SIGNATURE_BYTES) throw new PackageRefused('truncated');
  if (start[MAGIC.length] !== VERSION) throw new PackageRefused('version');
  const headerLength = start.readUInt32BE(MAGIC.length + 1);
  const headerEnd = PREFIX_BYTES + headerLength;
  if (headerEnd + 4 + SIGNATURE_BYTES > source.size) throw new PackageRefused('truncated');
  const headerBytes = await source.read(PREFIX_BYTES, headerEnd);
  const bodyLength = (await source.read(headerEnd, headerEnd + 4)).readUInt32BE(0);
  const bodyStart = headerEnd + 4;
  const bodyEnd = bodyStart + bodyLength;
  if (bodyEnd + SIGNATURE_BYTES !== source.size) throw new PackageRefused(bodyEnd + SIGNATURE_BYTES > source.size ? 'truncated' : 'corrupt');
  if (bodyLength < TAG_BYTES) throw new PackageRefused('corrupt');
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
  return { header, headerBytes, source, bodyStart, bodyEnd };
}

async function hashRange(hash: Hash, source: PackageSource, start: number, end: number): Promise<void> {
  for await (const chunk of source.stream(start, end) as AsyncIterable<Buffer>) hash.update(chunk);
}

export async function verifySignature(env: OpenedEnvelope, senderSignPublic: string): Promise<void> {
  const digest = createHash('sha512');
  let ok = false;
  try {
    await hashRange(digest, env.source, 0, env.bodyStart - 4);
    await hashRange(digest, env.source, env.bodyStart, env.bodyEnd);
    digest.update(await env.source.read(env.bodyStart - 4, env.bodyStart));
    const signature = await env.source.read(env.bodyEnd, env.source.size);
    ok = verify(null, digest.digest(), publicKeyFromRaw(senderSignPublic, 'Ed25519'), signature);
  } catch {
    ok = false;
  }
  if (!ok) throw new PackageRefused('badSignature');
}

/**
 * The decrypted body, line by line. A body that cannot be decrypted or unpacked ends the iteration with
 * `cannotDecrypt` — the tag is checked at the end, so the caller writes inside a transaction it can undo.
 */
export async function* bodyLines(env: OpenedEnvelope, ownEncPrivate: string, ownEncPublic: string): AsyncGenerator<string> {
  let input: Readable | null = null;
  try {
    const epk = Buffer.from(env.header.epk, 'base64');
    const shared = diffieHellman({ privateKey: privateKeyFromDer(ownEncPrivate), publicKey: publicKeyFromRaw(env.header.epk, 'X25519') });
    const key = deriveKey(shared, epk, Buffer.from(ownEncPublic, 'base64'));
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(env.header.iv, 'base64'));
    decipher.setAAD(env.headerBytes);
    decipher.setAuthTag(await env.source.read(env.bodyEnd - TAG_BYTES, env.bodyEnd));
    input = env.source.stream(env.bodyStart, env.bodyEnd - TAG_BYTES);
    let pending: Buffer = Buffer.alloc(0);
    const frames = function* (plain: Buffer): Generator<string> {
      pending = pending.length ? Buffer.concat([pending, plain]) : plain;
      while (pending.length >= 4) {
        const length = pending.readUInt32BE(0);
        if (pending.length < 4 + length) break;
        const text = gunzipSync(pending.subarray(4, 4 + length));
        pending = pending.subarray(4 + length);
        // Line by line from the bytes (a newline byte is never part of another UTF-8 character): one
        // string of a whole block is megabytes in V8's large-object space, and a national year's blocks
        // made the heap grow by a couple of hundred megabytes before it was collected.
        let start = 0;
        for (let end = text.indexOf(10, start); end >= 0; end = text.indexOf(10, start)) {
          yield text.toString('utf8', start, end);
          start = end + 1;
        }
        if (start !== text.length) throw new PackageRefused('cannotDecrypt');
      }
    };
    for await (const chunk of input as AsyncIterable<Buffer>) yield* frames(decipher.update(chunk));
    yield* frames(decipher.final());
    if (pending.length) throw new PackageRefused('cannotDecrypt');
  } catch (error) {
    throw error instanceof PackageRefused ? error : new PackageRefused('cannotDecrypt');
  } finally {
    input?.destroy();
  }
}

/** The whole body of a one-line package (statistics, the network key) as its JSON value. */
export async function readSingleValue(env: OpenedEnvelope, ownEncPrivate: string, ownEncPublic: string): Promise<unknown> {
  const lines: string[] = [];
  for await (const line of bodyLines(env, ownEncPrivate, ownEncPublic)) lines.push(line);
  if (lines.length !== 1) throw new PackageRefused('badContent');
  try {
    return JSON.parse(lines[0]!);
  } catch {
    throw new PackageRefused('badContent');
  }
}
