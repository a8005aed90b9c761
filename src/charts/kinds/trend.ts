import { symbolDiamond, symbolSquare } from 'd3-shape';
import { t } from '../../common/i18n.ts';
import type { Dataset } from '../data/dataset.ts';
import { excludedYears, NBS_COLUMNS, NBS_TABLE, nbsYearEnd, registrationNote, REVISION_STEP } from '../data/nbs.ts';
import { datum, inYears, quality, span, yearList } from '../data/rows.ts';
import { textWidth } from '../../common/text-width.ts';
import {
  CHART_TEXT,
  drawAnnotation,
  drawEndLabels,
  drawLines,
  drawPoints,
  isNarrow,
  legendRow,
  lineFrame,
  pointLabel,
  seriesStops,
  style,
  symbolPath,
  widthOf,
  type LegendItem,
  type LineAxes,
  type Margins,
  type PointInfo,
  type RenderContext,
  type Svg,
} from '../draw.ts';
import type { ChartKindDefinition } from '../kind.ts';
import { TITLE_OPTION, yearsOption } from '../options.ts';
import { seriesTable } from '../table.ts';
import type { ChartBase, Datum, Series } from '../types.ts';

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

/** A point called out on the chart with a short label. */
export interface Annotation extends Datum {
  label: Milestone;
}

/** China's urbanisation rate with benchmarks and milestones. */
export interface TrendData extends ChartBase {
  series: Series[];
  /** Census and 1% sample-survey figures, drawn as distinct markers. */
  benchmarks: (Datum & { measure: 'census' | 'survey'; label: string })[];
  annotations: Annotation[];
  years: [number, number];
}

const MARGINS: Margins = { top: 84, right: 40, bottom: 60, left: 80 };
const Y_MAX = 80;
const BENCH_COLOR = '#0b5394';
/** A direct label's size in the chart's units (`--deck-size-chart-label`). */
const LABEL_TEXT = 28;

/** NBS year-end series, benchmarks, milestones. */
function prepare(dataset: Dataset, o: TrendOptions): TrendData {
  const points = nbsYearEnd(dataset, o.years).map(({ row, q }) => datum(row, 'urban_pct', q)!);
  const series: Series = { id: 'year_end', label: t('chartYearEnd'), points, style: 0 };
  const [from, to] = span(points);
  const benchmarks = o.benchmarks
    ? dataset
        .rows(NBS_TABLE)
        .filter((r) => r.values.measure !== 'year_end' && quality(r) !== null)
        .filter((r) => inYears(Number(r.values.year), [from, to]))
        .map((r) => {
          const census = String(r.values.measure).startsWith('census');
          return {
            ...datum(r, 'urban_pct', quality(r)!)!,
            measure: census ? ('census' as const) : ('survey' as const),
            label: t(census ? 'chartCensus' : 'chartSurvey'),
          };
        })
    : [];
  const annotations: Annotation[] = [];
  const reform = points.find((p) => p.year === 1978);
  if (o.annotate.includes('reform') && reform) annotations.push({ ...reform, label: 'reform' });
  const half = points.find((p) => p.value > 50);
  if (o.annotate.includes('half') && half) annotations.push({ ...half, label: 'half' });
  if (o.annotate.includes('latest')) annotations.push({ ...points.at(-1)!, label: 'latest' });
  const hollow = points.filter((p) => p.quality === 'third_party').map((p) => p.year);
  const v = (y: number): string | undefined => points.find((p) => p.year === y)?.text;
  const [before, after] = REVISION_STEP;
  const step = v(before) && v(after) ? t('chartTrendStep', { a: v(before)!, b: v(after)! }) : '';
  return {
    unit: '%',
    source: t('chartYears', { source: dataset.info.source, from, to }),
    footnote: t('chartTrendFootnote', {
      registration: registrationNote(points.map((p) => p.year)),
      step,
      hollow: hollow.length ? t('chartHollowYears', { years: yearList(hollow) }) : '',
      excluded: yearList(excludedYears(dataset)),
    }),
    series: [series],
    benchmarks,
    annotations,
    years: [from, to],
  };
}

function render(data: TrendData, options: TrendOptions, ctx: RenderContext): SVGSVGElement {
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
  const axes: LineAxes = { x: data.years, y: [0, Y_MAX], xStep: 10, yStep: 10, unitLabel: t('chartAxisPercent') };
  const { svg, plot, x, y } = lineFrame(ctx, 'trend', options.title || series.label, summary, MARGINS, axes);
  const marks = plot.append('g').attr('class', 'chart-marks');
  drawLines(marks, data.series, x, y);
  const points: PointInfo[] = seriesStops(data, [series], 90);
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
  // The series' name under its line from 1990, or earlier where the 50 % note (below the line,
  // ending 200 after its year) would reach it: a chart drawn narrower (for print) brings them closer.
  const census = half && data.benchmarks.find((b) => b.year === half.year - 1 && b.measure === 'census');
  const halfLines = half
    ? [
        `${t('chartHalf')}：${half.year}年 ${half.text}%`,
        ...(census ? [t('chartHalfNote', { census: census.text })] : []),
      ]
    : [];
  // Narrow, the notes' words leave the plot for numbered badges (draw.ts `narrowNotes`): nothing to keep clear of.
  const wide = !isNarrow(widthOf(ctx));
  const halfLeft = half && wide ? x(half.year) + 200 - Math.max(...halfLines.map(textWidth)) * CHART_TEXT : Infinity;
  const labelHalf = (textWidth(series.label) * LABEL_TEXT) / 2;
  const candidates = series.points.filter((p) => p.year <= 1990 && x(p.year) + labelHalf + 16 <= halfLeft);
  const labelAt =
    (halfLeft === Infinity ? series.points.find((p) => p.year >= 1990) : candidates.at(-1)) ??
    series.points.find((p) => p.year >= 1990) ??
    last;
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
      drawAnnotation(notes, {
        x: px,
        y: py,
        // Below the line, ending near the last year: above it the legend and the latest value sit.
        dx: 200,
        dy: 90,
        anchor: 'end',
        lines: halfLines,
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
  // The legend's first row ends before the latest value's note, which stands above the plot's right end.
  const latest = data.annotations.find((a) => a.label === 'latest');
  const latestLeft =
    latest && wide
      ? MARGINS.left +
        x(latest.year) -
        Math.max(...[t('chartLatest', { year: latest.year }), `${latest.text}%`].map(textWidth)) * CHART_TEXT -
        16
      : undefined;
  drawLegend(
    svg,
    data.benchmarks.length > 0,
    series.points.some((p) => p.quality === 'third_party'),
    latestLeft,
  );
  return svg.node()!;
}

function drawLegend(svg: Svg, benchmarks: boolean, hollow: boolean, right?: number): void {
  const items: LegendItem[] = [
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
  legendRow(svg, items, right);
}

/** `trend`: China's urbanisation rate (NBS year-end), with census and survey benchmarks and milestones. */
export const trend: ChartKindDefinition<TrendOptions, TrendData> = {
  name: 'trend',
  doc: "China's urbanisation rate (NBS year-end), census and 1% survey benchmarks as squares and diamonds, milestones annotated",
  zh: '全国常住人口城镇化率（国家统计局年末数），人口普查和 1% 抽样调查用单独的标记标出，标注节点',
  reads: { [NBS_TABLE]: NBS_COLUMNS },
  options: {
    title: TITLE_OPTION,
    years: yearsOption(
      '`[from, to]`: the years drawn; empty: every year in the data (1949 to the latest)',
      '[起, 止]：画出的年份；不写时画数据里的全部年份（1949 年到最新一年）',
    ),
    benchmarks: {
      type: { type: 'boolean' },
      default: true,
      doc: 'census and 1% survey figures as distinct markers',
      zh: '人口普查和 1% 抽样调查的数字用单独的标记画出',
    },
    annotate: {
      type: { type: 'list', values: MILESTONES },
      default: [...MILESTONES],
      doc: 'milestones: `reform` (1978), `half` (the first year-end value above 50%), `latest` (the latest year)',
      zh: '标注的节点：reform（1978 年）、half（年末值首次超过 50%）、latest（最新一年）',
    },
  },
  prepare,
  render,
  table: (data) =>
    seriesTable(
      data,
      [
        {
          head: `${t('chartCensus')} / ${t('chartSurvey')}（%）`,
          cell: (y) =>
            data.benchmarks
              .filter((b) => b.year === y)
              .map((b) => `${b.text}（${b.label}）`)
              .join('；'),
        },
      ],
      data.benchmarks.map((b) => b.year),
    ),
};
