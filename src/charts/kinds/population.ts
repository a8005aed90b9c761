import { t } from '../../common/i18n.ts';
import type { Dataset } from '../data/dataset.ts';
import { NBS_COLUMNS, NBS_TABLE, nbsYearEnd, registrationNote } from '../data/nbs.ts';
import { datum } from '../data/rows.ts';
import { wanDatum } from '../data/units.ts';
import {
  CHART_TEXT,
  drawAnnotation,
  drawSeriesMarks,
  legendRow,
  lineFrame,
  seriesLegend,
  type LineAxes,
  type Margins,
  type RenderContext,
} from '../draw.ts';
import type { ChartKindDefinition } from '../kind.ts';
import { TITLE_OPTION, yearsOption } from '../options.ts';
import type { ChartBase, Datum, Series } from '../types.ts';

/** Options of a `population` chart (urban and rural residents). */
export interface PopulationOptions {
  /** The chart's name: its accessible name and the data table's caption. Default: named after the series shown. */
  title: string;
  /** First and last year drawn. Default: every year in the data. */
  years: [number, number] | null;
}

/** Urban and rural population in 万人 (the data files give millions). */
export interface PopulationData extends ChartBase {
  series: Series[];
  /** The first year in the data with more urban than rural residents, or null. */
  crossover: { year: number; urban: Datum; rural: Datum } | null;
  years: [number, number];
}

/** Urban and rural residents in 万人. */
function prepare(dataset: Dataset, o: PopulationOptions): PopulationData {
  const rows = nbsYearEnd(dataset, o.years);
  const points = (column: string): Datum[] =>
    rows
      .map(({ row, q }) => datum(row, column, q))
      .filter((d): d is Datum => d !== null)
      .map(wanDatum);
  const urban = points('urban_pop_million');
  const rural = points('rural_pop_million');
  const crossover =
    urban
      .map((u) => ({ year: u.year, urban: u, rural: rural.find((r) => r.year === u.year) }))
      .find((c): c is { year: number; urban: Datum; rural: Datum } => !!c.rural && c.urban.value > c.rural.value) ??
    null;
  const years = [...urban, ...rural].map((d) => d.year);
  const [from, to] = [Math.min(...years), Math.max(...years)];
  const before =
    crossover && !urban.some((u) => u.year === crossover.year - 1)
      ? t('chartNoYearEnd', { year: crossover.year - 1 })
      : '';
  return {
    unit: t('chartUnitWan'),
    source: t('chartPopulationSource', { from, to }),
    footnote: t('chartPopulationFootnote', {
      registration: registrationNote(years),
      crossover: crossover ? t('chartPopulationCrossover', { year: crossover.year, before }) : '',
    }),
    series: [
      { id: 'urban', label: t('chartUrban'), points: urban, style: 0 },
      { id: 'rural', label: t('chartRural'), points: rural, style: 1 },
    ],
    crossover,
    years: [from, to],
  };
}

/** An annotation's line height in the chart's units (draw.ts `drawAnnotation`). */
const ANNOTATION_LINE = CHART_TEXT * 1.25;

/** Less tall than other charts: its slide also carries a line of the speech under the chart. */
const MARGINS: Margins = { top: 84, right: 330, bottom: 60, left: 110, height: 400 };

/** The finished chart as an SVG element. */
function render(data: PopulationData, options: PopulationOptions, ctx: RenderContext): SVGSVGElement {
  const c = data.crossover;
  const summary = t('chartPopulationSummary', {
    from: data.years[0],
    to: data.years[1],
    year: c?.year ?? '—',
    urban: c?.urban.text ?? '—',
    rural: c?.rural.text ?? '—',
  });
  const max = Math.max(...data.series.flatMap((s) => s.points.map((p) => p.value)));
  const top = Math.ceil(max / 20000) * 20000;
  const label = options.title || `${t('chartUrban')} / ${t('chartRural')}`;
  const axes: LineAxes = { x: data.years, y: [0, top], xStep: 10, yStep: 20000, unitLabel: t('chartAxisPopulation') };
  const { svg, plot, x, y, h } = lineFrame(ctx, 'population', label, summary, MARGINS, axes);
  drawSeriesMarks(plot, data, x, y, { size: 80, gap: 14, end: (s, last) => `${s.label} ${last.text}${data.unit}` });
  if (c) {
    const notes = plot.append('g').attr('class', 'chart-annotations');
    drawAnnotation(notes, {
      x: x(c.year),
      y: y(c.urban.value),
      // Down and to the right, into the room under both lines' last years; its two lines end above
      // the year axis in a plot drawn less tall (for print at its printed size).
      dx: 20,
      dy: Math.min(100, Math.round(h - y(c.urban.value) - 2 * ANNOTATION_LINE - 10)),
      anchor: 'start',
      lines: [
        t('chartCrossover', { year: c.year }),
        `${t('chartUrban')} ${c.urban.text} · ${t('chartRural')} ${c.rural.text}${data.unit}`,
      ],
    });
  }
  legendRow(
    svg,
    data.series.map((s) => seriesLegend(s, 80)),
  );
  return svg.node()!;
}

/** `population`: urban and rural residents in 万人, and the first year with more urban than rural. */
export const population: ChartKindDefinition<PopulationOptions, PopulationData> = {
  name: 'population',
  doc: 'urban and rural residents in 万人; marks the first year in the data with more urban than rural',
  zh: '城镇和乡村常住人口（万人），标出城镇人口首次多于乡村的一年',
  reads: { [NBS_TABLE]: NBS_COLUMNS },
  options: {
    title: TITLE_OPTION,
    years: yearsOption(
      '`[from, to]`: the years drawn; empty: every year in the data',
      '[起, 止]：画出的年份；不写时画数据里的全部年份',
    ),
  },
  prepare,
  render,
};
