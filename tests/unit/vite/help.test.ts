import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadDeckData } from '../../../src/charts/data/deck-data.ts';
import { KINDS } from '../../../src/charts/registry.ts';
import { LAYOUTS, SLIDE_ATTRIBUTE_DOCS } from '../../../src/markdown/attributes.ts';
import { DECK_FIELDS, PART_FIELDS } from '../../../src/markdown/frontmatter.ts';
import { helpText } from '../../../src/vite/help.ts';

describe('npm run deck -- help', () => {
  const data = loadDeckData(process.cwd());
  const text = helpText(data);
  const lines = text.split('\n');

  it('lists every layout and slide attribute the compiler accepts, with what it does in Chinese', () => {
    for (const layout of LAYOUTS)
      expect(lines.some((l) => new RegExp(`^  ${layout}  \\S*[\\u4e00-\\u9fff]`).test(l))).toBe(true);
    for (const a of SLIDE_ATTRIBUTE_DOCS) expect(text).toContain(`    ${a.write}  ${a.doc}`);
    for (const field of [...Object.keys(PART_FIELDS), ...Object.keys(DECK_FIELDS)])
      expect(text).toMatch(new RegExp(`^ +${field}:`, 'm'));
  });

  it('lists every chart kind with each option, its type and its default', () => {
    expect(lines.filter((l) => l.startsWith('  kind: '))).toHaveLength(KINDS.length);
    expect(text).toContain(
      '    annotate: 列表，取自 reform、half、latest。标注的节点：reform（1978 年）、half（年末值首次超过 50%）、latest（最新一年）。默认：[reform, half, latest]',
    );
    expect(text).toContain(
      '    speed: 两个年份，如 [1978, 2024]。[起, 止]：按这段年份算每 10 年提高的百分点。默认：[1980, 2020]',
    );
    for (const kind of KINDS) {
      expect(text).toContain(`  kind: ${kind.name}  ${kind.zh}`);
      for (const option of Object.keys(kind.options)) expect(text).toMatch(new RegExp(`^    ${option}: .*默认：`, 'm'));
    }
  });

  it('lists every dataset of the deck with the columns of each of its files', () => {
    expect(data.datasets.size).toBeGreaterThan(0);
    for (const dataset of data.datasets.values()) {
      expect(text).toContain(`  dataset: ${dataset.name}  ${dataset.info.title}  来源：${dataset.info.source}`);
      for (const csv of Object.values(dataset.roles ?? { '': dataset.name })) {
        for (const column of Object.keys(data.tables.get(csv)!.sidecar.columns))
          expect(text).toMatch(new RegExp(`^    (\\w+: )?${csv}\\.csv：.*${column}（`, 'm'));
      }
    }
  });

  it('is what the command prints, and an unknown command says what to type', () => {
    const run = (args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'scripts/deck.ts', ...args], { encoding: 'utf8' });
    const help = run(['help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toBe(`${text}\n`);
    const wrong = run(['hepl']);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toBe('未知的命令“hepl” — 写 npm run deck -- help\n');
  }, 60_000);
});
