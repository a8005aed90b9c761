import type { ChartKind, ChartKindDefinition, FocusRing, SeriesData } from './kind.ts';
import { bar } from './kinds/bar.ts';
import { cities } from './kinds/cities.ts';
import { compare } from './kinds/compare.ts';
import { gap } from './kinds/gap.ts';
import { line } from './kinds/line.ts';
import { population } from './kinds/population.ts';
import { rankedBar } from './kinds/ranked-bar.ts';
import { stackedArea } from './kinds/stacked-area.ts';
import { trend } from './kinds/trend.ts';
import { seriesEmpty, seriesTable, type DataTable } from './table.ts';
import type { ChartBase } from './types.ts';

/** Every chart kind a ```chart block may name, in the order of the docs. Add a kind here. */
export const KINDS: readonly ChartKind[] = [trend, compare, population, gap, cities, line, bar, stackedArea, rankedBar];

/** What the runtime gets per chart id: the kind's name, resolved options and only the rows it draws. */
export interface ChartPayload {
  kind: string;
  options: Record<string, unknown>;
  data: ChartBase;
}

/**
 * Whether a payload was prepared by `kind`, narrowing its data to the kind's own: sound because a
 * payload's data is what the kind of that name prepared (for outputs that treat kinds one by one).
 */
export function isPayloadOf<O, D extends ChartBase>(
  payload: ChartPayload,
  kind: ChartKindDefinition<O, D>,
): payload is ChartPayload & { data: D } {
  return payload.kind === kind.name;
}

/** The kind named `name`, or undefined. */
export function kindNamed(name: string): ChartKind | undefined {
  return KINDS.find((k) => k.name === name);
}

/** Whether a chart's data is series of yearly points (the shape most kinds draw). */
export function isSeriesData(data: ChartBase): data is SeriesData {
  return 'series' in data && Array.isArray(data.series);
}

/** Whether a chart has nothing to draw: the kind's own test, or a series without points. */
export function chartEmpty(kind: ChartKind, data: ChartBase): boolean {
  if (kind.isEmpty) return kind.isEmpty(data);
  return isSeriesData(data) && seriesEmpty(data);
}

/** The "查看数据" table of a chart: the kind's own, or one row per year and a column per series. */
export function chartTable(kind: ChartKind, data: ChartBase): DataTable {
  if (kind.table) return kind.table(data);
  return isSeriesData(data) ? seriesTable(data) : { columns: [], rows: [] };
}

/** The focus ring around a point when a kind gives none: a 16 px circle on the point. */
const DEFAULT_RING: FocusRing = { r: 16, dx: 0, dy: 0 };

/** The focus ring of a kind's points. */
export function focusRing(kind: ChartKind): FocusRing {
  return kind.focusRing ?? DEFAULT_RING;
}
