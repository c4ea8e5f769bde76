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

function barChart(title: string, labels: string[], values: Count[], series: string[] | null, multi: Count[][] | null): string {
  const width = 500;
  const height = 240;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  const data = (vals: Count[]) =>
    vals.map((v) => (typeof v === 'number' ? v : { value: 0, label: { show: true, position: 'top' as const, formatter: v } }));
  chart.setOption({
    animation: false,
    // The PDF embeds DejaVu Sans; naming it here makes the SVG text use it (Tajik letters).
    textStyle: { fontFamily: 'DejaVuSans' },
    grid: { left: 40, right: 10, top: series ? 30 : 15, bottom: 60 },
    legend: series ? { top: 0, data: series } : undefined,
    xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, rotate: labels.length > 6 ? 30 : 0, fontSize: 9 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: series && multi
      ? series.map((name, i) => ({ name, type: 'bar', data: data(multi[i]!), label: { show: true, position: 'top', fontSize: 8 } }))
      : [{ type: 'bar', data: data(values), name: title, label: { show: true, position: 'top', fontSize: 8 } }],
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
    ['1.2.3 b', '1.2.4 b'],
    [AGE_BANDS.map((b) => w3[b] ?? 0), AGE_BANDS.map((b) => w4[b] ?? 0)],
  );
  const regions = report.breakdowns['1.2.10.consultations'].region ?? {};
  const regionKeys = Object.keys(regions);
  const byRegion = barChart(
    t('reports.chartRegionTitle'),
    regionKeys.map((k) => keyLabel(language, 'region', k)),
    regionKeys.map((k) => regions[k] ?? 0),
    null,
    null,
  );
  return [
    { title: t('reports.chartAgeTitle'), svg: ages, width: 500, height: 240 },
    { title: t('reports.chartRegionTitle'), svg: byRegion, width: 500, height: 240 },
  ];
}
