import { BarChart as EBarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only the parts of echarts this chart needs, to keep the bundle small; the SVG renderer needs no
// inline <style> (the CSP forbids it).
echarts.use([EBarChart, GridComponent, TooltipComponent, SVGRenderer]);

/** A bar per category; hidden ("<5", "x") cells are drawn empty with their label, never at their height. */
export function BarChart({ labels, values, title }: { labels: string[]; values: (number | string)[]; title: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, null, { renderer: 'svg', width: 640, height: 260 });
    chart.setOption({
      animation: false,
      grid: { left: 40, right: 10, top: 20, bottom: 70 },
      tooltip: {},
      xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, rotate: labels.length > 5 ? 30 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          name: title,
          data: values.map((v) => (typeof v === 'number' ? v : { value: 0, label: { show: true, formatter: v } })),
          label: { show: true, position: 'top' },
          itemStyle: { color: '#1f6f5c' },
        },
      ],
    });
    return () => chart.dispose();
  }, [labels, values, title]);
  return <div ref={ref} role="img" aria-label={title} />;
}
