import { inflateRawSync } from 'node:zlib';
import { AppError } from '../../shared/api/errors';
import { hasControlCharacter } from '../../shared/util/hiddenCharacters';
import { readZipEntries, type ZipEntry } from '../documents/zipParts';

// Zip files from outside (registers saved as XLSX, templates as .docx) are checked before any library
// unpacks them: a few hundred kilobytes can unpack to gigabytes, and the libraries that read them
// afterwards (exceljs and docx, both through JSZip) unpack everything they are given. First the
// central directory's declared sizes and entry count (nothing unpacked yet), then every entry is
// unpacked once, one at a time, with its declared size as a hard ceiling — declared sizes can lie, and
// a lie is caught at the first byte over it, not after the heap is full.

export interface ZipLimits {
  maxEntries: number;
  maxUnpackedBytes: number;
}

export interface CheckedZip {
  entries: ZipEntry[];
  /** The unpacked content of the entries the caller asked to keep. */
  kept: Map<string, Buffer>;
}

const MB = 1024 * 1024;

function tooLarge(limits: ZipLimits, detail: string): AppError {
  return new AppError('FILE_TOO_LARGE', `The file is too large to open safely: ${detail}`, undefined, {
    megabytes: Math.floor(limits.maxUnpackedBytes / MB),
    entries: limits.maxEntries,
  });
}

/**
 * A name that would land outside the folder it is unpacked into, or that no document writer makes:
 * ".." as a segment, an absolute or drive path, a backslash path, control characters.
 */
export function isUnsafeEntryName(name: string): boolean {
  if (hasControlCharacter(name)) return true;
  if (/^[/\\]/.test(name) || /^[A-Za-z]:/.test(name)) return true;
  return name.split(/[/\\]/).some((segment) => segment === '..');
}

/**
 * Checks a zip against the limits and returns its entries, or null when it is not a zip this app can
 * read (ZIP64, encrypted, an unknown compression, damaged). Throws FILE_TOO_LARGE over a limit and
 * FILE_UNSAFE for an entry named outside the document.
 */
export function checkZip(bytes: Uint8Array, limits: ZipLimits, keep: (name: string) => boolean = () => false): CheckedZip | null {
  const entries = readZipEntries(bytes);
  if (!entries) return null;
  if (entries.length > limits.maxEntries) throw tooLarge(limits, `${entries.length} entries, at most ${limits.maxEntries}`);
  const unsafe = entries.find((e) => isUnsafeEntryName(e.name));
  if (unsafe) throw new AppError('FILE_UNSAFE', `The file holds an entry named outside the document: ${JSON.stringify(unsafe.name)}`);
  const declared = entries.reduce((sum, e) => sum + e.size, 0);
  if (declared > limits.maxUnpackedBytes) throw tooLarge(limits, `${Math.ceil(declared / MB)} MB unpacked, at most ${limits.maxUnpackedBytes / MB} MB`);
  const kept = new Map<string, Buffer>();
  for (const e of entries) {
    let content: Buffer;
    if (e.method === 0) content = Buffer.from(e.data);
    else if (e.method === 8) {
      try {
        content = inflateRawSync(e.data, { maxOutputLength: Math.max(e.size, 1) });
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(limits, `${e.name} unpacks to more than it declares`);
        return null;
      }
    } else return null;
    if (content.length !== e.size) return null;
    if (keep(e.name)) kept.set(e.name, content);
  }
  return { entries, kept };
}
