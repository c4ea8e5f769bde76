import type { Sharp } from 'sharp';
import { AppError } from '../../shared/api/errors';

// Scanned papers and photos as they are stored: what the bytes are is read from their first bytes (a
// renamed program is refused whatever its name says); photos are made smaller, re-encoded as JPEG and
// stripped of their metadata (EXIF, with the GPS position a phone writes into every photo); a PDF is
// kept as it is. Every image gets a small thumbnail for the documents list.

type SharpFunction = typeof import('sharp');
let sharpLoaded: Promise<SharpFunction> | null = null;

/**
 * sharp (libvips, some 20 MB once loaded) is loaded with the first picture. Each photo is read once:
 * libvips's cache of recent operations (up to 50 MB) would only hold the memory of photos already stored.
 */
function loadSharp(): Promise<SharpFunction> {
  sharpLoaded ??= import('sharp').then(({ default: sharp }) => {
    sharp.cache(false);
    return sharp;
  });
  return sharpLoaded;
}

/** The longest side a stored photo keeps: a passport page stays legible when printed on A4. */
export const STORED_LONGEST_SIDE = 2400;
export const STORED_JPEG_QUALITY = 80;
export const THUMBNAIL_LONGEST_SIDE = 240;

export type ScanFormat = 'jpeg' | 'png' | 'heic' | 'pdf';

/**
 * Brands of HEVC-coded HEIF pictures (HEIC), as phones write them (the major brand or a compatible one).
 * The generic 'mif1' alone is not enough: AVIF and other HEIF files carry it too.
 */
const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx']);

/** What a file is by its first bytes; null for anything that is not a JPEG, PNG, HEIC picture or PDF. */
export function sniffScan(bytes: Uint8Array): ScanFormat | null {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (b.length >= 5 && b.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  // ISO base media file: [size]['ftyp'][major brand]…[compatible brands]
  if (b.length >= 16 && b.subarray(4, 8).toString('latin1') === 'ftyp') {
    const size = Math.min(b.readUInt32BE(0), b.length);
    const brands = [b.subarray(8, 12).toString('latin1')];
    for (let at = 16; at + 4 <= size; at += 4) brands.push(b.subarray(at, at + 4).toString('latin1'));
    if (brands.some((brand) => HEIC_BRANDS.has(brand))) return 'heic';
  }
  return null;
}

export interface StoredScan {
  content: Buffer;
  mimeType: string;
  /** The file name with the extension of what is stored (a photo becomes a .jpg). */
  fileName: string;
  thumbnail: Buffer | null;
  width: number | null;
  height: number | null;
}

function refuse(fileName: string, key: 'notScan' | 'unreadableScan'): AppError {
  return new AppError('VALIDATION', 'The file is not an image or a PDF', [{ path: 'file', key, params: { name: fileName } }]);
}

async function decodeHeic(sharp: SharpFunction, bytes: Buffer): Promise<Sharp> {
  // heic-decode is WebAssembly (libheif): no native HEVC decoder needed, nothing leaves the machine.
  const { default: decode } = await import('heic-decode');
  const image = await decode({ buffer: bytes });
  return sharp(Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength), { raw: { width: image.width, height: image.height, channels: 4 } });
}

function withExtension(fileName: string, extension: string): string {
  const dot = fileName.lastIndexOf('.');
  return `${dot > 0 ? fileName.slice(0, dot) : fileName}.${extension}`;
}

/**
 * The form a picked file is stored in. Refuses (naming the file) what is not a JPEG, PNG, HEIC or PDF
 * by its content, and an image that cannot be decoded.
 */
export async function prepareScan(fileName: string, bytes: Buffer): Promise<StoredScan> {
  const format = sniffScan(bytes);
  if (!format) throw refuse(fileName, 'notScan');
  if (format === 'pdf') return { content: bytes, mimeType: 'application/pdf', fileName: withExtension(fileName, 'pdf'), thumbnail: null, width: null, height: null };
  try {
    // failOn 'error': a truncated photo is still taken (phones and scanners write some), garbage is not.
    const sharp = await loadSharp();
    const source = format === 'heic' ? await decodeHeic(sharp, bytes) : sharp(bytes, { failOn: 'error' });
    // rotate() turns the picture as the camera's orientation tag says, before the tag is dropped.
    // No withMetadata(): sharp writes no EXIF, XMP or ICC data, so the GPS position goes.
    const { data, info } = await source
      .rotate()
      .resize(STORED_LONGEST_SIDE, STORED_LONGEST_SIDE, { fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: STORED_JPEG_QUALITY })
      .toBuffer({ resolveWithObject: true });
    const thumbnail = await sharp(data).resize(THUMBNAIL_LONGEST_SIDE, THUMBNAIL_LONGEST_SIDE, { fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 70 }).toBuffer();
    return { content: data, mimeType: 'image/jpeg', fileName: withExtension(fileName, 'jpg'), thumbnail, width: info.width, height: info.height };
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw refuse(fileName, 'unreadableScan');
  }
}
