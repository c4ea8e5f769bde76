import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { consentDefinition } from '../../electron/documents/consentForm';
import { renderPdf } from '../../electron/reports/pdfFonts';
import { renderReportPdf, reportDefinition } from '../../electron/reports/pdfReport';
import { sampleReport } from '../support/indicatorReport';

// The PDF walks the shared layout's sections: each section's title on a line of its own, in the
// layout's order, each chart drawn under its own title, and the breakdowns from the top of a new page.

const SECTIONS_RU = [
  'Основные индикаторы',
  '1.2.10. Консультации (юридические, медицинские, психологические)',
  '2.2.1.b. Завершённые дела об алиментах по исходу',
  'Женщины из семей мигрантов по возрасту',
  'Консультации по регионам',
  '1.2.3 b. Женщины из семей мигрантов (контактные пункты)',
  '1.2.3. Консультации в контактных пунктах',
  '1.2.4 b. Женщины из семей мигрантов (мобильные сессии)',
  '1.2.4 b. Оставленные женщины (мобильные сессии)',
  '1.2.4. Консультации на мобильных сессиях',
  '1.2.10. Все консультации',
];

/** The PDF's text, page by page, each page as trimmed lines. */
async function pdfPages(): Promise<string[][]> {
  const pdf = await renderReportPdf(sampleReport(), 'ru');
  const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString();
  return text.split('\f').map((page) => page.split('\n').map((l) => l.trim()));
}

describe('report PDF', () => {
  it("keeps every letter's text (for copying and searching) in a Russian PDF made after a Tajik one", async () => {
    // The fonts are parsed once per process; a glyph laid out in one document must not carry what it
    // stood for there into the next (here the Tajik consent form's letters took the Russian one's 'е').
    const data = {
      client: { surname: 'Раҳимова', givenName: 'Малика', patronymic: 'Ҷамшедовна', birthDate: '1990-05-15', idDocType: 'passport', idDocNumber: 'А 1234567', address: 'деҳаи Ҷар' },
      consentOn: null,
      consentMethod: null,
      office: 'Нуқтаи ёрии ройгони ҳуқуқӣ',
      lawyer: 'Азиза',
      printedOn: '2026-12-04',
    };
    const text = async (pdf: Buffer) => execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString();
    expect(await text(await renderPdf(consentDefinition(data, 'tg')))).toContain('Розигӣ ба коркарди маълумоти шахсӣ');
    expect(await text(await renderPdf(consentDefinition(data, 'ru')))).toContain('Согласие на обработку персональных данных');
    const report = await text(await renderReportPdf(sampleReport(), 'ru'));
    for (const title of SECTIONS_RU) expect(report).toContain(title);
  });

  it('prints the sections in the layout order, each chart under its own title, the breakdowns on a new page', async () => {
    const pages = await pdfPages();
    const lines = pages.flatMap((page, p) => page.map((text) => ({ text, page: p })));
    // Where each section's title stands (a headline row with the same words has its number beside it).
    const at: number[] = [];
    for (const title of SECTIONS_RU) {
      const i = lines.findIndex((l, k) => k > (at[at.length - 1] ?? -1) && l.text === title);
      expect(i, `section "${title}" after the one before it`).toBeGreaterThan(-1);
      at.push(i);
    }
    const between = (from: number, to: number) => lines.slice(at[from]! + 1, at[to]).map((l) => l.text);
    // The age chart's legend and the region chart's bars stand between their titles and the next section.
    expect(between(3, 4).join('\n')).toMatch(/1\.2\.3 b\s+1\.2\.4 b/);
    expect(between(4, 5).join('\n')).toMatch(/^город Душанбе\s+0$/m);
    // Hidden cells are printed as their marks: the headline's "<5" and the ages' "<5" and "x" — and the
    // share of a hidden count is hidden too.
    expect(between(0, 1).join('\n')).toMatch(/… из них оставленные\s+<5/m);
    expect(between(5, 6).join('\n')).toMatch(/Возраст\s+18–29\s+x\s+x$/m);
    expect(between(5, 6).join('\n')).toMatch(/Возраст\s+До 18 лет\s+<5\s+x$/m);
    // A chart's title is on the page of its chart; the first breakdown opens a page of its own.
    const region = lines[at[4]!]!;
    expect(lines.find((l) => l.text.startsWith('город Душанбе') && l.page === region.page)).toBeDefined();
    const breakdowns = lines[at[5]!]!;
    expect(breakdowns.page).toBeGreaterThan(lines[at[4]!]!.page);
    expect(pages[breakdowns.page]!.find((l) => l !== '')).toBe(SECTIONS_RU[5]);
  });
});

describe('report PDF headings', () => {
  // Whatever stands before a table, its heading never ends a page alone: the report's own definition
  // (its page size, styles and page-break rule) prints one heading and its table after 0…90 lines of
  // text, so that at some length the heading falls on the last line of the first page.
  it('are never the last line of a page: the heading moves to the page of its table', async () => {
    const definition = await reportDefinition(sampleReport(), 'ru');
    const content = definition.content as Content[];
    const at = content.findIndex((n) => typeof n === 'object' && n !== null && 'headlineLevel' in n && (n as { headlineLevel?: number }).headlineLevel !== undefined);
    expect(at).toBeGreaterThan(-1);
    const heading = content[at] as { text: string };
    const following = content[at + 1]!;
    const seen = new Set<string>();
    for (let filler = 0; filler <= 90; filler += 1) {
      const doc = { ...definition, footer: undefined, content: [...Array.from({ length: filler }, (_, i) => ({ text: `строка ${i + 1}` })), { ...heading }, following] };
      const pdf = await renderPdf(doc as TDocumentDefinitions);
      const pages = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf })
        .toString()
        .split('\f')
        .map((page) => page.split('\n').map((l) => l.trim()).filter(Boolean));
      const page = pages.findIndex((lines) => lines.includes(heading.text));
      expect(page, `after ${filler} lines`).toBeGreaterThan(-1);
      const lines = pages[page]!;
      expect(lines[lines.length - 1], `after ${filler} lines the heading ends page ${page + 1}`).not.toBe(heading.text);
      seen.add(page === 0 ? 'first' : 'next');
    }
    // The heading did move: at some lengths it stood on the first page, at others on the next.
    expect([...seen].sort()).toEqual(['first', 'next']);
  }, 60_000);
});
