import { t } from '../common/i18n.ts';
import { chartRoot, r2, SIZE, type RenderContext } from './draw.ts';
import type { CitiesData } from './types.ts';

/** The size classes of the 2020 census list, largest first. */
export const CITY_CLASSES = ['超大城市', '特大城市'] as const;

/** Options of a `cities` chart (超大/特大 cities of the 2020 census). */
export interface CitiesOptions {
  /** The chart's name: its accessible name and the data table's caption. Default: named after the series shown. */
  title: string;
  /** Size classes shown. Default: both, 超大城市 and 特大城市. */
  classes: string[];
}

export const defaults: CitiesOptions = { title: '', classes: [...CITY_CLASSES] };

const COLUMNS = 7;
const TILE = { w: 170, h: 118, gap: 14 };
const LEFT = 150;

/**
 * The finished chart: one tile per city in rank order, a row band per size class. Classes are
 * told apart by fill and border style, not colour alone; a known urban-core population is shown
 * in the tile, an unknown one is said to be unknown (never estimated).
 */
export function render(data: CitiesData, options: CitiesOptions, ctx: RenderContext): SVGSVGElement {
  const summary = t('chartCitiesSummary', {
    count: data.cities.length,
    names: data.cities.map((c) => c.name).join('、'),
  });
  const svg = chartRoot(ctx, 'cities', options.title || summary.split('，')[0]!, summary);
  const g = svg.append('g').attr('class', 'chart-marks').attr('transform', 'translate(0,20)');
  let rowY = 0;
  for (const cls of data.classes) {
    const members = data.cities.filter((c) => c.sizeClass === cls);
    if (!members.length) continue;
    const rows = Math.ceil(members.length / COLUMNS);
    const band = g
      .append('g')
      .attr('class', `chart-city-class chart-city-${cls === CITY_CLASSES[0] ? 'mega' : 'large'}`);
    band
      .append('text')
      .attr('class', 'chart-city-class-label')
      .attr('x', 0)
      .attr('y', rowY + 40)
      .text(cls);
    band
      .append('text')
      .attr('class', 'chart-city-class-count')
      .attr('x', 0)
      .attr('y', rowY + 76)
      .text(`${members.length} 个`);
    band
      .selectAll('g.chart-city')
      .data(members, (d) => (d as (typeof members)[number]).name)
      .join('g')
      .attr('class', 'chart-city chart-point')
      .attr('data-series', cls)
      .attr('data-year', (d) => d.rank)
      .attr('data-value', (d) => d.population?.text ?? '')
      .attr('tabindex', -1)
      .attr('role', 'img')
      .attr('aria-label', (d) =>
        t('chartCityPoint', {
          rank: d.rank,
          name: d.name,
          sizeClass: d.sizeClass,
          population: d.population
            ? t('chartCityPopulation', { value: d.population.text })
            : `，${t('chartCityUnknown')}`,
          source: data.source,
        }),
      )
      .attr('transform', (_d, i) => {
        const col = i % COLUMNS;
        const row = Math.floor(i / COLUMNS);
        return `translate(${r2(LEFT + col * (TILE.w + TILE.gap))},${r2(rowY + row * (TILE.h + TILE.gap))})`;
      })
      .call((tile) => {
        tile.append('rect').attr('width', TILE.w).attr('height', TILE.h).attr('rx', 10);
        tile
          .append('text')
          .attr('class', 'chart-city-rank')
          .attr('x', 14)
          .attr('y', 34)
          .text((d) => d.rank);
        tile
          .append('text')
          .attr('class', 'chart-city-name')
          .attr('x', TILE.w / 2)
          .attr('y', 62)
          .attr('text-anchor', 'middle')
          .text((d) => d.name);
        tile
          .append('text')
          .attr('class', 'chart-city-pop')
          .attr('x', TILE.w / 2)
          .attr('y', 98)
          .attr('text-anchor', 'middle')
          .text((d) => (d.population ? `${d.population.text} 百万` : ''));
      });
    rowY += rows * (TILE.h + TILE.gap) + 30;
  }
  svg.attr('viewBox', `0 0 ${SIZE.width} ${Math.max(rowY + 20, 200)}`);
  return svg.node()!;
}
