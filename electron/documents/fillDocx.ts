import { createHash } from 'node:crypto';
import { Paragraph, PatchType, TextRun, patchDocument, type IPatch, type TableRowsPatch } from 'docx';
import type { TemplateManifest } from '../../templates/manifests';
import type { Resolved } from './filingValues';

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

export async function fillTemplate(template: Uint8Array, manifest: TemplateManifest, resolved: Resolved): Promise<Buffer> {
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
  return patchDocument({ outputType: 'nodebuffer', data: template, patches, keepOriginalStyles: true });
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
