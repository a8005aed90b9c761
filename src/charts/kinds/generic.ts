import { columnChoice, columnSeries, columnUnit } from '../data/columns.ts';
import type { Dataset } from '../data/dataset.ts';
import type { OptionSpecs } from '../options.ts';
import { TITLE_OPTION, yearsOption } from '../options.ts';
import type { ChartBase, Series } from '../types.ts';

/**
 * What the generic kinds (line, bar, stacked area) share: a CSV with a sidecar, declared in the
 * slide by naming the file (`dataset: 城镇化`) and its columns (`x: year`, `y: [a, b]`).
 */
export interface GenericOptions {
  title: string;
  years: [number, number] | null;
  x: string;
  y: string | string[];
}

/** A generic chart's data: a series per `y` column, the sidecar's source line and footnote. */
export interface GenericData extends ChartBase {
  series: Series[];
  years: [number, number];
  /** The dataset's name from its sidecar, for a chart without a title. */
  name: string;
}

/** The options every generic kind takes. */
export const GENERIC_OPTIONS: OptionSpecs<GenericOptions> = {
  title: TITLE_OPTION,
  years: yearsOption(
    '`[from, to]`: the years drawn; empty: every year in the CSV',
    '[起, 止]：画出的年份；不写时画 CSV 里的全部年份',
  ),
  x: {
    type: { type: 'column' },
    default: '',
    doc: 'the year column along the bottom; empty: the first year column',
    zh: '下方的年份列；不写时用第一个年份列',
  },
  y: {
    type: { type: 'columns' },
    default: [],
    doc: 'the number column(s) drawn, one series each, labelled and with the unit from the sidecar',
    zh: '要画的数值列，每列一条（组），名称和单位取自数据说明',
  },
};

/** Build time: the columns the block names, from the CSV its sidecar describes. */
export function prepareGeneric(dataset: Dataset, o: GenericOptions): GenericData {
  const table = dataset.sidecar;
  if (!table) throw new Error(`dataset "${dataset.name}" has no sidecar`);
  const choice = columnChoice(table, o as unknown as Record<string, unknown>);
  const { series, years } = columnSeries(table, choice);
  return {
    unit: columnUnit(table, choice),
    source: table.sidecar.source,
    footnote: table.sidecar.footnote,
    series,
    years,
    name: table.sidecar.title,
  };
}

/** A round step for about five gridlines up to `max`. */
export function niceStep(max: number): number {
  const raw = max / 5;
  const p = 10 ** Math.floor(Math.log10(raw || 1));
  return [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? p * 10;
}

/** A step between year ticks that gives at most about eight of them. */
export function yearStep(from: number, to: number): number {
  return [1, 2, 5, 10, 20, 50].find((s) => (to - from) / s <= 8) ?? 100;
}

/** The chart's spoken summary: its name, what it shows and the years. */
export function genericSummary(data: GenericData, label: string): string {
  return `${label}：${data.series.map((s) => s.label).join('、')}，${data.years[0]}–${data.years[1]}`;
}
