import { scaleLinear } from 'd3-scale';
import { symbolDiamond, symbolSquare } from 'd3-shape';
import { t } from '../common/i18n.ts';
import { textWidth } from '../common/text-width.ts';
import {
  chartRoot,
  drawAnnotation,
  drawAxes,
  drawEndLabels,
  drawLines,
  drawPoints,
  innerSize,
  plotArea,
  stepTicks,
  style,
  symbolPath,
  type Margins,
  type PointInfo,
  type RenderContext,
} from './draw.ts';
import type { Series, TrendData } from './types.ts';

/** Milestones the trend chart can annotate. */
export const MILESTONES = ['reform', 'half', 'latest'] as const;
export type Milestone = (typeof MILESTONES)[number];

/** Options of a `trend` chart (China's urbanisation rate). */
export interface TrendOptions {
  /** The chart's name: its accessible name and the data table's caption. Default: named after the series shown. */
  title: string;
  /** First and last year drawn. Default: every year in the data (1949 to the latest). */
  years: [number, number] | null;
  /** Draw census and 1% sample-survey figures as distinct markers. Default: true. */
  benchmarks: boolean;
  /** Milestones to annotate: 1978, the first year-end value above 50%, the latest year. Default: all. */
  annotate: Milestone[];
}

export const defaults: TrendOptions = {
  title: '',
  years: null,
  benchmarks: true,
  annotate: [...MILESTONES],
};

const MARGINS: Margins = { top: 84, right: 40, bottom: 50, left: 80 };
const Y_MAX = 80;
const BENCH_COLOR = '#0b5394';

/** Exact readout of one point. */
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

/** The finished chart as an SVG element (print, tests, and the start of the animation). */
export function render(data: TrendData, options: TrendOptions, ctx: RenderContext): SVGSVGElement {
  const series = data.series[0]!;
  const first = series.points[0]!;
  const last = series.points.at(-1)!;
  const half = data.annotations.find((a) => a.label === 'half');
  const summary = t('chartTrendSummary', {
    from: first.year,
    first: first.text,
    to: last.year,
    last: last.text,
    halfYear: half?.year ?? '—',
    half: half?.text ?? '—',
  });
  const svg = chartRoot(ctx, 'trend', options.title || series.label, summary);
  const plot = plotArea(svg, MARGINS);
  const { w, h } = innerSize(MARGINS);
  const x = scaleLinear().domain(data.years).range([0, w]);
  const y = scaleLinear().domain([0, Y_MAX]).range([h, 0]);

  drawAxes(plot, x, y, {
    xTicks: stepTicks(data.years[0], data.years[1], 10),
    yTicks: stepTicks(0, Y_MAX, 10),
    yFormat: (v) => `${v}`,
    unitLabel: t('chartAxisPercent'),
  });
  const marks = plot.append('g').attr('class', 'chart-marks');
  drawLines(marks, data.series, x, y);
  const points: PointInfo[] = series.points.map((d) => ({
    series,
    datum: d,
    label: pointLabel(series, d.year, d.text, data.unit, data.source, d.quality === 'third_party'),
    size: 90,
  }));
  const benchSeries = (measure: 'census' | 'survey'): Series => ({
    id: measure,
    label: t(measure === 'census' ? 'chartCensus' : 'chartSurvey'),
    points: [],
    style: 1,
  });
  for (const b of data.benchmarks) {
    const s = benchSeries(b.measure);
    points.push({
      series: s,
      datum: b,
      label: pointLabel(s, b.year, b.text, data.unit, data.source, false),
      size: 200,
      symbol: b.measure === 'census' ? symbolSquare : symbolDiamond,
      color: BENCH_COLOR,
    });
  }
  drawPoints(marks, points, x, y);
  const labelAt = series.points.find((p) => p.year >= 1990) ?? last;
  drawEndLabels(marks, [
    { id: series.id, text: series.label, x: x(labelAt.year), y: y(labelAt.value) + 44, color: style(0).color },
  ]);
  marks.select('text.chart-label').attr('text-anchor', 'middle');

  const notes = plot.append('g').attr('class', 'chart-annotations');
  for (const a of data.annotations) {
    const px = x(a.year);
    const py = y(a.value);
    if (a.label === 'reform') {
      drawAnnotation(notes, { x: px, y: py, dx: 0, dy: -90, lines: [t('chartReform'), `${a.text}%`] });
    } else if (a.label === 'half') {
      const census = data.benchmarks.find((b) => b.year === a.year - 1 && b.measure === 'census');
      drawAnnotation(notes, {
        x: px,
        y: py,
        dx: -40,
        dy: -120,
        anchor: 'end',
        lines: [
          `${t('chartHalf')}：${a.year}年 ${a.text}%`,
          ...(census ? [t('chartHalfNote', { census: census.text })] : []),
        ],
      });
    } else {
      drawAnnotation(notes, {
        x: px,
        y: py,
        dx: 0,
        dy: -60,
        anchor: 'end',
        lines: [t('chartLatest', { year: a.year }), `${a.text}%`],
      });
    }
  }
  drawLegend(
    svg,
    data.benchmarks.length > 0,
    series.points.some((p) => p.quality === 'third_party'),
  );
  return svg.node()!;
}

function drawLegend(svg: ReturnType<typeof chartRoot>, benchmarks: boolean, hollow: boolean): void {
  const items: { path: string; fill: string; stroke: string; text: string }[] = [
    { path: symbolPath(style(0).symbol, 90), fill: style(0).color, stroke: style(0).color, text: t('chartYearEnd') },
  ];
  if (hollow)
    items.push({
      path: symbolPath(style(0).symbol, 90),
      fill: '#ffffff',
      stroke: style(0).color,
      text: t('chartHollow'),
    });
  if (benchmarks) {
    items.push({ path: symbolPath(symbolSquare, 200), fill: BENCH_COLOR, stroke: BENCH_COLOR, text: t('chartCensus') });
    items.push({
      path: symbolPath(symbolDiamond, 200),
      fill: BENCH_COLOR,
      stroke: BENCH_COLOR,
      text: t('chartSurvey'),
    });
  }
  legendRow(svg, items);
}

/** A row of legend entries (marker + text) above the plot; decorative for screen readers (the points carry the same words). */
export function legendRow(
  svg: ReturnType<typeof chartRoot>,
  items: readonly { path: string; fill: string; stroke: string; text: string; dash?: string }[],
): void {
  const g = svg
    .append('g')
    .attr('class', 'chart-legend')
    .attr('aria-hidden', 'true')
    .attr('transform', 'translate(80,20)');
  let xPos = 0;
  for (const item of items) {
    const entry = g.append('g').attr('transform', `translate(${xPos},0)`);
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
    xPos += (item.dash !== undefined ? 54 : 36) + textWidth(item.text) * 24 + 16;
  }
}
