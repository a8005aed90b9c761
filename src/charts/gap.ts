import { scaleLinear } from 'd3-scale';
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
  type RenderContext,
} from './draw.ts';
import { legendRow, pointLabel } from './trend.ts';
import type { GapData } from './types.ts';

/** Options of a `gap` chart (resident-based against household-registration urbanisation). */
export interface GapOptions {
  /** The chart's name: its accessible name and the data table's caption. Default: named after the series shown. */
  title: string;
  /** First and last year drawn. Default: the first household-registration year to the latest year. */
  years: [number, number] | null;
}

export const defaults: GapOptions = { title: '', years: null };

const MARGINS: Margins = { top: 84, right: 300, bottom: 50, left: 80 };
const Y = [30, 70] as const;

/** The finished chart as an SVG element: both rates, and the gap labelled wherever both exist. */
export function render(data: GapData, options: GapOptions, ctx: RenderContext): SVGSVGElement {
  const latest = data.gaps.at(-1);
  const summary = t('chartGapSummary', {
    from: data.years[0],
    to: data.years[1],
    year: latest?.year ?? '—',
    gap: latest?.gap.toFixed(2) ?? '—',
    resident: latest?.resident.text ?? '—',
    hukou: latest?.hukou.text ?? '—',
  });
  const svg = chartRoot(ctx, 'gap', options.title || `${t('chartResident')} / ${t('chartHukou')}`, summary);
  const plot = plotArea(svg, MARGINS);
  const { w, h } = innerSize(MARGINS);
  const x = scaleLinear()
    .domain([data.years[0] - 0.5, data.years[1] + 0.5])
    .range([0, w]);
  const y = scaleLinear().domain(Y).range([h, 0]);
  drawAxes(plot, x, y, {
    xTicks: stepTicks(data.years[0], data.years[1], 2),
    yTicks: stepTicks(Y[0], Y[1], 10),
    yFormat: (v) => `${v}`,
    unitLabel: t('chartAxisPercent'),
  });
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
  const marks = plot.append('g').attr('class', 'chart-marks');
  drawLines(marks, data.series, x, y);
  drawPoints(
    marks,
    data.series.flatMap((s) =>
      s.points.map((d) => {
        const gap = s.id === 'hukou' ? data.gaps.find((g) => g.year === d.year) : undefined;
        return {
          series: s,
          datum: d,
          label:
            pointLabel(s, d.year, d.text, data.unit, data.source, d.quality === 'third_party') +
            (gap ? ` ${t('chartGap', { gap: gap.gap.toFixed(2) })}` : ''),
          size: 90,
        };
      }),
    ),
    x,
    y,
  );
  drawEndLabels(
    marks,
    data.series.map((s) => ({
      id: s.id,
      text: `${s.label} ${s.points.at(-1)!.text}%`,
      x: x(s.points.at(-1)!.year) + 16,
      y: y(s.points.at(-1)!.value),
      color: style(s.style).color,
    })),
  );
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
    ...data.series.map((s) => ({
      path: symbolPath(style(s.style).symbol, 90),
      fill: style(s.style).color,
      stroke: style(s.style).color,
      text: s.label,
      dash: style(s.style).dash,
    })),
    { path: symbolPath(style(1).symbol, 90), fill: '#ffffff', stroke: style(1).color, text: t('chartHollow') },
  ]);
  return svg.node()!;
}
