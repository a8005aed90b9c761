import { scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import { t, type UiKey } from '../../common/i18n.ts';
import type { Dataset } from '../data/dataset.ts';
import { NBS_COLUMNS, NBS_TABLE, nbsYearEnd } from '../data/nbs.ts';
import { datum, inYears } from '../data/rows.ts';
import {
  drawEndLabels,
  drawLines,
  drawPoints,
  innerSize,
  legendRow,
  lineFrame,
  marginsAt,
  SIZE,
  svgWidth,
  widthOf,
  pointLabel,
  r2,
  style,
  symbolPath,
  type G,
  type LineFrame,
  type Margins,
  type PointInfo,
  type RenderContext,
} from '../draw.ts';
import type { ChartKindDefinition, ToolbarContext } from '../kind.ts';
import { TITLE_OPTION, yearsOption } from '../options.ts';
import type { ChartBase, Datum, Series } from '../types.ts';

/** The World Bank / UN country codes in the data, in the order of the docs, with the key of each one's Chinese name. */
export const COUNTRY_NAMES: ReadonlyMap<string, UiKey> = new Map([
  ['CHN', 'chartCountryCHN'],
  ['WLD', 'chartCountryWLD'],
  ['USA', 'chartCountryUSA'],
  ['JPN', 'chartCountryJPN'],
  ['DEU', 'chartCountryDEU'],
  ['GBR', 'chartCountryGBR'],
  ['KOR', 'chartCountryKOR'],
  ['IND', 'chartCountryIND'],
  ['BRA', 'chartCountryBRA'],
]);

function countryName(code: string): string {
  const key = COUNTRY_NAMES.get(code);
  return key ? t(key) : code;
}

/** Options of a `compare` chart (urban share of countries, World Bank and UN). */
export interface CompareOptions {
  /** The chart's name: its accessible name and the data table's caption. Default: named after the series shown. */
  title: string;
  /** Country codes in the data (CHN, WLD, USA, JPN, DEU, GBR, KOR, IND, BRA). Default: CHN, WLD, USA, JPN, KOR, IND. */
  countries: string[];
  /** First and last year drawn. Default: [1960, 2050]. */
  years: [number, number] | null;
  /** Draw UN projections (dashed) after the last estimate. Default: true. */
  projections: boolean;
  /** Years between which the speed of change (points per decade) is given. Default: [1980, 2020]. */
  speed: [number, number];
}

/** Urban share of countries and the world, with projections. */
export interface CompareData extends ChartBase {
  /** Estimates (solid) and projections (dashed) per country; the same `style` for one country. */
  series: Series[];
  /** Speed of change per country: percentage points per decade between two years. */
  speed: { id: string; from: number; to: number; perDecade: number }[];
  years: [number, number];
}

/** The columns of the estimates and the projections: a country's value per year. */
const COUNTRY_COLUMNS = ['country_code', 'year', 'urban_pct'];

const MARGINS: Margins = { top: 84, right: 330, bottom: 60, left: 80 };

/** World Bank estimates and UN projections per country. */
function prepare(dataset: Dataset, o: CompareOptions): CompareData {
  const series: Series[] = [];
  const speed: CompareData['speed'] = [];
  // A projection whose base year differs from the estimate of that year starts its dashed line
  // somewhere else (OWID's World aggregate is not WDI's): the footnote gives both values.
  const joins: string[] = [];
  const estimates = dataset.rows('estimates');
  const projections = dataset.rows('projections');
  o.countries.forEach((code, i) => {
    const name = countryName(code);
    const points = estimates
      .filter((r) => r.values.country_code === code && inYears(Number(r.values.year), o.years))
      .map((r) => datum(r, 'urban_pct', 'official')!)
      .sort((a, b) => a.year - b.year);
    if (points.length) series.push({ id: code, label: name, points, style: i });
    if (o.projections) {
      const future = projections
        .filter((r) => r.values.country_code === code && inYears(Number(r.values.year), o.years))
        .map((r) => datum(r, 'urban_pct', 'official')!)
        .sort((a, b) => a.year - b.year);
      if (future.length)
        series.push({ id: code, label: t('chartProjectionOf', { name }), points: future, style: i, projected: true });
      const base = future[0];
      const estimate = base && points.find((p) => p.year === base.year);
      if (base && estimate && base.value !== estimate.value) {
        joins.push(t('chartCompareJoin', { name, year: base.year, projected: base.text, estimate: estimate.text }));
      }
    }
    const at = (y: number): Datum | undefined =>
      estimates
        .filter((r) => r.values.country_code === code)
        .map((r) => datum(r, 'urban_pct', 'official')!)
        .find((p) => p.year === y);
    const [a, b] = [at(o.speed[0]), at(o.speed[1])];
    if (a && b) {
      speed.push({
        id: code,
        from: a.year,
        to: b.year,
        perDecade: Math.round(((b.value - a.value) / (b.year - a.year)) * 100) / 10,
      });
    }
  });
  const all = series.flatMap((s) => s.points.map((p) => p.year));
  const est = series.filter((s) => !s.projected).flatMap((s) => s.points.map((p) => p.year));
  const wbChina = estimates.filter((r) => r.values.country_code === 'CHN').at(-1);
  const nbsLatest = nbsYearEnd(dataset, null).at(-1);
  const same = wbChina && nbsLatest && wbChina.values.year === nbsLatest.row.values.year;
  return {
    unit: '%',
    source: t('chartCompareSource', {
      from: Math.min(...est),
      to: Math.max(...est),
      projections: o.projections ? t('chartCompareSourceUn') : '',
    }),
    footnote: t('chartCompareFootnote', {
      both: same
        ? t('chartCompareBoth', {
            year: String(wbChina.values.year),
            wb: wbChina.raw.urban_pct!,
            nbs: nbsLatest.row.raw.urban_pct!,
          })
        : '',
      dashed: o.projections ? t('chartCompareDashed') : '',
      joins: joins.join(''),
      from: o.speed[0],
      to: o.speed[1],
      n: (o.speed[1] - o.speed[0]) / 10,
    }),
    series,
    speed,
    years: [Math.min(...all), Math.max(...all)],
  };
}

/** The finished chart as an SVG element, every country shown. */
function render(data: CompareData, options: CompareOptions, ctx: RenderContext): SVGSVGElement {
  const estimates = data.series.filter((s) => !s.projected);
  const speeds = data.speed
    .map(
      (s) =>
        `${estimates.find((e) => e.id === s.id)?.label ?? s.id} ${t('chartSpeed', { from: s.from, to: s.to, pace: s.perDecade.toFixed(1) })}`,
    )
    .join('；');
  const names = estimates.map((s) => s.label).join('、');
  const summary = t('chartCompareSummary', {
    names,
    from: data.years[0],
    to: data.years[1],
    speeds,
  });
  const lastEstimate = Math.max(...estimates.map((s) => s.points.at(-1)!.year));
  const projectionZone = ({ plot, x, w, h }: LineFrame): void => {
    if (!data.series.some((s) => s.projected)) return;
    plot
      .append('rect')
      .attr('class', 'chart-projection-zone')
      .attr('aria-hidden', 'true')
      .attr('x', r2(x(lastEstimate)))
      .attr('width', r2(w - x(lastEstimate)))
      .attr('y', 0)
      .attr('height', h);
    plot
      .append('text')
      .attr('class', 'chart-zone-label')
      .attr('aria-hidden', 'true')
      .attr('x', r2(x(lastEstimate) + 12))
      .attr('y', h - 16)
      .text(t('chartProjection'));
  };
  const label = options.title || t('chartCompareName', { names });
  const axes = { x: data.years, y: [0, 100] as const, xStep: 10, yStep: 20, unitLabel: t('chartAxisPercent') };
  const { svg, plot, x, y } = lineFrame(ctx, 'compare', label, summary, MARGINS, axes, projectionZone);
  const marks = plot.append('g').attr('class', 'chart-marks');
  drawMarks(marks, data, [], widthOf(ctx), x, y);
  legendRow(svg, [
    { path: symbolPath(style(0).symbol, 0), fill: 'none', stroke: '#4d4d4d', text: t('chartWorldBank'), dash: '' },
    { path: symbolPath(style(0).symbol, 0), fill: 'none', stroke: '#4d4d4d', text: t('chartProjection'), dash: '10 8' },
  ]);
  return svg.node()!;
}

/**
 * Draws (or redraws, with `selection.join`) the visible countries: lines, markers every ten
 * years and at the ends, and direct labels with the pace of change.
 */
function drawMarks(
  marks: G,
  data: CompareData,
  hidden: readonly string[],
  width: number = SIZE.width,
  x = scaleLinear()
    .domain(data.years)
    .range([0, innerSize(marginsAt(MARGINS, width), width).w]),
  y = scaleLinear()
    .domain([0, 100])
    .range([innerSize(marginsAt(MARGINS, width), width).h, 0]),
): void {
  const visible = data.series.filter((s) => !hidden.includes(s.id));
  drawLines(marks, visible, x, y, false);
  // Keyboard and readout stops where markers are drawn: each decade and each series' ends (a
  // projection's base year is the estimate's last year, so it is one stop). Every year is in the table.
  const points: PointInfo[] = visible.flatMap((s: Series) =>
    s.points
      .filter((d, i) => d.year % 10 === 0 || i === 0 || i === s.points.length - 1)
      .filter(
        (d) =>
          !(
            s.projected &&
            data.series.some((e) => e.id === s.id && !e.projected && e.points.some((p) => p.year === d.year))
          ),
      )
      .map((d) => ({
        series: s,
        datum: d,
        label: pointLabel(s, d.year, d.text, data.unit, data.source, false),
        size: 110,
      })),
  );
  drawPoints(marks, points, x, y);
  const labels = visible
    .filter((s) => s.projected || !visible.some((p) => p.id === s.id && p.projected))
    .map((s) => {
      const last = s.points.at(-1)!;
      const pace = data.speed.find((p) => p.id === s.id);
      const name = s.projected ? s.label.replace(/（.*）$/, '') : s.label;
      return {
        id: s.id,
        text: pace
          ? t('chartSpeedLabel', { name, pace: `${pace.perDecade >= 0 ? '+' : ''}${pace.perDecade.toFixed(1)}` })
          : name,
        x: x(last.year) + 14,
        y: y(last.value),
        color: style(s.style).color,
        point: { x: x(last.year), y: y(last.value) },
      };
    });
  const placed = drawEndLabels(marks, labels, y.range()[0]);
  // The labels' pace is in points per decade: said once, above their column.
  marks
    .selectAll('text.chart-label-heading')
    .data(placed.length && data.speed.length ? [placed[0]!.x] : [])
    .join('text')
    .attr('class', 'chart-label-heading')
    .attr('aria-hidden', 'true')
    .attr('x', (d) => r2(d))
    .attr('y', -18)
    .text(t('chartSpeedHeading'));
}

/** Legend buttons that switch countries on and off (the projection follows its country). */
function toolbar(data: CompareData, ctx: ToolbarContext): HTMLElement {
  const doc = ctx.document;
  let hidden: string[] = [];
  const group = doc.createElement('div');
  group.className = 'chart-legend-buttons';
  group.setAttribute('role', 'group');
  for (const s of data.series.filter((x) => !x.projected)) {
    const b = doc.createElement('button');
    b.type = 'button';
    b.className = 'chart-legend-button';
    b.setAttribute('aria-pressed', 'true');
    b.title = t('chartLegendToggle', { name: s.label });
    b.setAttribute('aria-label', t('chartLegendToggle', { name: s.label }));
    const swatch = doc.createElement('span');
    swatch.className = 'chart-swatch';
    swatch.style.setProperty('--swatch', style(s.style).color);
    swatch.dataset.symbol = style(s.style).symbolName;
    b.append(swatch, doc.createTextNode(s.label));
    b.addEventListener('click', () => {
      const on = b.getAttribute('aria-pressed') !== 'true';
      b.setAttribute('aria-pressed', String(on));
      hidden = on ? hidden.filter((id) => id !== s.id) : [...hidden, s.id];
      ctx.setHidden(hidden);
    });
    group.append(b);
  }
  return group;
}

/** `compare`: the urban share of countries (World Bank), UN projections dashed, legend buttons that switch countries. */
export const compare: ChartKindDefinition<CompareOptions, CompareData> = {
  name: 'compare',
  doc: 'the urban share of countries (World Bank), UN projections dashed, legend buttons that switch countries',
  zh: '各国城镇化率（世界银行），联合国预测用虚线，点图例切换国家',
  reads: { estimates: COUNTRY_COLUMNS, projections: COUNTRY_COLUMNS, [NBS_TABLE]: NBS_COLUMNS },
  options: {
    title: TITLE_OPTION,
    years: yearsOption(
      '`[from, to]`: the years drawn; empty: 1960 to 2050',
      '[起, 止]：画出的年份；不写时为 1960–2050',
    ),
    countries: {
      type: { type: 'list', values: [...COUNTRY_NAMES.keys()] },
      default: ['CHN', 'WLD', 'USA', 'JPN', 'KOR', 'IND'],
      doc: 'country codes, in legend order',
      zh: '国家代码，按图例顺序',
    },
    projections: {
      type: { type: 'boolean' },
      default: true,
      doc: 'UN projections to 2050, dashed',
      zh: '联合国到 2050 年的预测，用虚线画出',
    },
    speed: {
      type: { type: 'years' },
      default: [1980, 2020],
      doc: "`[from, to]`: the years between which each line's label gives the pace in percentage points per decade",
      zh: '[起, 止]：按这段年份算每 10 年提高的百分点',
    },
  },
  prepare,
  render,
  toolbar,
  update(svg, data, hidden) {
    const marks = svg.querySelector<SVGGElement>('.chart-marks');
    if (marks) drawMarks(select(marks), data, hidden, svgWidth(svg));
  },
};
