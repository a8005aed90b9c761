import { describe, expect, it } from 'vitest';
import { DeckError } from '../../../src/markdown/errors.ts';
import { checkEveryUnitPlaced, importSpeech } from '../../../src/import/import.ts';
import { compileImported, fixtureFiles, importFile, notesWithoutEditor, same } from './helpers.ts';

describe('importSpeech() on every fixture', () => {
  for (const file of fixtureFiles()) {
    it(`${file}: builds a deck whose notes hold every word of the input, in order, and nothing else`, async () => {
      const { input, result } = await importFile(file);
      const deck = compileImported(result);
      expect(same(notesWithoutEditor(deck))).toBe(same(input.blocks.map((b) => b.text).join('')));
      // Every slide has notes, and every slide's text on screen comes from the input.
      const source = same(input.blocks.map((b) => b.text).join(''));
      for (const slide of deck.parts.flatMap((p) => p.slides)) {
        expect(
          slide.notes
            .map((n) => n.text)
            .join('')
            .trim(),
          slide.id,
        ).not.toBe('');
        if (slide.id === 'agenda') continue;
        for (const line of slide.text.split('\n').filter((l) => l.trim())) {
          const words = same(line.replace(/…$/, '').replace(/^(.+?) · /, ''));
          expect(
            source.includes(words) || source.includes(same(line.split(' · ').pop()!)),
            `${slide.id}: ${line}`,
          ).toBe(true);
        }
      }
    });
  }
});

describe('importSpeech() drafts', () => {
  it('one slide per section and per enumerated point, headed by its own words', async () => {
    const { result } = await importFile('enum-shi.txt');
    const slides = result.deck.parts.flatMap((p) => p.slides).map((s) => [s.role, s.heading]);
    expect(slides).toEqual([
      ['title', '在安全生产会议上的讲话'],
      ['part', '第一部分 · 抓好安全生产'],
      ['section', '(一) 突出重点'],
      ['point', '一是排查隐患'],
      ['point', '二是落实责任'],
      ['point', '三是加强演练'],
    ]);
  });

  it('takes bullets from the point’s own 、-list and a section’s bullets from its points', async () => {
    const { result } = await importFile('enum-shi.txt');
    const slides = result.deck.parts.flatMap((p) => p.slides);
    expect(slides.find((s) => s.heading === '一是排查隐患')!.bullets).toEqual(['厂房', '仓库', '管线', '电梯']);
    expect(slides.find((s) => s.role === 'section')!.bullets).toEqual(['一是排查隐患', '二是落实责任', '三是加强演练']);
  });

  it('makes attributed quotations quote slides with the attribution the text gives', async () => {
    const { result } = await importFile('quotes.txt');
    const deck = compileImported(result);
    const quotes = deck.parts.flatMap((p) => p.slides).filter((s) => s.layout === 'quote');
    expect(quotes.map((s) => s.html.match(/<figcaption>(.*?)<\/figcaption>/)?.[1])).toEqual([
      '孔子',
      '陶行知先生',
      '教育部门',
    ]);
    expect(result.report).toContain('原文没有说明出处的引语');
    expect(result.report).toContain('“十年树木，百年树人”');
  });

  it('lists sentences with figures and units as chart candidates, not years alone', async () => {
    const { result } = await importFile('figures.txt');
    const section = result.report.split('## 图表候选')[1]!.split('##')[0]!;
    expect(section).toContain('6.5%、0.3个百分点');
    expect(section).toContain('1.2万人、58%');
    expect(section).not.toContain('2024年是关键的一年');
  });

  it('estimates minutes from the character count at 220 字/分钟, or the rate given', async () => {
    const { input, result } = await importFile('three-parts.txt');
    const minutes = (r: typeof result): number[] =>
      r.files.filter((f) => f.path.startsWith('slides/')).map((f) => Number(/minutes: ([\d.]+)/.exec(f.text)![1]));
    // 第一部分: "一、提高认识" and its sentence, 22 characters: 0.1 minutes at 220, 0.2 at 110.
    expect(minutes(result)[1]).toBe(0.1);
    const slow = importSpeech(input, { outDir: 'x', rate: 110 });
    expect(minutes(slow)[1]).toBe(0.2);
    expect(result.report).toContain('按 220 字/分钟估算');
  });

  it('labels a three-part speech 第一部分…第三部分 in the front matter', async () => {
    const { result } = await importFile('three-parts.txt');
    const deck = compileImported(result);
    expect(deck.parts.map((p) => [p.kind, p.label])).toEqual([
      ['opening', '开篇'],
      ['part', '第一部分'],
      ['part', '第二部分'],
      ['part', '第三部分'],
    ]);
    expect(deck.meta).toMatchObject({
      title: '在全市春季植树动员会上的讲话',
      occasion: '全市春季植树动员会',
      speaker: '',
    });
  });

  it('writes what it adds in the note role (where the speech stops) and a footer in the provenance role', async () => {
    const truncated = compileImported((await importFile('truncated.txt')).result);
    const last = truncated.parts.at(-1)!.slides.at(-1)!;
    expect(last.notesText).toMatch(/对违纪行为一律$/);
    expect(last.notes.at(-1)).toMatchObject({ role: 'note', text: '讲稿原文至此中断，后文缺失。' });
    const trailer = compileImported((await importFile('trailer.txt')).result);
    const end = trailer.parts.at(-1)!.slides.at(-1)!;
    expect(end.notes.at(-1)!.role).toBe('source');
    expect(end.notes.at(-1)!.text).toContain('本文链接');
    expect(end.notesText).not.toContain('本文链接');
    // The structure slide's note is a stage direction, never speech.
    expect(trailer.parts[0]!.slides.find((s) => s.id === 'agenda')!.notes.map((n) => n.role)).toEqual(['direction']);
  });

  it('keeps Markdown-looking text literal: ---, #, 1., -, >, Note:, :::, <script>, &amp;, {.fragment}', async () => {
    const { result } = await importFile('markdown-marks.txt');
    const deck = compileImported(result);
    const html = deck.parts.flatMap((p) => p.slides.map((s) => s.notesHtml)).join('');
    expect(html).not.toMatch(/<(h1|ol|ul|blockquote|script|hr|code|em)\b/);
    expect(html).toContain('&lt;script&gt;');
    expect(
      deck.parts.flatMap((p) => p.slides).some((s) => s.notesText.includes('结尾是属性一样的文字{.fragment}')),
    ).toBe(true);
  });

  it('writes the report beside the slides', async () => {
    const { result } = await importFile('title-salutation.txt');
    expect(result.files.map((f) => f.path)).toEqual([
      'slides/00-opening.md',
      'slides/01-part-1.md',
      'slides/02-part-2.md',
      'slides/99-closing.md',
      'import-report.md',
    ]);
    expect(result.files.at(-1)!.text).toBe(result.report);
    for (const heading of ['## 结构', '## 幻灯片', '## 引语', '## 图表候选', '## 需要人工核对']) {
      expect(result.report).toContain(heading);
    }
  });

  it('fails loudly on a file with no text', () => {
    const run = (): unknown =>
      importSpeech({ file: 'empty.txt', format: '纯文本', unit: '行', blocks: [], remarks: [] }, { outDir: 'x' });
    expect(run).toThrow(DeckError);
    expect(run).toThrow(/^empty\.txt:1: 文件里没有文字/);
  });

  it('stops, naming file:line, when a sentence is missing from the notes or comes twice', async () => {
    const { input, result } = await importFile('enum-shi.txt');
    const slide = result.deck.parts[1]!.slides.find((s) => s.role === 'point')!;
    const item = slide.notes.find((n) => n.kind === 'text')!;
    if (item.kind !== 'text') throw new Error('no text');
    const [dropped, ...kept] = item.units;
    item.units = kept;
    expect(() => checkEveryUnitPlaced(input, result.structure, result.deck)).toThrow(
      new RegExp(`^tests/fixtures/import/enum-shi\\.txt:${dropped!.line}: 这句话没能放进任何一页的备注`),
    );
    item.units = [dropped!, dropped!, ...kept];
    expect(() => checkEveryUnitPlaced(input, result.structure, result.deck)).toThrow(/sentence not placed/);
  });
});
