import type { BreakdownDimension, BreakdownKey, Count, IndicatorReport } from '../api/reportTypes';
import { formatDate } from '../domain/dates';
import { AGE_BANDS } from '../domain/enums';
import { BREAKDOWN_KEYS } from '../domain/indicatorDefinitions';
import type { HeadlineKey } from '../domain/indicatorReport';
import { changeOf, headlineOf, HEADLINE_KEYS, HIDDEN_DERIVED, shareOf } from '../domain/reportTrends';
import { COMPLEMENTARY_MARK } from '../domain/suppression';
import { formatDateTime } from '../i18n/format';
import { isHlc, parseHlc } from '../sync/hlc';
import { keyLabel, type ReportText } from './reportText';

// The indicator report laid out once, in one language, as an ordered list of named sections: the
// Reports screen, the PDF, the XLSX and the CSV all walk these sections, so they show the same numbers
// under the same words in the same order. A renderer asks a section what it holds (a table, a chart,
// a new page, a note), never where it stands in the list. Pure: no Node, no DOM, no React.

/** "<5": a count from 1 to threshold-1; "x": a count hidden so that a small one cannot be worked out from a total. */
export type SuppressionMark = 'small' | 'complementary';

/** The consultations behind a number: what the drill-down channel takes, and words for its title. */
export interface DrillTarget {
  target: BreakdownKey;
  dimension: BreakdownDimension | null;
  key: string | null;
  label: string;
}

export interface CountCell {
  kind: 'count';
  value: Count;
  mark: SuppressionMark | null;
  drill: DrillTarget | null;
  /** A change: "+" before a rise. */
  signed?: boolean;
}

/** A share or a change in per cent (one decimal); a string when worked out from a hidden number; null when there is nothing to divide by. */
export interface PercentCell {
  kind: 'percent';
  value: number | string | null;
  /** A change: "+" before a rise. */
  signed: boolean;
}

export type ReportCell = { kind: 'text'; text: string } | CountCell | PercentCell;

export interface ReportColumn {
  label: string;
  kind: 'text' | 'count' | 'percent';
}

export interface ReportRow {
  /** Stable, language-independent (a headline row's name, a breakdown cell's key). */
  key: string;
  /** In a breakdown: the dimension the row belongs to (its first cell names it). */
  group: BreakdownDimension | null;
  cells: ReportCell[];
}

export interface ReportChart {
  categories: string[];
  series: { name: string; values: Count[] }[];
  /** Bars along the vertical axis with their labels at the left: long labels (region names) do not overlap. */
  horizontal: boolean;
}

export interface BreakdownGroup {
  dimension: BreakdownDimension;
  label: string;
  /** Why the cells may add up to more than the total (a multi-valued dimension). */
  note: string | null;
}

export type ReportSectionName =
  | 'headline'
  | 'consultationsByVenueAndKind'
  | 'alimonyByOutcome'
  | 'womenByAge'
  | 'consultationsByRegion'
  | 'consultationsByDistrict'
  | 'comparison'
  | 'series'
  | 'coverage'
  | `breakdown:${BreakdownKey}`;

export interface ReportSection {
  name: ReportSectionName;
  title: string;
  /** The XLSX sheet of the section's table (language-independent, at most 31 characters); null without a table. */
  sheet: string | null;
  columns: ReportColumn[];
  rows: ReportRow[];
  chart: ReportChart | null;
  /** Printed documents start this section on a new page. */
  startsNewPage: boolean;
  /** Printed documents print this section on a page of its own turned across (a column per headline number). */
  across: boolean;
  note: string | null;
  breakdown: { key: BreakdownKey; groups: BreakdownGroup[]; total: Count } | null;
}

export interface ReportLayout {
  title: string;
  /** Period, filters, definitions version, provenance: the lines under the title. */
  meta: string[];
  /** The same facts as label/value pairs (the XLSX "About" sheet and the top of the CSV). */
  provenance: [string, string][];
  suppressionNote: string;
  suppressed: boolean;
  sections: ReportSection[];
}

const BREAKDOWN_SHEETS: Record<BreakdownKey, string> = {
  '1.2.3.womenFromMigrantHouseholds': '1.2.3 women',
  '1.2.3.consultations': '1.2.3 consultations',
  '1.2.4.womenFromMigrantHouseholds': '1.2.4 women',
  '1.2.4.abandonedWomen': '1.2.4 abandoned',
  '1.2.4.consultations': '1.2.4 consultations',
  '1.2.10.consultations': '1.2.10 consultations',
};

export function suppressionMark(value: Count): SuppressionMark | null {
  if (typeof value === 'number') return null;
  return value === COMPLEMENTARY_MARK ? 'complementary' : 'small';
}

const text = (t: string): ReportCell => ({ kind: 'text', text: t });
const count = (value: Count, drill: DrillTarget | null = null): CountCell => ({ kind: 'count', value, mark: suppressionMark(value), drill });
const percent = (value: number | string | null, signed = false): PercentCell => ({ kind: 'percent', value, signed });
const drillTo = (label: string, target: BreakdownKey, dimension: BreakdownDimension | null = null, key: string | null = null): DrillTarget => ({ target, dimension, key, label });

function section(name: ReportSectionName, title: string, parts: Partial<ReportSection>): ReportSection {
  return { name, title, sheet: null, columns: [], rows: [], chart: null, startsNewPage: false, across: false, note: null, breakdown: null, ...parts };
}

export function filtersText(report: IndicatorReport, words: ReportText): string {
  const { t } = words;
  const f = report.filters;
  const parts: string[] = [];
  if (f.region) parts.push(`${t('reports.region')}: ${keyLabel(words, 'region', f.region)}`);
  if (f.districtId) parts.push(`${t('reports.district')}: ${keyLabel(words, 'district', f.districtId)}`);
  if (f.contactPointCode) parts.push(`${t('reports.contactPoint')}: ${f.contactPointCode}`);
  return parts.length ? parts.join('; ') : t('reports.noFilters');
}

/** The consultations behind each headline number; counts of contact points, sessions and cases open to none. */
const HEADLINE_DRILL: Record<HeadlineKey, [BreakdownKey, BreakdownDimension?, string?] | null> = {
  contactPointsOperating: null,
  contactPointsEstablishedInPeriod: null,
  women123: ['1.2.3.womenFromMigrantHouseholds'],
  abandoned123: ['1.2.3.womenFromMigrantHouseholds', 'abandoned', 'yes'],
  consultations123: ['1.2.3.consultations'],
  sessions124: null,
  women124: ['1.2.4.womenFromMigrantHouseholds'],
  abandoned124: ['1.2.4.abandonedWomen'],
  consultations124: ['1.2.4.consultations'],
  consultations1210: ['1.2.10.consultations'],
  alimonyClosed: null,
  alimonyResolved: null,
};

function headline(report: IndicatorReport, { t }: ReportText): ReportSection {
  const values = headlineOf(report.indicators);
  return section('headline', t('reports.headline'), {
    sheet: 'Headline',
    columns: [
      { label: t('reports.indicator'), kind: 'text' },
      { label: t('reports.value'), kind: 'count' },
    ],
    rows: HEADLINE_KEYS.map((key) => {
      const label = t(`reports.rows.${key}`);
      const to = HEADLINE_DRILL[key];
      return { key, group: null, cells: [text(label), count(values[key], to && drillTo(label, ...to))] };
    }),
  });
}

/** The headline numbers beside those of the previous period of equal length, with the change. */
function comparisonSection(report: IndicatorReport, { t }: ReportText): ReportSection {
  const values = headlineOf(report.indicators);
  const before = report.previous;
  const range = (p: { from: string; to: string }) => `${formatDate(p.from)} – ${formatDate(p.to)}`;
  return section('comparison', t('reports.comparison.title'), {
    sheet: 'Previous period',
    columns: [
      { label: t('reports.indicator'), kind: 'text' },
      { label: t('reports.comparison.current', { period: range(report.period) }), kind: 'count' },
      { label: t('reports.comparison.previous', { period: range(before.period) }), kind: 'count' },
      { label: t('reports.comparison.change'), kind: 'count' },
      { label: t('reports.comparison.changePercent'), kind: 'percent' },
    ],
    rows: HEADLINE_KEYS.map((key) => {
      const change = changeOf(values[key], before.values[key]);
      return {
        // Not the headline row's own key: each row of the screen names one number.
        key: `change:${key}`,
        group: null,
        cells: [text(t(`reports.rows.${key}`)), count(values[key]), count(before.values[key]), { ...count(change.absolute), signed: true }, percent(change.percent, true)],
      };
    }),
    note: t('reports.comparison.note'),
  });
}

/** The headline numbers month by month (a row per calendar month, YYYY-MM), and the period's own under them. */
function monthsSection(report: IndicatorReport, { t }: ReportText): ReportSection {
  const values = headlineOf(report.indicators);
  return section('series', t('reports.series.title'), {
    sheet: 'Months',
    columns: [{ label: t('reports.series.month'), kind: 'text' }, ...HEADLINE_KEYS.map((key) => ({ label: t(`reports.series.columns.${key}`), kind: 'count' as const }))],
    rows: [
      ...report.series.map((m) => ({ key: m.month, group: null, cells: [text(m.month), ...HEADLINE_KEYS.map((key) => count(m.values[key]))] })),
      { key: 'total', group: null, cells: [text(t('reports.series.period')), ...HEADLINE_KEYS.map((key) => count(values[key]))] },
    ],
    note: t('reports.series.note'),
    across: true,
  });
}

function consultationsByVenueAndKind(report: IndicatorReport, words: ReportText): ReportSection {
  const { t } = words;
  const i = report.indicators['1.2.10'];
  const kinds = Object.keys(i.byKind);
  const venues = Object.keys(i.byVenue) as (keyof typeof i.byVenue)[];
  const all = '1.2.10.consultations';
  const title = t('reports.rows.consultations1210');
  return section('consultationsByVenueAndKind', title, {
    sheet: '1.2.10',
    columns: [
      { label: t('reports.venueKind'), kind: 'text' },
      ...kinds.map((k) => ({ label: keyLabel(words, 'kind', k), kind: 'count' as const })),
      { label: t('reports.keys.total'), kind: 'count' },
    ],
    rows: [
      ...venues.map((venue) => {
        const label = keyLabel(words, 'venue', venue);
        return {
          key: venue,
          group: null,
          // A venue-and-kind cell opens to nothing: the drill-down follows one dimension at a time.
          cells: [text(label), ...kinds.map((k) => count(i.byVenueAndKind[`${venue}:${k}`] ?? 0)), count(i.byVenue[venue], drillTo(`${title}: ${label}`, all, 'venue', venue))],
        };
      }),
      {
        key: 'total',
        group: null,
        cells: [
          text(t('reports.keys.total')),
          ...kinds.map((k) => count(i.byKind[k] ?? 0, drillTo(`${title}: ${keyLabel(words, 'kind', k)}`, all, 'kind', k))),
          count(i.consultations, drillTo(title, all)),
        ],
      },
    ],
  });
}

function alimonyByOutcome(report: IndicatorReport, words: ReportText): ReportSection {
  const { t } = words;
  const b = report.indicators['2.2.1.b'];
  return section('alimonyByOutcome', t('reports.byOutcome'), {
    sheet: '2.2.1.b',
    columns: [
      { label: t('reports.outcome'), kind: 'text' },
      { label: t('reports.value'), kind: 'count' },
      { label: t('reports.share'), kind: 'percent' },
    ],
    rows: [
      ...Object.entries(b.byOutcome).map(([key, v]) => ({
        key,
        group: null,
        cells: [text(keyLabel(words, 'outcome', key)), count(v), percent(shareOf(v, b.alimonyCasesClosed))],
      })),
      { key: 'total', group: null, cells: [text(t('reports.keys.total')), count(b.alimonyCasesClosed), percent(shareOf(b.alimonyCasesClosed, b.alimonyCasesClosed))] },
    ],
  });
}

function womenByAge(report: IndicatorReport, words: ReportText): ReportSection {
  const { t } = words;
  const series = (['1.2.3', '1.2.4'] as const).map((indicator) => {
    const cells = report.breakdowns[`${indicator}.womenFromMigrantHouseholds`].ageBand ?? {};
    return { name: `${indicator} b`, values: AGE_BANDS.map((b) => cells[b] ?? 0) };
  });
  return section('womenByAge', t('reports.chartAgeTitle'), {
    chart: { categories: AGE_BANDS.map((b) => keyLabel(words, 'ageBand', b)), series, horizontal: false },
  });
}

function consultationsByRegion(report: IndicatorReport, words: ReportText): ReportSection {
  const { t } = words;
  const regions = report.breakdowns['1.2.10.consultations'].region ?? {};
  const keys = Object.keys(regions);
  return section('consultationsByRegion', t('reports.chartRegionTitle'), {
    chart: {
      categories: keys.map((k) => keyLabel(words, 'region', k)),
      series: [{ name: t('reports.chartRegionTitle'), values: keys.map((k) => regions[k] ?? 0) }],
      horizontal: true,
    },
  });
}

/** 1.2.10 consultations by district: the largest districts and the rest together, so some sixty bars do not run into each other. */
function consultationsByDistrict(report: IndicatorReport, words: ReportText): ReportSection {
  const { t } = words;
  const districts = report.breakdowns['1.2.10.consultations'].district ?? {};
  const keys = Object.keys(districts);
  const title = t('reports.chartDistrictTitle');
  const chart = rankedChart(
    keys.map((k) => ({ category: keyLabel(words, 'district', k), value: districts[k] ?? 0 })),
    { name: title, total: report.indicators['1.2.10'].consultations, additive: true, others: t('reports.others'), sorted: true },
  );
  return section('consultationsByDistrict', title, { chart });
}

/**
 * On a hub: which contact point's data the report holds for which days, and when that contact point
 * made the package (how old its numbers are). Days without a row are days no package has covered.
 */
function coverageSection(report: IndicatorReport, { t }: ReportText): ReportSection | null {
  const ranges = report.generated.coverage;
  if (!ranges) return null;
  return section('coverage', t('reports.coverage.title'), {
    sheet: 'Coverage',
    columns: [
      { label: t('reports.contactPoint'), kind: 'text' },
      { label: t('reports.coverage.days'), kind: 'text' },
      { label: t('reports.coverage.madeAt'), kind: 'text' },
    ],
    rows: ranges.map((r) => ({
      key: `${r.contactPointCode}:${r.from}`,
      group: null,
      cells: [
        text(`${r.contactPointCode} — ${r.contactPointName}`),
        text(`${formatDate(r.from)} – ${formatDate(r.to)}`),
        text(r.madeAt ? `${formatDate(r.madeAt)} ${r.madeAt.slice(11, 16)} UTC` : '—'),
      ],
    })),
    note: ranges.length === 0 ? t('reports.coverage.none') : t('reports.coverage.note'),
  });
}

/** Every dimension the engine returns for the breakdown, in its order: a new dimension needs no change here. */
function breakdown(report: IndicatorReport, words: ReportText, key: BreakdownKey): ReportSection {
  const { t } = words;
  const title = t(`reports.breakdownTitles.${key}`);
  const groups: BreakdownGroup[] = [];
  const rows: ReportRow[] = [];
  const total = breakdownTotal(report, key);
  for (const [dimension, cells] of Object.entries(report.breakdowns[key]) as [BreakdownDimension, Record<string, Count>][]) {
    const label = t(`reports.dimensions.${dimension}`);
    groups.push({ dimension, label, note: report.multiValuedDimensions.includes(dimension) ? t('reports.issueNote') : null });
    for (const [k, v] of Object.entries(cells)) {
      const category = keyLabel(words, dimension, k);
      // [dimension, category, count, share]: groupRows reads them back in this order.
      rows.push({
        key: k,
        group: dimension,
        cells: [text(label), text(category), count(v, drillTo(`${title} — ${label}: ${category}`, key, dimension, k)), percent(shareOf(v, total))],
      });
    }
  }
  return section(`breakdown:${key}`, title, {
    sheet: BREAKDOWN_SHEETS[key],
    columns: [
      { label: t('reports.dimensionPick'), kind: 'text' },
      { label: t('reports.category'), kind: 'text' },
      { label: t('reports.value'), kind: 'count' },
      { label: t('reports.share'), kind: 'percent' },
    ],
    rows,
    note: groups.find((g) => g.note)?.note ?? null,
    breakdown: { key, groups, total },
  });
}

/** A change stamp as the local moment it was made («03.12.2026 17:37»); anything else as it is. */
function stampMoment(stamp: string | null, language: ReportText['language']): string {
  if (!stamp) return '';
  return isHlc(stamp) ? formatDateTime(new Date(parseHlc(stamp).millis).toISOString(), language) : stamp;
}

export function layoutReport(report: IndicatorReport, words: ReportText): ReportLayout {
  const { t } = words;
  const g = report.generated;
  const generatedAt = formatDateTime(g.at, words.language);
  const lastChange = stampMoment(g.dataStamp, words.language);
  const filters = filtersText(report, words);
  const meta = [
    t('reports.periodLine', { from: formatDate(report.period.from), to: formatDate(report.period.to) }),
    t('reports.filtersLine', { filters }),
    t('reports.definitionsVersion', { version: report.definitionsVersion }),
    t('reports.generatedLine', {
      at: generatedAt,
      installation: g.installationName ?? '—',
      stamp: lastChange || '—',
      version: g.appVersion ?? '—',
    }),
    // A printed report witnesses the audit trail as it stood (see the README's security model).
    ...(g.auditHead ? [t('reports.auditHeadLine', { seq: g.auditHead.seq, hash: g.auditHead.hash })] : []),
  ];
  const s = report.suppression;
  const suppressionNote = s.applied ? t('reports.suppressionNote', { max: s.threshold - 1, threshold: s.threshold }) : t('reports.notSuppressed');
  const provenance: [string, string][] = [
    [t('reports.meta.period'), `${report.period.from} – ${report.period.to}`],
    [t('reports.meta.filters'), filters],
    [t('reports.meta.definitionsVersion'), report.definitionsVersion],
    [t('reports.meta.installation'), g.installationName ?? ''],
    [t('reports.meta.dataStamp'), lastChange],
    [t('reports.meta.generatedAt'), generatedAt],
    [t('reports.meta.appVersion'), g.appVersion ?? ''],
    ...(g.auditHead ? ([[t('reports.meta.auditHead'), `${g.auditHead.seq} ${g.auditHead.hash}`]] as [string, string][]) : []),
    [t('reports.meta.suppression'), suppressionNote],
  ];
  const breakdowns = BREAKDOWN_KEYS.map((key, i) => ({ ...breakdown(report, words, key), startsNewPage: i === 0 }));
  const covered = coverageSection(report, words);
  return {
    title: t('reports.title'),
    meta,
    provenance,
    suppressionNote,
    suppressed: s.applied,
    sections: [
      headline(report, words),
      comparisonSection(report, words),
      monthsSection(report, words),
      ...(covered ? [covered] : []),
      consultationsByVenueAndKind(report, words),
      alimonyByOutcome(report, words),
      womenByAge(report, words),
      consultationsByRegion(report, words),
      consultationsByDistrict(report, words),
      ...breakdowns,
    ],
  };
}

/** The sections that hold a table (the spreadsheet's sheets, the CSV's blocks). */
export function tableSections(layout: ReportLayout): (ReportSection & { sheet: string })[] {
  return layout.sections.filter((s): s is ReportSection & { sheet: string } => s.sheet !== null);
}

/** A cell as plain text or number, for the spreadsheet formats (a share or change in per cent as its number). */
export function cellValue(cell: ReportCell): Count {
  if (cell.kind === 'text') return cell.text;
  return cell.value ?? '';
}

/** A count or per cent as the screen and the PDF write it: digits in the reader's language, "+" before a rise, "—" for nothing to divide by. */
export function cellText(cell: CountCell | PercentCell, formatNumber: (n: number) => string): string {
  const { value } = cell;
  if (value === null) return '—';
  if (typeof value !== 'number') return value;
  const sign = cell.signed && value > 0 ? '+' : '';
  return `${sign}${formatNumber(value)}${cell.kind === 'percent' ? ' %' : ''}`;
}

/** The number a breakdown's cells are shares of: its headline total. */
function breakdownTotal(report: IndicatorReport, key: BreakdownKey): Count {
  const i = report.indicators;
  const totals: Record<BreakdownKey, Count> = {
    '1.2.3.womenFromMigrantHouseholds': i['1.2.3'].womenFromMigrantHouseholds,
    '1.2.3.consultations': i['1.2.3'].consultations,
    '1.2.4.womenFromMigrantHouseholds': i['1.2.4'].womenFromMigrantHouseholds,
    '1.2.4.abandonedWomen': i['1.2.4'].abandonedWomen,
    '1.2.4.consultations': i['1.2.4'].consultations,
    '1.2.10.consultations': i['1.2.10'].consultations,
  };
  return totals[key];
}

/** Past this many categories a chart shows the largest and puts the rest together in one bar. */
export const CHART_TOP = 15;

/**
 * A chart of many categories, readable: sorted from the largest, the first CHART_TOP - 1 and the rest as
 * one bar of "others", horizontal so the names stand at the left. The rest of an additive dimension is
 * the total minus the bars shown (what a reader can work out from the table anyway); when the total or
 * a cell of a dimension that does not add up is hidden, so is the rest. A short list keeps its order
 * (age bands) unless `sorted` (places: the largest first, across).
 */
export function rankedChart(
  cells: { category: string; value: Count }[],
  opts: { name: string; total: Count; additive: boolean; others: string; sorted?: boolean },
): ReportChart {
  const long = cells.length > CHART_TOP;
  // Hidden cells are small or hidden beside a small one: they rank last (and go with the rest).
  const ranked = [...cells].sort((a, b) => (typeof b.value === 'number' ? b.value : -1) - (typeof a.value === 'number' ? a.value : -1));
  if (!long) {
    const shown = opts.sorted ? ranked : cells;
    const horizontal = opts.sorted === true || cells.some((c) => c.category.length > 14);
    return { categories: shown.map((c) => c.category), series: [{ name: opts.name, values: shown.map((c) => c.value) }], horizontal };
  }
  const top = ranked.slice(0, CHART_TOP - 1).filter((c) => typeof c.value === 'number');
  const rest = ranked.slice(top.length);
  let others: Count;
  if (opts.additive) {
    others = typeof opts.total === 'number' ? opts.total - top.reduce((n, c) => n + Number(c.value), 0) : HIDDEN_DERIVED;
  } else {
    others = rest.every((c) => typeof c.value === 'number') ? rest.reduce((n, c) => n + Number(c.value), 0) : HIDDEN_DERIVED;
  }
  return {
    categories: [...top.map((c) => c.category), `${opts.others} (${rest.length})`],
    series: [{ name: opts.name, values: [...top.map((c) => c.value), others] }],
    horizontal: true,
  };
}

/** The rows of one dimension of a breakdown section as category, count and share, for a view that shows one group at a time. */
export function groupRows(section: ReportSection, dimension: BreakdownDimension): { key: string; category: string; count: CountCell; share: PercentCell | null }[] {
  return section.rows.flatMap((r) => {
    const [, category, count, share] = r.cells;
    return r.group === dimension && category?.kind === 'text' && count?.kind === 'count'
      ? [{ key: r.key, category: category.text, count, share: share?.kind === 'percent' ? share : null }]
      : [];
  });
}

/** The chart of one dimension of a breakdown section (the screen's picker): long lists ranked, the rest together. */
export function groupChart(section: ReportSection, dimension: BreakdownDimension, title: string, words: ReportText): ReportChart {
  const rows = groupRows(section, dimension);
  const group = section.breakdown?.groups.find((g) => g.dimension === dimension);
  return rankedChart(
    rows.map((r) => ({ category: r.category, value: r.count.value })),
    { name: title, total: section.breakdown?.total ?? HIDDEN_DERIVED, additive: !group?.note, others: words.t('reports.others') },
  );
}
