import { createHash } from 'node:crypto';
import { crc32, inflateRawSync } from 'node:zlib';
import { readZipEntries, writeZip, type ZipEntry } from './zipParts';

// Speeds up filling a template with docx's patchDocument (fillDocx.ts), which walks every XML part of
// word/ once per placeholder — the theme, settings and font table too — and compresses every part
// again: that was most of a filing's time (about 20 of 30 ms). Two things, both prepared once per
// template (cached by its content):
//
// 1. patchDocument sees only the parts it may change or reads: the parts with paragraphs it patches
//    (document, headers, footers, notes, comments — by their root element), the relationships and
//    content types it may add to, and the styles and lists it reads for inserted content. The rest
//    (theme, settings, font table, document properties, pictures) is copied as stored: plain text
//    runs and paragraphs use no theme colour and no setting.
// 2. In a shipped template (templates/source, written by templateBuilder.ts: one run per paragraph)
//    a one-line value whose every placeholder sits inside one <w:t> is written into that text here,
//    in one pass over the XML, instead of by a patchDocument walk of its own. It is the same text in
//    the same run, so it keeps the run's formatting as patchDocument's copy of the run would.
//    Imported templates, whose placeholders Word may have split across runs, go through patchDocument
//    for every placeholder.
//
// test/documents/fillDocx.test.ts fills every shipped template both ways and compares the text of
// every paragraph and every other part byte for byte.

export interface SplitTemplate {
  /** The stored entries patchDocument sees, in the template's order. */
  active: ZipEntry[];
  /** The XML of the parts with paragraphs (patched parts), for the text written in here. */
  xml: Map<string, string>;
  /** Placeholders (keys) that occur only whole inside one <w:t>, in every patched part. */
  inline: Set<string>;
  /** The other parts, as stored in the template. */
  kept: Map<string, ZipEntry>;
  /** Every part's name, in the template's order. */
  order: string[];
}

const PATCHED_ROOT = /^\s*(?:<\?xml[^>]*\?>\s*)?<(?:w:document|w:hdr|w:ftr|w:footnotes|w:endnotes|w:comments)[\s>]/;
const READ_PARTS = new Set(['[Content_Types].xml', 'word/styles.xml', 'word/numbering.xml']);
const TEXT = /<w:t(\s[^>]*)?>([^<]*)<\/w:t>/g;
const PLACEHOLDER = /\{\{([^{}]+)\}\}/g;

const splits = new Map<string, SplitTemplate | null>();

export function splitTemplate(template: Uint8Array): SplitTemplate | null {
  const key = createHash('sha256').update(template).digest('hex');
  if (splits.has(key)) return splits.get(key)!;
  const split = makeSplit(template);
  // The shipped templates and a few imported versions: keep the last few dozen.
  if (splits.size >= 48) splits.delete(splits.keys().next().value!);
  splits.set(key, split);
  return split;
}

function inflate(e: ZipEntry): string {
  return (e.method === 8 ? inflateRawSync(e.data, { maxOutputLength: Math.max(e.size, 1) }) : Buffer.from(e.data)).toString('utf8');
}

function makeSplit(template: Uint8Array): SplitTemplate | null {
  const entries = readZipEntries(template)?.filter((e) => !e.name.endsWith('/'));
  if (!entries || entries.some((e) => e.method !== 0 && e.method !== 8)) return null;
  const active: ZipEntry[] = [];
  const kept = new Map<string, ZipEntry>();
  const xml = new Map<string, string>();
  for (const e of entries) {
    const text = e.name.endsWith('.xml') && !READ_PARTS.has(e.name) ? inflate(e) : null;
    if (text !== null && PATCHED_ROOT.test(text.slice(0, 4096))) {
      xml.set(e.name, text);
      active.push(e);
    } else if (READ_PARTS.has(e.name) || e.name.endsWith('.rels')) active.push(e);
    else kept.set(e.name, e);
  }
  return { active, xml, inline: inlinePlaceholders([...xml.values()]), kept, order: entries.map((e) => e.name) };
}

/**
 * Keys whose every occurrence in the parts' text (all <w:t> joined, as patchDocument joins a
 * paragraph's runs) is whole inside one <w:t>. A character reference (&#…;) could hide a brace from
 * this count, so a part with one offers no key.
 */
function inlinePlaceholders(parts: string[]): Set<string> {
  const whole = new Map<string, number>();
  const joined = new Map<string, number>();
  const count = (map: Map<string, number>, text: string) => {
    for (const m of text.matchAll(PLACEHOLDER)) map.set(m[1]!, (map.get(m[1]!) ?? 0) + 1);
  };
  for (const part of parts) {
    const texts = [...part.matchAll(TEXT)].map((m) => m[2]!);
    if (texts.some((t) => t.includes('&#'))) return new Set();
    texts.forEach((t) => count(whole, t));
    count(joined, texts.join(''));
  }
  return new Set([...joined].filter(([key, n]) => whole.get(key) === n).map(([key]) => key));
}

function hasControl(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) < 0x20) return true;
  return false;
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Writes the given values into the parts' text, in one pass, and returns the parts for patchDocument
 * with the keys it still has to patch. Only plain one-line values: a line break or other control
 * character needs patchDocument's runs, and a value with "{{" would be searched by the patches that
 * follow (patchDocument never searches what it inserted).
 */
export function inlineValues(split: SplitTemplate, values: Record<string, string>): { zip: Buffer; done: Set<string> } {
  const all = Object.values(values);
  const done = new Set<string>();
  if (all.some((v) => v.includes('{{'))) return { zip: writeZip(split.active), done };
  for (const [key, value] of Object.entries(values)) if (split.inline.has(key) && !hasControl(value)) done.add(key);
  if (done.size === 0) return { zip: writeZip(split.active), done };
  const entries = split.active.map((e) => {
    const xml = split.xml.get(e.name);
    if (xml === undefined) return e;
    const filled = xml.replace(TEXT, (whole, attrs: string | undefined, text: string) => {
      let changed = false;
      const next = text.replace(PLACEHOLDER, (ph, key: string) => {
        if (!done.has(key)) return ph;
        changed = true;
        return escapeXml(values[key]!);
      });
      if (!changed) return whole;
      // Spaces at either end of a value are kept as typed, as TextRun does.
      const space = attrs?.includes('xml:space=') ? attrs : `${attrs ?? ''} xml:space="preserve"`;
      return `<w:t${space}>${next}</w:t>`;
    });
    const data = Buffer.from(filled, 'utf8');
    // Stored, not compressed: patchDocument reads it back at once, and compresses its output itself.
    return { ...e, method: 0, crc: crc32(data) >>> 0, size: data.length, data };
  });
  return { zip: writeZip(entries), done };
}

/** The filled document: the template's parts in its order, each from patchDocument's output if it went there. */
export function assemble(split: SplitTemplate, patched: ZipEntry[]): Buffer {
  const byName = new Map(patched.map((e) => [e.name, e]));
  const entries = split.order.map((name) => byName.get(name) ?? split.kept.get(name)!);
  // Anything patchDocument added (nothing for text, but a list or a picture adds a part) goes last.
  const known = new Set(split.order);
  for (const e of patched) if (!known.has(e.name)) entries.push(e);
  return writeZip(entries);
}
