import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSidecarTables, parseSidecar } from '../../../src/charts/data/sidecar.ts';
import { deckFolder } from '../../../src/deck-folder.ts';
import { DeckError, problemsOf } from '../../../src/markdown/errors.ts';

const GOOD = [
  'title: 某市常住人口城镇化率',
  'source: 某市统计局，统计公报',
  'columns:',
  '  year: year',
  '  urban_pct: { type: number, label: 城镇化率, unit: "%", min: 0, max: 100 }',
  '  urban_pop: { type: number, label: 城镇人口, unit: 万人, optional: true }',
  '',
].join('\n');

const messages = (text: string): string[] => {
  try {
    parseSidecar('data/城镇化.yaml', text, '城镇化.csv');
  } catch (e) {
    return problemsOf(e as DeckError).map((p) => p.message);
  }
  return [];
};

describe('parseSidecar()', () => {
  it('reads the columns, their labels, units and ranges, and the source line', () => {
    const s = parseSidecar('data/城镇化.yaml', GOOD, '城镇化.csv');
    expect(s.name).toBe('城镇化');
    expect(s.title).toBe('某市常住人口城镇化率');
    expect(s.source).toBe('某市统计局，统计公报');
    expect(s.columns.urban_pct).toEqual({
      type: {
        type: 'number',
        optional: false,
        range: {
          min: 0,
          max: 100,
          what: '城镇化率',
        },
      },
      label: '城镇化率',
      unit: '%',
    });
    expect(s.columns.year!.label).toBe('year');
    expect(s.schema.key).toEqual(['year']);
  });

  it('requires a source line and reports every mistake at its own line, with the nearest word', () => {
    const bad = GOOD.replace('source: 某市统计局，统计公报\n', 'sorce: 某市\n')
      .replace('urban_pct: { type: number,', 'urban_pct: { type: nubmer,')
      .replace('optional: true', 'optinal: true');
    expect(messages(bad)).toEqual([
      'data/城镇化.yaml:1: 数据说明缺少 source（图表下方的来源一行，如 国家统计局，常住人口城镇化率） — 加一行 source: …',
      'data/城镇化.yaml:2:1: 数据说明里未知的字段“sorce”（sidecar field） — 您是否想写 source？可用的字段：title、source、footnote、provenance、licence、columns、key',
      'data/城镇化.yaml:5:3: 列 urban_pct 的类型“nubmer”不对（column type） — 您是否想写 number？type 写 year、integer、number、text、enum 之一',
      'data/城镇化.yaml:6:53: 列 urban_pop 的说明里未知的字段“optinal”（column field） — 您是否想写 optional？可用的字段：type、values、label、unit、min、max、optional',
    ]);
  });

  it('explains YAML mistakes in words', () => {
    expect(messages(GOOD.replace('source: ', 'source： '))).toEqual([
      'data/城镇化.yaml:2:7: 字段名 source 后面用了全角冒号“：”，YAML 只认半角冒号（full-width colon） — 改成半角冒号加一个空格：source: 某市统计局，统计公报',
    ]);
  });
});

describe('loadSidecarTables()', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'sidecar-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const deck = deckFolder(process.cwd(), tmp);
  mkdirSync(deck.data, { recursive: true });
  mkdirSync(deck.slides, { recursive: true });

  it('reads each CSV with its sidecar, checks finite numbers and ranges at line:column', () => {
    writeFileSync(path.join(deck.data, '城镇化.yaml'), GOOD);
    writeFileSync(path.join(deck.data, '城镇化.csv'), 'year,urban_pct,urban_pop\n2020,63.89,\n2021,64.72,91425\n');
    const tables = loadSidecarTables(deck);
    expect(tables.get('城镇化')!.rows.map((r) => r.values)).toEqual([
      { year: 2020, urban_pct: 63.89, urban_pop: null },
      { year: 2021, urban_pct: 64.72, urban_pop: 91425 },
    ]);
    writeFileSync(path.join(deck.data, '城镇化.csv'), 'year,urban_pct,urban_pop\n2020,638.9,\n2021,NaN,\n');
    expect(() => loadSidecarTables(deck)).toThrow(
      `${tmp}/assets/data/城镇化.csv:2:6: 列 "urban_pct" 的值 638.9 超出合理范围 0–100（城镇化率） — 检查是否抄错（多了或少了位数、多了负号）；确实超出时，改数据说明（.yaml）里这一列的 min 和 max`,
    );
    writeFileSync(path.join(deck.data, '城镇化.csv'), 'year,urban_pct,urban_pop\n2021,NaN,\n');
    expect(() => loadSidecarTables(deck)).toThrow(`${tmp}/assets/data/城镇化.csv:2:6: 列“urban_pct”里的值“NaN”不合规`);
  });

  it('reports a sidecar whose CSV is missing', () => {
    writeFileSync(path.join(deck.data, '人口.yaml'), GOOD);
    expect(() => loadSidecarTables(deck)).toThrow(
      `${tmp}/assets/data/人口.yaml:1: 数据说明旁边没有同名的 CSV 文件 人口.csv（sidecar without CSV）`,
    );
  });
});
