import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHlc } from '../../shared/sync/hlc';
import { formatDateTime, formatNumber } from '../../shared/i18n/format';
import { layoutReport } from '../../shared/reports/reportLayout';
import { reportText } from '../../shared/reports/reportText';
import { sampleReport } from '../support/indicatorReport';

// Moments in the report's header and in its exports' provenance rows are local time in a readable
// form, not a UTC ISO string or a raw change stamp; dates of the period stay YYYY-MM-DD in the
// provenance (a machine reads that column).

const savedTz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Asia/Dushanbe'; // UTC+5, the contact points' time
});
afterAll(() => {
  process.env.TZ = savedTz;
});

describe('moments in reports', () => {
  const report = sampleReport();
  report.generated.at = '2026-12-03T12:37:00.000Z';
  report.generated.dataStamp = formatHlc({ millis: Date.parse('2026-12-03T11:05:00.000Z'), counter: 3, node: '0123456789abcdef' });

  for (const lang of ['tg', 'ru', 'en'] as const) {
    it(`writes the time of making and of the last change as local time (${lang})`, () => {
      const layout = layoutReport(report, reportText(lang));
      const header = layout.meta.join('\n');
      expect(header).toContain('03.12.2026 17:37');
      expect(header).toContain('03.12.2026 16:05');
      expect(header).not.toMatch(/UTC|T\d{2}:\d{2}|\d{15}-/);
      const rows = Object.fromEntries(layout.provenance);
      const values = Object.values(rows).join('\n');
      expect(values).toContain('03.12.2026 17:37');
      expect(values).toContain('03.12.2026 16:05');
      expect(values).not.toMatch(/\d{4}-\d{2}-\d{2}T|\d{15}-[0-9a-f]{4}/);
      expect(values).toContain(`${report.period.from} – ${report.period.to}`);
    });
  }

  it('formats numbers and moments with Intl in each language', () => {
    expect(formatNumber(13836, 'ru')).toMatch(/^13\s836$/u);
    expect(formatNumber(13836, 'tg')).toMatch(/^13\s836$/u);
    expect(formatNumber(13836, 'en')).toBe('13,836');
    expect(formatDateTime('2026-12-03T20:10:00.000Z', 'ru')).toBe('04.12.2026 01:10');
  });
});
