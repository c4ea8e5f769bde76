import { barChartOption } from '../../shared/reports/chartOption';
import type { ReportChart } from '../../shared/reports/reportLayout';

// A chart section of the report as vector SVG for the PDF, drawn by echarts' server-side renderer (no
// DOM, no canvas). echarts (some 20 MB once loaded) is loaded with the first chart.

export interface ChartSvg {
  svg: string;
  width: number;
  height: number;
}

export async function chartSvg(chart: ReportChart, formatNumber: (value: number) => string): Promise<ChartSvg> {
  const echarts = await import('echarts');
  // The PDF embeds DejaVu Sans; naming it here makes the SVG text use it (Tajik letters).
  const { option, width, height } = barChartOption(chart, { width: 500, fontSize: 9, rowHeight: 32, labelWidth: 190, fontFamily: 'DejaVuSans', formatNumber });
  const e = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  e.setOption(option);
  const svg = e.renderToSVGString();
  e.dispose();
  return { svg, width, height };
}
