import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTables } from '../../../src/charts/data/load.ts';
import { chartPayload, validateChart } from '../../../src/charts/validate.ts';
import { compileDeck } from '../../../src/markdown/compile.ts';
import type { SourceFile } from '../../../src/markdown/types.ts';

const DIR = 'tests/fixtures/charts';
const fixture = (dir: string, name: string): SourceFile => ({
  file: `${dir}/${name}`,
  text: readFileSync(path.join(dir, name), 'utf8'),
});
const first = fixture('tests/fixtures/markdown', 'good-first.md');
const tables = loadTables(process.cwd());
const compile = (name: string) =>
  compileDeck([first, fixture(DIR, name)], { validateChart: (spec) => validateChart(spec, tables) });

/** Every bad chart declaration and the exact message the build prints for it. */
const BAD: Record<string, string> = {
  'bad-annotate.md':
    'bad-annotate.md:13:1: 选项 annotate 里有未知的值 "peak"（chart option value） — 可用的值：reform、half、latest',
  'bad-country.md':
    'bad-country.md:13:1: 选项 countries 里有未知的值 "FRA"（chart option value） — 可用的值：CHN、WLD、USA、JPN、DEU、GBR、KOR、IND、BRA',
  'bad-dataset-for-kind.md':
    'bad-dataset-for-kind.md:13:1: 数据集“megacities-2020”没有 trend 图要读的表 national（dataset） — 写成 dataset: nbs-urbanisation，或换一种图表类型；在 assets/data/megacities-2020.yaml 的 tables: 下加上 national: CSV 名',
  'bad-dataset.md': 'bad-dataset.md:13:1: 未知的数据集“nbs”（dataset） — trend 图能画的数据集：nbs-urbanisation',
  'bad-kind.md':
    'bad-kind.md:12:1: 未知的图表类型“lines”（chart kind） — 您是否想写 line？可用的类型：trend、compare、population、gap、cities、line、bar',
  'bad-no-data.md':
    'bad-no-data.md:13:1: 按这些选项，图表里没有数据（no data） — 把 years 的年份改得更长，或换别的选项值',
  'bad-option-near-miss.md':
    'bad-option-near-miss.md:14:1: trend 图没有选项“anotate”（chart option） — 您是否想写 annotate？可用的选项：kind、dataset、title、years、benchmarks、annotate',
  'bad-option-type.md':
    'bad-option-type.md:13:1: 选项 benchmarks 应为 true 或 false，这里是 "yes please"（chart option） — 写成 benchmarks: true',
  'bad-option.md':
    'bad-option.md:13:1: trend 图没有选项“colour”（chart option） — 可用的选项：kind、dataset、title、years、benchmarks、annotate',
  'bad-value-near-miss.md':
    'bad-value-near-miss.md:13:1: 选项 annotate 里有未知的值 "lastest"（chart option value） — 您是否想写 latest？可用的值：reform、half、latest',
  'bad-years.md':
    'bad-years.md:13:1: 选项 years 应为两个年份，如 [1978, 2024]，这里是 [2024,1978]（chart option） — 写成 years: [1978, 2024]',
};

describe('validateChart()', () => {
  it('has a test for every bad chart fixture', () => {
    const files = readdirSync(DIR).filter((f) => f.startsWith('bad-'));
    expect(files.sort()).toEqual(Object.keys(BAD).sort());
  });

  for (const [name, message] of Object.entries(BAD)) {
    it(`reports ${name} at the key's own line, with the known names`, () => {
      expect(() => compile(name)).toThrow(`${DIR}/${message}`);
    });
  }

  it('accepts a declaration with every trend option and resolves the rest from defaults', () => {
    const deck = compile('good-all.md');
    const payload = chartPayload(deck.charts[0]!, tables);
    expect(payload.kind).toBe('trend');
    expect(payload.options).toMatchObject({ title: '城镇化率', years: [1949, 2024], benchmarks: true });
  });
});
