import { area } from 'd3-shape';
import { drawPoints, legendRow, lineFrame, r2, seriesLegend, seriesStops, style, type RenderContext } from '../draw.ts';
import type { ChartKindDefinition } from '../kind.ts';
import type { Series } from '../types.ts';
import {
  GENERIC_OPTIONS,
  genericSummary,
  niceStep,
  prepareGeneric,
  yearStep,
  type GenericData,
  type GenericOptions,
} from './generic.ts';

const MARGINS = { top: 84, right: 40, bottom: 50, left: 90 };

/**
 * The layers of a stack, bottom first: for each year that every column has (a missing value would
 * make the total wrong, so such a year is left out, never filled), each column's base and top.
 */
export function stackLayers(
  series: readonly Series[],
): { series: Series; bands: { year: number; y0: number; y1: number }[] }[] {
  const complete = [...new Set(series.flatMap((s) => s.points.map((p) => p.year)))]
    .filter((year) => series.every((s) => s.points.some((p) => p.year === year)))
    .sort((a, b) => a - b);
  const base = new Map(complete.map((year) => [year, 0]));
  return series.map((s) => ({
    series: s,
    bands: complete.map((year) => {
      const y0 = base.get(year)!;
      const y1 = y0 + s.points.find((p) => p.year === year)!.value;
      base.set(year, y1);
      return { year, y0, y1 };
    }),
  }));
}

/** The finished chart: the columns stacked as areas over the years, each value a keyboard stop at its band's top. */
function render(data: GenericData, options: GenericOptions, ctx: RenderContext): SVGSVGElement {
  const label = options.title || data.name;
  const layers = stackLayers(data.series);
  const top = Math.max(0, ...layers.flatMap((l) => l.bands.map((b) => b.y1)));
  const step = niceStep(top);
  // The axis spans the years drawn: a year some column lacks is not part of the stack.
  const drawn = layers[0]?.bands.map((b) => b.year) ?? [];
  const years: [number, number] = drawn.length ? [drawn[0]!, drawn.at(-1)!] : data.years;
  const axes = {
    x: years,
    y: [0, Math.ceil(top / step) * step || step] as const,
    xStep: yearStep(years[0], years[1]),
    yStep: step,
    unitLabel: data.unit,
  };
  const { svg, plot, x, y } = lineFrame(ctx, 'stacked-area', label, genericSummary(data, label), MARGINS, axes);
  const layer = plot.append('g').attr('class', 'chart-marks');
  const shape = area<{ year: number; y0: number; y1: number }>()
    .x((b) => r2(x(b.year)))
    .y0((b) => r2(y(b.y0)))
    .y1((b) => r2(y(b.y1)));
  for (const { series, bands } of layers) {
    layer
      .append('path')
      .attr('class', 'chart-area')
      .attr('data-series', series.id)
      .attr('aria-hidden', 'true')
      .attr('d', shape(bands) ?? '')
      .attr('fill', style(series.style).color)
      .attr('fill-opacity', 0.75)
      .attr('stroke', '#ffffff')
      .attr('stroke-width', 1.5);
  }
  // Every value a stop (the readout gives the column's own value), placed on the top of its band.
  const tops = new Map(layers.flatMap((l) => l.bands.map((b) => [`${l.series.id}:${b.year}`, b.y1] as const)));
  const stops = seriesStops(data, data.series, 60).filter((p) => tops.has(`${p.series.id}:${p.datum.year}`));
  drawPoints(layer, stops, x, y);
  layer
    .selectAll<SVGPathElement, (typeof stops)[number]>('path.chart-point')
    .attr(
      'transform',
      (p) => `translate(${r2(x(p.datum.year))},${r2(y(tops.get(`${p.series.id}:${p.datum.year}`)!))})`,
    );
  legendRow(
    svg,
    data.series.map((s) => seriesLegend(s, 80)),
  );
  return svg.node()!;
}

/** `stacked-area`: any CSV with a sidecar, its number columns stacked over the years (parts of a whole). */
export const stackedArea: ChartKindDefinition<GenericOptions, GenericData> = {
  name: 'stacked-area',
  doc: 'any CSV with a sidecar: the number columns (`y`) stacked as areas over the years (`x`), for parts of a whole; only years every column has are drawn',
  zh: '任一带数据说明的 CSV：各数值列（y）按年份（x）叠成面积图，适合画各部分之和；只画每一列都有数的年份',
  reads: {},
  generic: true,
  options: GENERIC_OPTIONS,
  prepare: prepareGeneric,
  isEmpty: (data) => stackLayers(data.series).every((l) => l.bands.length === 0),
  render,
};
