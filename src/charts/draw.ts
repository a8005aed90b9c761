import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { select, type Selection } from 'd3-selection';
import {
  line,
  symbol,
  symbolCircle,
  symbolDiamond,
  symbolSquare,
  symbolStar,
  symbolTriangle,
  symbolWye,
  type SymbolType,
} from 'd3-shape';
import type { Datum, Series } from './types.ts';
import { t } from '../common/i18n.ts';
import { SVG_NS } from '../common/svg.ts';
import { textWidth } from '../common/text-width.ts';
import { dodge } from './label-layout.ts';

/** What `render` needs from its environment: the document to create elements in (jsdom in tests). */
export interface RenderContext {
  document: Document;
  /**
   * The chart's logical width (its viewBox), when it is laid out for a column narrower than a
   * slide (the reading view, a phone): see `chartWidth`. Default: `SIZE.width`.
   */
  width?: number;
  /**
   * Keep the slide chart's shape at `width`: its height shrinks in proportion, so the chart takes the
   * same room on its slide and its text, in the chart's units, grows relative to it. For print at
   * a printed size (`printWidth`), where the slide's frame is fixed; a column (the reading view)
   * keeps the height instead. Default false.
   */
  keepAspect?: boolean;
}

/**
 * The chart's logical size in px of reveal's 1600×900 slide; the SVG scales with the slide. Wide
 * rather than tall, so that on a slide with its title, source and footnote the chart is drawn at
 * nearly its full size and its text stays legible (a kind may ask for less height, `Margins.height`).
 */
export const SIZE = { width: 1456, height: 480 } as const;

/**
 * Below this logical width a chart is laid out narrow (`chart-narrow`): the margins that hold
 * direct labels shrink (the legend and the readout name the series), year ticks thin out, the
 * legend wraps, and annotations become numbered notes listed under the chart (`narrowNotes`).
 */
export const NARROW_WIDTH = 1000;
/** The narrowest layout a chart gets. */
export const MIN_WIDTH = 420;

/** The logical width a chart is laid out at. */
export function widthOf(ctx: RenderContext): number {
  return Math.round(Math.min(SIZE.width, Math.max(MIN_WIDTH, ctx.width ?? SIZE.width)));
}

/** A kind's logical `height` at the width the chart is laid out at: scaled with it under `keepAspect`. */
export function heightOf(ctx: RenderContext, height: number = SIZE.height): number {
  return ctx.keepAspect ? Math.round((height * widthOf(ctx)) / SIZE.width) : height;
}

/** The size chart text (`CHART_TEXT`, in the chart's units) is drawn to print at: 7 pt, in CSS px. */
export const PRINT_TEXT_PX = 28 / 3;

/**
 * The logical width to draw a chart at so that its text prints at `PRINT_TEXT_PX` when the chart
 * shows `shownPx` px of its slide wide and the slide prints at `scale` (printed px per slide px,
 * e.g. a handout's frame), drawn with `keepAspect`: the chart as printed, not a slide-sized
 * chart shrunk. A slide's full width where that already prints the text large enough.
 */
export function printWidth(shownPx: number, scale: number, textPx: number = PRINT_TEXT_PX): number {
  return Math.round(Math.min(SIZE.width, Math.max(MIN_WIDTH, (CHART_TEXT * shownPx * scale) / textPx)));
}

/**
 * The logical width to lay a chart out at for a column `columnPx` CSS px wide, so that the chart
 * fills the column and its smallest text (18 logical px) is at least 12 px on a phone and 14 px in a
 * wider column: a slide's full width where the column is wide enough to show it so.
 */
export function chartWidth(columnPx: number): number {
  const perPx = columnPx < 600 ? 1.4 : 1.25;
  return Math.round(Math.min(SIZE.width, Math.max(MIN_WIDTH, columnPx * perPx)));
}

/** Whether a chart `width` logical px wide is laid out narrow (see `NARROW_WIDTH`). */
export function isNarrow(width: number): boolean {
  return width < NARROW_WIDTH;
}

/** Plot margins: room for the y-axis, the x-axis and the direct labels on the right. */
export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
  /** The chart's whole height in its units, for a kind that shares its slide with text. Default: `SIZE.height`. */
  height?: number;
}

/**
 * Series styles: colour (AA contrast on white), dash and marker, so that series stay apart in
 * greyscale print and for readers who do not see colour.
 */
export const STYLES: readonly { color: string; dash: string; symbol: SymbolType; symbolName: string }[] = [
  { color: '#a61b1b', dash: '', symbol: symbolCircle, symbolName: 'circle' },
  { color: '#0b5394', dash: '14 6', symbol: symbolSquare, symbolName: 'square' },
  { color: '#2b6e2f', dash: '4 6', symbol: symbolTriangle, symbolName: 'triangle' },
  { color: '#6a3d9a', dash: '16 5 4 5', symbol: symbolDiamond, symbolName: 'diamond' },
  { color: '#8a4b00', dash: '8 4', symbol: symbolWye, symbolName: 'wye' },
  { color: '#4d4d4d', dash: '2 4', symbol: symbolStar, symbolName: 'star' },
];

export function style(i: number): (typeof STYLES)[number] {
  return STYLES[i % STYLES.length]!;
}

export type Svg = Selection<SVGSVGElement, unknown, null, undefined>;
export type G = Selection<SVGGElement, unknown, null, undefined>;

/** A new chart root: `<svg>` with a viewBox, a `<title>` and a `<desc>` summary, labelled for screen readers. */
export function chartRoot(ctx: RenderContext, kind: string, label: string, summary: string): Svg {
  const el = ctx.document.createElementNS(SVG_NS, 'svg');
  const width = widthOf(ctx);
  const svg = select(el as SVGSVGElement)
    .attr('xmlns', SVG_NS)
    .attr('class', `chart-svg chart-${kind}${isNarrow(width) ? ' chart-narrow' : ''}`)
    .attr('viewBox', `0 0 ${width} ${heightOf(ctx)}`)
    .attr('role', 'group')
    .attr('aria-label', label)
    .attr('aria-roledescription', t('chartRoleDescription'));
  svg.append('title').text(label);
  svg.append('desc').text(summary);
  return svg;
}

/** The plot area inside the margins. */
export function plotArea(svg: Svg, m: Margins): G {
  return svg.append('g').attr('class', 'chart-plot').attr('transform', `translate(${m.left},${m.top})`);
}

export function innerSize(m: Margins, width: number = SIZE.width): { w: number; h: number } {
  return { w: width - m.left - m.right, h: (m.height ?? SIZE.height) - m.top - m.bottom };
}

/** A kind's margins at `width`: narrow, the right margin that holds direct labels shrinks. */
export function marginsAt(m: Margins, width: number): Margins {
  return isNarrow(width) ? { ...m, left: Math.min(m.left, 80), right: Math.min(m.right, 36) } : m;
}

/**
 * The left margin (chart units) that value-axis labels need: the deck font's figures are 0.55 em
 * wide (0.58 with a margin) at chart text size, plus the tick and its padding (16).
 */
export function yLabelRoom(labels: readonly string[]): number {
  const longest = Math.max(0, ...labels.map((l) => l.length));
  return Math.ceil(longest * CHART_TEXT * 0.58) + 16;
}

/** A chart's logical width, read back from its SVG (for `update`, which redraws a rendered chart). */
export function svgWidth(svg: SVGSVGElement): number {
  return Number(svg.getAttribute('viewBox')?.split(' ')[2]) || SIZE.width;
}

/**
 * The year-tick step for a plot `w` logical px wide: `step` or a multiple of it, so that the year
 * labels (four figures, about 50 px) stay at least 90 px apart.
 */
export function tickStep(from: number, to: number, step: number, w: number): number {
  const span = Math.max(to - from, 1);
  return step * ([1, 2, 3, 5, 10].find((k) => (w * step * k) / span >= 90) ?? 20);
}

/** Year axis (bottom) and value axis (left) with grid lines; decorative, so hidden from screen readers. */
export function drawAxes(
  plot: G,
  x: ScaleLinear<number, number>,
  y: ScaleLinear<number, number>,
  opts: { xTicks: number[]; yTicks: number[]; yFormat: (v: number) => string; unitLabel: string },
): void {
  const { h } = { h: y.range()[0]! };
  const w = x.range()[1]!;
  const grid = plot.append('g').attr('class', 'chart-grid').attr('aria-hidden', 'true');
  grid
    .selectAll('line')
    .data(opts.yTicks)
    .join('line')
    .attr('x1', 0)
    .attr('x2', w)
    .attr('y1', (d) => y(d))
    .attr('y2', (d) => y(d));
  plot
    .append('g')
    .attr('class', 'chart-axis chart-axis-x')
    .attr('aria-hidden', 'true')
    .attr('transform', `translate(0,${h})`)
    .call(
      axisBottom(x)
        .tickValues(opts.xTicks)
        .tickFormat((d) => String(d))
        .tickSizeOuter(0)
        // Room below the axis, so that the first year clears the value axis' "0" at chart text size.
        .tickPadding(16),
    );
  // A year on the value axis itself starts there instead of centring on it, clear of the "0".
  plot
    .selectAll<SVGGElement, number>('.chart-axis-x .tick')
    .filter((d) => x(d) <= 1)
    .select('text')
    .attr('text-anchor', 'start');
  plot
    .append('g')
    .attr('class', 'chart-axis chart-axis-y')
    .attr('aria-hidden', 'true')
    .call(
      axisLeft(y)
        .tickValues(opts.yTicks)
        .tickFormat((d) => opts.yFormat(Number(d)))
        .tickSizeOuter(0)
        .tickPadding(10),
    );
  plot
    .append('text')
    .attr('class', 'chart-unit')
    .attr('aria-hidden', 'true')
    .attr('x', -8)
    .attr('y', -18)
    .attr('text-anchor', 'end')
    .text(opts.unitLabel);
}

/** Round to 2 decimals for attributes, so SVG output is stable and compact. */
export function r2(v: number): number {
  return Math.round(v * 100) / 100;
}

/**
 * Splits year-ordered points into runs of consecutive observations (`step` years apart: 1 for a
 * yearly series); a missing one starts a new run.
 */
export function runs(points: readonly Datum[], step = 1): Datum[][] {
  const out: Datum[][] = [];
  for (const p of points) {
    const last = out.at(-1);
    if (last && last.at(-1)!.year + step === p.year) last.push(p);
    else out.push([p]);
  }
  return out;
}

/** Number of gaps (missing years between observations) in a series. */
export function gapCount(points: readonly Datum[]): number {
  return runs(points).length - 1;
}

/**
 * The path of a series: consecutive years joined, a gap wherever a year is missing (d3 `line`
 * with `defined`). A lone year gets no segment; its marker shows it.
 */
export function seriesPath(
  points: readonly Datum[],
  x: ScaleLinear<number, number>,
  y: ScaleLinear<number, number>,
  step = 1,
): string {
  const withGaps: (Datum | null)[] = [];
  for (const run of runs(points, step)) {
    if (run.length < 2) continue;
    if (withGaps.length) withGaps.push(null);
    withGaps.push(...run);
  }
  const path = line<Datum | null>()
    .defined((d) => d !== null)
    .x((d) => r2(x(d!.year)))
    .y((d) => r2(y(d!.value)));
  return path(withGaps) ?? '';
}

/** A d3 symbol path centred on 0,0; area in px². */
export function symbolPath(type: SymbolType, size: number): string {
  return symbol(type, size)() ?? '';
}

/** Series lines joined by id (`selection.join`), styled by the series' style index. */
export function drawLines(
  layer: G,
  series: readonly Series[],
  x: ScaleLinear<number, number>,
  y: ScaleLinear<number, number>,
  /** Whether series carry their own dash (false: solid, only projections dashed). */
  dashes = true,
): void {
  layer
    .selectAll<SVGPathElement, Series>('path.chart-line')
    .data(series, (s) => s.id + (s.projected ? '-p' : ''))
    .join('path')
    .attr('class', (s) => `chart-line${s.projected ? ' chart-line-projected' : ''}`)
    .attr('data-series', (s) => s.id)
    .attr('fill', 'none')
    .attr('stroke', (s) => style(s.style).color)
    .attr('stroke-width', (s) => (s.projected ? 3 : 4))
    .attr('stroke-dasharray', (s) => (s.projected ? '10 8' : (dashes && style(s.style).dash) || null))
    .attr('d', (s) => seriesPath(s.points, x, y, s.step));
}

/** One focusable point per observation: what the readout, the keyboard and the data table walk through. */
export interface PointInfo {
  series: Series;
  datum: Datum;
  /** Exact readout: year, value with unit, series and source. */
  label: string;
  /** Marker size in px² (0: no visible marker, the focus ring still shows it). */
  size: number;
  /** Symbol override (benchmarks). */
  symbol?: SymbolType;
  color?: string;
}

/** Draws markers (hollow for third-party values) that are also the chart's keyboard stops. */
export function drawPoints(
  layer: G,
  points: readonly PointInfo[],
  x: ScaleLinear<number, number>,
  y: ScaleLinear<number, number>,
): void {
  layer
    .selectAll<SVGPathElement, PointInfo>('path.chart-point')
    .data(points, (p) => `${p.series.id}-${p.series.projected ? 'p' : ''}-${p.datum.year}`)
    .join('path')
    .attr('class', (p) => `chart-point${p.datum.quality === 'third_party' ? ' chart-point-hollow' : ''}`)
    .attr('data-series', (p) => p.series.id)
    .attr('data-year', (p) => p.datum.year)
    .attr('data-value', (p) => p.datum.text)
    .attr('tabindex', -1)
    .attr('role', 'img')
    .attr('aria-label', (p) => p.label)
    .attr('transform', (p) => `translate(${r2(x(p.datum.year))},${r2(y(p.datum.value))})`)
    .attr('d', (p) => symbolPath(p.symbol ?? style(p.series.style).symbol, Math.max(p.size, 1)))
    .attr('fill', (p) => (p.datum.quality === 'third_party' ? '#ffffff' : (p.color ?? style(p.series.style).color)))
    .attr('fill-opacity', (p) => (p.size === 0 ? 0 : 1))
    .attr('stroke', (p) => p.color ?? style(p.series.style).color)
    .attr('stroke-width', (p) => (p.size === 0 ? 0 : 3));
}

/** A direct label beside its series (no legend lookup needed): its text, where it wants to be, its series' colour. */
export interface EndLabel {
  id: string;
  text: string;
  /** Where the text starts (`text-anchor` start) and the centre line it wants, in plot units. */
  x: number;
  y: number;
  color: string;
  /** The series' point the label names; a label moved off it is joined to it by a leader line. */
  point?: { x: number; y: number };
}

/**
 * Line height of a direct label in the chart's units: the label size in assets/styles/charts.css
 * (`--deck-size-chart-label`, 28 px) times the font's full height (Noto Sans SC: ascent and
 * descent 1.45 em), so that dodged labels' boxes never touch.
 */
export const LABEL_LINE = 42;

/** Size of a chart's other text in its units (ticks, legend, annotations: `--deck-size-chart-svg`). */
export const CHART_TEXT = 26;

/** How far (chart units) a label moved off its point's height is shifted right, to leave room for its leader. */
const LEADER_RUN = 26;

/**
 * Direct labels at the ends of lines, in their series' colour. Labels that would overlap are
 * spread apart (`dodge`, within the plot's height `[0, height]`); when one has to move, the
 * column of labels is shifted right and each label is joined to its point by a leader line in its
 * series' colour (a level one for a label that stayed), so that none reads as another's.
 * @returns the labels where they were drawn
 */
export function drawEndLabels(layer: G, labels: readonly EndLabel[], height = Infinity): EndLabel[] {
  const ys = dodge(labels, LABEL_LINE, 0, height);
  const moved = labels.some((l, i) => Math.abs(ys[i]! - l.y) > 2);
  const placed = labels.map((l, i) => {
    const leader = moved && !!l.point;
    return { ...l, y: ys[i]!, x: leader ? l.x + LEADER_RUN : l.x, leader };
  });
  layer
    .selectAll<SVGLineElement, (typeof placed)[number]>('line.chart-leader')
    .data(
      placed.filter((d) => d.leader),
      (d) => d.id,
    )
    .join('line')
    .attr('class', 'chart-leader')
    .attr('aria-hidden', 'true')
    .attr('data-series', (d) => d.id)
    .attr('x1', (d) => r2(d.point!.x + 8))
    .attr('y1', (d) => r2(d.point!.y))
    .attr('x2', (d) => r2(d.x - 6))
    .attr('y2', (d) => r2(d.y))
    .attr('stroke', (d) => d.color);
  layer
    .selectAll<SVGTextElement, (typeof placed)[number]>('text.chart-label')
    .data(placed, (d) => d.id)
    .join('text')
    .attr('class', 'chart-label')
    .attr('data-series', (d) => d.id)
    .attr('x', (d) => r2(d.x))
    .attr('y', (d) => r2(d.y))
    .attr('dy', '0.35em')
    .attr('fill', (d) => d.color)
    .text((d) => d.text);
  return placed;
}

/** An annotation: a short leader line from the point and a label. */
export function drawAnnotation(
  layer: G,
  a: { x: number; y: number; dx: number; dy: number; lines: string[]; anchor?: 'start' | 'middle' | 'end' },
): void {
  const LINE = CHART_TEXT * 1.25;
  const g = layer.append('g').attr('class', 'chart-annotation');
  g.append('line')
    .attr('x1', r2(a.x))
    .attr('y1', r2(a.y))
    .attr('x2', r2(a.x + a.dx))
    .attr('y2', r2(a.y + a.dy));
  const text = g
    .append('text')
    .attr('x', r2(a.x + a.dx))
    .attr('y', r2(a.y + a.dy + (a.dy < 0 ? -8 - LINE * (a.lines.length - 1) : LINE)))
    .attr('text-anchor', a.anchor ?? 'middle');
  a.lines.forEach((l, i) => {
    text
      .append('tspan')
      .attr('x', r2(a.x + a.dx))
      .attr('dy', i === 0 ? 0 : LINE)
      .attr('class', i === 0 ? 'chart-annotation-head' : null)
      .text(l);
  });
}

/** Ticks at every `step` (e.g. each decade) within [from, to]. */
export function stepTicks(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let v = Math.ceil(from / step) * step; v <= to; v += step) out.push(v);
  return out;
}

/** Exact readout of one point: series, year, value with unit and source; "（非官方汇编）" when hollow. */
export function pointLabel(
  series: Series,
  year: number,
  text: string,
  unit: string,
  source: string,
  hollow: boolean,
): string {
  return (
    t('chartPoint', { series: series.label, year, value: text, unit, source }) +
    (hollow ? `（${t('chartThirdParty')}）` : '')
  );
}

/** One legend entry: a marker (and a line sample when `dash` is given) and its text. */
export interface LegendItem {
  path: string;
  fill: string;
  stroke: string;
  text: string;
  /** Draw a line sample with this dash ('' solid); without it, the marker alone. */
  dash?: string;
}

/** Height of one legend row, when the legend wraps. */
const LEGEND_ROW = 34;

/**
 * A row of legend entries (marker + text) above the plot; decorative for screen readers (the
 * points carry the same words). Where the entries do not fit the chart's width they wrap onto
 * further rows, and everything below moves down by as much (the chart grows taller).
 */
export function legendRow(svg: Svg, items: readonly LegendItem[], right?: number): void {
  // Where the first row must end: the chart's edge, or `right` (what stands beside the legend, in
  // the chart's units, such as an annotation above the plot's right end).
  const width = Math.min(svgWidth(svg.node()!), right ?? Infinity);
  const g = svg
    .append('g')
    .attr('class', 'chart-legend')
    .attr('aria-hidden', 'true')
    .attr('transform', 'translate(80,20)');
  let xPos = 0;
  let row = 0;
  for (const item of items) {
    const advance = (item.dash !== undefined ? 54 : 36) + textWidth(item.text) * CHART_TEXT + 16;
    if (xPos > 0 && 80 + xPos + advance - 16 > (row === 0 ? width : svgWidth(svg.node()!)) - 8) {
      row += 1;
      xPos = 0;
    }
    const entry = g.append('g').attr('transform', `translate(${xPos},${row * LEGEND_ROW})`);
    if (item.dash !== undefined) {
      entry
        .append('line')
        .attr('x1', -14)
        .attr('x2', 26)
        .attr('stroke', item.stroke)
        .attr('stroke-width', 4)
        .attr('stroke-dasharray', item.dash || null);
    }
    entry
      .append('path')
      .attr('d', item.path)
      .attr('fill', item.fill)
      .attr('stroke', item.stroke)
      .attr('stroke-width', 3)
      .attr('transform', item.dash !== undefined ? 'translate(6,0)' : null);
    entry
      .append('text')
      .attr('x', item.dash !== undefined ? 36 : 18)
      .attr('dy', '0.35em')
      .text(item.text);
    xPos += advance;
  }
  if (row > 0) shiftDown(svg, row * LEGEND_ROW);
}

/** Moves everything but the legend (and the title and description) down by `dy`, growing the chart. */
function shiftDown(svg: Svg, dy: number): void {
  const root = svg.node()!;
  const shift = root.ownerDocument.createElementNS(SVG_NS, 'g');
  shift.setAttribute('class', 'chart-shift');
  shift.setAttribute('transform', `translate(0,${dy})`);
  for (const child of [...root.children]) {
    if (!child.matches('title, desc, .chart-legend')) shift.append(child);
  }
  root.append(shift);
  const [x, y, w, h] = (root.getAttribute('viewBox') ?? '').split(' ').map(Number);
  root.setAttribute('viewBox', `${x} ${y} ${w} ${h! + dy}`);
}

/** How far right `el`'s coordinates start in `svg`'s: the sum of its ancestors' translations. */
function offsetX(el: Element, svg: SVGSVGElement): number {
  let x = 0;
  for (let e: Element | null = el; e && e !== svg; e = e.parentElement) {
    const m = /translate\(\s*([-\d.]+)/.exec(e.getAttribute('transform') ?? '');
    if (m) x += Number(m[1]);
  }
  return x;
}

/**
 * A narrow chart's annotations as numbered notes: each annotation's words leave the plot (where
 * they would be cut or cover the lines) for a numbered badge at the end of its leader line, and
 * are returned in order, to be listed under the chart. A wide chart is left as it is.
 * @returns the notes' words, one string per annotation (empty for a wide chart)
 */
export function narrowNotes(svg: SVGSVGElement): string[] {
  if (!svg.classList.contains('chart-narrow')) return [];
  const notes: string[] = [];
  for (const a of svg.querySelectorAll<SVGGElement>('g.chart-annotation')) {
    const text = a.querySelector('text');
    const leader = a.querySelector('line');
    if (!text || !leader) continue;
    const words = [...text.querySelectorAll('tspan')].map((s) => s.textContent ?? '').filter(Boolean);
    notes.push(words.map((w, i) => (i > 0 && !/[：:，,]$/u.test(words[i - 1]!) ? `，${w}` : w)).join(''));
    text.remove();
    const n = String(notes.length);
    // The leader's end was placed for the words beside it: keep the badge (radius 17) inside the chart.
    const left = offsetX(a, svg);
    const x = Math.max(18 - left, Math.min(svgWidth(svg) - 18 - left, Number(leader.getAttribute('x2'))));
    leader.setAttribute('x2', String(r2(x)));
    const y = Number(leader.getAttribute('y2'));
    const badge = svg.ownerDocument.createElementNS(SVG_NS, 'g');
    badge.setAttribute('class', 'chart-note-badge');
    badge.setAttribute('transform', `translate(${r2(x)},${r2(y - 16)})`);
    const circle = svg.ownerDocument.createElementNS(SVG_NS, 'circle');
    circle.setAttribute('r', '17');
    const label = svg.ownerDocument.createElementNS(SVG_NS, 'text');
    label.setAttribute('text-anchor', 'middle');
    label.setAttribute('dy', '0.35em');
    label.textContent = n;
    badge.append(circle, label);
    a.append(badge);
  }
  return notes;
}

/** A series' own legend entry: its marker, colour and dash. */
export function seriesLegend(s: Series, size: number): LegendItem {
  const st = style(s.style);
  return { path: symbolPath(st.symbol, size), fill: st.color, stroke: st.color, text: s.label, dash: st.dash };
}

/** A line chart's frame: its root, the plot area, the scales and the axes. */
export interface LineFrame {
  svg: Svg;
  plot: G;
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
  /** The plot area's size. */
  w: number;
  h: number;
}

/** What a line chart's axes show: the domains, a tick every `step`, and the value axis' unit. */
export interface LineAxes {
  x: readonly [number, number];
  y: readonly [number, number];
  /** Year ticks every `xStep` years within `xTicks` (default: the x domain). */
  xStep: number;
  xTicks?: readonly [number, number];
  yStep: number;
  unitLabel: string;
}

/**
 * The frame every line chart starts from: `chartRoot`, the plot area inside `margins`, linear
 * scales over the domains, and the axes with their grid. `under` draws what lies beneath the
 * axes (e.g. a shaded zone).
 */
export function lineFrame(
  ctx: RenderContext,
  kind: string,
  label: string,
  summary: string,
  margins: Margins,
  axes: LineAxes,
  under?: (frame: LineFrame) => void,
): LineFrame {
  const svg = chartRoot(ctx, kind, label, summary);
  const width = widthOf(ctx);
  const height = heightOf(ctx, margins.height);
  svg.attr('viewBox', `0 0 ${width} ${height}`);
  const yTicks = stepTicks(axes.y[0], axes.y[1], axes.yStep);
  const at = marginsAt(margins, width);
  // A narrow chart's left margin still holds its longest value label ("100000" is six figures).
  const m = { ...at, left: Math.max(at.left, yLabelRoom(yTicks.map(String))), height };
  const plot = plotArea(svg, m);
  const { w, h } = innerSize(m, width);
  const x = scaleLinear().domain(axes.x).range([0, w]);
  const y = scaleLinear().domain(axes.y).range([h, 0]);
  const frame = { svg, plot, x, y, w, h };
  under?.(frame);
  const [from, to] = axes.xTicks ?? axes.x;
  drawAxes(plot, x, y, {
    xTicks: stepTicks(from, to, tickStep(from, to, axes.xStep, w)),
    yTicks,
    yFormat: (v) => `${v}`,
    unitLabel: axes.unitLabel,
  });
  return frame;
}

/** What a chart's stops read out: its unit and source. */
interface Readout {
  unit: string;
  source: string;
}

/**
 * Every observation of every series as a keyboard stop with its exact readout (hollow for
 * third-party values); `more` adds words to a point's readout.
 */
export function seriesStops(
  data: Readout,
  series: readonly Series[],
  size: number,
  more: (s: Series, d: Datum) => string = () => '',
): PointInfo[] {
  return series.flatMap((s) =>
    s.points.map((d) => ({
      series: s,
      datum: d,
      label: pointLabel(s, d.year, d.text, data.unit, data.source, d.quality === 'third_party') + more(s, d),
      size,
    })),
  );
}

/** A direct label `gap` px after each series' last point, its text from `text`. */
export function endLabels(
  series: readonly Series[],
  x: ScaleLinear<number, number>,
  y: ScaleLinear<number, number>,
  gap: number,
  text: (s: Series, last: Datum) => string,
): EndLabel[] {
  return series.map((s) => {
    const last = s.points.at(-1)!;
    const point = { x: x(last.year), y: y(last.value) };
    return { id: s.id, text: text(s, last), x: point.x + gap, y: point.y, color: style(s.style).color, point };
  });
}

/**
 * The marks of a chart of plain series: a line per series, every observation as a keyboard stop
 * (`size` px², `more` adding to a readout) and a direct label `gap` px after each line's end.
 * @returns the marks' group
 */
export function drawSeriesMarks(
  plot: G,
  data: Readout & { series: readonly Series[] },
  x: ScaleLinear<number, number>,
  y: ScaleLinear<number, number>,
  marks: { size: number; more?: (s: Series, d: Datum) => string; gap: number; end: (s: Series, last: Datum) => string },
): G {
  const layer = plot.append('g').attr('class', 'chart-marks');
  drawLines(layer, data.series, x, y);
  drawPoints(layer, seriesStops(data, data.series, marks.size, marks.more), x, y);
  drawEndLabels(layer, endLabels(data.series, x, y, marks.gap, marks.end), y.range()[0]);
  return layer;
}
