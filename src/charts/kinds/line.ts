import { drawSeriesMarks, legendRow, lineFrame, seriesLegend, type Margins, type RenderContext } from '../draw.ts';
import { textWidth } from '../../common/text-width.ts';
import type { ChartKindDefinition } from '../kind.ts';
import {
  GENERIC_OPTIONS,
  genericSummary,
  niceStep,
  prepareGeneric,
  yearStep,
  type GenericData,
  type GenericOptions,
} from './generic.ts';

/** Room on the right for the longest end label (`label value`). */
function margins(data: GenericData): Margins {
  const longest = Math.max(...data.series.map((s) => textWidth(`${s.label} ${s.points.at(-1)?.text ?? ''}`) * 24));
  return { top: 84, right: Math.min(480, Math.max(120, Math.ceil(longest) + 40)), bottom: 50, left: 90 };
}

/** The finished chart as an SVG element: a line per column, every value a keyboard stop. */
function render(data: GenericData, options: GenericOptions, ctx: RenderContext): SVGSVGElement {
  const label = options.title || data.name;
  const values = data.series.flatMap((s) => s.points.map((p) => p.value));
  const min = Math.min(0, ...values);
  const step = niceStep(Math.max(...values) - min);
  const axes = {
    x: data.years,
    y: [Math.floor(min / step) * step, Math.ceil(Math.max(...values) / step) * step] as const,
    xStep: yearStep(data.years[0], data.years[1]),
    yStep: step,
    unitLabel: data.unit,
  };
  const { svg, plot, x, y } = lineFrame(ctx, 'line', label, genericSummary(data, label), margins(data), axes);
  drawSeriesMarks(plot, data, x, y, { size: 80, gap: 14, end: (s, last) => `${s.label} ${last.text}` });
  legendRow(
    svg,
    data.series.map((s) => seriesLegend(s, 80)),
  );
  return svg.node()!;
}

/** `line`: any CSV with a sidecar, a line per number column over the years. */
export const line: ChartKindDefinition<GenericOptions, GenericData> = {
  name: 'line',
  doc: 'any CSV with a sidecar: a line per number column (`y`) over the years (`x`)',
  zh: '任一带数据说明的 CSV：每个数值列（y）一条线，按年份（x）画出',
  reads: {},
  generic: true,
  options: GENERIC_OPTIONS,
  prepare: prepareGeneric,
  render,
};
