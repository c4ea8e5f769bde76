import { BarChart as EBarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { Count } from '../../../../shared/api/reportTypes';
import type { ReportChart } from '../../../../shared/reports/reportLayout';

// Only the parts of echarts this chart needs, to keep the bundle small; the SVG renderer needs no
// inline <style> (the CSP forbids it).
echarts.use([EBarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

const WIDTH = 640;
const COLORS = ['#1f6f5c', '#c9a227'];

/** A bar per category (and series); hidden ("<5", "x") cells are drawn empty with their label, never at their height. */
export function BarChart({ chart, title }: { chart: ReportChart; title: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const { categories: labels, series, horizontal } = chart;
    const legend = series.length > 1;
    const height = horizontal ? 40 + 34 * Math.max(1, labels.length) : 260;
    const e = echarts.init(ref.current, null, { renderer: 'svg', width: WIDTH, height });
    const position = horizontal ? ('right' as const) : ('top' as const);
    const data = (values: Count[]) => values.map((v) => (typeof v === 'number' ? v : { value: 0, label: { show: true, position, formatter: v } }));
    const categories = horizontal
      ? // The first label at the top, as in the tables; long names (regions) break onto lines at the left.
        { type: 'category', data: labels, inverse: true, axisLabel: { width: 230, overflow: 'break' } }
      : { type: 'category', data: labels, axisLabel: { interval: 0, rotate: labels.length > 5 ? 30 : 0 } };
    const amounts = { type: 'value', minInterval: 1 };
    e.setOption({
      animation: false,
      color: COLORS,
      grid: horizontal ? { left: 240, right: 50, top: 10, bottom: 25 } : { left: 40, right: 10, top: legend ? 35 : 20, bottom: 70 },
      tooltip: {},
      legend: legend ? { top: 0, data: series.map((s) => s.name) } : undefined,
      xAxis: horizontal ? amounts : categories,
      yAxis: horizontal ? categories : amounts,
      series: series.map((s) => ({ type: 'bar', name: s.name, data: data(s.values), label: { show: true, position } })),
    });
    return () => e.dispose();
  }, [chart]);
  return <div ref={ref} role="img" aria-label={title} />;
}
