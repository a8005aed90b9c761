import type { Range, TableRow, TableSchema } from './csv.ts';

/** Plausible values: a value outside its column's range stops the build (a typo, a lost sign). */
const YEARS: Range = { min: 1900, max: 2100, what: '年份' };
const PERCENT: Range = { min: 0, max: 100, what: '百分比' };
const CHINA_MILLIONS: Range = { min: 0, max: 2000, what: '全国人口，百万人' };
const CITY_MILLIONS: Range = { min: 0, max: 50, what: '一座城市的城区人口，百万人' };
const RANK: Range = { min: 1, max: 1000, what: '名次' };

const QUALITY = ['official_quoted', 'official_compiled', 'third_party', 'secondary_only'] as const;

/** Every CSV file the charts read, by file name in `assets/data/`, with its schema. */
export const TABLES = {
  'china_urbanisation_nbs.csv': {
    columns: {
      year: { type: 'year', range: YEARS },
      urban_pct: { type: 'number', range: PERCENT },
      urban_pop_million: { type: 'number', optional: true, range: CHINA_MILLIONS },
      rural_pop_million: { type: 'number', optional: true, range: CHINA_MILLIONS },
      total_pop_million: { type: 'number', optional: true, range: CHINA_MILLIONS },
      measure: {
        type: 'enum',
        values: ['year_end', 'census_2000', 'census_2010', 'census_2020', 'sample_survey_1pct'],
      },
      vintage: { type: 'text' },
      source_ids: { type: 'text' },
      quality: { type: 'enum', values: QUALITY },
      note: { type: 'text', optional: true },
    },
    key: ['measure', 'year'],
  },
  'china_hukou_urbanisation.csv': {
    columns: {
      year: { type: 'year', range: YEARS },
      hukou_urban_pct: { type: 'number', range: PERCENT },
      source_ids: { type: 'text' },
      quality: { type: 'enum', values: QUALITY },
      note: { type: 'text', optional: true },
    },
    key: ['year'],
  },
  'china_megacities_census2020.csv': {
    columns: {
      rank_by_urban_core_pop: { type: 'integer', range: RANK },
      city_zh: { type: 'text' },
      city_en: { type: 'text' },
      size_class_zh: { type: 'enum', values: ['超大城市', '特大城市'] },
      size_class_en: { type: 'text' },
      urban_core_pop_million: { type: 'number', optional: true, range: CITY_MILLIONS },
      census: { type: 'text' },
      source_ids: { type: 'text' },
    },
    key: ['city_zh'],
  },
  'wb_urban_pct_1960_2024.csv': {
    columns: {
      country_code: { type: 'text' },
      country: { type: 'text' },
      year: { type: 'year', range: YEARS },
      urban_pct: { type: 'number', range: PERCENT },
    },
    key: ['country_code', 'year'],
  },
  'un_wup_urban_pct_projections_2024_2050.csv': {
    columns: {
      country_code: { type: 'text' },
      country: { type: 'text' },
      year: { type: 'year', range: YEARS },
      urban_pct: { type: 'number', range: PERCENT },
      kind: { type: 'enum', values: ['base_year', 'projection'] },
    },
    key: ['country_code', 'year'],
  },
} as const satisfies Record<string, TableSchema>;

export type TableName = keyof typeof TABLES;

/** Every loaded table, by file name. */
export type Tables = Record<TableName, TableRow[]>;

/** A dataset named in a ```chart block: the files it reads and how to credit them. */
export interface DatasetInfo {
  /** The files read (from `assets/data/`). */
  tables: readonly TableName[];
  /** Publisher and indicator, in Chinese, for the one-line source under the chart. */
  source: string;
  /** Full provenance for the sources slide. */
  provenance: string;
  licence: string;
}

/** The datasets a ```chart block may name. */
export const DATASETS = {
  'nbs-urbanisation': {
    tables: ['china_urbanisation_nbs.csv'],
    source: '国家统计局，常住人口城镇化率（年末数；普查与1%抽样调查）',
    provenance:
      '国家统计局发布数据（新闻稿、统计公报、《中国统计年鉴》表格的第三方转录等，来源编号 S01–S31，见 assets/data/SOURCES.md）；年份不连续处为缺失，未插值；2002–2009、2011–2019 为初次公布数',
    licence: '政府公开统计数据',
  },
  'wb-urban-share': {
    tables: ['wb_urban_pct_1960_2024.csv', 'un_wup_urban_pct_projections_2024_2050.csv', 'china_urbanisation_nbs.csv'],
    source: '世界银行 WDI SP.URB.TOTL.IN.ZS；联合国《世界城镇化展望》预测（经 OWID）',
    provenance:
      '世界银行世界发展指标 SP.URB.TOTL.IN.ZS（2025-07-01 更新，基于联合国《世界城镇化展望》2018，S40，经 OWID 副本 S41 核对）；2024–2050 年预测取自 Our World in Data（HYDE 估计与联合国预测，S43）',
    licence: '世界银行 CC BY 4.0；OWID CC BY 4.0；联合国 WUP CC BY 3.0 IGO',
  },
  'hukou-urbanisation': {
    tables: ['china_hukou_urbanisation.csv', 'china_urbanisation_nbs.csv'],
    source: '公安部户籍数据（经国家统计局发布）；国家统计局常住人口城镇化率',
    provenance:
      '户籍人口城镇化率：公安部数据，见国家统计局公报、《第七次全国人口普查公报（第七号）》及新闻发布会（S01、S07、S18、S24–S26、S32；2012、2016、2019、2021 年为第三方汇编 S25）；2022 年起不再逐年公布',
    licence: '政府公开统计数据',
  },
  'megacities-2020': {
    tables: ['china_megacities_census2020.csv'],
    source: '国家统计局，第七次全国人口普查（2020年11月1日），城区常住人口',
    provenance:
      '第七次全国人口普查超大、特大城市名单，按城区常住人口排序，出自《求是》2021年第18期国家统计局图表（S06、S33、S34）；城区人口仅成都、武汉两市有数',
    licence: '政府公开统计数据',
  },
} as const satisfies Record<string, DatasetInfo>;

export type DatasetName = keyof typeof DATASETS;
