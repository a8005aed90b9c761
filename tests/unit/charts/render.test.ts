// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { loadTables } from '../../../src/charts/data/load.ts';
import { gapCount, LABEL_LINE } from '../../../src/charts/draw.ts';
import type { ChartKind, ChartKindDefinition } from '../../../src/charts/kind.ts';
import { cities } from '../../../src/charts/kinds/cities.ts';
import { compare } from '../../../src/charts/kinds/compare.ts';
import { gap } from '../../../src/charts/kinds/gap.ts';
import type { GenericData } from '../../../src/charts/kinds/generic.ts';
import { population } from '../../../src/charts/kinds/population.ts';
import type { RankedData } from '../../../src/charts/kinds/ranked-bar.ts';
import { stackLayers } from '../../../src/charts/kinds/stacked-area.ts';
import { trend } from '../../../src/charts/kinds/trend.ts';
import { chartTable, KINDS, kindNamed } from '../../../src/charts/registry.ts';
import type { ChartBase } from '../../../src/charts/types.ts';
import { chartPayload } from '../../../src/charts/validate.ts';
import type { ChartSpec } from '../../../src/markdown/types.ts';
import { payloadOf } from './any-kind.ts';

const tables = loadTables(process.cwd());
/** Snapshots, relative to this file (Vitest's `toMatchFileSnapshot`). */
const SNAPSHOTS = '../../snapshots/charts';

/**
 * A kind's chart as the build prepares it (through a ```chart block's path: defaults, dataset) and
 * as it renders, with the data typed as the kind's own.
 */
function draw<O, D extends ChartBase>(
  kind: ChartKindDefinition<O, D>,
  options: Partial<O> = {},
): { svg: SVGSVGElement; data: D; options: O } {
  const spec: ChartSpec = {
    ...{ id: `chart-${kind.name}`, slideId: kind.name, kind: kind.name, dataset: '', file: 't.md', line: 1 },
    options: { ...options },
  };
  // The payload is the kind's own prepare output: JSON in the browser, typed back here.
  const p = chartPayload(spec, tables) as unknown as { data: D; options: O };
  return { svg: kind.render(p.data, p.options, { document }), data: p.data, options: p.options };
}

/** Geometry rounded to one decimal, so snapshots survive float noise but not a moved mark; text kept as is. */
function normalise(svg: SVGSVGElement): string {
  const round = (v: string): string => v.replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10));
  return svg.outerHTML
    .replace(
      / (d|transform|x|y|x1|x2|y1|y2|width|height)="([^"]*)"/g,
      (_m, name: string, v: string) => ` ${name}="${round(v)}"`,
    )
    .replace(/></g, '>\n<');
}

function attributesOf(svg: SVGSVGElement): string[] {
  return [...svg.querySelectorAll('*'), svg].flatMap((el) =>
    [...el.attributes].map((a) => `${el.tagName}[${a.name}=${a.value}]`),
  );
}

/** Any registered kind's chart, as the runtime draws it from its payload (a generic kind from the fixture CSV). */
function drawAny(kind: ChartKind, options: Record<string, unknown> = {}): { svg: SVGSVGElement; data: ChartBase } {
  const p = payloadOf(kind, options);
  return { svg: kind.render(p.data, p.options, { document }), data: p.data };
}

const markerYears = (years: number[]): number =>
  years.filter((y, i) => y % 10 === 0 || i === 0 || i === years.length - 1).length;
const points = (series: { points: unknown[] }[]): number => series.reduce((n, s) => n + s.points.length, 0);

/** How many keyboard stops each kind's chart has, from its own data. */
const STOPS: Record<string, () => number> = {
  trend: () => points(draw(trend).data.series) + draw(trend).data.benchmarks.length,
  // Decades and ends; a projection's base year is the estimate's last point: one stop, not two.
  compare: () =>
    draw(compare).data.series.reduce((n, s) => n + markerYears(s.points.map((p) => p.year)), 0) -
    draw(compare).data.series.filter((s) => s.projected).length,
  population: () => points(draw(population).data.series),
  gap: () => points(draw(gap).data.series),
  cities: () => draw(cities).data.cities.length,
  // The fixture CSV: eight years of one column, seven of the other.
  line: () => 15,
  bar: () => 15,
  // Stacked: only the seven years both columns have (2024 has no registration rate).
  'stacked-area': () => 14,
  // Ranked: a bar per year with a value in the first column (the fixture has no text column).
  'ranked-bar': () => 8,
};

describe.each(KINDS.map((k) => [k.name, k] as const))('render() of a %s chart', (name, kind) => {
  it('has no NaN or undefined in any attribute or text', () => {
    const { svg } = drawAny(kind);
    const bad = attributesOf(svg).filter((a) => /NaN|undefined|Infinity|null\]/.test(a));
    expect(bad).toEqual([]);
    expect(svg.textContent).not.toMatch(/NaN|undefined/);
  });

  it('has an accessible name and a text summary, and hides decorative axes', () => {
    const { svg } = drawAny(kind);
    expect(svg.getAttribute('aria-label')).toBeTruthy();
    expect(svg.querySelector('desc')?.textContent?.length).toBeGreaterThan(20);
    for (const axis of svg.querySelectorAll('.chart-axis, .chart-grid'))
      expect(axis.getAttribute('aria-hidden')).toBe('true');
  });

  it('draws one labelled keyboard stop per value', () => {
    const stops = drawAny(kind).svg.querySelectorAll('.chart-point');
    expect(stops).toHaveLength(STOPS[name]!());
    for (const s of stops) expect(s.getAttribute('aria-label')).toMatch(/来源：/);
  });

  it('matches its normalised SVG snapshot', async () => {
    await expect(normalise(drawAny(kind).svg)).toMatchFileSnapshot(`${SNAPSHOTS}/${name}.svg`);
  });

  it('gives a data table with one row per year or city and the values as published', () => {
    const { data } = drawAny(kind);
    const table = chartTable(kind, data);
    expect(table.rows.length).toBeGreaterThan(5);
    for (const row of table.rows) expect(row).toHaveLength(table.columns.length);
  });
});

describe('render() of a stacked-area chart', () => {
  it('stacks each column on the ones below it, only in years every column has, and puts each stop on its band', () => {
    const { svg, data } = drawAny(kindNamed('stacked-area')!);
    const layers = stackLayers((data as GenericData).series);
    expect(layers.map((l) => l.series.id)).toEqual(['urban_pct', 'hukou_pct']);
    expect(layers[0]!.bands.map((b) => b.year)).toEqual([2010, 2012, 2014, 2016, 2018, 2020, 2022]);
    expect(layers[1]!.bands[0]).toEqual({ year: 2010, y0: 48.3, y1: 81.8 });
    expect(svg.querySelectorAll('path.chart-area')).toHaveLength(2);
    const stop = svg.querySelector('path.chart-point[data-series="hukou_pct"][data-year="2010"]')!;
    expect(stop.getAttribute('data-value')).toBe('33.5');
    expect(stop.getAttribute('aria-label')).toMatch(/33\.5/);
  });
});

describe('render() of a ranked-bar chart', () => {
  it('ranks the rows by the first y column, largest first, named by the label column', () => {
    const { svg, data } = drawAny(kindNamed('ranked-bar')!);
    const bars = (data as RankedData).bars;
    expect(bars.map((b) => [b.rank, b.label, b.text])).toEqual([
      [1, '2024', '65.3'],
      [2, '2022', '63.7'],
      [3, '2020', '61.9'],
      [4, '2018', '58.6'],
      [5, '2016', '55.2'],
      [6, '2014', '53.1'],
      [7, '2012', '51.0'],
      [8, '2010', '48.3'],
    ]);
    const widths = [...svg.querySelectorAll('rect.chart-bar')].map((r) => Number(r.getAttribute('width')));
    expect(widths).toEqual([...widths].sort((a, b) => b - a));
    expect(svg.querySelector('.chart-point')?.getAttribute('aria-label')).toMatch(/^第 1 名，2024：65\.3%/);
  });
});

describe('render() of line charts', () => {
  it('trend: breaks the line at every missing year and leaves out 1999 and 2025', () => {
    const { svg, data } = draw(trend);
    const series = data.series[0]!;
    const years = series.points.map((p) => p.year);
    expect(years[0]).toBe(1949);
    expect(years.at(-1)).toBe(2024);
    expect(years).not.toContain(1999);
    expect(years).not.toContain(2010);
    // 1949 | 1951–52 | 1957 | 1960 | 1962 | 1965 | 1970 | 1975 | 1978 | 1980 | 1985–98 | 2000–09 | 2011–24
    expect(gapCount(series.points)).toBe(12);
    // Runs of one year have no segment: 4 segments (1951–52, 1985–98, 2000–09, 2011–24).
    const d = svg.querySelector('path.chart-line')!.getAttribute('d')!;
    expect(d.match(/M/g)).toHaveLength(4);
    expect(svg.querySelectorAll('.chart-point-hollow').length).toBe(
      series.points.filter((p) => p.quality === 'third_party').length,
    );
  });

  it('trend: annotates 1978, the first year-end value above 50% (2011, 51.27) with the 2010 census, and 2024', () => {
    const { svg } = draw(trend);
    const text = [...svg.querySelectorAll('.chart-annotation')].map((a) => a.textContent).join(' | ');
    expect(text).toContain('17.92%');
    expect(text).toContain('2011年 51.27%');
    expect(text).toContain('49.68%');
    expect(text).toContain('67.00%');
  });

  it('trend: draws no stage bands: no source gives the 30% / 70% thresholds', () => {
    const { svg } = draw(trend);
    expect(svg.querySelectorAll('[class*="stage"]')).toHaveLength(0);
    expect(svg.textContent).not.toMatch(/阶段|中后期/);
  });

  it('trend and population: say that values before 1982 come from household registration, when they draw them', () => {
    for (const kind of [trend, population]) {
      expect(drawAny(kind).data.footnote).toContain('1982年以前的数值出自户籍统计，并非常住人口口径');
      expect(drawAny(kind).data.footnote).toContain('1982–1989年的数值按人口普查作过调整');
      expect(drawAny(kind, { years: [1990, 2024] }).data.footnote).not.toMatch(/1982/);
    }
  });

  it('trend: names the 2019→2020 census revision with the official name of the census', () => {
    expect(draw(trend).data.footnote).toContain(
      '2019年（60.60%）到2020年（63.89%）的跳升含第七次全国人口普查后的口径修订',
    );
  });

  it('keeps every tick inside its axis range', () => {
    for (const kind of [trend, compare, population, gap]) {
      const { svg, data } = drawAny(kind);
      const ticks = [...svg.querySelectorAll('.chart-axis-x .tick')].map((t) => Number(t.textContent));
      const years = 'years' in data && Array.isArray(data.years) ? data.years : [NaN, NaN];
      expect(ticks.length).toBeGreaterThan(2);
      for (const t of ticks) expect(t >= years[0] && t <= years[1]).toBe(true);
      const x = [...svg.querySelectorAll('.chart-axis-x .tick')].map((t) =>
        Number(/translate\(([-\d.]+)/.exec(t.getAttribute('transform')!)![1]),
      );
      for (const v of x) expect(v >= 0 && v <= 1456).toBe(true);
    }
  });

  it('population: marks 2011 as the first year with more urban than rural residents', () => {
    const { svg, data } = draw(population);
    expect(data.crossover?.year).toBe(2011);
    expect(svg.querySelector('.chart-annotation')?.textContent).toContain('2011年');
    expect([...svg.querySelectorAll('.chart-label')].map((l) => l.textContent)).toEqual([
      '城镇人口 94350万人',
      '乡村人口 46478万人',
    ]);
  });

  it('population: in 万人, never 百万 (943.50 million = 94350万人)', () => {
    const { svg, data } = draw(population);
    expect(data.unit).toBe('万人');
    expect(svg.querySelector('.chart-unit')?.textContent).toBe('人口（万人）');
    expect([...svg.querySelectorAll('.chart-axis-y .tick text')].map((t) => t.textContent)).toContain('100000');
    const last = data.series[0]!.points.at(-1)!;
    expect([last.value, last.text]).toEqual([94350, '94350']);
    expect(svg.outerHTML + data.footnote + data.source).not.toMatch(/百万/);
  });

  it('end labels in their series colour, apart, and joined to their point by a leader when moved (compare)', () => {
    const { svg } = draw(compare);
    const labels = [...svg.querySelectorAll<SVGTextElement>('.chart-label')];
    const ys = labels.map((l) => Number(l.getAttribute('y'))).sort((a, b) => a - b);
    for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).toBeGreaterThanOrEqual(LABEL_LINE - 0.01);
    for (const l of labels) {
      const line = svg.querySelector(`.chart-line[data-series="${l.dataset.series}"]`)!;
      expect(l.getAttribute('fill')).toBe(line.getAttribute('stroke'));
      const leader = svg.querySelector(`.chart-leader[data-series="${l.dataset.series}"]`)!;
      expect(leader.getAttribute('stroke')).toBe(line.getAttribute('stroke'));
      expect(Number(leader.getAttribute('y2'))).toBeCloseTo(Number(l.getAttribute('y')), 1);
    }
  });

  it('gap: labels the gap where both rates exist and leaves 2013, 2015, 2022 and 2024 empty for 户籍', () => {
    const { svg, data: gapData } = draw(gap);
    expect(gapData.series[1]!.points.map((p) => p.year)).toEqual([
      2012, 2014, 2016, 2017, 2018, 2019, 2020, 2021, 2023,
    ]);
    expect(gapData.gaps.at(-1)).toMatchObject({ year: 2023, gap: 17.86 });
    expect(svg.querySelector('.chart-gap-label')?.textContent).toBe('2023年 相差 17.86 个百分点');
    expect(svg.querySelectorAll('.chart-gap')).toHaveLength(gapData.gaps.length);
  });

  it('gap: footnotes that the 2019→2020 widening (16.22 → 18.49) is partly the census revision', () => {
    expect(draw(gap).data.footnote).toContain(
      '常住人口城镇化率2019年（60.60%）到2020年（63.89%）的跳升含第七次全国人口普查后的口径修订，两者之差由16.22个百分点变为18.49个百分点，部分源于此；',
    );
    expect(draw(gap, { years: [2020, 2024] }).data.footnote).not.toContain('口径修订');
  });

  it('compare: is named after its countries when the block gives no title', () => {
    expect(draw(compare, { countries: ['CHN', 'WLD'] }).svg.getAttribute('aria-label')).toBe('中国、世界的城镇化率');
    expect(draw(compare, { title: '城镇化率：中国与世界' }).svg.getAttribute('aria-label')).toBe(
      '城镇化率：中国与世界',
    );
  });

  it('compare: draws projections dashed, states the WB vs NBS difference, and gives points per decade', () => {
    const { svg, data: compared } = draw(compare, { countries: ['CHN', 'WLD'] });
    expect(svg.querySelectorAll('path.chart-line-projected')).toHaveLength(2);
    for (const p of svg.querySelectorAll('path.chart-line-projected'))
      expect(p.getAttribute('stroke-dasharray')).toBe('10 8');
    expect(compared.footnote).toContain('世界银行 65.544%，国家统计局 67.00%');
    expect(compared.speed.find((s) => s.id === 'CHN')?.perDecade).toBe(10.5);
    expect([...svg.querySelectorAll('.chart-label')].map((l) => l.textContent)).toContain('中国 +10.5');
  });

  it('compare: footnotes a projection that starts from another value than the estimate (World: OWID 57.904, WDI 57.701)', () => {
    const { data } = draw(compare, { countries: ['CHN', 'WLD'] });
    expect(data.footnote).toContain('世界的联合国预测线从 OWID 的2024年值 57.904% 起，世界银行同年为 57.701%；');
    expect(data.footnote).not.toContain('中国的联合国预测线');
    expect(draw(compare, { countries: ['CHN', 'WLD'], projections: false }).data.footnote).not.toContain('57.904');
  });

  it('compare: hides a country switched off in the legend, and shows it again', () => {
    const { svg, data } = draw(compare, { countries: ['CHN', 'WLD'] });
    compare.update!(svg, data, ['WLD']);
    expect(svg.querySelectorAll('path.chart-line[data-series="WLD"]')).toHaveLength(0);
    expect(svg.querySelectorAll('.chart-point[data-series="WLD"]')).toHaveLength(0);
    expect(svg.querySelectorAll('path.chart-line[data-series="CHN"]')).toHaveLength(2);
    compare.update!(svg, data, []);
    expect(svg.querySelectorAll('path.chart-line[data-series="WLD"]')).toHaveLength(2);
  });

  it('compare: its legend buttons switch a country and say so (aria-pressed)', () => {
    const { data } = draw(compare, { countries: ['CHN', 'WLD'] });
    const seen: (readonly string[])[] = [];
    const bar = compare.toolbar!(data, { document, setHidden: (ids) => seen.push(ids) });
    const [china, world] = [...bar.querySelectorAll('button')];
    expect([china?.textContent, world?.textContent]).toEqual(['中国', '世界']);
    world!.click();
    expect(world!.getAttribute('aria-pressed')).toBe('false');
    world!.click();
    china!.click();
    expect(seen).toEqual([['WLD'], [], ['CHN']]);
  });

  it('cities: one tile per city, with population only where published', () => {
    const { svg } = draw(cities);
    expect(svg.querySelectorAll('.chart-city')).toHaveLength(21);
    expect(svg.querySelectorAll('.chart-city-mega .chart-city')).toHaveLength(7);
    const pops = [...svg.querySelectorAll('.chart-city-pop')].map((t) => t.textContent).filter(Boolean);
    expect(pops).toEqual(['1334万人', '995万人']);
  });
});
