import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateFiling } from '../../electron/documents/filings';
import { TEMPLATES_DIR } from '../../electron/documents/buildTemplates';
import { MANIFESTS } from '../../templates/manifests';
import { tempDir, type TestApp } from '../support/testApp';
import { fold, libreofficeConvert, pdfPages, pdfText, seededApp } from './support';

// The layout a court clerk accepts, read from the shipped templates' XML and from what LibreOffice
// prints: A4 with 30/15/20/20 mm margins, page numbers, the date and the signature on the page of
// the last paragraph however long the filing, columns sized to what they hold, and every run tagged
// with the filing's language.

let t: TestApp;
let dir: string;

beforeAll(async () => {
  ({ t } = await seededApp());
  dir = tempDir('lad-layout-');
}, 60_000);
afterAll(async () => t?.cleanup());

async function part(file: string | Buffer, name: string): Promise<string> {
  return (await JSZip.loadAsync(typeof file === 'string' ? readFileSync(file) : file)).file(name)!.async('string');
}

describe('shipped templates', () => {
  it('are A4 with court margins, a page number in the footer, and every run in the filing language', async () => {
    for (const m of MANIFESTS) {
      for (const lang of m.languages) {
        const file = join(TEMPLATES_DIR, `${m.id}.${lang}.docx`);
        const label = `${m.id}.${lang}`;
        const tag = lang === 'tg' ? 'tg-TJ' : 'ru-RU';
        const doc = await part(file, 'word/document.xml');
        expect(doc, label).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
        const margins = /<w:pgMar ([^>]*)\/>/.exec(doc)![1]!;
        // twips: 20 mm = 1134, 30 mm = 1701, 15 mm = 851
        expect(margins, label).toMatch(/w:top="1134"/);
        expect(margins, label).toMatch(/w:bottom="1134"/);
        expect(margins, label).toMatch(/w:left="1701"/);
        expect(margins, label).toMatch(/w:right="851"/);
        const runs = [...doc.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((r) => r[1]!).filter((r) => r.includes('<w:t'));
        expect(runs.length, label).toBeGreaterThan(10);
        for (const r of runs) expect(r, label).toContain(`<w:lang w:val="${tag}"/>`);
        expect(await part(file, 'word/styles.xml'), label).toMatch(new RegExp(`<w:rPrDefault><w:rPr>.*<w:lang w:val="${tag}"/>.*</w:rPr></w:rPrDefault>`));
        const footerRef = /<w:footerReference [^>]*r:id="(\w+)"/.exec(doc)?.[1];
        expect(footerRef, label).toBeDefined();
        const rels = await part(file, 'word/_rels/document.xml.rels');
        const footer = new RegExp(`Id="${footerRef}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${footerRef}"`).exec(rels)![1]!;
        expect(await part(file, `word/${footer}`), label).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
      }
    }
  });

  it('size table columns to their content: the number column narrow, the name wide', async () => {
    const doc = await part(join(TEMPLATES_DIR, 'alimony-share.ru.docx'), 'word/document.xml');
    const grid = [.../<w:tblGrid>(.*?)<\/w:tblGrid>/.exec(doc)![1]!.matchAll(/w:w="(\d+)"/g)].map((m) => Number(m[1]));
    expect(grid).toHaveLength(4);
    const [n, name, birth, certificate] = grid as [number, number, number, number];
    expect(n).toBeLessThanOrEqual(600);
    expect(name).toBeGreaterThan(birth);
    expect(name).toBeGreaterThan(certificate);
    expect(n + name + birth + certificate).toBe(11906 - 1701 - 851);
  });
});

describe('filled filings printed by LibreOffice', () => {
  it('print every word of a table heading whole (the property list in Russian and Tajik)', async () => {
    const db = t.app.requireUnlocked().db;
    const caseId = (await db.selectFrom('cases').select('id').where('case_type', '=', 'property_division').executeTakeFirstOrThrow()).id;
    const manifest = MANIFESTS.find((m) => m.id === 'property-division')!;
    const files: string[] = [];
    for (const lang of manifest.languages) {
      const g = await generateFiling(db, { caseId, templateId: 'property-division', language: lang, today: '2026-03-02' }, { allowMissing: true });
      const file = join(dir, `property-${lang}.docx`);
      writeFileSync(file, g.content);
      files.push(file);
    }
    const headings: Record<string, string[]> = { tg: ['Номгӯй', 'Арзиш', '(сомонӣ)', 'Санаи', 'харид'], ru: ['Наименование', 'Стоимость', '(сомони)', 'Дата', 'приобретения'] };
    for (const pdf of libreofficeConvert(files, 'pdf', join(dir, 'pdf-property'))) {
      const lang = pdf.endsWith('-ru.pdf') ? 'ru' : 'tg';
      // A word too long for its column is broken inside it: its two pieces stand on two lines.
      const words = new Set(pdfText(pdf).split(/\s+/));
      for (const word of headings[lang]!) expect(words.has(word), `${lang}: ${word}`).toBe(true);
    }
  }, 120_000);

  it('keep the date and the signature on the page of the last paragraph at any length, with page numbers', async () => {
    const db = t.app.requireUnlocked().db;
    const caseId = (await db.selectFrom('cases').select('id').where('case_type', '=', 'divorce').executeTakeFirstOrThrow()).id;
    const files: string[] = [];
    const sentence = 'Ответчик длительное время не проживает с семьёй, не поддерживает связь и не участвует в воспитании детей. ';
    // Lengths that take the text from one page count to the next (about three lines a step): one of them
    // puts the end of the text at the foot of a page.
    for (let n = 4; n <= 42; n += 2) {
      const g = await generateFiling(db, { caseId, templateId: 'divorce', language: 'ru', today: '2026-03-02', answers: { reason: sentence.repeat(n) } }, { allowMissing: true });
      const file = join(dir, `divorce-${n}.docx`);
      writeFileSync(file, g.content);
      files.push(file);
    }
    const pdfs = libreofficeConvert(files, 'pdf', join(dir, 'pdf'));
    const pageCounts = new Set<number>();
    let closingOpensPage = false;
    for (const pdf of pdfs) {
      const text = pdfPages(pdf);
      pageCounts.add(text.length);
      const pageOf = (needle: string) => text.findIndex((p) => fold(p).includes(needle));
      const date = pageOf('Дата: 02.03.2026');
      expect(date, pdf).toBeGreaterThanOrEqual(0);
      expect(pageOf('Истец: ____________'), pdf).toBe(date);
      expect(pageOf('5. Копия искового заявления для ответчика'), pdf).toBe(date);
      if (date > 0 && fold(text[date]!).startsWith('Приложение:')) closingOpensPage = true;
      // Every page carries its number.
      text.forEach((p, i) => expect(p.trim().split('\n').map((l) => l.trim()), `${pdf} page ${i + 1}`).toContain(String(i + 1)));
    }
    const counts = [...pageCounts].sort();
    expect(counts).toEqual([counts[0], counts[0]! + 1]);
    // At least one length sent the whole closing to the next page rather than leaving the date and signature alone there.
    expect(closingOpensPage).toBe(true);
  }, 180_000);
});
