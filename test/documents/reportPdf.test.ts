import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { renderReportPdf } from '../../electron/reports/pdfReport';
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
