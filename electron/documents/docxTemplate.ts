import { createHash } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import { posix } from 'node:path';
import { readZipEntries, type ZipEntry } from './zipParts';

// A template .docx read once (cached by its content) into what filling needs, so that filling one
// filing is string concatenation and one compression of the changed parts (fillDocx.ts):
//
// 1. Placeholders Word or LibreOffice split across runs are joined first, paragraph by paragraph:
//    the text of all <w:t> of a paragraph is read as one, and a placeholder that starts in one <w:t>
//    and ends in another is moved whole into the <w:t> where it starts (the run formatting of its
//    first character). The paragraph's text does not change, only which run holds it — what docx's
//    patchDocument does when it joins the runs of a paragraph, without re-writing the rest.
// 2. Each part with paragraphs (the document, headers, footers) becomes a list of units: XML copied
//    as it is, paragraphs with placeholders (their XML cut at each placeholder, with the formatting
//    of the run it sits in), and table rows holding {{list.column}} placeholders.
//
// Placeholders are {{name}}, {{?passage}}, {{list.column}}: letters, digits, "_", "." and a leading "?".

export interface Slot {
  key: string;
  /** The <w:rPr> of the run the placeholder sits in ('' when it has none). */
  rPr: string;
}

export type Piece = string | Slot;

export interface Para {
  kind: 'p';
  /** The passage the paragraph belongs to ({{?name}} in it), or null. */
  passage: string | null;
  keys: string[];
  pieces: Piece[];
}

export interface Row {
  kind: 'row';
  /** The list whose items repeat the row ({{list.column}} in it). */
  list: string;
  units: Array<string | Para>;
}

export type Unit = string | Para | Row;

export interface CompiledTemplate {
  /** Every entry of the template as stored, in its order. */
  entries: ZipEntry[];
  /** The parts filled (by name): the main document first. */
  parts: Map<string, Unit[]>;
  mainPart: string;
  /** The highest comment id in the template (new comments come after it). */
  maxCommentId: number;
  comments: CommentsPart;
}

/** Where a filling's comments go: the template's comments part, or a new one and what links it. */
export interface CommentsPart {
  name: string;
  /** The comments part's XML as in the template, or null when it has none. */
  existing: string | null;
  /** The relationships and content types with the comments part linked (null: already linked). */
  rels: { name: string; xml: string } | null;
  contentTypes: string | null;
}

export const PLACEHOLDER = /\{\{([?\w.]+)\}\}/g;
const TEXT = /<w:t(\s[^>]*)?>([^<]*)<\/w:t>/g;
const LEAF_PARAGRAPH = /<w:p(?:\s[^>]*)?(?<!\/)>(?:(?!<w:p[\s>])[\s\S])*?<\/w:p>/g;
const LEAF_ROW = /<w:tr(?:\s[^>]*)?(?<!\/)>(?:(?!<w:tr[\s>])[\s\S])*?<\/w:tr>/g;
const LIST_PLACEHOLDER = /\{\{\w+\.\w+\}\}/;
const FILLED_ROOT = /^\s*(?:<\?xml[^>]*\?>\s*)?<(w:document|w:hdr|w:ftr)[\s>]/;
const COMMENTS_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
const COMMENTS_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';

export function inflateEntry(e: ZipEntry): string {
  return (e.method === 8 ? inflateRawSync(e.data, { maxOutputLength: Math.max(e.size, 1) }) : Buffer.from(e.data)).toString('utf8');
}

/** Moves every placeholder split across <w:t> elements of one paragraph into the <w:t> where it starts. */
export function joinSplitPlaceholders(paragraph: string): string {
  if (!paragraph.includes('{')) return paragraph;
  const texts = [...paragraph.matchAll(TEXT)];
  if (texts.length < 2) return paragraph;
  const joined = texts.map((m) => m[2]!).join('');
  const owner: number[] = [];
  texts.forEach((m, i) => {
    for (let k = 0; k < m[2]!.length; k++) owner.push(i);
  });
  let moved = false;
  for (const m of joined.matchAll(PLACEHOLDER)) {
    const start = m.index;
    const end = start + m[0].length;
    const first = owner[start]!;
    if (first === owner[end - 1]) continue;
    for (let k = start; k < end; k++) owner[k] = first;
    moved = true;
  }
  if (!moved) return paragraph;
  const next = texts.map(() => '');
  for (let k = 0; k < joined.length; k++) next[owner[k]!] = `${next[owner[k]!]!}${joined[k]!}`;
  let out = '';
  let at = 0;
  texts.forEach((m, i) => {
    out += paragraph.slice(at, m.index);
    const attrs = m[1] ?? '';
    out += next[i] === m[2] ? m[0] : `<w:t${attrs.includes('xml:space') ? attrs : `${attrs} xml:space="preserve"`}>${next[i]}</w:t>`;
    at = m.index + m[0].length;
  });
  return out + paragraph.slice(at);
}

/** The <w:rPr> of the run that holds position `at` of a paragraph. */
function runPropertiesAt(paragraph: string, at: number): string {
  const before = paragraph.slice(0, at);
  const start = Math.max(before.lastIndexOf('<w:r>'), before.lastIndexOf('<w:r '));
  if (start < 0) return '';
  const open = paragraph.indexOf('>', start) + 1;
  if (!paragraph.startsWith('<w:rPr>', open)) return '';
  const close = paragraph.indexOf('</w:rPr>', open);
  return close < 0 || close > at ? '' : paragraph.slice(open, close + '</w:rPr>'.length);
}

function compileParagraph(paragraph: string): Para | string {
  const pieces: Piece[] = [];
  const keys: string[] = [];
  let passage: string | null = null;
  let literal = '';
  let at = 0;
  for (const m of paragraph.matchAll(TEXT)) {
    const text = m[2]!;
    if (!text.includes('{{')) continue;
    const found = [...text.matchAll(PLACEHOLDER)];
    if (!found.length) continue;
    const attrs = m[1] ?? '';
    literal += paragraph.slice(at, m.index) + `<w:t${attrs.includes('xml:space') ? attrs : `${attrs} xml:space="preserve"`}>`;
    const rPr = runPropertiesAt(paragraph, m.index);
    let t = 0;
    for (const f of found) {
      literal += text.slice(t, f.index);
      pieces.push(literal, { key: f[1]!, rPr });
      literal = '';
      keys.push(f[1]!);
      if (f[1]!.startsWith('?')) passage ??= f[1]!.slice(1);
      t = f.index + f[0].length;
    }
    literal += `${text.slice(t)}</w:t>`;
    at = m.index + m[0].length;
  }
  if (!keys.length) return paragraph;
  pieces.push(literal + paragraph.slice(at));
  return { kind: 'p', passage, keys, pieces };
}

function compileSegment(xml: string, into: Unit[]): void {
  let at = 0;
  for (const m of xml.matchAll(LEAF_PARAGRAPH)) {
    if (!m[0].includes('{{')) continue;
    const unit = compileParagraph(m[0]);
    if (typeof unit === 'string') continue;
    into.push(xml.slice(at, m.index), unit);
    at = m.index + m[0].length;
  }
  into.push(xml.slice(at));
}

export function compilePart(xml: string): Unit[] {
  const joined = xml.includes('{') ? xml.replace(LEAF_PARAGRAPH, joinSplitPlaceholders) : xml;
  const units: Unit[] = [];
  let at = 0;
  for (const m of joined.matchAll(LEAF_ROW)) {
    const list = LIST_PLACEHOLDER.exec(m[0]);
    if (!list) continue;
    compileSegment(joined.slice(at, m.index), units);
    const inner: Unit[] = [];
    compileSegment(m[0], inner);
    const row: Row = { kind: 'row', list: list[0].slice(2, list[0].indexOf('.')), units: inner.filter((u): u is string | Para => typeof u === 'string' || u.kind === 'p') };
    units.push(row);
    at = m.index + m[0].length;
  }
  compileSegment(joined.slice(at), units);
  // Adjacent XML pieces become one.
  const merged: Unit[] = [];
  for (const u of units) {
    if (typeof u === 'string' && typeof merged[merged.length - 1] === 'string') merged[merged.length - 1] += u;
    else if (u !== '') merged.push(u);
  }
  return merged;
}

function relsNameOf(part: string): string {
  return posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);
}

function commentsPart(byName: Map<string, ZipEntry>, mainPart: string): CommentsPart {
  const relsName = relsNameOf(mainPart);
  const relsEntry = byName.get(relsName);
  const rels = relsEntry ? inflateEntry(relsEntry) : '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  const linked = new RegExp(`<Relationship\\b[^>]*Type="${COMMENTS_TYPE.replace(/[./]/g, '\\$&')}"[^>]*>`).exec(rels);
  if (linked) {
    const target = /Target="([^"]+)"/.exec(linked[0])?.[1] ?? 'comments.xml';
    const name = target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(posix.dirname(mainPart), target));
    const entry = byName.get(name);
    return { name, existing: entry ? inflateEntry(entry) : null, rels: null, contentTypes: null };
  }
  const name = posix.join(posix.dirname(mainPart), 'comments.xml');
  const ids = new Set([...rels.matchAll(/\bId="([^"]+)"/g)].map((m) => m[1]));
  let n = 1;
  while (ids.has(`rIdComments${n}`)) n++;
  const relationship = `<Relationship Id="rIdComments${n}" Type="${COMMENTS_TYPE}" Target="${posix.relative(posix.dirname(mainPart), name)}"/>`;
  const typesEntry = byName.get('[Content_Types].xml');
  let types = typesEntry ? inflateEntry(typesEntry) : null;
  if (types && !types.includes(`PartName="/${name}"`)) types = types.replace('</Types>', `<Override PartName="/${name}" ContentType="${COMMENTS_CONTENT_TYPE}"/></Types>`);
  return {
    name,
    existing: byName.has(name) ? inflateEntry(byName.get(name)!) : null,
    rels: { name: relsName, xml: rels.replace('</Relationships>', `${relationship}</Relationships>`) },
    contentTypes: types,
  };
}

function compile(template: Uint8Array): CompiledTemplate {
  const entries = readZipEntries(template)?.filter((e) => !e.name.endsWith('/'));
  if (!entries || entries.some((e) => e.method !== 0 && e.method !== 8)) throw new Error('The template is not a .docx this app can read');
  const byName = new Map(entries.map((e) => [e.name, e]));
  const parts = new Map<string, Unit[]>();
  let mainPart = '';
  let maxCommentId = -1;
  for (const e of entries) {
    if (!e.name.endsWith('.xml')) continue;
    const xml = inflateEntry(e);
    const root = FILLED_ROOT.exec(xml.slice(0, 4096))?.[1];
    if (!root) continue;
    if (root === 'w:document' && !mainPart) mainPart = e.name;
    parts.set(e.name, compilePart(xml));
    for (const m of xml.matchAll(/<w:comment(?:RangeStart|RangeEnd|Reference)\b[^>]*\bw:id="(\d+)"/g)) maxCommentId = Math.max(maxCommentId, Number(m[1]));
  }
  if (!mainPart) throw new Error('The template has no document part');
  const comments = commentsPart(byName, mainPart);
  if (comments.existing) for (const m of comments.existing.matchAll(/<w:comment\b[^>]*\bw:id="(\d+)"/g)) maxCommentId = Math.max(maxCommentId, Number(m[1]));
  // The main document first: its comments are numbered before the other parts are filled.
  const ordered = new Map([[mainPart, parts.get(mainPart)!], ...[...parts].filter(([name]) => name !== mainPart)]);
  return { entries, parts: ordered, mainPart, maxCommentId, comments };
}

const compiled = new Map<string, CompiledTemplate>();

/** The compiled template, cached by its content: the shipped ones and a few imported versions. */
export function compiledTemplate(template: Uint8Array): CompiledTemplate {
  const key = createHash('sha256').update(template).digest('hex');
  let c = compiled.get(key);
  if (!c) {
    c = compile(template);
    if (compiled.size >= 48) compiled.delete(compiled.keys().next().value!);
    compiled.set(key, c);
  }
  return c;
}

/** The text of each paragraph of a .docx's main document (its runs joined), in order; null when it has none. */
export function documentParagraphs(content: Uint8Array): string[] | null {
  const entries = readZipEntries(content)?.filter((e) => e.name.endsWith('.xml') && (e.method === 0 || e.method === 8));
  for (const e of entries ?? []) {
    const xml = inflateEntry(e);
    if (FILLED_ROOT.exec(xml.slice(0, 4096))?.[1] !== 'w:document') continue;
    return [...xml.matchAll(LEAF_PARAGRAPH)].map((p) => [...p[0].matchAll(TEXT)].map((m) => m[2]!).join(''));
  }
  return null;
}
