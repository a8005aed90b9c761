import type { Dataset } from './data/dataset.ts';
import type { RenderContext } from './draw.ts';
import type { OptionSpec, OptionSpecs } from './options.ts';
import type { DataTable } from './table.ts';
import type { ChartBase, Series } from './types.ts';

/** What a kind's `toolbar` may do to its chart. */
export interface ToolbarContext {
  document: Document;
  /** Redraws the chart with these series ids switched off (through the kind's `update`). */
  setHidden(ids: readonly string[]): void;
}

/** The keyboard focus ring around a point: its radius and its centre from the point's origin. */
export interface FocusRing {
  r: number;
  dx: number;
  dy: number;
}

/** Data drawn as series of yearly points; such a kind gets a default table and emptiness test. */
export interface SeriesData extends ChartBase {
  series: Series[];
}

/**
 * Everything about one chart kind, in its own module (src/charts/kinds/<name>.ts), as an
 * Observable Plot mark is one class. `O` is its options, `D` the data it draws.
 *
 * The members are methods, not function-valued properties: TypeScript checks each kind against its
 * own `O` and `D` and still lets the registry hold kinds of different types in one list
 * (`ChartKind`, method parameters being bivariant). That is sound because the data a kind's
 * `render` gets is what the same kind's `prepare` made at build time, found by the kind's name.
 */
interface KindMembers<O, D extends ChartBase> {
  /** The name a ```chart block gives as `kind:`. */
  name: string;
  /** What it draws, one line, for the docs. */
  doc: string;
  /** The same in Chinese, for `npm run deck -- help`. */
  zh: string;
  /**
   * The tables it reads, by role (`national`, `estimates` …), each with the columns it needs. A
   * block's dataset fills them: a dataset file names a CSV per role, a single CSV fills the one
   * role of a kind that reads one table. Names of files and datasets live in the deck's data
   * folder, never here.
   */
  reads: Readonly<Record<string, readonly string[]>>;
  /**
   * Draws any CSV that has a sidecar, named by the block (`dataset: 城镇化`), instead of the
   * built-in datasets; its `x`/`y` options are checked against the sidecar's columns.
   */
  generic?: boolean;
  /**
   * A generic kind that draws one mark per row, named by a `label` column (default: the first
   * text column, else the year column), instead of series over the years: it needs no year column.
   */
  ranked?: boolean;
  /** Its options besides `kind` and `dataset`: types, defaults and docs. */
  options: OptionSpecs<O>;
  /** Build time: the rows it draws from the dataset, with the source line and footnote. */
  prepare(dataset: Dataset, options: O): D;
  /** Whether there is nothing to draw (the build then stops: "no data for these options"). */
  isEmpty?(data: D): boolean;
  /** The finished chart as an SVG element: print, tests, and the start of the animation. */
  render(data: D, options: O, ctx: RenderContext): SVGSVGElement;
  /** The "查看数据" table; default: one row per year, one column per series. */
  table?(data: D): DataTable;
  /** Controls above the chart (e.g. legend buttons that switch series); default: none. */
  toolbar?(data: D, ctx: ToolbarContext): HTMLElement;
  /** Redraws a rendered chart's marks with the `hidden` series switched off (for `toolbar`). */
  update?(svg: SVGSVGElement, data: D, hidden: readonly string[]): void;
  /** The focus ring around a point; default: a 16 px circle on the point. */
  focusRing?: FocusRing;
}

/**
 * A chart kind's typed definition. A kind whose data is not series of points must say how to
 * tabulate it and when it is empty.
 */
export type ChartKindDefinition<O, D extends ChartBase> = KindMembers<O, D> &
  (D extends SeriesData ? unknown : { table(data: D): DataTable; isEmpty(data: D): boolean });

/** Any chart kind, as the registry lists them. */
export interface ChartKind extends Omit<KindMembers<object, ChartBase>, 'options'> {
  options: Readonly<Record<string, OptionSpec>>;
}
