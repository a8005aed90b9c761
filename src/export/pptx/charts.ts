import { scaleLinear } from 'd3-scale';
import { style } from '../../charts/draw.ts';
import { cities as citiesKind, type CitiesData } from '../../charts/kinds/cities.ts';
import { compare as compareKind, type CompareData } from '../../charts/kinds/compare.ts';
import { gap as gapKind, type GapData } from '../../charts/kinds/gap.ts';
import { population as populationKind, type PopulationData } from '../../charts/kinds/population.ts';
import { rankedBar as rankedKind, type RankedData } from '../../charts/kinds/ranked-bar.ts';
import { bar as barKind } from '../../charts/kinds/bar.ts';
import { stackedArea as stackedKind, stackLayers } from '../../charts/kinds/stacked-area.ts';
import { trend as trendKind, type TrendData } from '../../charts/kinds/trend.ts';
import { isPayloadOf, isSeriesData, type ChartPayload } from '../../charts/registry.ts';
import type { SeriesData } from '../../charts/kind.ts';
import type { Datum, Series } from '../../charts/types.ts';
import type { GenericData } from '../../charts/kinds/generic.ts';
import { t } from '../../common/i18n.ts';
import type { ChartSeries, NativeChart } from './plan.ts';
import { TEXT } from './strings.ts';

/**
 * The deck's charts as native PowerPoint charts: the same prepared data the web chart draws
 * (src/charts/prepare.ts), the same series names, colours and markers (src/charts/draw.ts STYLES),
 * projections dashed, third-party values hollow. What the web chart writes on the plot (milestones,
 * the pace of change, the gap in points) becomes lines of text under it: `callouts`.
 */

/** A chart kind drawn as a native chart, with the text that goes around it. */
export interface ChartPlan {
  chart: NativeChart;
  /** Lines the web chart writes on the plot, shown as text under the chart. */
  callouts: string[];
  source: string;
  footnote: string;
}

/** The cities chart is a ranked list, not a plot: tiles with editable text. */
export interface TilesPlan {
  classes: { name: string; count: string; cities: { rank: number; name: string; value: string }[] }[];
  source: string;
  footnote: string;
}

const hex = (color: string): string => color.replace('#', '').toUpperCase();

/** The deck's web dash patterns (draw.ts STYLES) as the nearest OOXML preset dashes. */
const DASHES: Record<string, ChartSeries['dash']> = {
  '': 'solid',
  '14 6': 'lgDash',
  '4 6': 'sysDot',
  '16 5 4 5': 'lgDashDot',
  '8 4': 'dash',
  '2 4': 'sysDot',
};

/** The deck's web marker symbols (d3) as OOXML chart markers. */
const SYMBOLS: Record<string, ChartSeries['symbol']> = {
  circle: 'circle',
  square: 'square',
  triangle: 'triangle',
  diamond: 'diamond',
  wye: 'x',
  star: 'star',
};

function years(from: number, to: number): number[] {
  const out: number[] = [];
  for (let y = from; y <= to; y++) out.push(y);
  return out;
}

/** The values of points on the category years; null where a year has no value. */
function valuesOn(categories: readonly number[], points: readonly Datum[]): (number | null)[] {
  const byYear = new Map(points.map((p) => [p.year, p.value]));
  return categories.map((y) => byYear.get(y) ?? null);
}

function hollowPoints(categories: readonly number[], s: Series, symbol: ChartSeries['symbol']): ChartSeries['points'] {
  return s.points
    .filter((p) => p.quality === 'third_party')
    .map((p) => ({ index: categories.indexOf(p.year), symbol, hollow: true }));
}

/** A series drawn the way the web draws it: its style's colour, marker and (optionally) dash. */
function styled(categories: readonly number[], s: Series, dashes: boolean): ChartSeries {
  const st = style(s.style);
  const symbol = SYMBOLS[st.symbolName] ?? 'circle';
  return {
    name: s.label,
    values: valuesOn(categories, s.points),
    color: hex(st.color),
    symbol,
    points: hollowPoints(categories, s, symbol),
    dash: s.projected ? 'dash' : dashes ? (DASHES[st.dash] ?? 'solid') : 'solid',
    lineWidth: s.projected ? 1.75 : 2.25,
    markerSize: 6,
  };
}

function base(title: string, categories: number[], axisTitle: string, max: number, step: number): NativeChart {
  return {
    type: 'line',
    title,
    categories: categories.map(String),
    series: [],
    axisTitle,
    valueMin: 0,
    valueMax: max,
    valueStep: step,
    labelEvery: categories.length > 30 ? 10 : categories.length > 12 ? 5 : 2,
  };
}

function trend(data: TrendData, title: string): ChartPlan {
  const cats = years(data.years[0], data.years[1]);
  const series = data.series[0]!;
  const chart = base(title || series.label, cats, t('chartAxisPercent'), 80, 10);
  chart.series.push(styled(cats, series, true));
  const bench = (measure: 'census' | 'survey', symbol: ChartSeries['symbol']): void => {
    const points = data.benchmarks.filter((b) => b.measure === measure);
    if (points.length === 0) return;
    chart.series.push({
      name: t(measure === 'census' ? 'chartCensus' : 'chartSurvey'),
      values: valuesOn(cats, points),
      color: '0B5394',
      symbol,
      dash: 'none',
      lineWidth: 0,
      markerSize: 9,
    });
  };
  bench('census', 'square');
  bench('survey', 'diamond');
  const callouts: string[] = [];
  for (const a of data.annotations) {
    if (a.label === 'reform') callouts.push(`${t('chartReform')} ${a.text}%`);
    else if (a.label === 'half') {
      const census = data.benchmarks.find((b) => b.year === a.year - 1 && b.measure === 'census');
      callouts.push(
        `${t('chartHalf')}：${a.year}年 ${a.text}%` +
          (census ? `（${t('chartHalfNote', { census: census.text })}）` : ''),
      );
    } else callouts.push(`${t('chartLatest', { year: a.year })} ${a.text}%`);
  }
  if (series.points.some((p) => p.quality === 'third_party')) callouts.push(t('chartHollow'));
  return { chart, callouts: [callouts.join(' · ')].filter(Boolean), source: data.source, footnote: data.footnote };
}

function compare(data: CompareData, title: string): ChartPlan {
  const cats = years(data.years[0], data.years[1]);
  const chart = base(title, cats, t('chartAxisPercent'), 100, 20);
  for (const s of data.series) {
    const st = style(s.style);
    const symbol = SYMBOLS[st.symbolName] ?? 'circle';
    const line = styled(cats, s, false);
    // As on the web: markers each decade and at a line's ends, not on every year.
    line.symbol = 'none';
    line.points = s.points
      .filter((d, i) => d.year % 10 === 0 || i === 0 || i === s.points.length - 1)
      .map((d) => ({ index: cats.indexOf(d.year), symbol, hollow: false }));
    chart.series.push(line);
  }
  const speeds = data.speed.map((p) => {
    const name = data.series.find((s) => s.id === p.id && !s.projected)?.label ?? p.id;
    return `${name} ${p.perDecade >= 0 ? '+' : ''}${p.perDecade.toFixed(1)}`;
  });
  const first = data.speed[0];
  const callouts = first ? [TEXT.pace(first.from, first.to, speeds.join(' · '))] : [];
  if (!chart.title)
    chart.title = data.series
      .filter((s) => !s.projected)
      .map((s) => s.label)
      .join('、');
  return { chart, callouts, source: data.source, footnote: data.footnote };
}

function population(data: PopulationData, title: string): ChartPlan {
  const cats = years(data.years[0], data.years[1]);
  const max = Math.max(...data.series.flatMap((s) => s.points.map((p) => p.value)));
  const chart = base(
    title || `${t('chartUrban')} / ${t('chartRural')}`,
    cats,
    t('chartAxisPopulation'),
    Math.ceil(max / 20000) * 20000,
    20000,
  );
  for (const s of data.series) chart.series.push(styled(cats, s, true));
  const c = data.crossover;
  const callouts = c
    ? [
        `${t('chartCrossover', { year: c.year })}：${t('chartUrban')} ${c.urban.text}，${t('chartRural')} ${c.rural.text}（${data.unit}）`,
      ]
    : [];
  return { chart, callouts, source: data.source, footnote: data.footnote };
}

function gap(data: GapData, title: string): ChartPlan {
  const cats = years(data.years[0], data.years[1]);
  const chart = base(title || `${t('chartResident')} / ${t('chartHukou')}`, cats, t('chartAxisPercent'), 70, 10);
  chart.valueMin = 30;
  for (const s of data.series) chart.series.push(styled(cats, s, true));
  const callouts = data.gaps.length
    ? [`${t('chartGapColumn')}：${data.gaps.map((g) => `${g.year}年 ${g.gap.toFixed(2)}`).join(' · ')}`]
    : [];
  if (data.series.some((s) => s.points.some((p) => p.quality === 'third_party'))) callouts.push(t('chartHollow'));
  return { chart, callouts, source: data.source, footnote: data.footnote };
}

function cities(data: CitiesData): TilesPlan {
  return {
    classes: data.classes
      .map((name) => {
        const members = data.cities.filter((c) => c.sizeClass === name);
        return {
          name,
          count: `${members.length} 个`,
          cities: members.map((c) => ({
            rank: c.rank,
            name: c.name,
            value: c.population ? t('chartCityWan', { value: c.population.text }) : '',
          })),
        };
      })
      .filter((c) => c.cities.length > 0),
    source: data.source,
    footnote: data.footnote,
  };
}

/** Ranked bars as the ranked cities are: tiles with editable text, largest first. */
function ranked(data: RankedData): TilesPlan {
  const heading = `${data.measure}${data.unit ? `（${data.unit}）` : ''}${data.year === null ? '' : `，${data.year}`}`;
  return {
    classes: [
      {
        name: heading,
        count: '',
        cities: data.bars.map((b) => ({ rank: b.rank, name: b.label, value: `${b.text}${data.unit}` })),
      },
    ],
    source: data.source,
    footnote: data.footnote,
  };
}

/** What a chart becomes in PowerPoint: a native chart, or tiles (the ranked cities, ranked bars). */
export function planChart(payload: ChartPayload): ChartPlan | TilesPlan {
  const title = typeof payload.options.title === 'string' ? payload.options.title : '';
  if (isPayloadOf(payload, trendKind)) return trend(payload.data, title);
  if (isPayloadOf(payload, compareKind)) return compare(payload.data, title);
  if (isPayloadOf(payload, populationKind)) return population(payload.data, title);
  if (isPayloadOf(payload, gapKind)) return gap(payload.data, title);
  if (isPayloadOf(payload, citiesKind)) return cities(payload.data);
  if (isPayloadOf(payload, rankedKind)) return ranked(payload.data);
  if (isPayloadOf(payload, stackedKind)) return stacked(payload.data, title);
  if (isPayloadOf(payload, barKind)) return bars(payload.data, title);
  if (isSeriesData(payload.data)) return anySeries(payload.data, title);
  throw new Error(`PowerPoint: no native chart for kind '${payload.kind}'`);
}

/** A zero-based value axis with round steps up to `max`: its top and step. */
function roundAxis(max: number): { top: number; step: number } {
  const axis = scaleLinear().domain([0, max]).nice(5);
  const ticks = axis.ticks(5);
  return { top: axis.domain()[1]!, step: (ticks[1] ?? ticks[0] ?? 1) - (ticks[0] ?? 0) };
}

/** A series as a filled shape (an area or a column): its style's colour, no line, no marker. */
function filled(categories: readonly number[], s: Series): ChartSeries {
  return {
    name: s.label,
    values: valuesOn(categories, s.points),
    color: hex(style(s.style).color),
    symbol: 'none',
    dash: 'none',
    lineWidth: 0,
    markerSize: 0,
  };
}

/**
 * A native stacked area chart over the years the web chart stacks (those every column has: a
 * missing value would make the total wrong). Each series keeps its own values, so an organiser who
 * corrects one in PowerPoint's data sheet sees the stack above it move, as it should.
 */
function stacked(data: GenericData, title: string): ChartPlan {
  const layers = stackLayers(data.series);
  const cats = layers[0]?.bands.map((b) => b.year) ?? [];
  const { top, step } = roundAxis(Math.max(0, ...layers.flatMap((l) => l.bands.map((b) => b.y1))));
  const chart = base(title || data.name, cats, data.unit, top, step);
  chart.type = 'stacked-area';
  for (const s of data.series) chart.series.push(filled(cats, s));
  return { chart, callouts: [], source: data.source, footnote: data.footnote };
}

/** Native clustered columns, one category per year the CSV has (as the web's band scale). */
function bars(data: GenericData, title: string): ChartPlan {
  const cats = [...new Set(data.series.flatMap((s) => s.points.map((p) => p.year)))].sort((a, b) => a - b);
  const { top, step } = roundAxis(Math.max(0, ...data.series.flatMap((s) => s.points.map((p) => p.value))));
  const chart = base(title || data.name, cats, data.unit, top, step);
  chart.type = 'bar';
  chart.labelEvery = cats.length > 12 ? Math.ceil(cats.length / 8) : 1;
  for (const s of data.series) chart.series.push(filled(cats, s));
  const hollow = data.series.some((s) => s.points.some((p) => p.quality === 'third_party'));
  return { chart, callouts: hollow ? [t('chartHollow')] : [], source: data.source, footnote: data.footnote };
}

/**
 * Any other kind that draws series of yearly points: one line per series on a zero-based value
 * axis with round steps, so a new kind needs nothing here to reach PowerPoint.
 */
function anySeries(data: SeriesData, title: string): ChartPlan {
  const points = data.series.flatMap((s) => s.points);
  const cats = years(Math.min(...points.map((p) => p.year)), Math.max(...points.map((p) => p.year)));
  const { top, step } = roundAxis(Math.max(...points.map((p) => p.value)));
  const chart = base(title || data.series.map((s) => s.label).join(' / '), cats, data.unit, top, step);
  for (const s of data.series) chart.series.push(styled(cats, s, true));
  const hollow = points.some((p) => p.quality === 'third_party');
  return { chart, callouts: hollow ? [t('chartHollow')] : [], source: data.source, footnote: data.footnote };
}

/** True for the plan of a native chart. */
export function isNativeChart(plan: ChartPlan | TilesPlan): plan is ChartPlan {
  return 'chart' in plan;
}
