import { BarChart as EBarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { barChartOption } from '../../../../shared/reports/chartOption';
import type { ReportChart } from '../../../../shared/reports/reportLayout';
import { formatCount } from '../../format';

// Only the parts of echarts this chart needs, to keep the bundle small; the SVG renderer needs no
// inline <style> (the CSP forbids it).
echarts.use([EBarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

const COLORS = ['#1f6f5c', '#c9a227'];

/**
 * A chart section (or one breakdown group) drawn as the PDF draws it, at the screen's size. The chart is
 * made once and updated when its numbers change (a new period, a language): recreating it on every
 * render threw away echarts' work and flickered.
 */
export function BarChart({ chart, title, width = 640 }: { chart: ReportChart; title: string; width?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const instance = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!ref.current) return;
    const e = echarts.init(ref.current, null, { renderer: 'svg' });
    instance.current = e;
    return () => {
      instance.current = null;
      e.dispose();
    };
  }, []);
  useEffect(() => {
    const e = instance.current;
    if (!e) return;
    const look = { width, fontSize: 12, rowHeight: 34, labelWidth: 230, colors: COLORS, tooltip: true, formatNumber: formatCount };
    const { option, height } = barChartOption(chart, look);
    e.resize({ width, height });
    e.setOption(option, { notMerge: true });
  }, [chart, width]);
  return <div ref={ref} role="img" aria-label={title} />;
}
