import * as cities from './cities.ts';
import * as compare from './compare.ts';
import type { RenderContext } from './draw.ts';
import * as gap from './gap.ts';
import * as population from './population.ts';
import * as trend from './trend.ts';
import type { ChartData, ChartKind } from './types.ts';

/** A kind's pure renderer (each module's own signature is typed; this table is the runtime's dispatch): data + resolved options → finished SVG. */
export type Renderer = (
  data: ChartData,
  options: Record<string, unknown>,
  ctx: RenderContext,
  /** Series switched off in the legend (compare). */
  hidden?: readonly string[],
) => SVGSVGElement;

/** The renderer of each chart kind (the runtime's side of the kinds table in kinds.ts). */
export const RENDERERS: Record<ChartKind, Renderer> = {
  trend: trend.render as unknown as Renderer,
  compare: compare.render as unknown as Renderer,
  population: population.render as unknown as Renderer,
  gap: gap.render as unknown as Renderer,
  cities: cities.render as unknown as Renderer,
};
