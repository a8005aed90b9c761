import { describe, expect, it } from 'vitest';
import { inlineRuns, runsText, slideBlocks } from '../../../../src/export/pptx/blocks.ts';
import { compileDeck } from '../../../../src/markdown/compile.ts';

/** Compiles one slide of Markdown and returns its blocks: the same HTML the deck projects. */
function blocksOf(markdown: string): ReturnType<typeof slideBlocks> {
  const deck = compileDeck([
    {
      file: 'slides/00-test.md',
      text: `---\nid: t\nkind: opening\nlabel: 开篇\ntitle: 测试\nminutes: 1\ndeck:\n  title: 测试\n---\n\n${markdown}\n`,
    },
  ]);
  return slideBlocks(deck.parts[0]!.slides[0]!.html);
}

describe('slideBlocks()', () => {
  it('keeps the first heading as a heading block and lists as bullet paragraphs with their levels', () => {
    const blocks = blocksOf('## 标题\n\n- 一\n  - 一之一\n    - 更深\n- 二\n');
    expect(blocks[0]).toEqual({ kind: 'heading', level: 2, runs: [{ text: '标题' }] });
    const text = blocks[1]!;
    expect(text.kind).toBe('text');
    if (text.kind !== 'text') return;
    expect(text.paragraphs.map((p) => [runsText(p.runs), p.bullet?.level])).toEqual([
      ['一', 0],
      ['一之一', 1],
      ['更深', 2],
      ['二', 0],
    ]);
  });

  it('numbers ordered lists from their start', () => {
    const blocks = blocksOf('## 标题\n\n3. 三\n4. 四\n');
    const text = blocks[1]!;
    if (text.kind !== 'text') throw new Error('expected text');
    expect(text.paragraphs.map((p) => [p.bullet?.ordered, p.bullet?.number])).toEqual([
      [true, 3],
      [true, 4],
    ]);
  });

  it('keeps bold, emphasis, code and small as runs, and merges neighbours of one style', () => {
    const blocks = blocksOf('## 标题\n\n人民群众的**获得感、幸福感**和*安全感*，`code` <small>注</small>\n');
    const text = blocks[1]!;
    if (text.kind !== 'text') throw new Error('expected text');
    expect(text.paragraphs[0]!.runs).toEqual([
      { text: '人民群众的' },
      { text: '获得感、幸福感', bold: true },
      { text: '和' },
      { text: '安全感', italic: true },
      { text: '，' },
      { text: 'code', code: true },
      { text: ' ' },
      { text: '注', small: true },
    ]);
  });

  it('reads a quotation with its attribution, and a plain block quote without', () => {
    const blocks = blocksOf('## 标题\n\n> 城市本身表明了人口的集中\n> —— 马克思\n\n> 不畏浮云遮望眼。\n');
    expect(blocks[1]).toEqual({
      kind: 'quote',
      paragraphs: [{ runs: [{ text: '城市本身表明了人口的集中' }] }],
      attribution: [{ text: '马克思' }],
    });
    expect(blocks[2]).toEqual({
      kind: 'quote',
      paragraphs: [{ runs: [{ text: '不畏浮云遮望眼。' }] }],
      attribution: null,
    });
  });

  it('keeps links to slides and to web addresses on their runs', () => {
    const deck = compileDeck([
      {
        file: 'slides/00-test.md',
        text: '---\nid: t\nkind: opening\nlabel: 开篇\ntitle: 测试\nminutes: 1\ndeck:\n  title: 测试\n---\n\n{#a}\n\n## 一\n\n见[第二页](#b)与[网页](https://example.org/)\n\n---\n\n{#b}\n\n## 二\n',
      },
    ]);
    const blocks = slideBlocks(deck.parts[0]!.slides[0]!.html);
    const text = blocks[1]!;
    if (text.kind !== 'text') throw new Error('expected text');
    expect(text.paragraphs[0]!.runs).toEqual([
      { text: '见' },
      { text: '第二页', link: { slide: 'b' } },
      { text: '与' },
      { text: '网页', link: { url: 'https://example.org/' } },
    ]);
  });

  it('places charts and the structure diagram, and drops the diagram’s fallback list', () => {
    const blocks = blocksOf('## 结构\n\n```structure\n```\n\n- [起](#t-jie-gou)\n- [承](#t-jie-gou)\n\n后记\n');
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'structure', 'text']);
    const chart = slideBlocks('<h2>图</h2>\n<figure class="chart" id="chart-x" data-chart="chart-x"></figure>');
    expect(chart[1]).toEqual({ kind: 'chart', id: 'chart-x' });
  });

  it('keeps a line break inside a paragraph as a break run', () => {
    const text = slideBlocks('<p>第一行<br>第二行</p>')[0]!;
    if (text.kind !== 'text') throw new Error('expected text');
    expect(text.paragraphs[0]!.runs).toEqual([{ text: '第一行' }, { text: '', lineBreak: true }, { text: '第二行' }]);
  });

  it('collapses HTML whitespace and trims paragraph ends', () => {
    const doc = slideBlocks('<p>  一  二\n</p>')[0]!;
    if (doc.kind !== 'text') throw new Error('expected text');
    expect(doc.paragraphs[0]!.runs).toEqual([{ text: '一 二' }]);
    expect(inlineRuns([])).toEqual([]);
  });

  it('reads pictures and tables', () => {
    const blocks = slideBlocks(
      '<p><img src="img/a.png" alt="照片"></p><table><thead><tr><th>年</th><th>值</th></tr></thead><tbody><tr><td>2023</td><td><strong>66.16</strong></td></tr></tbody></table>',
    );
    expect(blocks[0]).toEqual({ kind: 'image', src: 'img/a.png', alt: '照片' });
    expect(blocks[1]).toEqual({
      kind: 'table',
      header: [[{ text: '年' }], [{ text: '值' }]],
      rows: [[[{ text: '2023' }], [{ text: '66.16', bold: true }]]],
    });
  });
});
