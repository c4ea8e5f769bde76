import * as echarts from 'echarts';
import type { Count } from '../../shared/api/reportTypes';
import type { ReportChart } from '../../shared/reports/reportLayout';

// A chart section of the report as vector SVG for the PDF, drawn by echarts' server-side renderer (no
// DOM, no canvas). A hidden (suppressed) cell is drawn as an empty bar with its "<5" label, never at
// its real height.

export interface ChartSvg {
  svg: string;
  width: number;
  height: number;
}

const WIDTH = 500;

export function chartSvg(chart: ReportChart): ChartSvg {
  const { categories: labels, series, horizontal } = chart;
  // Horizontal bars: a row per category, so the chart grows with them.
  const height = horizontal ? 35 + 32 * Math.max(1, labels.length) : 240;
  const legend = series.length > 1;
  const e = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height });
  const position = horizontal ? ('right' as const) : ('top' as const);
  const data = (vals: Count[]) => vals.map((v) => (typeof v === 'number' ? v : { value: 0, label: { show: true, position, formatter: v, color: '#333' } }));
  const categories = horizontal
    ? // The first label at the top, as in the tables.
      { type: 'category', data: labels, inverse: true, axisLabel: { fontSize: 9, width: 190, overflow: 'break' } }
    : { type: 'category', data: labels, axisLabel: { interval: 0, rotate: labels.length > 6 ? 30 : 0, fontSize: 9 } };
  const amounts = horizontal ? { type: 'value', minInterval: 1, splitNumber: 3, axisLabel: { fontSize: 9, hideOverlap: true } } : { type: 'value', minInterval: 1 };
  e.setOption({
    animation: false,
    // The PDF embeds DejaVu Sans; naming it here makes the SVG text use it (Tajik letters).
    textStyle: { fontFamily: 'DejaVuSans' },
    grid: horizontal ? { left: 200, right: 50, top: 10, bottom: 25 } : { left: 40, right: 10, top: legend ? 30 : 15, bottom: 60 },
    legend: legend ? { top: 0, data: series.map((s) => s.name) } : undefined,
    xAxis: horizontal ? amounts : categories,
    yAxis: horizontal ? categories : amounts,
    series: series.map((s) => ({ name: s.name, type: 'bar', data: data(s.values), label: { show: true, position, fontSize: 8, color: '#333' } })),
  });
  const svg = e.renderToSVGString();
  e.dispose();
  return { svg, width: WIDTH, height };
}
