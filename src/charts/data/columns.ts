import type { Datum, Series } from '../types.ts';
import type { SidecarTable } from './sidecar.ts';

/**
 * A generic chart's columns, as a ```chart block names them: `x` (a year column; default: the
 * first), `y` (one number column or a list of them, one series each), optionally `years`.
 */
export interface ColumnChoice {
  x: string;
  y: string[];
  years: [number, number] | null;
}

/** The choice of a block whose `x` and `y` were checked (validate.ts): `y` as a list, `x` defaulted. */
export function columnChoice(table: SidecarTable, options: Record<string, unknown>): ColumnChoice {
  const columns = table.sidecar.columns;
  const x =
    typeof options.x === 'string' && options.x !== ''
      ? options.x
      : (Object.keys(columns).find((n) => columns[n]!.type.type === 'year') ?? '');
  const y = typeof options.y === 'string' ? [options.y] : ((options.y as string[] | undefined) ?? []);
  const years = Array.isArray(options.years) ? (options.years as [number, number]) : null;
  return { x, y, years };
}

/**
 * One series per `y` column over the `x` years, in the years chosen: values as published (a
 * missing cell leaves a gap, nothing interpolated), labelled from the sidecar, styles in order.
 */
export function columnSeries(table: SidecarTable, choice: ColumnChoice): { series: Series[]; years: [number, number] } {
  const rows = table.rows
    .filter((r) => typeof r.values[choice.x] === 'number')
    .filter((r) => {
      const year = r.values[choice.x] as number;
      return choice.years === null || (year >= choice.years[0] && year <= choice.years[1]);
    })
    .sort((a, b) => (a.values[choice.x] as number) - (b.values[choice.x] as number));
  const all = rows.map((r) => r.values[choice.x] as number);
  // The data's own period: the smallest distance between two of its years.
  const step = Math.min(
    ...all
      .slice(1)
      .map((year, i) => year - all[i]!)
      .filter((d) => d > 0),
    1 / 0,
  );
  const series = choice.y.map((column, style): Series => {
    const points: Datum[] = rows
      .filter((r) => typeof r.values[column] === 'number')
      .map((r) => ({
        year: r.values[choice.x] as number,
        value: r.values[column] as number,
        text: r.raw[column]!,
        quality: 'official',
      }));
    return {
      id: column,
      label: table.sidecar.columns[column]!.label,
      points,
      style,
      step: Number.isFinite(step) ? step : 1,
    };
  });
  const years: [number, number] = all.length ? [all[0]!, all.at(-1)!] : (choice.years ?? [0, 0]);
  return { series, years };
}

/** The unit of the columns drawn: the first y column's (the sidecar says). */
export function columnUnit(table: SidecarTable, choice: ColumnChoice): string {
  return table.sidecar.columns[choice.y[0]!]!.unit;
}
