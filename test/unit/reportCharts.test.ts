import { describe, expect, it } from 'vitest';
import { chartSvg } from '../../electron/reports/charts';
import { formatNumber } from '../../shared/i18n/format';
import { layoutReport } from '../../shared/reports/reportLayout';
import { keyLabel, reportText } from '../../shared/reports/reportText';
import { REGIONS } from '../../shared/reference/regions';
import { sampleReport } from '../support/indicatorReport';

// The report PDF's chart of consultations by region: the region names are long ("Районы
// республиканского подчинения"), and side by side under vertical bars they ran into each other.
// The chart now lays the bars out horizontally with each name on its own line(s) at the left.

/** The chart's text elements: anchor, absolute baseline (a line of a broken label is offset by its y attribute) and text. */
function labels(svg: string): { y: number; anchor: string; text: string }[] {
  return [...svg.matchAll(/<text([^>]*)>([^<]*)<\/text>/g)].map((m) => {
    const attributes = m[1]!;
    const offset = /\sy="(-?[\d.]+)"/.exec(attributes);
    const at = /transform="translate\(([\d.]+) ([\d.]+)\)"/.exec(attributes);
    return { anchor: /text-anchor="(\w+)"/.exec(attributes)?.[1] ?? '', y: Number(at?.[2] ?? NaN) + Number(offset?.[1] ?? 0), text: m[2]!.trim() };
  });
}

describe('report charts', () => {
  for (const language of ['ru', 'tg'] as const) {
    it(`gives each region's name its own lines and shows each count (${language})`, async () => {
      const region = Object.fromEntries(REGIONS.map((r, i) => [r.code, 1000 * (i + 1)]));
      const report = sampleReport();
      report.breakdowns['1.2.10.consultations'] = { region };
      const section = layoutReport(report, reportText(language)).sections.find((s) => s.name === 'consultationsByRegion')!;
      const chart = await chartSvg(section.chart!, (n) => formatNumber(n, language));
      const names = labels(chart.svg).filter((l) => l.anchor === 'end');
      // Every word of every region's name is drawn…
      const drawn = names.map((l) => l.text).join(' ');
      for (const r of REGIONS) for (const word of keyLabel(reportText(language), 'region', r.code).split(' ')) expect(drawn).toContain(word);
      // …on lines that do not overlap (9 px text).
      const ys = names.map((l) => l.y).sort((a, b) => a - b);
      for (let k = 1; k < ys.length; k++) expect(ys[k]! - ys[k - 1]!).toBeGreaterThanOrEqual(9);
      // The counts stand beside their bars.
      const values = labels(chart.svg).filter((l) => l.anchor === 'start').map((l) => l.text);
      for (const n of Object.values(region)) expect(values).toContain(formatNumber(n, language));
      // The axis writes its numbers as the tables do: «1 000», «10 000» — never "1,000" beside "13836".
      const axis = labels(chart.svg).filter((l) => l.anchor === 'middle' && /^[\d\s\u00a0\u202f,.]+$/.test(l.text)).map((l) => l.text);
      expect(axis.length).toBeGreaterThan(1);
      for (const text of axis) expect(text).toBe(formatNumber(Number(text.replace(/[^\d]/g, '')), language));
      expect(axis.some((text) => /\d[\s\u00a0\u202f]\d{3}/.test(text))).toBe(true);
      expect(chart.height).toBeGreaterThanOrEqual(32 * REGIONS.length);
    });
  }
});
