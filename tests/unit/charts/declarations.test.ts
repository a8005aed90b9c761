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
const HINT = ' — 改正 ```chart 代码块（可用的图表类型和选项见 docs/authoring.md 的 Charts 一节）';

/** Every bad chart declaration and the exact message the build prints for it. */
const BAD: Record<string, string> = {
  'bad-kind.md':
    'bad-kind.md:11: unknown chart kind "lines" — expected one of: "trend", "compare", "population", "gap", "cities"',
  'bad-dataset.md':
    'bad-dataset.md:11: unknown dataset "nbs" — expected one of: "nbs-urbanisation", "wb-urban-share", "hukou-urbanisation", "megacities-2020"',
  'bad-dataset-for-kind.md':
    'bad-dataset-for-kind.md:11: a trend chart cannot draw dataset "megacities-2020" — expected: "nbs-urbanisation"',
  'bad-option.md':
    'bad-option.md:11: unknown option "colour" for a trend chart — expected one of: "kind", "dataset", "title", "years", "benchmarks", "annotate"',
  'bad-option-type.md': 'bad-option-type.md:11: option "benchmarks" must be true or false',
  'bad-years.md': 'bad-years.md:11: option "years" must be two years such as [1978, 2024]',
  'bad-country.md':
    'bad-country.md:11: unknown countries value "FRA" — expected one of: "CHN", "WLD", "USA", "JPN", "DEU", "GBR", "KOR", "IND", "BRA"',
  'bad-annotate.md': 'bad-annotate.md:11: unknown annotate value "peak" — expected one of: "reform", "half", "latest"',
  'bad-no-data.md': 'bad-no-data.md:11: the chart has no data for these options — widen "years" or choose other values',
};

describe('validateChart()', () => {
  it('has a test for every bad chart fixture', () => {
    const files = readdirSync(DIR).filter((f) => f.startsWith('bad-'));
    expect(files.sort()).toEqual(Object.keys(BAD).sort());
  });

  for (const [name, message] of Object.entries(BAD)) {
    it(`reports ${name} with file:line and the known names`, () => {
      expect(() => compile(name)).toThrow(`${DIR}/${message}${HINT}`);
    });
  }

  it('accepts a declaration with every trend option and resolves the rest from defaults', () => {
    const deck = compile('good-all.md');
    const payload = chartPayload(deck.charts[0]!, tables);
    expect(payload.kind).toBe('trend');
    expect(payload.options).toMatchObject({ title: '城镇化率', years: [1949, 2024], benchmarks: true });
  });
});
