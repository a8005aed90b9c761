import { listNames } from '../markdown/errors.ts';
import type { ChartSpec } from '../markdown/types.ts';
import * as cities from './cities.ts';
import * as compare from './compare.ts';
import { DATASETS, type DatasetName } from './data/datasets.ts';
import * as gap from './gap.ts';
import { checkOption, type OptionSpec } from './options.ts';
import * as population from './population.ts';
import {
  COUNTRY_NAMES,
  prepareCities,
  prepareCompare,
  prepareGap,
  preparePopulation,
  prepareTrend,
  type Tables,
} from './prepare.ts';
import * as trend from './trend.ts';
import type { ChartData, ChartKind } from './types.ts';

/** What a chart kind accepts in Markdown and how its data is prepared at build time. */
export interface KindInfo<O> {
  /** The dataset(s) it can draw; the first is the default when a block names none. */
  datasets: readonly DatasetName[];
  options: Readonly<Record<keyof O & string, OptionSpec>>;
  defaults: O;
  prepare: (tables: Tables, options: O) => ChartData;
}

const title: OptionSpec = {
  type: { type: 'text' },
  doc: "the chart's name: read by screen readers and the data table's caption (default: named after the series shown)",
};
const years: OptionSpec = {
  type: { type: 'years' },
  doc: '`[from, to]`: the years drawn (default: all years in the data)',
};

/** Every chart kind a ```chart block may name. */
export const KINDS: { [K in ChartKind]: KindInfo<never> } = {
  trend: {
    datasets: ['nbs-urbanisation'],
    options: {
      title,
      years,
      benchmarks: {
        type: { type: 'boolean' },
        doc: 'census and 1% survey figures as distinct markers (default: true)',
      },
      annotate: {
        type: { type: 'list', values: trend.MILESTONES },
        doc: 'milestones: `reform` (1978), `half` (first year-end value above 50%), `latest` (default: all)',
      },
    },
    defaults: trend.defaults as never,
    prepare: prepareTrend as never,
  },
  compare: {
    datasets: ['wb-urban-share'],
    options: {
      title,
      years,
      countries: {
        type: { type: 'list', values: Object.keys(COUNTRY_NAMES) },
        doc: 'country codes, in legend order (default: CHN, WLD, USA, JPN, KOR, IND)',
      },
      projections: { type: { type: 'boolean' }, doc: 'UN projections to 2050, dashed (default: true)' },
      speed: {
        type: { type: 'years' },
        doc: '`[from, to]`: years for the pace in points per decade (default: [1980, 2020])',
      },
    },
    defaults: compare.defaults as never,
    prepare: prepareCompare as never,
  },
  population: {
    datasets: ['nbs-urbanisation'],
    options: { title, years },
    defaults: population.defaults as never,
    prepare: preparePopulation as never,
  },
  gap: {
    datasets: ['hukou-urbanisation'],
    options: { title, years },
    defaults: gap.defaults as never,
    prepare: prepareGap as never,
  },
  cities: {
    datasets: ['megacities-2020'],
    options: {
      title,
      classes: { type: { type: 'list', values: cities.CITY_CLASSES }, doc: 'size classes shown (default: both)' },
    },
    defaults: cities.defaults as never,
    prepare: prepareCities as never,
  },
};

/** What the runtime gets per chart id: kind, resolved options and only the rows the chart draws. */
export interface ChartPayload {
  kind: ChartKind;
  options: Record<string, unknown>;
  data: ChartData;
}

function isKind(kind: string): kind is ChartKind {
  return Object.hasOwn(KINDS, kind);
}

/**
 * Checks a chart declaration against the tables: kind, dataset, options and their values.
 * @returns what is wrong (the compiler adds `file:line`), or null.
 */
export function validateChart(spec: ChartSpec, tables: Tables): string | null {
  if (!isKind(spec.kind))
    return `unknown chart kind "${spec.kind}" — expected one of: ${listNames(Object.keys(KINDS))}`;
  const info = KINDS[spec.kind];
  if (spec.dataset && !Object.hasOwn(DATASETS, spec.dataset)) {
    return `unknown dataset "${spec.dataset}" — expected one of: ${listNames(Object.keys(DATASETS))}`;
  }
  if (spec.dataset && !info.datasets.includes(spec.dataset as DatasetName)) {
    return `a ${spec.kind} chart cannot draw dataset "${spec.dataset}" — expected: ${listNames(info.datasets)}`;
  }
  for (const [name, value] of Object.entries(spec.options)) {
    const option = (info.options as Record<string, OptionSpec>)[name];
    if (!option) {
      return `unknown option "${name}" for a ${spec.kind} chart — expected one of: ${listNames(['kind', 'dataset', ...Object.keys(info.options)])}`;
    }
    const problem = checkOption(name, value, option.type);
    if (problem) return problem;
  }
  const data = info.prepare(tables, resolveOptions(spec) as never);
  const empty = 'cities' in data ? data.cities.length === 0 : data.series.some((s) => s.points.length === 0);
  if (empty) return `the chart has no data for these options — widen "years" or choose other values`;
  return null;
}

/** The block's options over the kind's defaults. */
export function resolveOptions(spec: ChartSpec): Record<string, unknown> {
  const info = KINDS[spec.kind as ChartKind];
  return { ...(info.defaults as object), ...spec.options };
}

/** Prepares the runtime payload of one (already validated) chart. */
export function chartPayload(spec: ChartSpec, tables: Tables): ChartPayload {
  const kind = spec.kind as ChartKind;
  const options = resolveOptions(spec);
  return { kind, options, data: KINDS[kind].prepare(tables, options as never) };
}
