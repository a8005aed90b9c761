import { scaleBand, scaleLinear } from 'd3-scale';
import {
  chartRoot,
  drawAxes,
  drawPoints,
  innerSize,
  marginsAt,
  legendRow,
  plotArea,
  r2,
  seriesLegend,
  seriesStops,
  stepTicks,
  style,
  type Margins,
  widthOf,
  type RenderContext,
} from '../draw.ts';
import type { ChartKindDefinition } from '../kind.ts';
import {
  GENERIC_OPTIONS,
  genericSummary,
  niceStep,
  prepareGeneric,
  type GenericData,
  type GenericOptions,
} from './generic.ts';

const MARGINS: Margins = { top: 84, right: 40, bottom: 50, left: 90 };

/** The finished chart: bars side by side per year, one colour per column, each bar a keyboard stop. */
function render(data: GenericData, options: GenericOptions, ctx: RenderContext): SVGSVGElement {
  const label = options.title || data.name;
  const svg = chartRoot(ctx, 'bar', label, genericSummary(data, label));
  const width = widthOf(ctx);
  const m = marginsAt(MARGINS, width);
  const plot = plotArea(svg, m);
  const { w, h } = innerSize(m, width);
  const years = [...new Set(data.series.flatMap((s) => s.points.map((p) => p.year)))].sort((a, b) => a - b);
  const max = Math.max(0, ...data.series.flatMap((s) => s.points.map((p) => p.value)));
  const step = niceStep(max);
  const top = Math.ceil(max / step) * step || step;
  const band = scaleBand<number>().domain(years).range([0, w]).paddingInner(0.25).paddingOuter(0.1);
  const inner = scaleBand<string>()
    .domain(data.series.map((s) => s.id))
    .range([0, band.bandwidth()])
    .paddingInner(0.08);
  const y = scaleLinear().domain([0, top]).range([h, 0]);
  // A band scale on the axis puts each year's tick under its group of bars (years need not be evenly spaced).
  // Year labels (about 50 units wide) at least 90 apart, whatever width the chart is laid out at.
  const every = Math.ceil(years.length / Math.max(1, Math.floor(w / 90)));
  drawAxes(plot, band as never, y, {
    xTicks: years.filter((_, i) => i % every === 0),
    yTicks: stepTicks(0, top, step),
    yFormat: (v) => `${v}`,
    unitLabel: data.unit,
  });
  const layer = plot.append('g').attr('class', 'chart-marks');
  for (const s of data.series) {
    layer
      .append('g')
      .attr('class', 'chart-bars')
      .attr('data-series', s.id)
      .attr('aria-hidden', 'true')
      .selectAll('rect')
      .data(s.points)
      .join('rect')
      .attr('class', 'chart-bar')
      .attr('x', (d) => r2((band(d.year) ?? 0) + (inner(s.id) ?? 0)))
      .attr('y', (d) => r2(y(d.value)))
      .attr('width', r2(inner.bandwidth()))
      .attr('height', (d) => r2(h - y(d.value)))
      .attr('fill', style(s.style).color);
  }
  // The keyboard stops (with the readout, the data table's order) sit on each bar's top centre.
  const stops = seriesStops(data, data.series, 0);
  drawPoints(layer, stops, band as never, y);
  layer.selectAll<SVGPathElement, (typeof stops)[number]>('path.chart-point').attr('transform', (p) => {
    const cx = (band(p.datum.year) ?? 0) + (inner(p.series.id) ?? 0) + inner.bandwidth() / 2;
    return `translate(${r2(cx)},${r2(y(p.datum.value))})`;
  });
  legendRow(
    svg,
    data.series.map((s) => seriesLegend(s, 80)),
  );
  return svg.node()!;
}

/** `bar`: any CSV with a sidecar, bars side by side per year for each number column. */
export const bar: ChartKindDefinition<GenericOptions, GenericData> = {
  name: 'bar',
  doc: 'any CSV with a sidecar: bars side by side per year (`x`), one per number column (`y`)',
  zh: '任一带数据说明的 CSV：每个年份（x）一组，每个数值列（y）一条',
  reads: {},
  generic: true,
  options: GENERIC_OPTIONS,
  prepare: prepareGeneric,
  render,
};
