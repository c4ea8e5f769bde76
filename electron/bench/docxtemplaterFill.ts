import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import { deflateRawSync } from 'node:zlib';
import { crc32 } from 'node:zlib';
import { inflateEntry } from '../documents/docxTemplate';
import type { Resolved } from '../documents/filingValues';
import { readZipEntries, writeZip } from '../documents/zipParts';
import type { TemplateManifest } from '../../templates/manifests';

// The yardstick of the filing's speed: docxtemplater + pizzip filling the same template, rewritten in
// docxtemplater's syntax ({{?passage}} paragraphs as {{#passage}}…{{/passage}}, a {{list.column}}
// row as a loop over the list, {{attachments}} as a paragraph loop), with the same values — as a
// project using that library would fill it: read the zip, render, write the zip, every time.

/** The template in docxtemplater's syntax (delimiters {{ }}), made once. */
export function docxtemplaterTemplate(template: Uint8Array, manifest: TemplateManifest): Buffer {
  const entries = readZipEntries(template)!;
  const tableLists = manifest.lists.filter((l) => l.kind === 'tableRows').map((l) => l.name);
  const paragraphLists = manifest.lists.filter((l) => l.kind === 'paragraphs').map((l) => l.name);
  return writeZip(
    entries.map((e) => {
      if (e.name !== 'word/document.xml') return e;
      let xml = inflateEntry(e);
      // A passage: the paragraph is the section.
      xml = xml.replace(/(<w:p[\s>](?:(?!<\/w:p>)[\s\S])*?)\{\{\?(\w+)\}\}((?:(?!<\/w:p>)[\s\S])*?)(<\/w:t>)((?:(?!<\/w:t>)(?!<\/w:p>)[\s\S])*<\/w:p>)/g, (_m, a: string, name: string, b: string, close: string, rest: string) => `${a}{{#${name}}}${b}{{/${name}}}${close}${rest}`);
      for (const list of tableLists) {
        xml = xml.replace(/<w:tr[\s>](?:(?!<\/w:tr>)[\s\S])*?<\/w:tr>/g, (row) => {
          if (!row.includes(`{{${list}.`)) return row;
          let first = true;
          const cells = row.replace(new RegExp(`\\{\\{${list}\\.(\\w+)\\}\\}`, 'g'), (_m, col: string) => {
            const tag = first ? `{{#${list}}}{{${col}}}` : `{{${col}}}`;
            first = false;
            return tag;
          });
          const last = cells.lastIndexOf('}}');
          return `${cells.slice(0, last + 2)}{{/${list}}}${cells.slice(last + 2)}`;
        });
      }
      // A paragraph loop: the opening and closing tags in paragraphs of their own around the repeated one.
      for (const list of paragraphLists) {
        xml = xml.replace(/<w:p[\s>](?:(?!<\/w:p>)[\s\S])*?<\/w:p>/g, (p) =>
          p.includes(`{{${list}}}`) ? [`{{#${list}}}`, '{{.}}', `{{/${list}}}`].map((tag) => p.replace(`{{${list}}}`, tag)).join('') : p,
        );
      }
      const data = Buffer.from(xml, 'utf8');
      return { ...e, method: 8, crc: crc32(data) >>> 0, size: data.length, data: deflateRawSync(data) };
    }),
  );
}

/** The data docxtemplater renders: the values, each passage as true/false, the lists. */
export function docxtemplaterData(manifest: TemplateManifest, resolved: Resolved): Record<string, unknown> {
  const data: Record<string, unknown> = { ...resolved.values, ...resolved.tables };
  for (const p of resolved.passages) data[p.name] = p.active;
  for (const l of manifest.lists) if (l.kind === 'paragraphs') data[l.name] = resolved.attachments;
  return data;
}

export function fillWithDocxtemplater(template: Buffer, data: Record<string, unknown>): Buffer {
  const doc = new Docxtemplater(new PizZip(template), { paragraphLoop: true, linebreaks: true, delimiters: { start: '{{', end: '}}' } });
  doc.render(data);
  return (doc.getZip() as PizZip).generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}
