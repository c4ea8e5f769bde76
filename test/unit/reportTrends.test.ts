import { describe, expect, it } from 'vitest';
import type { Count, Headline, IndicatorReport } from '../../shared/domain/indicatorReport';
import { changeOf, HEADLINE_KEYS, headlineOf, monthsOf, previousPeriod, shareOf } from '../../shared/domain/reportTrends';
import { suppressSmallCells } from '../../shared/domain/suppression';
import { CHART_TOP, rankedChart } from '../../shared/reports/reportLayout';
import { sampleReport } from '../support/indicatorReport';

// The trend parts of the report: which months and which previous period, the change and the share, and
// small-cell suppression over the months and the previous period.

const headline = (values: Partial<Record<keyof Headline, number>>): Headline =>
  Object.fromEntries(HEADLINE_KEYS.map((k) => [k, values[k] ?? 0])) as Headline;

/**
 * Exact numbers, two months: 3 consultations at a mobile session (small), so 1.2.10's contact-point
 * cell is hidden beside it and, linked to it, 1.2.3's consultations (37) — which the sex breakdown
 * (30 + 7) and the months (20 + 17) must not give back.
 */
function rawReport(): IndicatorReport {
  const r = sampleReport();
  r.suppression = { applied: false, threshold: 0, smallCells: 0, complementaryCells: 0 };
  r.indicators = {
    '1.2.3': { contactPointsOperating: 2, contactPointsEstablishedInPeriod: 0, womenFromMigrantHouseholds: 25, abandonedWomen: 9, consultations: 37 },
    '1.2.4': { mobileSessionsConducted: 1, womenFromMigrantHouseholds: 0, abandonedWomen: 0, consultations: 3 },
    '1.2.10': { consultations: 40, byVenue: { contact_point: 37, mobile_session: 3 }, byKind: { legal: 40 }, byVenueAndKind: { 'contact_point:legal': 37, 'mobile_session:legal': 3 } },
    '2.2.1.b': { alimonyCasesClosed: 0, resolvedSuccessfully: 0, byOutcome: { granted: 0 } },
  };
  r.breakdowns = {
    '1.2.3.womenFromMigrantHouseholds': { abandoned: { yes: 9, no: 16, unknown: 0 } },
    '1.2.3.consultations': { sex: { F: 30, M: 7 } },
    '1.2.4.womenFromMigrantHouseholds': {},
    '1.2.4.abandonedWomen': {},
    '1.2.4.consultations': { sex: { F: 3 } },
    '1.2.10.consultations': { sex: { F: 33, M: 7 } },
  };
  r.period = { from: '2025-01-01', to: '2025-02-28' };
  r.series = [
    { month: '2025-01', from: '2025-01-01', to: '2025-01-31', values: headline({ contactPointsOperating: 2, women123: 14, abandoned123: 5, consultations123: 20, consultations1210: 20 }) },
    {
      month: '2025-02',
      from: '2025-02-01',
      to: '2025-02-28',
      values: headline({ contactPointsOperating: 2, women123: 12, abandoned123: 6, consultations123: 17, sessions124: 1, consultations124: 3, consultations1210: 20 }),
    },
  ];
  r.previous = { period: { from: '2024-11-01', to: '2024-12-31' }, values: headline({ contactPointsOperating: 2, women123: 3, abandoned123: 1, consultations123: 30, consultations1210: 30 }) };
  return r;
}

const hidden = (v: Count) => typeof v === 'string';

describe('months, previous period, change and share', () => {
  it('takes the calendar months a period touches, cut to the period', () => {
    expect(monthsOf('2025-01-15', '2025-03-03')).toEqual([
      { month: '2025-01', from: '2025-01-15', to: '2025-01-31' },
      { month: '2025-02', from: '2025-02-01', to: '2025-02-28' },
      { month: '2025-03', from: '2025-03-01', to: '2025-03-03' },
    ]);
    expect(monthsOf('2024-12-01', '2025-11-30').map((m) => m.month)).toHaveLength(12);
  });

  it('compares whole months with as many whole months before, other periods with as many days', () => {
    expect(previousPeriod('2025-01-01', '2025-12-31')).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(previousPeriod('2025-01-01', '2025-03-31')).toEqual({ from: '2024-10-01', to: '2024-12-31' });
    expect(previousPeriod('2024-03-01', '2024-03-31')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(previousPeriod('2025-03-10', '2025-03-16')).toEqual({ from: '2025-03-03', to: '2025-03-09' });
    // 364 days before the last of 2024 (a leap year).
    expect(previousPeriod('2025-01-01', '2025-12-30')).toEqual({ from: '2024-01-03', to: '2024-12-31' });
  });

  it('works out the change and the share, and hides what a hidden number would give away', () => {
    expect(changeOf(92, 22)).toEqual({ absolute: 70, percent: 318.2 });
    expect(changeOf(10, 20)).toEqual({ absolute: -10, percent: -50 });
    expect(changeOf(5, 0)).toEqual({ absolute: 5, percent: null });
    expect(changeOf(40, '<5')).toEqual({ absolute: 'x', percent: 'x' });
    expect(shareOf(23, 92)).toBe(25);
    expect(shareOf(1, 3)).toBe(33.3);
    expect(shareOf(0, 0)).toBeNull();
    expect(shareOf('<5', 92)).toBe('x');
    // A share of a shown cell in a hidden total would give the total away.
    expect(shareOf(30, 'x')).toBe('x');
  });
});

describe('suppression over the months and the previous period', () => {
  it('hides small months and previous numbers, never counts of contact points and sessions', () => {
    const s = suppressSmallCells(rawReport(), 5);
    expect(s.previous.values).toMatchObject({ women123: '<5', abandoned123: '<5', consultations123: 30, contactPointsOperating: 2 });
    expect(s.series[1]!.values).toMatchObject({ consultations124: '<5', sessions124: 1, contactPointsOperating: 2 });
  });

  it('leaves no hidden number that a table, the months or a month adds up to', () => {
    const s = suppressSmallCells(rawReport(), 5);
    expect(s.indicators['1.2.3'].consultations).toBe('x');
    // Each relation: a total and the cells that add up to it. Exactly one unknown among them could be worked out.
    const relations: [Count, Count[]][] = [
      [s.indicators['1.2.3'].consultations, Object.values(s.breakdowns['1.2.3.consultations'].sex!)],
      [s.indicators['1.2.10'].consultations, Object.values(s.breakdowns['1.2.10.consultations'].sex!)],
      [s.indicators['1.2.10'].consultations, Object.values(s.indicators['1.2.10'].byVenue)],
      ...HEADLINE_KEYS.map((k): [Count, Count[]] => [headlineOf(s.indicators)[k], s.series.map((m) => m.values[k])]),
      ...s.series.map((m): [Count, Count[]] => [m.values.consultations1210, [m.values.consultations123, m.values.consultations124]]),
    ];
    for (const [total, cells] of relations) {
      const unknown = [total, ...cells].filter(hidden).length;
      expect(unknown, JSON.stringify([total, cells])).not.toBe(1);
    }
    // The months of 1.2.3 consultations no longer add up to the hidden 37.
    expect(s.series.map((m) => m.values.consultations123).some(hidden)).toBe(true);
    expect(s.breakdowns['1.2.3.consultations'].sex!.M).toBe('x');
  });
});

describe('a chart of many categories', () => {
  it('shows the largest and the rest as one bar, whose number a reader could work out from the table', () => {
    const cells = Array.from({ length: 60 }, (_, k) => ({ category: `district ${k}`, value: k as Count }));
    cells[3]!.value = '<5';
    const chart = rankedChart(cells, { name: 'c', total: 1770, additive: true, others: 'Others' });
    expect(chart.horizontal).toBe(true);
    expect(chart.categories).toHaveLength(CHART_TOP);
    expect(chart.categories[0]).toBe('district 59');
    expect(chart.categories.at(-1)).toBe('Others (46)');
    // 1770 minus the fourteen largest (59 + 58 + … + 46 = 735).
    expect(chart.series[0]!.values.at(-1)).toBe(1035);
    expect(rankedChart(cells, { name: 'c', total: 'x', additive: true, others: 'Others' }).series[0]!.values.at(-1)).toBe('x');
    // A short list keeps its order (age bands stay in order).
    expect(rankedChart(cells.slice(0, 5), { name: 'c', total: 10, additive: true, others: 'Others' }).categories).toEqual(['district 0', 'district 1', 'district 2', 'district 3', 'district 4']);
  });
});
