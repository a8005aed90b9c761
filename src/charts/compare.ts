import { scaleLinear } from 'd3-scale';
import type { Selection } from 'd3-selection';
import { t } from '../common/i18n.ts';
import {
  chartRoot,
  drawAxes,
  drawEndLabels,
  drawLines,
  drawPoints,
  innerSize,
  plotArea,
  r2,
  stepTicks,
  style,
  symbolPath,
  type Margins,
  type PointInfo,
  type RenderContext,
} from './draw.ts';
import { legendRow, pointLabel } from './trend.ts';
import type { CompareData, Series } from './types.ts';

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

export const defaults: CompareOptions = {
  title: '',
  countries: ['CHN', 'WLD', 'USA', 'JPN', 'KOR', 'IND'],
  years: null,
  projections: true,
  speed: [1980, 2020],
};

// Right: room for the longest end label, "中国 +10.5 个百分点/10年" (13 em at 24 px), after a 14 px gap.
const MARGINS: Margins = { top: 84, right: 330, bottom: 50, left: 80 };

/** The finished chart as an SVG element; `hidden` lists country codes switched off in the legend. */
export function render(
  data: CompareData,
  options: CompareOptions,
  ctx: RenderContext,
  hidden: readonly string[] = [],
): SVGSVGElement {
  const estimates = data.series.filter((s) => !s.projected);
  const speeds = data.speed
    .map(
      (s) =>
        `${estimates.find((e) => e.id === s.id)?.label ?? s.id} ${t('chartSpeed', { from: s.from, to: s.to, pace: s.perDecade.toFixed(1) })}`,
    )
    .join('；');
  const summary = t('chartCompareSummary', {
    names: estimates.map((s) => s.label).join('、'),
    from: data.years[0],
    to: data.years[1],
    speeds,
  });
  const svg = chartRoot(ctx, 'compare', options.title || summary.split('：')[0]!, summary);
  const plot = plotArea(svg, MARGINS);
  const { w, h } = innerSize(MARGINS);
  const x = scaleLinear().domain(data.years).range([0, w]);
  const y = scaleLinear().domain([0, 100]).range([h, 0]);
  const lastEstimate = Math.max(...estimates.map((s) => s.points.at(-1)!.year));
  if (data.series.some((s) => s.projected)) {
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
  }
  drawAxes(plot, x, y, {
    xTicks: stepTicks(data.years[0], data.years[1], 10),
    yTicks: stepTicks(0, 100, 20),
    yFormat: (v) => `${v}`,
    unitLabel: t('chartAxisPercent'),
  });
  const marks = plot.append('g').attr('class', 'chart-marks');
  update(marks, data, hidden, x, y);
  legendRow(svg, [
    { path: symbolPath(style(0).symbol, 0), fill: 'none', stroke: '#4d4d4d', text: '世界银行估计', dash: '' },
    { path: symbolPath(style(0).symbol, 0), fill: 'none', stroke: '#4d4d4d', text: t('chartProjection'), dash: '10 8' },
  ]);
  return svg.node()!;
}

/**
 * Draws (or redraws, with `selection.join`) the visible countries: lines, markers every ten
 * years and at the ends, and direct labels with the pace of change.
 */
export function update(
  marks: Selection<SVGGElement, unknown, null, undefined>,
  data: CompareData,
  hidden: readonly string[],
  x = scaleLinear()
    .domain(data.years)
    .range([0, innerSize(MARGINS).w]),
  y = scaleLinear()
    .domain([0, 100])
    .range([innerSize(MARGINS).h, 0]),
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
      };
    });
  drawEndLabels(marks, labels);
}
