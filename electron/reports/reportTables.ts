import type { BreakdownDimension, BreakdownKey, Count, IndicatorReport } from '../../shared/api/reportTypes';
import { formatDate } from '../../shared/domain/dates';
import type { Language } from '../../shared/domain/enums';
import { BREAKDOWN_KEYS } from '../../shared/domain/indicatorDefinitions';
import { keyLabelOf } from '../../shared/domain/indicatorDimensions';
import { translate } from '../../shared/i18n';
import { findDistrict, REGIONS } from '../../shared/reference/regions';

// The report laid out as titled tables in one language: the common model of the PDF, XLSX and CSV
// exports, so the three always hold the same numbers.

export interface ReportTable {
  /** Stable, language-independent id (used as the XLSX sheet name). */
  id: string;
  title: string;
  columns: string[];
  rows: Count[][];
  note?: string;
}

export interface ReportLayout {
  title: string;
  meta: string[];
  /** The same facts as label/value pairs (the XLSX "About" sheet and the top of the CSV). */
  provenance: [string, string][];
  suppressionNote: string;
  tables: ReportTable[];
}

export function keyLabel(language: Language, dim: BreakdownDimension | 'outcome', key: string): string {
  const t = (k: string) => translate(language, k);
  if (dim === 'outcome') return key === 'unknown' ? t('reports.keys.unknown') : t(`enum.caseOutcome.${key}`);
  const label = keyLabelOf(dim, key);
  if ('i18n' in label) return t(label.i18n);
  if (label.place === 'region') return REGIONS.find((r) => r.code === key)?.name[language] ?? key;
  return findDistrict(key)?.district.name[language] ?? key;
}

export function filtersText(report: IndicatorReport, language: Language): string {
  const f = report.filters;
  const parts: string[] = [];
  if (f.region) parts.push(`${translate(language, 'reports.region')}: ${keyLabel(language, 'region', f.region)}`);
  if (f.districtId) parts.push(`${translate(language, 'reports.district')}: ${keyLabel(language, 'district', f.districtId)}`);
  if (f.contactPointCode) parts.push(`${translate(language, 'reports.contactPoint')}: ${f.contactPointCode}`);
  return parts.length ? parts.join('; ') : translate(language, 'reports.noFilters');
}

export function headlineRows(report: IndicatorReport): [string, Count][] {
  const i = report.indicators;
  return [
    ['contactPointsOperating', i['1.2.3'].contactPointsOperating],
    ['contactPointsEstablishedInPeriod', i['1.2.3'].contactPointsEstablishedInPeriod],
    ['women123', i['1.2.3'].womenFromMigrantHouseholds],
    ['abandoned123', i['1.2.3'].abandonedWomen],
    ['consultations123', i['1.2.3'].consultations],
    ['sessions124', i['1.2.4'].mobileSessionsConducted],
    ['women124', i['1.2.4'].womenFromMigrantHouseholds],
    ['abandoned124', i['1.2.4'].abandonedWomen],
    ['consultations124', i['1.2.4'].consultations],
    ['consultations1210', i['1.2.10'].consultations],
    ['alimonyClosed', i['2.2.1.b'].alimonyCasesClosed],
    ['alimonyResolved', i['2.2.1.b'].resolvedSuccessfully],
  ];
}

const SHEET_IDS: Record<BreakdownKey, string> = {
  '1.2.3.womenFromMigrantHouseholds': '1.2.3 women',
  '1.2.3.consultations': '1.2.3 consultations',
  '1.2.4.womenFromMigrantHouseholds': '1.2.4 women',
  '1.2.4.abandonedWomen': '1.2.4 abandoned',
  '1.2.4.consultations': '1.2.4 consultations',
  '1.2.10.consultations': '1.2.10 consultations',
};

export function layoutReport(report: IndicatorReport, language: Language): ReportLayout {
  const t = (k: string, p?: Record<string, string | number>) => translate(language, k, p);
  const g = report.generated;
  const meta = [
    t('reports.periodLine', { from: formatDate(report.period.from), to: formatDate(report.period.to) }),
    t('reports.filtersLine', { filters: filtersText(report, language) }),
    t('reports.definitionsVersion', { version: report.definitionsVersion }),
    t('reports.generatedLine', {
      at: `${formatDate(g.at)} ${g.at.slice(11, 16)} UTC`,
      installation: g.installationName ?? '—',
      stamp: g.dataStamp ?? '—',
      version: g.appVersion ?? '—',
    }),
    // A printed report witnesses the audit trail: the head can be compared with the trail later.
    ...(g.auditHead ? [t('reports.auditHeadLine', { seq: g.auditHead.seq, hash: g.auditHead.hash })] : []),
  ];
  const s = report.suppression;
  const suppressionNote = s.applied ? t('reports.suppressionNote', { max: s.threshold - 1, threshold: s.threshold }) : t('reports.notSuppressed');

  const tables: ReportTable[] = [
    {
      id: 'Headline',
      title: t('reports.headline'),
      columns: [t('reports.indicator'), t('reports.value')],
      rows: headlineRows(report).map(([k, v]) => [t(`reports.rows.${k}`), v]),
    },
  ];
  const i1210 = report.indicators['1.2.10'];
  const kinds = Object.keys(i1210.byKind);
  tables.push({
    id: '1.2.10',
    title: t('reports.rows.consultations1210'),
    columns: [t('reports.venueKind'), ...kinds.map((k) => keyLabel(language, 'kind', k)), t('reports.keys.total')],
    rows: (Object.keys(i1210.byVenue) as (keyof typeof i1210.byVenue)[]).map((venue) => [
      keyLabel(language, 'venue', venue),
      ...kinds.map((k) => i1210.byVenueAndKind[`${venue}:${k}`] ?? 0),
      i1210.byVenue[venue],
    ]),
  });
  tables[tables.length - 1]!.rows.push([t('reports.keys.total'), ...kinds.map((k) => i1210.byKind[k] ?? 0), i1210.consultations]);
  const b = report.indicators['2.2.1.b'];
  tables.push({
    id: '2.2.1.b',
    title: t('reports.byOutcome'),
    columns: [t('reports.outcome'), t('reports.value')],
    rows: [...Object.entries(b.byOutcome).map(([k, v]): Count[] => [keyLabel(language, 'outcome', k), v]), [t('reports.keys.total'), b.alimonyCasesClosed]],
  });
  for (const key of BREAKDOWN_KEYS) {
    const breakdown = report.breakdowns[key];
    const rows: Count[][] = [];
    for (const [dim, cells] of Object.entries(breakdown) as [BreakdownDimension, Record<string, Count>][]) {
      for (const [k, v] of Object.entries(cells)) rows.push([t(`reports.dimensions.${dim}`), keyLabel(language, dim, k), v]);
    }
    tables.push({
      id: SHEET_IDS[key],
      title: t(`reports.breakdownTitles.${key}`),
      columns: [t('reports.dimensionPick'), t('reports.category'), t('reports.value')],
      rows,
      note: t('reports.issueNote'),
    });
  }
  const provenance: [string, string][] = [
    [t('reports.meta.period'), `${report.period.from} – ${report.period.to}`],
    [t('reports.meta.filters'), filtersText(report, language)],
    [t('reports.meta.definitionsVersion'), report.definitionsVersion],
    [t('reports.meta.installation'), g.installationName ?? ''],
    [t('reports.meta.dataStamp'), g.dataStamp ?? ''],
    [t('reports.meta.generatedAt'), g.at],
    [t('reports.meta.appVersion'), g.appVersion ?? ''],
    [t('reports.meta.suppression'), suppressionNote],
  ];
  return { title: t('reports.title'), meta, provenance, suppressionNote, tables };
}

/** Spreadsheet formula injection: text starting with = + - @ (or a tab/CR) is kept as text by a leading apostrophe. */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
