import { scaleLinear } from 'd3-scale';
import { t } from '../../common/i18n.ts';
import { textWidth } from '../../common/text-width.ts';
import type { Dataset } from '../data/dataset.ts';
import { chartRoot, isNarrow, r2, style, widthOf, type RenderContext } from '../draw.ts';
import type { ChartKindDefinition } from '../kind.ts';
import type { OptionSpecs } from '../options.ts';
import { TITLE_OPTION } from '../options.ts';
import type { DataTable } from '../table.ts';
import type { ChartBase } from '../types.ts';
import { niceStep } from './generic.ts';

/** Options of a `ranked-bar` chart: one number column of a CSV, a bar per row, largest first. */
export interface RankedOptions {
  title: string;
  /** The column that names each bar. Default: the first text column, else the year column. */
  label: string;
  /** The number column ranked (a list: its first). */
  y: string | string[];
  /** With a year column: the year ranked. Default: the latest year in the CSV. */
  x: string;
}

/** One bar: its rank, name and value as published. */
export interface RankedBar {
  rank: number;
  label: string;
  value: number;
  text: string;
}

/** A ranked-bar chart's data: the bars largest first, the year ranked (if any), the column's name. */
export interface RankedData extends ChartBase {
  bars: RankedBar[];
  /** What the bars measure (the column's label). */
  measure: string;
  /** What names the bars (the label column's label), for the table's header. */
  named: string;
  year: number | null;
  name: string;
}

const OPTIONS: OptionSpecs<RankedOptions> = {
  title: TITLE_OPTION,
  label: {
    type: { type: 'column' },
    default: '',
    doc: 'the column that names each bar; empty: the first text column, else the year column',
    zh: '给每根条命名的列；不写时用第一个文字列，没有文字列时用年份列',
  },
  y: {
    type: { type: 'columns' },
    default: [],
    doc: 'the number column ranked, one bar per row, largest first (a list: the first); empty cells are left out',
    zh: '要排名的数值列，每行一根条，从大到小（写成列表时用第一列）；空格子不画',
  },
  x: {
    type: { type: 'column' },
    default: '',
    doc: "with a year column, the latest year's rows are ranked; `x` names that year column when there are several",
    zh: '有年份列时，只排最新一年的行；有几个年份列时用 x 指定',
  },
};

/** Build time: the rows of the latest year (if the CSV has years), ranked by the column. */
function prepare(dataset: Dataset, o: RankedOptions): RankedData {
  const table = dataset.sidecar;
  if (!table) throw new Error(`dataset "${dataset.name}" has no sidecar`);
  const columns = table.sidecar.columns;
  const names = Object.keys(columns);
  const y = (typeof o.y === 'string' ? o.y : o.y[0]) ?? '';
  const x = o.x || names.find((n) => columns[n]!.type.type === 'year') || '';
  const label = o.label || names.find((n) => columns[n]!.type.type === 'text') || x;
  const years = x ? table.rows.map((r) => r.values[x]).filter((v): v is number => typeof v === 'number') : [];
  const year = years.length && label !== x ? Math.max(...years) : null;
  const bars = table.rows
    .filter((r) => year === null || r.values[x] === year)
    .filter((r) => typeof r.values[y] === 'number')
    .map((r) => ({ label: r.raw[label] ?? '', value: r.values[y] as number, text: r.raw[y]! }))
    .sort((a, b) => b.value - a.value)
    .map((b, i) => ({ rank: i + 1, ...b }));
  return {
    unit: columns[y]?.unit ?? '',
    source: table.sidecar.source,
    footnote: table.sidecar.footnote,
    bars,
    measure: columns[y]?.label ?? y,
    named: columns[label]?.label ?? label,
    year,
    name: table.sidecar.title,
  };
}

const ROW = 56;
const TOP = 40;

/** The finished chart: a bar per row, largest on top, its value at its end; each bar a keyboard stop. */
function render(data: RankedData, options: RankedOptions, ctx: RenderContext): SVGSVGElement {
  const title = options.title || data.name;
  const summary = `${title}：${data.measure}${data.year === null ? '' : `（${data.year}）`}，${data.bars
    .map((b) => `${b.label} ${b.text}${data.unit}`)
    .join('、')}`;
  const svg = chartRoot(ctx, 'ranked-bar', title, summary);
  const width = widthOf(ctx);
  // Narrow (a phone's reading column), the names and values get less room so the bars keep some.
  const left = Math.min(
    isNarrow(width) ? 220 : 420,
    Math.ceil(Math.max(0, ...data.bars.map((b) => textWidth(b.label))) * 26) + 60,
  );
  const right = isNarrow(width) ? 150 : 200;
  const max = Math.max(0, ...data.bars.map((b) => b.value));
  const step = niceStep(max);
  const x = scaleLinear()
    .domain([0, Math.ceil(max / step) * step || step])
    .range([0, width - left - right]);
  const layer = svg.append('g').attr('class', 'chart-marks').attr('transform', `translate(${left},${TOP})`);
  svg
    .append('text')
    .attr('class', 'chart-unit')
    .attr('x', left)
    .attr('y', 24)
    .text(`${data.measure}${data.unit ? `（${data.unit}）` : ''}${data.year === null ? '' : `，${data.year}`}`);
  layer
    .selectAll('g.chart-point')
    .data(data.bars)
    .join('g')
    .attr('class', 'chart-point chart-ranked')
    .attr('data-series', 'ranked')
    .attr('data-year', (b) => b.rank)
    .attr('data-value', (b) => b.text)
    .attr('tabindex', -1)
    .attr('role', 'img')
    .attr(
      'aria-label',
      (b) => `第 ${b.rank} 名，${b.label}：${b.text}${data.unit}（${t('chartSource', { source: data.source })}）`,
    )
    .attr('transform', (b) => `translate(0,${r2((b.rank - 1) * ROW)})`)
    .call((row) => {
      row
        .append('text')
        .attr('class', 'chart-ranked-label')
        .attr('x', -16)
        .attr('y', ROW / 2)
        .attr('text-anchor', 'end')
        .attr('dominant-baseline', 'middle')
        .text((b) => b.label);
      row
        .append('rect')
        .attr('class', 'chart-bar')
        .attr('y', 8)
        .attr('height', ROW - 16)
        .attr('width', (b) => r2(x(b.value)))
        .attr('fill', style(0).color);
      row
        .append('text')
        .attr('class', 'chart-ranked-value')
        .attr('x', (b) => r2(x(b.value) + 12))
        .attr('y', ROW / 2)
        .attr('dominant-baseline', 'middle')
        .text((b) => `${b.text}${data.unit}`);
    });
  svg.attr('viewBox', `0 0 ${width} ${Math.max(TOP + data.bars.length * ROW + 20, 200)}`);
  return svg.node()!;
}

/** One row per bar: rank, name and value as published. */
function table(data: RankedData): DataTable {
  return {
    columns: [t('chartRank'), data.named, `${data.measure}${data.unit ? `（${data.unit}）` : ''}`],
    rows: data.bars.map((b) => [String(b.rank), b.label, b.text]),
  };
}

/** `ranked-bar`: any CSV with a sidecar, a bar per row ranked by one number column. */
export const rankedBar: ChartKindDefinition<RankedOptions, RankedData> = {
  name: 'ranked-bar',
  doc: "any CSV with a sidecar: a bar per row ranked by one number column (`y`), named by a `label` column; with a year column, the latest year's rows",
  zh: '任一带数据说明的 CSV：按一个数值列（y）从大到小，每行一根横条，用 label 列命名；有年份列时排最新一年',
  reads: {},
  generic: true,
  ranked: true,
  options: OPTIONS,
  prepare,
  isEmpty: (data) => data.bars.length === 0,
  table,
  render,
};
