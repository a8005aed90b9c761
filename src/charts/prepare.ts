import { t, type UiKey } from '../common/i18n.ts';
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

/** The World Bank / UN country codes in the data, with the key of each one's Chinese name. */
export const COUNTRY_NAMES = {
  CHN: 'chartCountryCHN',
  WLD: 'chartCountryWLD',
  USA: 'chartCountryUSA',
  JPN: 'chartCountryJPN',
  DEU: 'chartCountryDEU',
  GBR: 'chartCountryGBR',
  KOR: 'chartCountryKOR',
  IND: 'chartCountryIND',
  BRA: 'chartCountryBRA',
} as const satisfies Record<string, UiKey>;

function countryName(code: string): string {
  return code in COUNTRY_NAMES ? t(COUNTRY_NAMES[code as keyof typeof COUNTRY_NAMES]) : code;
}

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

/**
 * NBS year-end figures before 1982 come from household-registration reports, and 1982–1989 were
 * adjusted to the censuses (assets/data/SOURCES.md, caveat 4): the footnote says so whenever the
 * chart draws such years, since the chart calls the series 常住人口.
 */
const REGISTRATION_BEFORE = 1982;
const CENSUS_ADJUSTED_UNTIL = 1989;

function registrationNote(years: readonly number[]): string {
  return (
    (years.some((y) => y < REGISTRATION_BEFORE) ? t('chartRegistration') : '') +
    (years.some((y) => y >= REGISTRATION_BEFORE && y <= CENSUS_ADJUSTED_UNTIL) ? t('chartCensusAdjusted') : '')
  );
}

/** The year-end series' step between the last first-published year and the census year (caveat 1). */
const REVISION_STEP = [2019, 2020] as const;

function span(points: readonly Datum[]): [number, number] {
  return [points[0]!.year, points.at(-1)!.year];
}

/** kind `trend`: NBS year-end series, benchmarks, milestones. */
export function prepareTrend(tables: Tables, o: TrendOptions): TrendData {
  const points = nbsYearEnd(tables, o.years).map(({ row, q }) => datum(row, 'urban_pct', q)!);
  const series: Series = { id: 'year_end', label: t('chartYearEnd'), points, style: 0 };
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
            label: t(census ? 'chartCensus' : 'chartSurvey'),
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
  const [before, after] = REVISION_STEP;
  const step = v(before) && v(after) ? t('chartTrendStep', { a: v(before)!, b: v(after)! }) : '';
  return {
    kind: 'trend',
    unit: '%',
    source: t('chartYears', { source: DATASETS['nbs-urbanisation'].source, from, to }),
    footnote: t('chartTrendFootnote', {
      registration: registrationNote(points.map((p) => p.year)),
      step,
      hollow: hollow.length ? t('chartHollowYears', { years: yearList(hollow) }) : '',
      excluded: yearList(excludedYears(tables)),
    }),
    series: [series],
    benchmarks,
    annotations,
    years: [from, to],
  };
}

/** kind `compare`: World Bank estimates and UN projections per country. */
export function prepareCompare(tables: Tables, o: CompareOptions): CompareData {
  const series: Series[] = [];
  const speed: CompareData['speed'] = [];
  // A projection whose base year differs from the estimate of that year starts its dashed line
  // somewhere else (OWID's World aggregate is not WDI's): the footnote gives both values.
  const joins: string[] = [];
  const estimates = tables['wb_urban_pct_1960_2024.csv'];
  const projections = tables['un_wup_urban_pct_projections_2024_2050.csv'];
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
  const nbsLatest = nbsYearEnd(tables, null).at(-1);
  const same = wbChina && nbsLatest && wbChina.values.year === nbsLatest.row.values.year;
  return {
    kind: 'compare',
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
    crossover && !urban.some((u) => u.year === crossover.year - 1)
      ? t('chartNoYearEnd', { year: crossover.year - 1 })
      : '';
  return {
    kind: 'population',
    unit: t('chartUnitMillion'),
    source: t('chartPopulationSource', { from, to }),
    footnote: t('chartPopulationFootnote', {
      registration: registrationNote(years),
      crossover: crossover ? t('chartPopulationCrossover', { year: crossover.year, before }) : '',
    }),
    series: [
      { id: 'urban', label: t('chartUrban'), points: urban, style: 0 },
      { id: 'rural', label: t('chartRural'), points: rural, style: 1 },
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
  const [before, after] = REVISION_STEP.map((y) => gaps.find((g) => g.year === y));
  const step =
    before && after
      ? t('chartGapStep', {
          a: before.resident.text,
          b: after.resident.text,
          gapA: before.gap.toFixed(2),
          gapB: after.gap.toFixed(2),
        })
      : '';
  return {
    kind: 'gap',
    unit: '%',
    source: t('chartGapSource', { from, to }),
    footnote: t('chartGapFootnote', {
      missing: missing.length ? t('chartGapMissing', { years: yearList(missing) }) : '',
      step,
      hollow: hollow.length ? t('chartHollowYears', { years: yearList(hollow) }) : '',
    }),
    series: [
      { id: 'resident', label: t('chartResident'), points: resident, style: 0 },
      { id: 'hukou', label: t('chartHukou'), points: hukou, style: 1 },
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
    unit: t('chartUnitMillion'),
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
