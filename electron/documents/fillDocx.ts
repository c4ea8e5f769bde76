import { createHash } from 'node:crypto';
import { Paragraph, PatchType, TextRun, patchDocument, type IPatch, type TableRowsPatch } from 'docx';
import type { TemplateManifest } from '../../templates/manifests';
import type { Resolved } from './filingValues';
import { assemble, inlineValues, splitTemplate } from './templateParts';
import { readZipEntries } from './zipParts';

// Fills a template with docx's patchDocument: plain placeholders become text runs (keeping the
// template's formatting of the run), {{list.column}} placeholders repeat their table row per item,
// {{attachments}} becomes one paragraph per line, and a paragraph that starts with {{?passage}} is
// kept (marker removed) or removed whole. patchDocument joins the runs of a paragraph before it looks
// for placeholders, so a placeholder Word or LibreOffice split across runs is still found. Text goes
// in through TextRun, which escapes XML: "<&>\"'" and Tajik letters come out as typed.

function runs(text: string): TextRun[] {
  // Multi-line answers keep their line breaks inside the paragraph.
  return text.split(/\r?\n/).map((line, i) => new TextRun({ text: line, ...(i > 0 ? { break: 1 } : {}) }));
}

const text = (value: string): IPatch => ({ type: PatchType.PARAGRAPH, children: runs(value) });

export interface FillOptions {
  /**
   * The template is a shipped one (templateBuilder.ts: one run per paragraph), so plain one-line
   * values may be written straight into its text (templateParts.ts); imported ones go through
   * patchDocument for every placeholder.
   */
  shipped?: boolean;
}

export async function fillTemplate(template: Uint8Array, manifest: TemplateManifest, resolved: Resolved, options: FillOptions = {}): Promise<Buffer> {
  const patches = patchesFor(manifest, resolved);
  const split = splitTemplate(template);
  if (!split) return fillWithPatchDocument(template, manifest, resolved);
  // A kept passage only loses its marker: an empty value.
  const values: Record<string, string> = { ...resolved.values };
  for (const p of resolved.passages) if (p.active) values[`?${p.name}`] = '';
  const { zip, done } = inlineValues(split, options.shipped ? values : {});
  for (const key of done) delete patches[key];
  const output = await patchDocument({ outputType: 'uint8array', data: zip, patches, keepOriginalStyles: true });
  const patched = readZipEntries(output);
  if (!patched) throw new Error('The filled document could not be read back');
  return assemble(split, patched);
}

/** The whole template through patchDocument: what fillTemplate does when the template's zip is unusual. */
export async function fillWithPatchDocument(template: Uint8Array, manifest: TemplateManifest, resolved: Resolved): Promise<Buffer> {
  return patchDocument({ outputType: 'nodebuffer', data: template, patches: patchesFor(manifest, resolved), keepOriginalStyles: true });
}

function patchesFor(manifest: TemplateManifest, resolved: Resolved): Record<string, IPatch | TableRowsPatch> {
  const patches: Record<string, IPatch | TableRowsPatch> = {};
  for (const [key, value] of Object.entries(resolved.values)) patches[key] = text(value);
  for (const p of resolved.passages) {
    patches[`?${p.name}`] = p.active ? { type: PatchType.PARAGRAPH, children: [] } : { type: PatchType.DOCUMENT, children: [] };
  }
  for (const list of manifest.lists) {
    if (list.kind === 'paragraphs') {
      patches[list.name] = { type: PatchType.DOCUMENT, children: resolved.attachments.map((line) => new Paragraph({ children: runs(line) })) };
    } else {
      const rows = resolved.tables[list.name as 'children' | 'property'] ?? [];
      patches[list.name] = {
        type: PatchType.TABLE_ROWS,
        rows: rows.map((row) => Object.fromEntries(list.columns.map((c) => [c.name, text(row[c.name] ?? '')]))),
      };
    }
  }
  return patches;
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
