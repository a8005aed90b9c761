import type { TableRow } from './data/csv.ts';
import { DATASETS, type TableName } from './data/datasets.ts';
import type { CompareOptions } from './compare.ts';
import type { CitiesOptions } from './cities.ts';
import type { GapOptions } from './gap.ts';
import type { PopulationOptions } from './population.ts';
import type { TrendOptions } from './trend.ts';
import type { CitiesData, CompareData, Datum, GapData, PopulationData, Quality, Series, TrendData } from './types.ts';

/** Every loaded table, by file name. */
export type Tables = Record<TableName, TableRow[]>;

/** Chinese names of the World Bank / UN country codes in the data. */
export const COUNTRY_NAMES: Record<string, string> = {
  CHN: '中国',
  WLD: '世界',
  USA: '美国',
  JPN: '日本',
  DEU: '德国',
  GBR: '英国',
  KOR: '韩国',
  IND: '印度',
  BRA: '巴西',
};

/**
 * DECISIONS "Data rules": official values form the series, third-party values are drawn hollow,
 * secondary-only values and rows marked "verify before use" are left out (null).
 */
export function quality(row: TableRow): Quality | null {
  const q = row.values.quality;
  const note = String(row.values.note ?? '');
  if (/verify before use/i.test(note)) return null;
  if (q === 'official_quoted' || q === 'official_compiled' || q === undefined) return 'official';
  if (q === 'third_party') return 'third_party';
  return null;
}

function datum(row: TableRow, column: string, q: Quality): Datum | null {
  const value = row.values[column];
  if (typeof value !== 'number') return null;
  return { year: Number(row.values.year), value, text: row.raw[column]!, quality: q };
}

function inYears(year: number, years: [number, number] | null): boolean {
  return !years || (year >= years[0] && year <= years[1]);
}

/** `[2000, 2002, 2003, 2004, 2014]` → `2000、2002–2004、2014`. */
export function yearList(years: readonly number[]): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(j > i ? `${sorted[i]}–${sorted[j]}` : `${sorted[i]}`);
    i = j + 1;
  }
  return parts.join('、');
}

function nbsYearEnd(tables: Tables, years: [number, number] | null): { row: TableRow; q: Quality }[] {
  return tables['china_urbanisation_nbs.csv']
    .filter((r) => r.values.measure === 'year_end' && inYears(Number(r.values.year), years))
    .map((row) => ({ row, q: quality(row) }))
    .filter((r): r is { row: TableRow; q: Quality } => r.q !== null)
    .sort((a, b) => Number(a.row.values.year) - Number(b.row.values.year));
}

function excludedYears(tables: Tables): number[] {
  return tables['china_urbanisation_nbs.csv']
    .filter((r) => r.values.measure === 'year_end' && quality(r) === null)
    .map((r) => Number(r.values.year));
}

function span(points: readonly Datum[]): [number, number] {
  return [points[0]!.year, points.at(-1)!.year];
}

/** kind `trend`: NBS year-end series, benchmarks, milestones. */
export function prepareTrend(tables: Tables, o: TrendOptions): TrendData {
  const points = nbsYearEnd(tables, o.years).map(({ row, q }) => datum(row, 'urban_pct', q)!);
  const series: Series = { id: 'year_end', label: '年末常住人口城镇化率', points, style: 0 };
  const [from, to] = span(points);
  const benchmarks = o.benchmarks
    ? tables['china_urbanisation_nbs.csv']
        .filter((r) => r.values.measure !== 'year_end' && quality(r) !== null)
        .filter((r) => inYears(Number(r.values.year), [from, to]))
        .map((r) => {
          const census = String(r.values.measure).startsWith('census');
          return {
            ...datum(r, 'urban_pct', quality(r)!)!,
            measure: census ? ('census' as const) : ('survey' as const),
            label: census ? '人口普查' : '1%人口抽样调查',
          };
        })
    : [];
  const annotations: TrendData['annotations'] = [];
  const reform = points.find((p) => p.year === 1978);
  if (o.annotate.includes('reform') && reform) annotations.push({ ...reform, label: 'reform' });
  const half = points.find((p) => p.value > 50);
  if (o.annotate.includes('half') && half) annotations.push({ ...half, label: 'half' });
  if (o.annotate.includes('latest')) annotations.push({ ...points.at(-1)!, label: 'latest' });
  const hollow = points.filter((p) => p.quality === 'third_party').map((p) => p.year);
  const v = (y: number): string | undefined => points.find((p) => p.year === y)?.text;
  const step =
    v(2019) && v(2020) ? `2019年（${v(2019)}%）到2020年（${v(2020)}%）的跳升含第七次人口普查后的口径修订；` : '';
  return {
    kind: 'trend',
    unit: '%',
    source: `${DATASETS['nbs-urbanisation'].source}，${from}–${to}年`,
    footnote:
      `2002–2009、2011–2019年为初次公布数，普查后的修订值未采用，${step}` +
      (hollow.length ? `空心点（${yearList(hollow)}年）出自非官方汇编；` : '') +
      `缺失年份留空，不插值；仅见单一二手来源或待核的数值（${yearList(excludedYears(tables))}年）未绘出。`,
    series: [series],
    benchmarks,
    annotations,
    stages: o.stages ? [30, 70] : [],
    years: [from, to],
  };
}

/** kind `compare`: World Bank estimates and UN projections per country. */
export function prepareCompare(tables: Tables, o: CompareOptions): CompareData {
  const series: Series[] = [];
  const speed: CompareData['speed'] = [];
  const estimates = tables['wb_urban_pct_1960_2024.csv'];
  const projections = tables['un_wup_urban_pct_projections_2024_2050.csv'];
  o.countries.forEach((code, i) => {
    const name = COUNTRY_NAMES[code] ?? code;
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
        series.push({ id: code, label: `${name}（联合国预测）`, points: future, style: i, projected: true });
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
  const nbsLatest = nbsYearEnd(tables, null).at(-1);
  const same = wbChina && nbsLatest && wbChina.values.year === nbsLatest.row.values.year;
  return {
    kind: 'compare',
    unit: '%',
    source: `世界银行 WDI（SP.URB.TOTL.IN.ZS），${Math.min(...est)}–${Math.max(...est)}年${o.projections ? '；联合国《世界城镇化展望》预测（经 OWID），至2050年' : ''}`,
    footnote:
      '国际比较统一采用世界银行口径（联合国《世界城镇化展望》2018 估计），国内数据以国家统计局为准' +
      (same
        ? `：中国${String(wbChina.values.year)}年世界银行 ${wbChina.raw.urban_pct}%，国家统计局 ${nbsLatest.row.raw.urban_pct}%`
        : '') +
      `。${o.projections ? '虚线为联合国预测。' : ''}每十年增幅 =（${o.speed[1]}年值 − ${o.speed[0]}年值）÷ ${(o.speed[1] - o.speed[0]) / 10}。`,
    series,
    speed,
    years: [Math.min(...all), Math.max(...all)],
  };
}

/** kind `population`: urban and rural residents in millions. */
export function preparePopulation(tables: Tables, o: PopulationOptions): PopulationData {
  const rows = nbsYearEnd(tables, o.years);
  const urban = rows.map(({ row, q }) => datum(row, 'urban_pop_million', q)).filter((d): d is Datum => d !== null);
  const rural = rows.map(({ row, q }) => datum(row, 'rural_pop_million', q)).filter((d): d is Datum => d !== null);
  const crossover =
    urban
      .map((u) => ({ year: u.year, urban: u, rural: rural.find((r) => r.year === u.year) }))
      .find((c): c is { year: number; urban: Datum; rural: Datum } => !!c.rural && c.urban.value > c.rural.value) ??
    null;
  const years = [...urban, ...rural].map((d) => d.year);
  const [from, to] = [Math.min(...years), Math.max(...years)];
  const before =
    crossover && !urban.some((u) => u.year === crossover.year - 1) ? `（${crossover.year - 1}年无年末数）` : '';
  return {
    kind: 'population',
    unit: '百万人',
    source: `国家统计局，年末城镇人口与乡村人口，${from}–${to}年`,
    footnote:
      '只画出数据中有的年份，缺失年份留空，不插值' +
      (crossover ? `；${crossover.year}年是数据中城镇人口首次多于乡村人口的年份${before}` : '') +
      '。单位：百万人（由“万人”除以100）；空心点出自非官方汇编。',
    series: [
      { id: 'urban', label: '城镇人口', points: urban, style: 0 },
      { id: 'rural', label: '乡村人口', points: rural, style: 1 },
    ],
    crossover,
    years: [from, to],
  };
}

/** kind `gap`: resident-based vs household-registration urbanisation. */
export function prepareGap(tables: Tables, o: GapOptions): GapData {
  const hukouRows = tables['china_hukou_urbanisation.csv'].filter((r) => inYears(Number(r.values.year), o.years));
  const hukou = hukouRows
    .map((r) => ({ r, q: quality(r) }))
    .filter((x): x is { r: TableRow; q: Quality } => x.q !== null)
    .map(({ r, q }) => datum(r, 'hukou_urban_pct', q)!)
    .sort((a, b) => a.year - b.year);
  const from = o.years?.[0] ?? hukou[0]!.year;
  const resident = nbsYearEnd(tables, [from, o.years?.[1] ?? 9999]).map(({ row, q }) => datum(row, 'urban_pct', q)!);
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
  return {
    kind: 'gap',
    unit: '%',
    source: `公安部户籍数据（经国家统计局发布）、国家统计局常住人口城镇化率，${from}–${to}年`,
    footnote:
      (missing.length ? `户籍人口城镇化率缺 ${yearList(missing)} 年（2022年起不再逐年公布），留空不插值；` : '') +
      (hollow.length ? `空心点（${yearList(hollow)}年）出自非官方汇编；` : '') +
      '差距 = 常住人口城镇化率 − 户籍人口城镇化率（百分点）。',
    series: [
      { id: 'resident', label: '常住人口城镇化率', points: resident, style: 0 },
      { id: 'hukou', label: '户籍人口城镇化率', points: hukou, style: 1 },
    ],
    gaps,
    years: [from, to],
  };
}

/** kind `cities`: the 2020 census's 超大 and 特大 cities. */
export function prepareCities(tables: Tables, o: CitiesOptions): CitiesData {
  const cities = tables['china_megacities_census2020.csv']
    .filter((r) => o.classes.includes(String(r.values.size_class_zh)))
    .map((r) => ({
      rank: Number(r.values.rank_by_urban_core_pop),
      name: String(r.values.city_zh),
      sizeClass: String(r.values.size_class_zh),
      population:
        typeof r.values.urban_core_pop_million === 'number'
          ? {
              year: 2020,
              value: r.values.urban_core_pop_million,
              text: r.raw.urban_core_pop_million!,
              quality: 'official' as const,
            }
          : null,
    }))
    .sort((a, b) => a.rank - b.rank);
  const known = cities.filter((c) => c.population);
  return {
    kind: 'cities',
    unit: '百万人',
    source: '国家统计局，第七次全国人口普查（2020年11月1日），超大、特大城市名单（《求是》2021年第18期）',
    footnote:
      '按城区常住人口排序；超大城市：城区常住人口1000万以上，特大城市：500万–1000万。' +
      (known.length
        ? `城区人口仅${known.map((c) => `${c.name}（${c.population!.text}百万）`).join('、')}有公开数值，其余城市不作估计。`
        : ''),
    cities,
    classes: o.classes,
  };
}
