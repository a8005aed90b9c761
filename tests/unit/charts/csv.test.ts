import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_LIMITS, cellPositions, parseTable, scanCsv } from '../../../src/charts/data/csv.ts';
import { loadTables } from '../../../src/charts/data/load.ts';
import { DeckError } from '../../../src/markdown/errors.ts';

const DIR = 'tests/fixtures/data';
const data = loadTables(process.cwd());
/** The schema a CSV of the deck is read with: from its sidecar in assets/data/. */
const schemaOf = (name: string) => data.tables.get(name)!.sidecar.schema;
const schema = schemaOf('china_hukou_urbanisation');
const parse = (name: string) => parseTable(`${DIR}/${name}`, readFileSync(path.join(DIR, name), 'utf8'), schema);

/** Every bad data fixture (read with the household-registration schema) and its exact message. */
const BAD: Record<string, string> = {
  'bad-cell.csv':
    'bad-cell.csv:3:6: 列“hukou_urban_pct”里的值“35.9%”不合规（bad value） — 写数字，如 51.27（只写数字和小数点，不写 % 或千位分隔符）',
  'bad-duplicate-year.csv':
    'bad-duplicate-year.csv:4:1: 重复的一行：year=2012，第 2 行已经有了（duplicate key） — 每个 year 只留一行；不要取平均或合并数值',
  'bad-empty-required.csv':
    'bad-empty-required.csv:2:6: 列“hukou_urban_pct”的格子是空的（empty cell） — 写数字，如 51.27（只写数字和小数点，不写 % 或千位分隔符）',
  'bad-empty.csv':
    'bad-empty.csv:1: 数据文件是空的（empty data file） — 按来源（见 SOURCES.md）恢复表头（year,hukou_urban_pct,source_ids,quality,note）和数据行',
  'bad-header-only.csv':
    'bad-header-only.csv:1: 数据文件只有表头，没有数据行（no rows） — 按来源（见 SOURCES.md）恢复数据行',
  'bad-missing-column.csv':
    'bad-missing-column.csv:1: 缺少列“hukou_urban_pct”（missing column） — 表头要有这些列：year、hukou_urban_pct、source_ids、quality、note',
  'bad-not-utf8.csv':
    'bad-not-utf8.csv:2:31: 数据文件不是 UTF-8 编码（not UTF-8） — 用表格软件另存为“CSV UTF-8”，表头和数值保持不变',
  'bad-quality.csv':
    'bad-quality.csv:2:16: 列“quality”里的值“guess”不合规（bad value） — 写 official_quoted、official_compiled、third_party、secondary_only 之一',
  'bad-row-width.csv':
    'bad-row-width.csv:3: 这一行有 6 格，表头有 5 列（row width） — 每行每列一格；格子里有逗号时整格加引号，如 "a, b"',
  'bad-unexpected-column.csv':
    'bad-unexpected-column.csv:1:46: 多了一列“extra”（unexpected column） — 表头只能是这些列：year、hukou_urban_pct、source_ids、quality、note；要加新列，先写进数据集的说明',
  'bad-year.csv': 'bad-year.csv:2:1: 列“year”里的值“12”不合规（bad value） — 写四位数的年份，如 2011',
};

describe('parseTable()', () => {
  it('accepts a byte-order mark and CRLF line ends', () => {
    const rows = parse('good-bom-crlf.csv');
    expect(rows.map((r) => [r.line, r.values.year, r.values.hukou_urban_pct, r.raw.note])).toEqual([
      [2, 2012, 35.33, 'CASS gives 35.29'],
      [3, 2014, 35.9, ''],
    ]);
  });

  it('has a test for every bad data fixture', () => {
    expect(
      readdirSync(DIR)
        .filter((f) => f.startsWith('bad-'))
        .sort(),
    ).toEqual(Object.keys(BAD).sort());
  });

  for (const [name, message] of Object.entries(BAD)) {
    it(`stops on ${name} with file:line[:column] and what to do`, () => {
      expect(() => parse(name)).toThrow(DeckError);
      expect(() => parse(name)).toThrow(`${DIR}/${message}`);
    });
  }

  it('finds cell columns past quoted commas and CRLF line ends', () => {
    expect(cellPositions('a,b\r\n"x, y",2\r\n')).toEqual([
      { line: 1, columns: [1, 3] },
      { line: 2, columns: [1, 8] },
    ]);
  });

  it('counts CR-only and mixed line ends as line ends, as the parser does', () => {
    expect(cellPositions('a,b\r1,2\n3,"x\r\ny"\r4,5')).toEqual([
      { line: 1, columns: [1, 3] },
      { line: 2, columns: [1, 3] },
      { line: 3, columns: [1, 3] },
      { line: 5, columns: [1, 3] },
    ]);
  });

  it('opens a quoted cell only at the start of a field, as d3-dsv does', () => {
    expect(scanCsv('a,b"c\n1,2\n')).toEqual({
      records: [
        { line: 1, columns: [1, 3] },
        { line: 2, columns: [1, 3] },
      ],
      unterminated: null,
    });
    expect(scanCsv('a,b\n1,"open\n2,3\n').unterminated).toEqual({ line: 2, column: 3 });
  });

  it('bounds a data file: at most DATA_LIMITS rows and characters', () => {
    const head = 'year,hukou_urban_pct,source_ids,quality,note\n';
    const rows = Array.from({ length: DATA_LIMITS.rows + 1 }, (_, i) => `2012,35.33,S${i},third_party,\n`).join('');
    expect(() => parseTable('x.csv', head + rows, schema)).toThrow(
      `x.csv:1: 数据文件有 ${DATA_LIMITS.rows + 1} 行，超过上限 ${DATA_LIMITS.rows} 行 — 数据文件只放图表要画的数据：先筛选出需要的行`,
    );
    expect(() => parseTable('x.csv', head + 'x'.repeat(DATA_LIMITS.chars), schema)).toThrow(
      /^x\.csv:1: 数据文件太大（/,
    );
  });

  it('reads every shipped data file, keeping values exactly as written', () => {
    const rows = (name: string) => data.tables.get(name)!.rows;
    expect(rows('china_urbanisation_nbs')).toHaveLength(56);
    expect(rows('wb_urban_pct_1960_2024')).toHaveLength(585);
    expect(rows('un_wup_urban_pct_projections_2024_2050')).toHaveLength(243);
    expect(rows('china_hukou_urbanisation')).toHaveLength(9);
    expect(rows('china_megacities_census2020')).toHaveLength(21);
    const y2024 = rows('china_urbanisation_nbs').find(
      (r) => r.values.year === 2024 && r.values.measure === 'year_end',
    )!;
    expect(y2024.raw.urban_pct).toBe('67.00');
    expect(y2024.values.urban_pct).toBe(67);
  });

  it('allows the same year under another measure, but not twice under one', () => {
    const text = 'year,hukou_urban_pct,source_ids,quality,note\n2020,45.4,S18,official_quoted,\n';
    expect(parseTable('x.csv', text, schema)).toHaveLength(1);
    const nbs = schemaOf('china_urbanisation_nbs');
    const head = Object.keys(nbs.columns).join(',');
    const ok = `${head}\n2020,63.89,,,,year_end,v,S,official_quoted,\n2020,63.89,,,,census_2020,v,S,official_quoted,\n`;
    expect(parseTable('n.csv', ok, nbs)).toHaveLength(2);
    expect(() => parseTable('n.csv', ok + '2020,63.9,,,,year_end,v,S,official_quoted,\n', nbs)).toThrow(
      'n.csv:4:14: 重复的一行：measure=year_end、year=2020，第 2 行已经有了（duplicate key）',
    );
  });
});
