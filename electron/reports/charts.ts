import * as echarts from 'echarts';
import type { Count, IndicatorReport } from '../../shared/api/reportTypes';
import { AGE_BANDS, type Language } from '../../shared/domain/enums';
import { translate } from '../../shared/i18n';
import { keyLabel } from './reportTables';

// Charts of the PDF export as vector SVG, drawn by echarts' server-side renderer (no DOM, no canvas).
// A hidden (suppressed) cell is drawn as an empty bar with its "<5" label, never at its real height.

export interface ChartSvg {
  title: string;
  svg: string;
  width: number;
  height: number;
}

interface BarOptions {
  series: string[] | null;
  multi: Count[][] | null;
  /** Bars along the vertical axis, labels at their left: long labels (region names) do not overlap. */
  horizontal?: boolean;
  height?: number;
}

function barChart(title: string, labels: string[], values: Count[], o: BarOptions): string {
  const width = 500;
  const height = o.height ?? 240;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  const position = o.horizontal ? ('right' as const) : ('top' as const);
  const data = (vals: Count[]) => vals.map((v) => (typeof v === 'number' ? v : { value: 0, label: { show: true, position, formatter: v, color: '#333' } }));
  const categories = o.horizontal
    ? // The first label at the top, as in the tables.
      { type: 'category', data: labels, inverse: true, axisLabel: { fontSize: 9, width: 190, overflow: 'break' } }
    : { type: 'category', data: labels, axisLabel: { interval: 0, rotate: labels.length > 6 ? 30 : 0, fontSize: 9 } };
  const amounts = o.horizontal ? { type: 'value', minInterval: 1, splitNumber: 3, axisLabel: { fontSize: 9, hideOverlap: true } } : { type: 'value', minInterval: 1 };
  chart.setOption({
    animation: false,
    // The PDF embeds DejaVu Sans; naming it here makes the SVG text use it (Tajik letters).
    textStyle: { fontFamily: 'DejaVuSans' },
    grid: o.horizontal ? { left: 200, right: 50, top: 10, bottom: 25 } : { left: 40, right: 10, top: o.series ? 30 : 15, bottom: 60 },
    legend: o.series ? { top: 0, data: o.series } : undefined,
    xAxis: o.horizontal ? amounts : categories,
    yAxis: o.horizontal ? categories : amounts,
    series:
      o.series && o.multi
        ? o.series.map((name, i) => ({ name, type: 'bar', data: data(o.multi![i]!), label: { show: true, position, fontSize: 8, color: '#333' } }))
        : [{ type: 'bar', data: data(values), name: title, label: { show: true, position, fontSize: 8, color: '#333' } }],
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

export function reportCharts(report: IndicatorReport, language: Language): ChartSvg[] {
  const t = (k: string) => translate(language, k);
  const ageLabels = AGE_BANDS.map((b) => (b === 'unknown' ? t('reports.keys.unknown') : b));
  const w3 = report.breakdowns['1.2.3.womenFromMigrantHouseholds'].ageBand ?? {};
  const w4 = report.breakdowns['1.2.4.womenFromMigrantHouseholds'].ageBand ?? {};
  const ages = barChart(
    t('reports.chartAgeTitle'),
    ageLabels,
    [],
    { series: ['1.2.3 b', '1.2.4 b'], multi: [AGE_BANDS.map((b) => w3[b] ?? 0), AGE_BANDS.map((b) => w4[b] ?? 0)] },
  );
  const regions = report.breakdowns['1.2.10.consultations'].region ?? {};
  const regionKeys = Object.keys(regions);
  const regionHeight = 35 + 32 * Math.max(1, regionKeys.length);
  const byRegion = barChart(
    t('reports.chartRegionTitle'),
    regionKeys.map((k) => keyLabel(language, 'region', k)),
    regionKeys.map((k) => regions[k] ?? 0),
    { series: null, multi: null, horizontal: true, height: regionHeight },
  );
  return [
    { title: t('reports.chartAgeTitle'), svg: ages, width: 500, height: 240 },
    { title: t('reports.chartRegionTitle'), svg: byRegion, width: 500, height: regionHeight },
  ];
}
