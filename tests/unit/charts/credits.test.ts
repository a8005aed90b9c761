import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartCredits } from '../../../src/charts/credits.ts';
import { loadTables } from '../../../src/charts/data/load.ts';
import { deckFolder } from '../../../src/deck-folder.ts';
import { DeckError } from '../../../src/markdown/errors.ts';
import { compileDeck } from '../../../src/markdown/compile.ts';
import type { Deck, Slide } from '../../../src/markdown/types.ts';
import { compileFolder, readSlideFiles } from '../../../src/vite/deck-plugin.ts';
import { deckExtensions } from '../../../src/vite/extensions.ts';

const FRONT = '---\nid: opening\nkind: opening\nlabel: 开篇\ntitle: 开篇\nminutes: 2\ndeck:\n  title: 测试\n---\n\n';
const SIDECAR =
  'title: 某区绿地面积\nsource: 某区园林局，绿地统计（测试数据）\nprovenance: 某区园林局年报 2020–2023，https://example.org/green\nlicence: 政府公开数据\ncolumns:\n  year: year\n  green: { type: number, label: 绿地面积, unit: 公顷 }\n';

/** A scratch deck: a new CSV with its sidecar, a chart of it, and a 资料来源 slide with ```sources. */
function scratchDeck(sidecar = SIDECAR): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'deck-credits-'));
  mkdirSync(path.join(dir, 'slides'));
  mkdirSync(path.join(dir, 'assets', 'data'), { recursive: true });
  writeFileSync(path.join(dir, 'assets', 'data', '绿地.csv'), 'year,green\n2020,120\n2021,131\n2023,150\n');
  writeFileSync(path.join(dir, 'assets', 'data', '绿地.yaml'), sidecar);
  writeFileSync(
    path.join(dir, 'slides', '00-opening.md'),
    `${FRONT}{#green}\n\n## 绿地\n\n\`\`\`chart\nkind: line\ndataset: 绿地\ny: green\n\`\`\`\n\nNote:\n\n绿地逐年增加。\n\n---\n\n{#sources}\n\n## 资料来源\n\n\`\`\`sources\n\`\`\`\n\nNote:\n\n::: source\n讲稿取自 https://speech.example.com/1 。\n:::\n`,
  );
  return dir;
}

describe('the 资料来源 slide’s ```sources block', () => {
  let dir = '';
  let deck: Deck;
  let sources: Slide;
  beforeAll(() => {
    dir = scratchDeck();
    deck = compileFolder(deckFolder(process.cwd(), dir), deckExtensions);
    sources = deck.parts[0]!.slides.find((s) => s.id === 'sources')!;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('credits a new CSV from its sidecar: its name, source line and licence on the slide', () => {
    expect(sources.html).toContain('<li>某区绿地面积：某区园林局，绿地统计（测试数据）</li>');
    expect(sources.text).toMatch(/许可：政府公开数据/);
    expect(sources.html).not.toContain(' data-sources>');
  });

  it('puts the full provenance in the notes as provenance (source role), before the author’s own', () => {
    const source = sources.notes.filter((b) => b.role === 'source');
    expect(source).toHaveLength(2);
    expect(source[0]!.text).toContain('某区园林局年报 2020–2023，https://example.org/green');
    expect(source[0]!.text).toContain('许可：政府公开数据');
    expect(source[1]!.text).toContain('speech.example.com');
  });

  it('never projects a web address: provenance and the speech’s origin stay off the slide', () => {
    expect(sources.html).not.toMatch(/https?:|example\.(org|com)/);
  });

  it('warns, naming the sidecar, when a dataset gives no licence, and says so on the slide', () => {
    const bare = scratchDeck(SIDECAR.replace(/licence:.*\n/, ''));
    try {
      const d = compileFolder(deckFolder(process.cwd(), bare), deckExtensions);
      const slide = d.parts[0]!.slides.find((s) => s.id === 'sources')!;
      expect(slide.text).toContain('许可：某区绿地面积：未注明');
      expect(d.warnings.map((w) => w.message)).toContainEqual(
        expect.stringMatching(/^数据“绿地”的说明没有写许可（licence）.* — 在 .*绿地\.yaml 里加一行 licence:/),
      );
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });
});

describe('chartCredits()', () => {
  it('credits each dataset this deck’s charts draw once, in the order first drawn', () => {
    const folder = deckFolder(process.cwd());
    const deck = compileDeck(readSlideFiles(folder));
    const credits = chartCredits(deck.charts, loadTables(folder));
    expect(credits.map((c) => c.dataset)).toEqual([
      'megacities-2020',
      'nbs-urbanisation',
      'wb-urban-share',
      'hukou-urbanisation',
    ]);
    expect(credits.every((c) => c.source && c.licence && c.file.startsWith('assets/data/'))).toBe(true);
  });
});

describe('compileDeck() with a ```sources block', () => {
  const compile = (body: string): Deck => compileDeck([{ file: 'slides/00-opening.md', text: FRONT + body }]);
  it('refuses it in the notes, at its line', () => {
    expect(() => compile('## 一\n\nNote:\n\n```sources\n```\n')).toThrow(
      /^slides\/00-opening\.md:15: 资料来源（```sources）不能放在备注里 — /,
    );
  });
  it('refuses text inside it: the credits come from the data descriptions', () => {
    const error = (() => {
      try {
        compile('## 一\n\n```sources\n国家统计局\n```\n\nNote:\n\n一。\n');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(DeckError);
    expect(String((error as Error).message)).toMatch(/^slides\/00-opening\.md:13: ```sources 代码块里不写内容/);
  });
  it('warns when the deck has no chart to credit', () => {
    const deck = compile('## 资料来源\n\n```sources\n```\n\nNote:\n\n一。\n');
    expect(deck.warnings.map((w) => `${w.line}: ${w.message}`)).toContainEqual(
      '13: ```sources 没有可列的数据：演示文稿里没有图表（chart） — 删去这个代码块，或在它下面手写资料来源',
    );
  });
});
