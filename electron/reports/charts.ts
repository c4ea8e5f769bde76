import * as echarts from 'echarts';
import { barChartOption } from '../../shared/reports/chartOption';
import type { ReportChart } from '../../shared/reports/reportLayout';

// A chart section of the report as vector SVG for the PDF, drawn by echarts' server-side renderer (no
// DOM, no canvas).

export interface ChartSvg {
  svg: string;
  width: number;
  height: number;
}

export function chartSvg(chart: ReportChart, formatNumber: (value: number) => string): ChartSvg {
  // The PDF embeds DejaVu Sans; naming it here makes the SVG text use it (Tajik letters).
  const { option, width, height } = barChartOption(chart, { width: 500, fontSize: 9, rowHeight: 32, labelWidth: 190, fontFamily: 'DejaVuSans', formatNumber });
  const e = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  e.setOption(option);
  const svg = e.renderToSVGString();
  e.dispose();
  return { svg, width, height };
}
