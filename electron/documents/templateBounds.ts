import { posix } from 'node:path';
import { AppError } from '../../shared/api/errors';
import { checkZip, type ZipLimits } from '../security/zipBounds';

// An imported template is copied into every filing made from it, so it must hold only itself: sizes
// within bounds, no part named outside the document, and no relationship that reaches out of the
// package — an external one (a linked picture, a hyperlink, an attached template) would make Word
// fetch a file or a web address when a filing is opened, on the lawyer's or the court's computer.

/** A template from Word with a logo is well under a megabyte; the shipped ones are a few kilobytes. */
const TEMPLATE_LIMITS: ZipLimits = { maxEntries: 300, maxUnpackedBytes: 32 * 1024 * 1024 };

const RELATIONSHIP = /<(?:\w+:)?Relationship\b([^>]*)>/g;

function attribute(attrs: string, name: string): string | null {
  const m = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  if (!m) return null;
  // Character references could spell "file:" without the letters appearing as such.
  return (m[1] ?? m[2]!).replace(/&#(x?)([0-9a-f]+);/gi, (_, hex: string, n: string) => String.fromCodePoint(parseInt(n, hex ? 16 : 10))).replace(/&amp;/g, '&');
}

/** Whether a relationship (its attributes, in the .rels part named) points out of the package. */
function reachesOut(relsName: string, attrs: string): boolean {
  if (attribute(attrs, 'TargetMode')?.trim().toLowerCase() === 'external') return true;
  const target = attribute(attrs, 'Target');
  if (target === null) return false;
  const t = target.trim();
  // A scheme (file:, http:, a drive letter), a network path, or a backslash path.
  if (/^[a-z][a-z0-9+.-]*:/i.test(t) || t.startsWith('//') || t.includes('\\')) return true;
  // A relative target resolves against the folder of the part the .rels file describes.
  // Normalised without a leading "/", so that ".." past the top stays visible instead of being dropped.
  const base = posix.dirname(posix.dirname(relsName));
  const resolved = posix.normalize(t.startsWith('/') ? t.slice(1) : posix.join(base, t));
  return resolved === '..' || resolved.startsWith('../');
}

/**
 * Refuses a .docx over the limits, with an unsafe entry name or an external relationship (AppError);
 * false when it is not a zip this app can read.
 */
export function checkTemplateZip(content: Uint8Array): boolean {
  const zip = checkZip(content, TEMPLATE_LIMITS, (name) => name.endsWith('.rels'));
  if (!zip) return false;
  for (const [name, xml] of zip.kept) {
    for (const [, attrs] of xml.toString('utf8').matchAll(RELATIONSHIP)) {
      if (reachesOut(name, attrs!)) throw new AppError('FILE_UNSAFE', `The template links outside itself (${name}): ${attribute(attrs!, 'Target') ?? ''}`);
    }
  }
  return true;
}
