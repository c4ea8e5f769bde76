import { createHash } from 'node:crypto';
import { crc32, deflateRawSync } from 'node:zlib';
import type { TemplateManifest } from '../../templates/manifests';
import { compiledTemplate, type Para, type Unit } from './docxTemplate';
import type { Resolved } from './filingValues';
import { writeZip, type ZipEntry } from './zipParts';

// Fills a template (compiled once, docxTemplate.ts): a plain placeholder becomes the value in the
// same run (so it keeps the run's formatting; a multi-line answer keeps its line breaks); a table row
// with {{list.column}} is repeated per item (none: the row goes); a paragraph with {{attachments}} is
// repeated per line with its own formatting; a paragraph with {{?passage}} is kept without the
// marker or removed whole. A value that rests on a legal reference not yet confirmed is highlighted
// and carries a Word comment naming the reference ("check against current law"), so the paralegal
// sees it in Word, LibreOffice and the wizard's preview; once the reference is confirmed the
// filling leaves no mark. Only the filled parts (and the comments, when there are marks) are
// written anew; every other part is copied as stored in the template.

/** Highlights go after these run properties in <w:rPr> (the schema's order) and before the rest. */
const AFTER_HIGHLIGHT = /<w:(?:u|effect|bdr|shd|fitText|vertAlign|rtl|cs|em|lang|eastAsianLayout|specVanish|oMath|rPrChange)\b/;
const COMMENT_AUTHOR = 'Legal Aid Desk';

// Characters XML 1.0 does not allow: a pasted answer with one would make Word refuse the file.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

function escapeText(s: string): string {
  return s.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A value as the text of a <w:t>: lines joined by breaks inside the same run. */
function textOf(value: string): string {
  const lines = value.split(/\r?\n/);
  return lines.length === 1 ? escapeText(value) : lines.map(escapeText).join('</w:t><w:br/><w:t xml:space="preserve">');
}

function highlighted(rPr: string): string {
  if (!rPr) return '<w:rPr><w:highlight w:val="yellow"/></w:rPr>';
  const inner = rPr.slice('<w:rPr>'.length, -'</w:rPr>'.length).replace(/<w:highlight\b[^>]*\/>/g, '');
  const at = inner.search(AFTER_HIGHLIGHT);
  return at < 0 ? `<w:rPr>${inner}<w:highlight w:val="yellow"/></w:rPr>` : `<w:rPr>${inner.slice(0, at)}<w:highlight w:val="yellow"/>${inner.slice(at)}</w:rPr>`;
}

interface FillState {
  values: Record<string, string>;
  marks: Record<string, string>;
  active: Set<string>;
  paragraphLists: Map<string, string[]>;
  tables: Record<string, Record<string, string>[]>;
  /** Comments are written for the main document only (Word keeps none in headers and footers). */
  comments: string[] | null;
  nextCommentId: number;
}

function commentXml(id: number, text: string): string {
  return `<w:comment w:id="${id}" w:author="${COMMENT_AUTHOR}" w:initials="LAD"><w:p><w:r><w:annotationRef/></w:r><w:r><w:t xml:space="preserve">${escapeText(text)}</w:t></w:r></w:p></w:comment>`;
}

/** The value cut out of its run into a highlighted run of its own, with a comment around it. */
function markedText(value: string, rPr: string, note: string, s: FillState): string {
  const run = `</w:t></w:r><w:r>${highlighted(rPr)}<w:t xml:space="preserve">${textOf(value)}</w:t></w:r>`;
  const resume = `<w:r>${rPr}<w:t xml:space="preserve">`;
  if (!s.comments) return run + resume;
  const id = s.nextCommentId++;
  s.comments.push(commentXml(id, note));
  return `</w:t></w:r><w:commentRangeStart w:id="${id}"/>${run.slice('</w:t></w:r>'.length)}<w:commentRangeEnd w:id="${id}"/><w:r>${rPr}<w:commentReference w:id="${id}"/></w:r>${resume}`;
}

function fillParagraph(p: Para, s: FillState, out: string[], item?: { list: string; row: Record<string, string> }): void {
  if (p.passage !== null && !s.active.has(p.passage)) return;
  const repeatKey = p.keys.find((k) => s.paragraphLists.has(k));
  const copies = repeatKey ? s.paragraphLists.get(repeatKey)! : [''];
  for (const line of copies) {
    for (const piece of p.pieces) {
      if (typeof piece === 'string') {
        out.push(piece);
        continue;
      }
      const key = piece.key;
      if (key === repeatKey) out.push(textOf(line));
      else if (key.startsWith('?')) continue;
      else if (item && key.startsWith(`${item.list}.`)) out.push(textOf(item.row[key.slice(item.list.length + 1)] ?? ''));
      else if (Object.hasOwn(s.values, key)) out.push(Object.hasOwn(s.marks, key) ? markedText(s.values[key]!, piece.rPr, s.marks[key]!, s) : textOf(s.values[key]!));
      else out.push(`{{${key}}}`); // not the manifest's: left as written, as the import check reports it
    }
  }
}

function fillUnits(units: readonly Unit[], s: FillState, out: string[]): void {
  for (const u of units) {
    if (typeof u === 'string') out.push(u);
    else if (u.kind === 'p') fillParagraph(u, s, out);
    else {
      for (const row of s.tables[u.list] ?? []) {
        for (const inner of u.units) {
          if (typeof inner === 'string') out.push(inner);
          else fillParagraph(inner, s, out, { list: u.list, row });
        }
      }
    }
  }
}

function deflated(like: ZipEntry, name: string, xml: string): ZipEntry {
  const raw = Buffer.from(xml, 'utf8');
  return { ...like, name, method: 8, crc: crc32(raw) >>> 0, size: raw.length, data: deflateRawSync(raw) };
}

export function fillTemplate(template: Uint8Array, manifest: TemplateManifest, resolved: Resolved): Buffer {
  const t = compiledTemplate(template);
  const paragraphLists = new Map<string, string[]>();
  for (const list of manifest.lists) if (list.kind === 'paragraphs') paragraphLists.set(list.name, resolved.attachments);
  const state: FillState = {
    values: resolved.values,
    marks: resolved.marks,
    active: new Set(resolved.passages.filter((p) => p.active).map((p) => p.name)),
    paragraphLists,
    tables: resolved.tables,
    comments: null,
    nextCommentId: t.maxCommentId + 1,
  };
  const filled = new Map<string, string>();
  for (const [name, units] of t.parts) {
    state.comments = name === t.mainPart ? [] : null;
    const out: string[] = [];
    fillUnits(units, state, out);
    filled.set(name, out.join(''));
    if (name === t.mainPart && state.comments!.length) {
      const c = t.comments;
      const added = state.comments!.join('');
      filled.set(
        c.name,
        c.existing
          ? c.existing.replace(/<\/w:comments>\s*$/, `${added}</w:comments>`)
          : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${added}</w:comments>`,
      );
      if (c.rels) filled.set(c.rels.name, c.rels.xml);
      if (c.contentTypes) filled.set('[Content_Types].xml', c.contentTypes);
    }
  }
  const entries: ZipEntry[] = t.entries.map((e) => (filled.has(e.name) ? deflated(e, e.name, filled.get(e.name)!) : e));
  const known = new Set(t.entries.map((e) => e.name));
  const main = t.entries.find((e) => e.name === t.mainPart)!;
  for (const [name, xml] of filled) if (!known.has(name)) entries.push(deflated(main, name, xml));
  return writeZip(entries);
}

/** The hash of the data a document was made from (stamped on it): same data, same hash. */
export function dataHash(templateId: string, templateVersion: string, language: string, resolved: Resolved): string {
  const payload = {
    templateId,
    templateVersion,
    language,
    values: Object.entries(resolved.values).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    tables: resolved.tables,
    attachments: resolved.attachments,
    passages: resolved.passages.map((p) => [p.name, p.active]),
  };
  return createHash('sha256').update(JSON.stringify(payload)).digest('hex');
}
