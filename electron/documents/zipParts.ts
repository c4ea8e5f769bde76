// The entries of a zip file (a .docx) as they are stored, compressed bytes untouched, and a zip file
// written from such entries. Filling a template copies the parts it does not change from the template
// instead of inflating and deflating them again (fillDocx.ts). Only what .docx files use: no ZIP64, no
// encryption, one disk; anything else is refused (null), and the caller then takes the plain way.

export interface ZipEntry {
  name: string;
  /** General purpose flags (bit 11: the name is UTF-8). */
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  size: number;
  /** The stored (compressed) bytes. */
  data: Uint8Array;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const DATA_DESCRIPTOR = 0x0008;
const ENCRYPTED = 0x0001;

export function readZipEntries(zip: Uint8Array): ZipEntry[] | null {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  // The end record is the last thing in the file, followed only by a comment of at most 64 KiB.
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === END) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (count === 0xffff || at === 0xffffffff) return null; // ZIP64
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > zip.length || view.getUint32(at, true) !== CENTRAL) return null;
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const compressed = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    if (flags & ENCRYPTED || compressed === 0xffffffff || size === 0xffffffff || local === 0xffffffff) return null;
    if (local + 30 > zip.length || view.getUint32(local, true) !== LOCAL) return null;
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + compressed > zip.length) return null;
    entries.push({
      name: decoder.decode(zip.subarray(at + 46, at + 46 + nameLength)),
      flags,
      method,
      time: view.getUint16(at + 12, true),
      date: view.getUint16(at + 14, true),
      crc: view.getUint32(at + 16, true),
      size,
      data: zip.subarray(start, start + compressed),
    });
    at += 46 + skip;
  }
  return entries;
}

/**
 * The fields the local header and the central directory share, from "version needed" to the name's
 * length. Sizes and CRC are written here, so no data descriptor follows the data.
 */
function describe(out: Buffer, at: number, e: ZipEntry, nameLength: number): void {
  out.writeUInt16LE(20, at);
  out.writeUInt16LE(e.flags & ~DATA_DESCRIPTOR, at + 2);
  out.writeUInt16LE(e.method, at + 4);
  out.writeUInt16LE(e.time, at + 6);
  out.writeUInt16LE(e.date, at + 8);
  out.writeUInt32LE(e.crc, at + 10);
  out.writeUInt32LE(e.data.length, at + 14);
  out.writeUInt32LE(e.size, at + 18);
  out.writeUInt16LE(nameLength, at + 22);
}

export function writeZip(entries: readonly ZipEntry[]): Buffer {
  const encoder = new TextEncoder();
  const names = entries.map((e) => encoder.encode(e.name));
  const localSize = entries.reduce((sum, e, i) => sum + 30 + names[i]!.length + e.data.length, 0);
  const centralSize = names.reduce((sum, name) => sum + 46 + name.length, 0);
  const out = Buffer.alloc(localSize + centralSize + 22);
  const offsets: number[] = [];
  let at = 0;
  entries.forEach((e, i) => {
    offsets.push(at);
    out.writeUInt32LE(LOCAL, at);
    describe(out, at + 4, e, names[i]!.length);
    out.set(names[i]!, at + 30);
    out.set(e.data, at + 30 + names[i]!.length);
    at += 30 + names[i]!.length + e.data.length;
  });
  const central = at;
  entries.forEach((e, i) => {
    out.writeUInt32LE(CENTRAL, at);
    out.writeUInt16LE(20, at + 4); // made by
    describe(out, at + 6, e, names[i]!.length);
    // Extra field, comment, disk, internal and external attributes: none.
    out.writeUInt32LE(offsets[i]!, at + 42);
    out.set(names[i]!, at + 46);
    at += 46 + names[i]!.length;
  });
  out.writeUInt32LE(END, at);
  out.writeUInt16LE(entries.length, at + 8);
  out.writeUInt16LE(entries.length, at + 10);
  out.writeUInt32LE(at - central, at + 12);
  out.writeUInt32LE(central, at + 16);
  return out;
}
