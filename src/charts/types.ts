/**
 * The data a chart draws, prepared at build time (src/charts/prepare.ts) and inlined into the
 * bundle as `chartData` of `virtual:deck`. Plain JSON: no functions, no dates.
 */

/** How a value was published: in an official series, or only in a non-official compilation (drawn hollow). */
export type Quality = 'official' | 'third_party';

/** One observation. `text` is the value exactly as published (e.g. `67.00`); `value` is its number. */
export interface Datum {
  year: number;
  value: number;
  text: string;
  quality: Quality;
}

/**
 * A line of observations in year order. Consecutive years are joined; a missing year leaves a
 * gap (nothing is interpolated).
 */
export interface Series {
  /** Stable id, e.g. `CHN`, `urban`, `hukou`. */
  id: string;
  /** Chinese name shown in labels, legends and readouts. */
  label: string;
  points: Datum[];
  /** Index into the series styles (colour, dash and marker), so greyscale print still tells them apart. */
  style: number;
  /** Projections (UN) are drawn dashed and named as such. */
  projected?: boolean;
}

/** A point called out on the chart with a short label. */
export interface Annotation {
  year: number;
  value: number;
  text: string;
  label: string;
}

/** What every chart has besides its marks. */
export interface ChartBase {
  /** Unit of the values: `%` or `百万人`. */
  unit: string;
  /** One line under the chart: publisher, indicator, years. */
  source: string;
  /** Caveats (vintages, definitions, hollow markers). */
  footnote: string;
}

/** kind `trend`: China's urbanisation rate with benchmarks and milestones. */
export interface TrendData extends ChartBase {
  kind: 'trend';
  series: Series[];
  /** Census and 1% sample-survey figures, drawn as distinct markers. */
  benchmarks: (Datum & { measure: 'census' | 'survey'; label: string })[];
  annotations: Annotation[];
  years: [number, number];
}

/** kind `compare`: urban share of countries and the world, with projections. */
export interface CompareData extends ChartBase {
  kind: 'compare';
  /** Estimates (solid) and projections (dashed) per country; the same `style` for one country. */
  series: Series[];
  /** Speed of change per country: percentage points per decade between two years. */
  speed: { id: string; from: number; to: number; perDecade: number }[];
  years: [number, number];
}

/** kind `population`: urban and rural population in millions. */
export interface PopulationData extends ChartBase {
  kind: 'population';
  series: Series[];
  /** The first year in the data with more urban than rural residents, or null. */
  crossover: { year: number; urban: Datum; rural: Datum } | null;
  years: [number, number];
}

/** kind `gap`: resident-based against household-registration urbanisation. */
export interface GapData extends ChartBase {
  kind: 'gap';
  series: Series[];
  /** Years where both rates exist, with the gap in percentage points. */
  gaps: { year: number; resident: Datum; hukou: Datum; gap: number }[];
  years: [number, number];
}

/** kind `cities`: the 超大/特大 cities of the 2020 census, ranked. */
export interface CitiesData extends ChartBase {
  kind: 'cities';
  cities: { rank: number; name: string; sizeClass: string; population: Datum | null }[];
  classes: string[];
}

export type ChartData = TrendData | CompareData | PopulationData | GapData | CitiesData;
export type ChartKind = ChartData['kind'];
