import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateFiling } from '../../electron/documents/filings';
import { MANIFESTS } from '../../templates/manifests';
import { tempDir, type TestApp } from '../support/testApp';
import { fold, libreofficeConvert, pdfText, read, seededApp } from './support';
import type { SeedResult } from '../../electron/seed/demo';

// For every template and language: the filing generated from the demo data, converted to PDF by
// LibreOffice, holds the client's and the respondent's names and the court, and no placeholder.
// Plus a client whose name has XML-special characters and Tajik letters, which must come out literally.

const ODD_NAME = `O'Neil <&> "Test" Ҷӯрабоева`;

let t: TestApp;
let seed: SeedResult;
let dir: string;
interface Made {
  label: string;
  docx: string;
  client: string;
  respondent: string;
  court: string;
}
const made: Made[] = [];
const texts = new Map<string, string>();

beforeAll(async () => {
  ({ t, seed } = await seededApp());
  dir = tempDir('lad-filings-');
  const db = t.app.requireUnlocked().db;
  for (const m of MANIFESTS) {
    const cases = await db.selectFrom('cases').select(['id', 'case_type']).where('id', 'in', seed.caseIds).execute();
    const c = cases.find((x) => x.case_type === m.caseTypes[0])!;
    for (const lang of m.languages) {
      const g = await generateFiling(db, { caseId: c.id, templateId: m.id, language: lang });
      const docx = join(dir, `${m.id}.${lang}.docx`);
      writeFileSync(docx, g.content);
      const v = g.worked.resolved.values;
      made.push({ label: `${m.id}.${lang}`, docx, client: v.client_name!, respondent: v.respondent_name!, court: v.court ?? v.registry! });
    }
  }
  // The odd name on the first demo client (alimony-share case).
  const first = await db.selectFrom('cases').select(['id', 'client_id']).where('case_type', '=', 'alimony_share').executeTakeFirstOrThrow();
  await db.updateTable('clients').set({ surname: `O'Neil <&> "Test"`, given_name: 'Ҷӯрабоева', patronymic: '' }).where('id', '=', first.client_id).execute();
  for (const lang of ['tg', 'ru'] as const) {
    const g = await generateFiling(db, { caseId: first.id, templateId: 'alimony-share', language: lang });
    const docx = join(dir, `odd-name.${lang}.docx`);
    writeFileSync(docx, g.content);
    made.push({ label: `odd-name.${lang}`, docx, client: ODD_NAME, respondent: g.worked.resolved.values.respondent_name!, court: g.worked.resolved.values.court! });
  }
  const pdfs = libreofficeConvert(
    made.map((m) => m.docx),
    'pdf',
    join(dir, 'pdf'),
  );
  made.forEach((m, i) => texts.set(m.label, fold(pdfText(pdfs[i]!))));
}, 240_000);

afterAll(async () => {
  await t?.cleanup();
});

describe('filings from the demo data, as LibreOffice renders them', () => {
  it('makes all sixteen filings (eight types, Tajik and Russian)', () => {
    expect(made.filter((m) => !m.label.startsWith('odd-name'))).toHaveLength(16);
  });

  for (const m of MANIFESTS) {
    for (const lang of m.languages) {
      it(`${m.id} (${lang}) names the client, the respondent and the court, with no placeholder left`, () => {
        const made1 = made.find((x) => x.label === `${m.id}.${lang}`)!;
        const text = texts.get(made1.label)!;
        expect(text.length).toBeGreaterThan(500);
        expect(text).toContain(fold(made1.client));
        expect(text).toContain(fold(made1.respondent));
        expect(text).toContain(fold(made1.court));
        expect(text).not.toContain('{{');
        expect(text).not.toContain('}}');
      });
    }
  }

  it('writes dates as dd.mm.yyyy, money in figures and in words, and names in the genitive where Russian needs it', () => {
    const fixedRu = texts.get('alimony-fixed-sum.ru')!;
    expect(fixedRu).toContain('1 500 сомони (одна тысяча пятьсот сомони)');
    expect(fixedRu).toContain('Взыскать с Шарипова Фаридуна Бахтиёровича');
    expect(fixedRu).toContain('30.07.2019');
    const propertyTg = texts.get('property-division.tg')!;
    expect(propertyTg).toContain('307 500,50 сомонӣ (сесаду ҳафт ҳазору панҷсад сомонӣ 50 дирам)');
  });

  it('keeps the passage that fits the marriage and drops the other', () => {
    const registered = texts.get('alimony-share.ru')!;
    expect(registered).toContain('состоим в зарегистрированном браке');
    expect(registered).not.toContain('только по религиозному обряду');
    const religious = texts.get('alimony-fixed-sum.ru')!;
    expect(religious).toContain('только по религиозному обряду');
    expect(religious).not.toContain('в зарегистрированном браке (свидетельство');
  });

  it(`writes the client ${ODD_NAME} exactly as typed`, async () => {
    for (const lang of ['tg', 'ru']) {
      expect(texts.get(`odd-name.${lang}`)).toContain(ODD_NAME);
      const xml = await (await JSZip.loadAsync(read(join(dir, `odd-name.${lang}.docx`)))).file('word/document.xml')!.async('string');
      expect(xml).toContain(`O'Neil &lt;&amp;&gt; "Test" Ҷӯрабоева`);
    }
  });
});
