import type { EChartsOption } from 'echarts';
import type { Count } from '../api/reportTypes';
import type { ReportChart } from './reportLayout';

// A chart section as echarts options: the screen draws them in the window, the PDF with echarts'
// server-side SVG renderer. A hidden (suppressed) cell is drawn as an empty bar carrying its "<5" or
// "x", never at its real height.

export interface ChartLook {
  width: number;
  fontSize: number;
  /** Height of one bar's row in a horizontal chart (place names break onto two or three lines). */
  rowHeight: number;
  /** Room for the category labels at the left of a horizontal chart. */
  labelWidth: number;
  fontFamily?: string;
  colors?: string[];
  tooltip?: boolean;
  /** How the report's tables write a count (Intl, the reader's language): axes and bar labels write it the same way. */
  formatNumber?: (value: number) => string;
}

export function barChartOption(chart: ReportChart, look: ChartLook): { option: EChartsOption; width: number; height: number } {
  const { categories: labels, series, horizontal } = chart;
  const { fontSize, labelWidth } = look;
  const legend = series.length > 1;
  // Horizontal bars: a row per category, so the chart grows with them; a long list gets narrower rows.
  const rowHeight = labels.length > 12 ? Math.round(look.rowHeight * 0.65) : look.rowHeight;
  const height = horizontal ? 35 + rowHeight * Math.max(1, labels.length) : 240 + 2 * fontSize;
  const position = horizontal ? ('right' as const) : ('top' as const);
  const data = (values: Count[]) => values.map((v) => (typeof v === 'number' ? v : { value: 0, label: { show: true, position, formatter: v } }));
  const axisLabel = { fontSize };
  const number = look.formatNumber ?? String;
  const barLabel = (p: { value?: unknown }) => (typeof p.value === 'number' ? number(p.value) : String(p.value ?? ''));
  // Labels under vertical bars turn when the longest would not fit its bar's width (about 0.6 em a letter).
  const slot = (look.width - 50) / Math.max(1, labels.length);
  const rotate = Math.max(0, ...labels.map((l) => l.length)) * fontSize * 0.6 > slot ? 30 : 0;
  const categoryAxis = horizontal
    ? // The first label at the top, as in the tables; long names (regions) break onto lines at the left.
      { type: 'category' as const, data: labels, inverse: true, axisLabel: { ...axisLabel, width: labelWidth, overflow: 'break' as const } }
    : { type: 'category' as const, data: labels, axisLabel: { ...axisLabel, interval: 0, rotate } };
  const valueAxis = { type: 'value' as const, minInterval: 1, ...(horizontal ? { splitNumber: 3 } : {}), axisLabel: { ...axisLabel, hideOverlap: true, formatter: (v: number) => number(v) } };
  const option: EChartsOption = {
    animation: false,
    ...(look.fontFamily ? { textStyle: { fontFamily: look.fontFamily } } : {}),
    ...(look.colors ? { color: look.colors } : {}),
    ...(look.tooltip ? { tooltip: {} } : {}),
    grid: horizontal
      ? { left: labelWidth + 10, right: 50, top: 10, bottom: 25 }
      : { left: 40, right: 10, top: legend ? 2 * fontSize + 12 : fontSize + 6, bottom: 6 * fontSize + 6 },
    ...(legend ? { legend: { top: 0, data: series.map((s) => s.name), textStyle: { fontSize } } } : {}),
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series: series.map((s) => ({ type: 'bar' as const, name: s.name, data: data(s.values), label: { show: true, position, fontSize: fontSize - 1, color: '#333', formatter: barLabel } })),
  };
  return { option, width: look.width, height };
}
