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

/** A chart section (or one breakdown group) drawn as the PDF draws it, at the screen's size. */
export function BarChart({ chart, title, width = 640 }: { chart: ReportChart; title: string; width?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const look = { width, fontSize: 12, rowHeight: 34, labelWidth: 230, colors: COLORS, tooltip: true, formatNumber: formatCount };
    const { option, height } = barChartOption(chart, look);
    const e = echarts.init(ref.current, null, { renderer: 'svg', width, height });
    e.setOption(option);
    return () => e.dispose();
  }, [chart, width]);
  return <div ref={ref} role="img" aria-label={title} />;
}
