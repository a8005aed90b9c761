import { t } from '../common/i18n.ts';
import type { ChartData } from './types.ts';

/** A chart's data as a table: header cells and rows of text, exactly as published. */
export interface DataTable {
  columns: string[];
  rows: string[][];
}

/**
 * The "查看数据" table of a chart: one row per year (or city), one column per series, the
 * values exactly as published; a missing value is an empty cell, never a computed one.
 */
export function dataTable(data: ChartData): DataTable {
  if (data.kind === 'cities') {
    return {
      columns: [t('chartRank'), t('chartCity'), t('chartClass'), `${t('chartUrban')}（${t('chartUnitMillion')}）`],
      rows: data.cities.map((c) => [String(c.rank), c.name, c.sizeClass, c.population?.text ?? t('chartCityUnknown')]),
    };
  }
  const series = data.series;
  const years = [...new Set(series.flatMap((s) => s.points.map((p) => p.year)))].sort((a, b) => a - b);
  const unit = data.unit === '%' ? '%' : t('chartUnitMillion');
  const columns = [t('chartYear'), ...series.map((s) => `${s.label}（${unit}）`)];
  const extra: { head: string; cell: (year: number) => string }[] = [];
  if (data.kind === 'trend') {
    extra.push({
      head: `${t('chartCensus')} / ${t('chartSurvey')}（%）`,
      cell: (y) =>
        data.benchmarks
          .filter((b) => b.year === y)
          .map((b) => `${b.text}（${b.label}）`)
          .join('；'),
    });
  }
  if (data.kind === 'gap') {
    extra.push({ head: t('chartGapColumn'), cell: (y) => data.gaps.find((g) => g.year === y)?.gap.toFixed(2) ?? '' });
  }
  const trendYears = data.kind === 'trend' ? data.benchmarks.map((b) => b.year) : [];
  const allYears = [...new Set([...years, ...trendYears])].sort((a, b) => a - b);
  return {
    columns: [...columns, ...extra.map((e) => e.head)],
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
