import { scaleLinear } from 'd3-scale';
import { t } from '../common/i18n.ts';
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
  type RenderContext,
} from './draw.ts';
import { legendRow, pointLabel } from './trend.ts';
import type { PopulationData } from './types.ts';

/** Options of a `population` chart (urban and rural residents). */
export interface PopulationOptions {
  /** The chart's name: its accessible name and the data table's caption. Default: named after the series shown. */
  title: string;
  /** First and last year drawn. Default: every year in the data. */
  years: [number, number] | null;
}

export const defaults: PopulationOptions = { title: '', years: null };

const MARGINS: Margins = { top: 84, right: 170, bottom: 50, left: 90 };

/** The finished chart as an SVG element. */
export function render(data: PopulationData, options: PopulationOptions, ctx: RenderContext): SVGSVGElement {
  const c = data.crossover;
  const summary = t('chartPopulationSummary', {
    from: data.years[0],
    to: data.years[1],
    year: c?.year ?? '—',
    urban: c?.urban.text ?? '—',
    rural: c?.rural.text ?? '—',
  });
  const svg = chartRoot(ctx, 'population', options.title || `${t('chartUrban')} / ${t('chartRural')}`, summary);
  const plot = plotArea(svg, MARGINS);
  const { w, h } = innerSize(MARGINS);
  const max = Math.max(...data.series.flatMap((s) => s.points.map((p) => p.value)));
  const top = Math.ceil(max / 200) * 200;
  const x = scaleLinear().domain(data.years).range([0, w]);
  const y = scaleLinear().domain([0, top]).range([h, 0]);
  drawAxes(plot, x, y, {
    xTicks: stepTicks(data.years[0], data.years[1], 10),
    yTicks: stepTicks(0, top, 200),
    yFormat: (v) => `${v}`,
    unitLabel: t('chartAxisMillion'),
  });
  const marks = plot.append('g').attr('class', 'chart-marks');
  drawLines(marks, data.series, x, y);
  drawPoints(
    marks,
    data.series.flatMap((s) =>
      s.points.map((d) => ({
        series: s,
        datum: d,
        label: pointLabel(s, d.year, d.text, data.unit, data.source, d.quality === 'third_party'),
        size: 80,
      })),
    ),
    x,
    y,
  );
  drawEndLabels(
    marks,
    data.series.map((s) => ({
      id: s.id,
      text: `${s.label} ${s.points.at(-1)!.text}`,
      x: x(s.points.at(-1)!.year) + 14,
      y: y(s.points.at(-1)!.value),
      color: style(s.style).color,
    })),
  );
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
    data.series.map((s) => ({
      path: symbolPath(style(s.style).symbol, 80),
      fill: style(s.style).color,
      stroke: style(s.style).color,
      text: s.label,
      dash: style(s.style).dash,
    })),
  );
  return svg.node()!;
}
