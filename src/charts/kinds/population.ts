import { t } from '../../common/i18n.ts';
import type { Dataset } from '../data/dataset.ts';
import { nbsYearEnd, registrationNote } from '../data/nbs.ts';
import { datum } from '../data/rows.ts';
import {
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

/** Urban and rural population in millions. */
export interface PopulationData extends ChartBase {
  series: Series[];
  /** The first year in the data with more urban than rural residents, or null. */
  crossover: { year: number; urban: Datum; rural: Datum } | null;
  years: [number, number];
}

/** Urban and rural residents in millions. */
function prepare(dataset: Dataset, o: PopulationOptions): PopulationData {
  const rows = nbsYearEnd(dataset, o.years);
  const urban = rows.map(({ row, q }) => datum(row, 'urban_pop_million', q)).filter((d): d is Datum => d !== null);
  const rural = rows.map(({ row, q }) => datum(row, 'rural_pop_million', q)).filter((d): d is Datum => d !== null);
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
    unit: t('chartUnitMillion'),
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

const MARGINS: Margins = { top: 84, right: 170, bottom: 50, left: 90 };

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
  const top = Math.ceil(max / 200) * 200;
  const label = options.title || `${t('chartUrban')} / ${t('chartRural')}`;
  const axes: LineAxes = { x: data.years, y: [0, top], xStep: 10, yStep: 200, unitLabel: t('chartAxisMillion') };
  const { svg, plot, x, y } = lineFrame(ctx, 'population', label, summary, MARGINS, axes);
  drawSeriesMarks(plot, data, x, y, { size: 80, gap: 14, end: (s, last) => `${s.label} ${last.text}` });
  if (c) {
    const notes = plot.append('g').attr('class', 'chart-annotations');
    drawAnnotation(notes, {
      x: x(c.year),
      y: y(c.urban.value),
      dx: -30,
      dy: -150,
      anchor: 'end',
      lines: [
        t('chartCrossover', { year: c.year }),
        `${t('chartUrban')} ${c.urban.text} · ${t('chartRural')} ${c.rural.text}`,
      ],
    });
  }
  legendRow(
    svg,
    data.series.map((s) => seriesLegend(s, 80)),
  );
  return svg.node()!;
}

/** `population`: urban and rural residents in millions, and the first year with more urban than rural. */
export const population: ChartKindDefinition<PopulationOptions, PopulationData> = {
  name: 'population',
  doc: 'urban and rural residents in millions; marks the first year in the data with more urban than rural',
  datasets: ['nbs-urbanisation'],
  options: {
    title: TITLE_OPTION,
    years: yearsOption('`[from, to]`: the years drawn; empty: every year in the data'),
  },
  prepare,
  render,
};
