import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillTemplate, fillWithPatchDocument } from '../../electron/documents/fillDocx';
import { generateFiling } from '../../electron/documents/filings';
import type { Resolved } from '../../electron/documents/filingValues';
import { readShippedTemplate } from '../../electron/documents/templateStore';
import { MANIFESTS, type FilingLanguage, type TemplateManifest } from '../../templates/manifests';
import type { TestApp } from '../support/testApp';
import { seededApp } from './support';

// Filling a template the fast way (templateParts.ts: only the parts that change go through docx's
// patchDocument, and plain values of a shipped template are written straight into its text) gives the
// same document as patchDocument on the whole template: the same parts in the same order, every part
// but the document itself byte for byte, and in the document the same paragraphs with the same text
// and the same run formatting. An imported template (every placeholder through patchDocument) gives
// the very same bytes in every part.

interface Filled {
  label: string;
  manifest: TemplateManifest;
  lang: FilingLanguage;
  resolved: Resolved;
}

let t: TestApp;
const filled: Filled[] = [];

beforeAll(async () => {
  const { t: app, seed } = await seededApp();
  t = app;
  const db = t.app.requireUnlocked().db;
  const cases = await db.selectFrom('cases').select(['id', 'case_type', 'client_id']).where('id', 'in', seed.caseIds).execute();
  for (const m of MANIFESTS) {
    const c = cases.find((x) => x.case_type === m.caseTypes[0])!;
    for (const lang of m.languages) {
      const g = await generateFiling(db, { caseId: c.id, templateId: m.id, language: lang }, { allowMissing: true });
      filled.push({ label: `${m.id}.${lang}`, manifest: m, lang, resolved: g.worked.resolved });
    }
  }
  // XML-special characters, spaces at the ends and Tajik letters in a value; a line break in another.
  const c = cases.find((x) => x.case_type === 'alimony_share')!;
  await db.updateTable('clients').set({ surname: ` O'Neil <&> "Test" `, given_name: 'Ҷӯрабоева', patronymic: '' }).where('id', '=', c.client_id).execute();
  const g = await generateFiling(db, { caseId: c.id, templateId: 'alimony-share', language: 'tg' }, { allowMissing: true });
  const resolved = { ...g.worked.resolved, values: { ...g.worked.resolved.values, respondent_whereabouts: 'Россия,\nМосква' } };
  filled.push({ label: 'odd values', manifest: g.worked.manifest, lang: 'tg', resolved });
}, 120_000);

afterAll(async () => t?.cleanup());

async function parts(docx: Buffer): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(docx);
  const out = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files)) if (!zip.files[name]!.dir) out.set(name, await zip.files[name]!.async('nodebuffer'));
  return out;
}

/** Each paragraph of a part: its text (all <w:t> joined) and the distinct run formats in it. */
function paragraphs(xml: string): string[] {
  return xml
    .split('</w:p>')
    .map((chunk) => {
      const text = [...chunk.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
      const formats = [...new Set([...chunk.matchAll(/<w:rPr>.*?<\/w:rPr>/g)].map((m) => m[0]))].sort();
      return `${text} ${formats.join('')}`;
    });
}

describe('fillTemplate', () => {
  it('fills every shipped template as patchDocument on the whole template does', async () => {
    expect(filled.length).toBe(MANIFESTS.reduce((n, m) => n + m.languages.length, 0) + 1);
    for (const f of filled) {
      const template = readShippedTemplate(f.manifest.id, f.lang);
      const fast = await parts(await fillTemplate(template, f.manifest, f.resolved, { shipped: true }));
      const plain = await parts(await fillWithPatchDocument(template, f.manifest, f.resolved));
      expect([...fast.keys()], f.label).toEqual([...plain.keys()]);
      for (const [name, bytes] of plain) {
        if (name === 'word/document.xml') expect(paragraphs(fast.get(name)!.toString('utf8')), f.label).toEqual(paragraphs(bytes.toString('utf8')));
        else expect(fast.get(name)!.equals(bytes), `${f.label}: ${name}`).toBe(true);
      }
      expect(fast.get('word/document.xml')!.toString('utf8'), f.label).not.toContain('{{');
    }
  });

  it('fills an imported template (every placeholder through patchDocument) byte for byte as before', async () => {
    for (const f of filled.slice(0, 4)) {
      const template = readShippedTemplate(f.manifest.id, f.lang);
      const fast = await parts(await fillTemplate(template, f.manifest, f.resolved, { shipped: false }));
      const plain = await parts(await fillWithPatchDocument(template, f.manifest, f.resolved));
      expect([...fast.keys()], f.label).toEqual([...plain.keys()]);
      for (const [name, bytes] of plain) expect(fast.get(name)!.equals(bytes), `${f.label}: ${name}`).toBe(true);
    }
  });
});
