import type { Datum, Quality } from '../types.ts';
import type { TableRow } from './csv.ts';

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

/** The value of `column` in a row as a point of a series (its year, number and text as published), or null when empty. */
export function datum(row: TableRow, column: string, q: Quality): Datum | null {
  const value = row.values[column];
  if (typeof value !== 'number') return null;
  return { year: Number(row.values.year), value, text: row.raw[column]!, quality: q };
}

/** Whether `year` is within `[from, to]` (every year when `years` is null). */
export function inYears(year: number, years: readonly [number, number] | null): boolean {
  return !years || (year >= years[0] && year <= years[1]);
}

/** The first and last year of year-ordered points. */
export function span(points: readonly Datum[]): [number, number] {
  return [points[0]!.year, points.at(-1)!.year];
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
