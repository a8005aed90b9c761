import { t } from '../../common/i18n.ts';
import type { Dataset } from '../data/dataset.ts';
import { wanText } from '../data/units.ts';
import { chartRoot, isNarrow, r2, widthOf, type RenderContext } from '../draw.ts';
import type { ChartKindDefinition } from '../kind.ts';
import { TITLE_OPTION } from '../options.ts';
import type { DataTable } from '../table.ts';
import type { ChartBase, Datum } from '../types.ts';

/** The size classes of the 2020 census list, largest first. */
export const CITY_CLASSES = ['超大城市', '特大城市'] as const;

/** Options of a `cities` chart (超大/特大 cities of the 2020 census). */
export interface CitiesOptions {
  /** The chart's name: its accessible name and the data table's caption. Default: named after the series shown. */
  title: string;
  /** Size classes shown. Default: both, 超大城市 and 特大城市. */
  classes: string[];
}

/** One city: its rank by urban population, its size class and the population where published. */
export interface City {
  rank: number;
  name: string;
  sizeClass: string;
  population: Datum | null;
}

/** The 超大/特大 cities of the 2020 census, ranked. */
export interface CitiesData extends ChartBase {
  cities: City[];
  classes: string[];
}

/** The 2020 census's 超大 and 特大 cities, ranked. */
function prepare(dataset: Dataset, o: CitiesOptions): CitiesData {
  const cities = dataset
    .rows('cities')
    .filter((r) => o.classes.includes(String(r.values.size_class_zh)))
    .map((r) => ({
      rank: Number(r.values.rank_by_urban_core_pop),
      name: String(r.values.city_zh),
      sizeClass: String(r.values.size_class_zh),
      population:
        typeof r.values.urban_core_pop_million === 'number'
          ? {
              year: 2020,
              value: r.values.urban_core_pop_million * 100,
              text: wanText(r.values.urban_core_pop_million),
              quality: 'official' as const,
            }
          : null,
    }))
    .sort((a, b) => a.rank - b.rank);
  const known = cities.filter((c) => c.population);
  return {
    unit: t('chartUnitWan'),
    source: t('chartCitiesSource'),
    footnote: t('chartCitiesFootnote', {
      known: known.length
        ? t('chartCitiesKnown', {
            cities: known.map((c) => t('chartCityKnown', { name: c.name, value: c.population!.text })).join('、'),
          })
        : '',
    }),
    cities,
    classes: o.classes,
  };
}
const COLUMNS = 7;
const TILE = { w: 170, h: 118, gap: 14 };
const LEFT = 150;

/**
 * The finished chart: one tile per city in rank order, a row band per size class. Classes are
 * told apart by fill and border style, not colour alone; a known urban-core population is shown
 * in the tile, an unknown one is said to be unknown (never estimated).
 */
function render(data: CitiesData, options: CitiesOptions, ctx: RenderContext): SVGSVGElement {
  const summary = t('chartCitiesSummary', {
    count: data.cities.length,
    names: data.cities.map((c) => c.name).join('、'),
  });
  const svg = chartRoot(ctx, 'cities', options.title || summary.split('，')[0]!, summary);
  const width = widthOf(ctx);
  // Narrow: each class's name goes above its tiles, and as many columns as the width holds.
  const narrow = isNarrow(width);
  const columns = narrow ? Math.max(2, Math.floor((width + TILE.gap) / (TILE.w + TILE.gap))) : COLUMNS;
  // Narrow, the grid is centred; the class names start where the tiles do.
  const left = narrow ? Math.max(0, Math.floor((width - columns * (TILE.w + TILE.gap) + TILE.gap) / 2)) : LEFT;
  const labelX = narrow ? left : 0;
  const g = svg.append('g').attr('class', 'chart-marks').attr('transform', 'translate(0,20)');
  let rowY = 0;
  for (const cls of data.classes) {
    const members = data.cities.filter((c) => c.sizeClass === cls);
    if (!members.length) continue;
    const rows = Math.ceil(members.length / columns);
    const band = g
      .append('g')
      .attr('class', `chart-city-class chart-city-${cls === CITY_CLASSES[0] ? 'mega' : 'large'}`);
    band
      .append('text')
      .attr('class', 'chart-city-class-label')
      .attr('x', labelX)
      .attr('y', rowY + 40)
      .text(cls);
    band
      .append('text')
      .attr('class', 'chart-city-class-count')
      .attr('x', labelX + (narrow ? 150 : 0))
      .attr('y', rowY + (narrow ? 40 : 76))
      .text(t('chartCityCount', { n: members.length }));
    if (narrow) rowY += 60;
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
        const col = i % columns;
        const row = Math.floor(i / columns);
        return `translate(${r2(left + col * (TILE.w + TILE.gap))},${r2(rowY + row * (TILE.h + TILE.gap))})`;
      })
      .call((tile) => {
        tile.append('rect').attr('width', TILE.w).attr('height', TILE.h).attr('rx', 10);
        tile
          .append('text')
          .attr('class', 'chart-city-rank')
          .attr('x', 14)
          .attr('y', 34)
          .text((d) => d.rank);
        const centred = (cls: string, y: number, text: (d: City) => string): void => {
          tile
            .append('text')
            .attr('class', cls)
            .attr('x', TILE.w / 2)
            .attr('y', y)
            .attr('text-anchor', 'middle')
            .text(text);
        };
        centred('chart-city-name', 62, (d) => d.name);
        centred('chart-city-pop', 98, (d) => (d.population ? t('chartCityWan', { value: d.population.text }) : ''));
      });
    rowY += rows * (TILE.h + TILE.gap) + 30;
  }
  // Wide, the grid keeps its seven columns: a width under theirs (a column or a print frame a little
  // narrower than a slide) shows the whole grid smaller rather than cut at the chart's edge.
  const grid = narrow ? width : Math.max(width, LEFT + COLUMNS * (TILE.w + TILE.gap) - TILE.gap);
  svg.attr('viewBox', `0 0 ${grid} ${Math.max(rowY + 20, 200)}`);
  return svg.node()!;
}

/** One row per city: rank, name, size class and the urban-core population where published. */
function table(data: CitiesData): DataTable {
  return {
    columns: [t('chartRank'), t('chartCity'), t('chartClass'), `${t('chartUrban')}（${t('chartUnitWan')}）`],
    rows: data.cities.map((c) => [String(c.rank), c.name, c.sizeClass, c.population?.text ?? t('chartCityUnknown')]),
  };
}

/** `cities`: the 超大/特大 cities of the 2020 census as ranked tiles. */
export const cities: ChartKindDefinition<CitiesOptions, CitiesData> = {
  name: 'cities',
  doc: 'the 超大/特大 cities of the 2020 census as ranked tiles; a population only where published',
  zh: '第七次全国人口普查的超大、特大城市，按城区人口排列；只有公布了人口的城市写出人口',
  reads: { cities: ['rank_by_urban_core_pop', 'city_zh', 'size_class_zh', 'urban_core_pop_million'] },
  options: {
    title: TITLE_OPTION,
    classes: {
      type: { type: 'list', values: CITY_CLASSES },
      default: [...CITY_CLASSES],
      doc: 'the size classes shown',
      zh: '画出的规模等级',
    },
  },
  prepare,
  isEmpty: (data) => data.cities.length === 0,
  render,
  table,
  // A tile is the point: the ring goes round the tile, centred on it.
  focusRing: { r: 70, dx: TILE.w / 2, dy: TILE.h / 2 },
};
