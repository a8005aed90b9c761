import { t } from '../../common/i18n.ts';
import type { Quality } from '../types.ts';
import type { TableRow } from './csv.ts';
import type { Dataset } from './dataset.ts';
import { inYears, quality } from './rows.ts';

/**
 * The role of the national statistics table every China series reads: yearly values by `measure`
 * (`year_end`, censuses, surveys), with a `quality` for each (the deck's data folder says which CSV).
 */
export const NBS_TABLE = 'national';

/** The columns a kind reading the national table needs. */
export const NBS_COLUMNS = [
  'year',
  'measure',
  'urban_pct',
  'urban_pop_million',
  'rural_pop_million',
  'quality',
] as const;

/** NBS year-end rows within `years` that the series draw, with their quality, in year order. */
export function nbsYearEnd(dataset: Dataset, years: readonly [number, number] | null): { row: TableRow; q: Quality }[] {
  return dataset
    .rows(NBS_TABLE)
    .filter((r) => r.values.measure === 'year_end' && inYears(Number(r.values.year), years))
    .map((row) => ({ row, q: quality(row) }))
    .filter((r): r is { row: TableRow; q: Quality } => r.q !== null)
    .sort((a, b) => Number(a.row.values.year) - Number(b.row.values.year));
}

/** Years whose NBS year-end value is left out (secondary only, or to verify). */
export function excludedYears(dataset: Dataset): number[] {
  return dataset
    .rows(NBS_TABLE)
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

/** The footnote's words on pre-1982 and 1982–1989 values, for the years drawn ('' when none). */
export function registrationNote(years: readonly number[]): string {
  return (
    (years.some((y) => y < REGISTRATION_BEFORE) ? t('chartRegistration') : '') +
    (years.some((y) => y >= REGISTRATION_BEFORE && y <= CENSUS_ADJUSTED_UNTIL) ? t('chartCensusAdjusted') : '')
  );
}

/** The year-end series' step between the last first-published year and the census year (caveat 1). */
export const REVISION_STEP = [2019, 2020] as const;
