import { describe, expect, it } from 'vitest';
import { loadTables } from '../../../../src/charts/data/load.ts';
import { STYLES } from '../../../../src/charts/draw.ts';
import { parseTable } from '../../../../src/charts/data/csv.ts';
import { parseSidecar } from '../../../../src/charts/data/sidecar.ts';
import { chartPayload, genericPayload } from '../../../../src/charts/validate.ts';
import { readFileSync } from 'node:fs';
import type { ChartSpec } from '../../../../src/markdown/types.ts';
import { isNativeChart, planChart, type ChartPlan, type TilesPlan } from '../../../../src/export/pptx/charts.ts';

const tables = loadTables(process.cwd());
const spec = (kind: string, options: Record<string, unknown> = {}): ChartSpec => ({
  id: `chart-${kind}`,
  slideId: kind,
  kind,
  dataset: '',
  options,
  file: 'slides/01-qi.md',
  line: 1,
});
const native = (kind: string, options: Record<string, unknown> = {}): ChartPlan => {
  const plan = planChart(chartPayload(spec(kind, options), tables));
  if (!isNativeChart(plan)) throw new Error(`${kind} is not a native chart`);
  return plan;
};
/** A CSV and its sidecar, as the generic kinds draw them. */
const FIXTURE = 'tests/fixtures/charts/data/某市城镇化';
const hex = (c: string): string => c.replace('#', '').toUpperCase();

describe('planChart()', () => {
  it('draws the trend with the deck’s values, one category per year, gaps where a year has no value', () => {
    const { chart } = native('trend');
    const year = (y: number): number => chart.categories.indexOf(String(y));
    const line = chart.series[0]!;
    expect(line.name).toBe('年末常住人口城镇化率');
    expect(line.values[year(2023)]).toBe(66.16);
    expect(line.values[year(2024)]).toBe(67);
    expect(line.values[year(1950)]).toBeNull();
    expect(chart.categories[0]).toBe('1949');
    expect(chart.categories.at(-1)).toBe('2024');
    expect(chart.axisTitle).toBe('城镇化率（%）');
    expect(line.color).toBe(hex(STYLES[0]!.color));
  });

  it('leaves out what the deck leaves out (the 2025 secondary-only value) and draws third-party values hollow', () => {
    const { chart } = native('trend');
    expect(chart.categories).not.toContain('2025');
    const hollow = chart.series[0]!.points!.filter((p) => p.hollow).map((p) => chart.categories[p.index]);
    expect(hollow).toContain('2014');
    expect(hollow).not.toContain('2013');
  });

  it('draws census and survey benchmarks as marker-only series', () => {
    const { chart } = native('trend');
    const census = chart.series.find((s) => s.name === '人口普查')!;
    expect(census.dash).toBe('none');
    expect(census.symbol).toBe('square');
    expect(census.values.filter((v) => v !== null).length).toBeGreaterThanOrEqual(3);
  });

  it('dashes projections in the country’s own colour', () => {
    const { chart } = native('compare', { countries: ['CHN', 'WLD'] });
    const china = chart.series.filter((s) => s.name.startsWith('中国'));
    expect(china.map((s) => s.dash)).toEqual(['solid', 'dash']);
    expect(new Set(china.map((s) => s.color)).size).toBe(1);
    expect(chart.series.map((s) => s.name)).toEqual(['中国', '中国（联合国预测）', '世界', '世界（联合国预测）']);
  });

  it('writes the pace of change, the source and the footnote as text under the chart', () => {
    const plan = native('compare', { countries: ['CHN'] });
    expect(plan.callouts[0]).toMatch(/^每十年增幅（1980–2020年，百分点）：中国 \+\d+\.\d$/);
    expect(plan.source).toContain('世界银行');
    expect(plan.footnote).toContain('国家统计局');
  });

  it('draws urban and rural population in millions and the household-registration gap', () => {
    const population = native('population', { years: [1949, 2024] });
    expect(population.chart.axisTitle).toBe('人口（万人）');
    expect(population.chart.series.map((s) => s.name)).toEqual(['城镇人口', '乡村人口']);
    const gap = native('gap');
    expect(gap.chart.valueMin).toBe(30);
    expect(gap.callouts[0]).toMatch(/^差距（百分点）：2012年/);
  });

  it('turns the ranked cities into tiles, a population only where one is published', () => {
    const plan = planChart(chartPayload(spec('cities'), tables)) as TilesPlan;
    expect(isNativeChart(plan)).toBe(false);
    expect(plan.classes.map((c) => c.name)).toEqual(['超大城市', '特大城市']);
    const chengdu = plan.classes[0]!.cities.find((c) => c.name === '成都')!;
    expect(chengdu.value).toBe('1334万人');
    expect(plan.classes[0]!.cities.find((c) => c.name === '上海')!.value).toBe('');
  });

  it('draws a kind it has no plan for as lines, when the kind draws series of yearly points', () => {
    const payload = {
      kind: 'new-kind',
      options: {},
      data: {
        unit: '%',
        source: '来源',
        footnote: '',
        series: [
          {
            id: 'a',
            label: '甲',
            style: 1,
            points: [
              { year: 2000, value: 12.5, text: '12.5', quality: 'official' as const },
              { year: 2003, value: 47, text: '47', quality: 'third_party' as const },
            ],
          },
        ],
      },
    };
    const plan = planChart(payload);
    if (!isNativeChart(plan)) throw new Error('not a native chart');
    expect(plan.chart.categories).toEqual(['2000', '2001', '2002', '2003']);
    expect(plan.chart.series[0]!.values).toEqual([12.5, null, null, 47]);
    expect(plan.chart.series[0]!.color).toBe(hex(STYLES[1]!.color));
    expect(plan.chart.valueMax).toBe(50);
    expect(plan.chart.valueStep).toBe(10);
    expect(plan.chart.title).toBe('甲');
    expect(plan.callouts).toEqual(['空心：非官方汇编数据']);
  });
});

describe('planChart() of a generic ranked-bar chart', () => {
  it('gives the ranked rows as tiles with editable text, largest first, instead of failing', () => {
    const sidecar = parseSidecar(`${FIXTURE}.yaml`, readFileSync(`${FIXTURE}.yaml`, 'utf8'), '某市城镇化.csv');
    const rows = parseTable(`${FIXTURE}.csv`, readFileSync(`${FIXTURE}.csv`, 'utf8'), sidecar.schema);
    const payload = genericPayload(
      { ...spec('ranked-bar', { y: 'urban_pct' }), dataset: '某市城镇化' },
      new Map([['某市城镇化', { sidecar, rows }]]),
    );
    const plan = planChart(payload);
    expect(isNativeChart(plan)).toBe(false);
    const tiles = plan as TilesPlan;
    expect(tiles.classes[0]!.name).toBe('常住人口城镇化率（%）');
    expect(tiles.classes[0]!.cities.slice(0, 2)).toEqual([
      { rank: 1, name: '2024', value: '65.3%' },
      { rank: 2, name: '2022', value: '63.7%' },
    ]);
    expect(tiles.source).toBe('某市统计局，统计公报（测试数据）');
  });
});
