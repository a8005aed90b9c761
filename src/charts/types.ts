/**
 * What the data of every chart kind is made of. A kind's data is prepared at build time (its
 * `prepare`, src/charts/kinds/) and inlined into the bundle as `chartData` of `virtual:deck`: plain
 * JSON, no functions, no dates.
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
  /**
   * Years between consecutive observations (default 1): a CSV published every other year is
   * joined from one to the next, and a missing one still leaves a gap.
   */
  step?: number;
}

/** What every chart has besides its marks. */
export interface ChartBase {
  /** Unit of the values' texts: `%` or `万人`. */
  unit: string;
  /** One line under the chart: publisher, indicator, years. */
  source: string;
  /** Caveats (vintages, definitions, hollow markers). */
  footnote: string;
}
