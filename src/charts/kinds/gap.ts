import { t } from '../../common/i18n.ts';
import type { TableRow } from '../data/csv.ts';
import type { Dataset } from '../data/dataset.ts';
import { NBS_COLUMNS, NBS_TABLE, nbsYearEnd, REVISION_STEP } from '../data/nbs.ts';
import { datum, inYears, quality, yearList } from '../data/rows.ts';
import {
  drawSeriesMarks,
  legendRow,
  lineFrame,
  r2,
  seriesLegend,
  style,
  symbolPath,
  type LineAxes,
  type Margins,
  type RenderContext,
} from '../draw.ts';
import type { ChartKindDefinition } from '../kind.ts';
import { TITLE_OPTION, yearsOption } from '../options.ts';
import { seriesTable } from '../table.ts';
import type { ChartBase, Datum, Quality, Series } from '../types.ts';

/** Options of a `gap` chart (resident-based against household-registration urbanisation). */
export interface GapOptions {
  /** The chart's name: its accessible name and the data table's caption. Default: named after the series shown. */
  title: string;
  /** First and last year drawn. Default: the first household-registration year to the latest year. */
  years: [number, number] | null;
}

/** Resident-based against household-registration urbanisation. */
export interface GapData extends ChartBase {
  series: Series[];
  /** Years where both rates exist, with the gap in percentage points. */
  gaps: { year: number; resident: Datum; hukou: Datum; gap: number }[];
  years: [number, number];
}

/** Resident-based against household-registration urbanisation, and the gap where both exist. */
function prepare(dataset: Dataset, o: GapOptions): GapData {
  const hukouRows = dataset.rows('hukou').filter((r) => inYears(Number(r.values.year), o.years));
  const hukou = hukouRows
    .map((r) => ({ r, q: quality(r) }))
    .filter((x): x is { r: TableRow; q: Quality } => x.q !== null)
    .map(({ r, q }) => datum(r, 'hukou_urban_pct', q)!)
    .sort((a, b) => a.year - b.year);
  const from = o.years?.[0] ?? hukou[0]!.year;
  const resident = nbsYearEnd(dataset, [from, o.years?.[1] ?? 9999]).map(({ row, q }) => datum(row, 'urban_pct', q)!);
  const to = Math.max(resident.at(-1)?.year ?? 0, hukou.at(-1)?.year ?? 0);
  const gaps = hukou
    .map((h) => ({ h, res: resident.find((r) => r.year === h.year) }))
    .filter((g): g is { h: Datum; res: Datum } => !!g.res)
    .map(({ h, res }) => ({
      year: h.year,
      resident: res,
      hukou: h,
      gap: Math.round((res.value - h.value) * 100) / 100,
    }));
  const missing: number[] = [];
  for (let y = from; y <= to; y++) if (!hukou.some((h) => h.year === y)) missing.push(y);
  const hollow = [...hukou, ...resident].filter((d) => d.quality === 'third_party').map((d) => d.year);
  const [before, after] = REVISION_STEP.map((y) => gaps.find((g) => g.year === y));
  const step =
    before && after
      ? t('chartGapStep', {
          a: before.resident.text,
          b: after.resident.text,
          gapA: before.gap.toFixed(2),
          gapB: after.gap.toFixed(2),
        })
      : '';
  return {
    unit: '%',
    source: t('chartGapSource', { from, to }),
    footnote: t('chartGapFootnote', {
      missing: missing.length ? t('chartGapMissing', { years: yearList(missing) }) : '',
      step,
      hollow: hollow.length ? t('chartHollowYears', { years: yearList(hollow) }) : '',
    }),
    series: [
      { id: 'resident', label: t('chartResident'), points: resident, style: 0 },
      { id: 'hukou', label: t('chartHukou'), points: hukou, style: 1 },
    ],
    gaps,
    years: [from, to],
  };
}

const MARGINS: Margins = { top: 84, right: 300, bottom: 60, left: 80 };
const Y = [30, 70] as const;

/** The finished chart as an SVG element: both rates, and the gap labelled wherever both exist. */
function render(data: GapData, options: GapOptions, ctx: RenderContext): SVGSVGElement {
  const latest = data.gaps.at(-1);
  const summary = t('chartGapSummary', {
    from: data.years[0],
    to: data.years[1],
    year: latest?.year ?? '—',
    gap: latest?.gap.toFixed(2) ?? '—',
    resident: latest?.resident.text ?? '—',
    hukou: latest?.hukou.text ?? '—',
  });
  const label = options.title || `${t('chartResident')} / ${t('chartHukou')}`;
  // Half a year of room either side, so the first and last gap brackets are not on the axes.
  const span: [number, number] = [data.years[0] - 0.5, data.years[1] + 0.5];
  const axes: LineAxes = { x: span, xTicks: data.years, y: Y, xStep: 2, yStep: 10, unitLabel: t('chartAxisPercent') };
  const { svg, plot, x, y } = lineFrame(ctx, 'gap', label, summary, MARGINS, axes);
  const brackets = plot.append('g').attr('class', 'chart-gaps');
  brackets
    .selectAll('g')
    .data(data.gaps)
    .join('g')
    .attr('class', 'chart-gap')
    .attr('data-year', (g) => g.year)
    .call((g) =>
      g
        .append('line')
        .attr('x1', (d) => r2(x(d.year)))
        .attr('x2', (d) => r2(x(d.year)))
        .attr('y1', (d) => r2(y(d.resident.value) + 10))
        .attr('y2', (d) => r2(y(d.hukou.value) - 10)),
    )
    .call((g) =>
      g
        .filter((d) => d !== latest)
        .append('text')
        .attr('x', (d) => r2(x(d.year) + 8))
        .attr('y', (d) => r2(y((d.resident.value + d.hukou.value) / 2)))
        .attr('dy', '0.35em')
        .text((d) => d.gap.toFixed(2)),
    );
  const gapAt = (s: Series, d: Datum): string => {
    const gap = s.id === 'hukou' ? data.gaps.find((g) => g.year === d.year) : undefined;
    return gap ? ` ${t('chartGap', { gap: gap.gap.toFixed(2) })}` : '';
  };
  drawSeriesMarks(plot, data, x, y, { size: 90, more: gapAt, gap: 16, end: (s, last) => `${s.label} ${last.text}%` });
  if (latest) {
    plot
      .append('text')
      .attr('class', 'chart-gap-label')
      .attr('x', r2(x(latest.year) + 16))
      .attr('y', r2(y((latest.resident.value + latest.hukou.value) / 2)))
      .attr('dy', '0.35em')
      .text(`${latest.year}年 ${t('chartGap', { gap: latest.gap.toFixed(2) })}`);
  }
  legendRow(svg, [
    ...data.series.map((s) => seriesLegend(s, 90)),
    { path: symbolPath(style(1).symbol, 90), fill: '#ffffff', stroke: style(1).color, text: t('chartHollow') },
  ]);
  return svg.node()!;
}

/** `gap`: the resident-based against the household-registration (户籍) rate, the gap labelled. */
export const gap: ChartKindDefinition<GapOptions, GapData> = {
  name: 'gap',
  doc: 'the resident-based against the household-registration (户籍) rate, the gap labelled in percentage points',
  zh: '常住人口城镇化率和户籍人口城镇化率，标出两者相差的百分点',
  reads: { hukou: ['year', 'hukou_urban_pct'], [NBS_TABLE]: NBS_COLUMNS },
  options: {
    title: TITLE_OPTION,
    years: yearsOption(
      '`[from, to]`: the years drawn; empty: the first household-registration year to the latest',
      '[起, 止]：画出的年份；不写时从户籍数据的第一年到最新一年',
    ),
  },
  prepare,
  render,
  table: (data) =>
    seriesTable(data, [
      { head: t('chartGapColumn'), cell: (y) => data.gaps.find((g) => g.year === y)?.gap.toFixed(2) ?? '' },
    ]),
};
