import { t } from '../common/i18n.ts';
import type { SeriesData } from './kind.ts';

/** A chart's data as a table ("查看数据"): header cells and rows of text, exactly as published. */
export interface DataTable {
  columns: string[];
  rows: string[][];
}

/** A column a kind adds to the series table (e.g. the census figures, the gap). */
export interface ExtraColumn {
  head: string;
  cell: (year: number) => string;
}

/**
 * One row per year, one column per series, the values exactly as published; a missing value is
 * an empty cell, never a computed one. `extra` adds columns, and `years` rows, of a kind's own.
 */
export function seriesTable(
  data: SeriesData,
  extra: readonly ExtraColumn[] = [],
  years: readonly number[] = [],
): DataTable {
  const { series } = data;
  const unit = data.unit;
  const allYears = [...new Set([...series.flatMap((s) => s.points.map((p) => p.year)), ...years])].sort(
    (a, b) => a - b,
  );
  return {
    columns: [t('chartYear'), ...series.map((s) => `${s.label}（${unit}）`), ...extra.map((e) => e.head)],
    rows: allYears.map((y) => [
      String(y),
      ...series.map((s) => {
        const p = s.points.find((d) => d.year === y);
        return p ? p.text + (p.quality === 'third_party' ? `（${t('chartThirdParty')}）` : '') : '';
      }),
      ...extra.map((e) => e.cell(y)),
    ]),
  };
}

/** Whether series data has nothing to draw: a series without points. */
export function seriesEmpty(data: SeriesData): boolean {
  return data.series.some((s) => s.points.length === 0);
}
