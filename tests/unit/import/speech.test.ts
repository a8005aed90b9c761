import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileImported, importFile, notesWithoutEditor, same } from './helpers.ts';

/** Our own speech, as given to the project: the round trip the importer must pass. */
const SPEECH = 'assets/source/speech.txt';
const { input, result } = await importFile(SPEECH);
const deck = compileImported(result);
const slides = deck.parts.flatMap((p) => p.slides);

/** Sentences: split after 。！？ (and ? !), and at line ends. */
function sentences(text: string): string[] {
  return text
    .split('\n')
    .flatMap((line) => (line.match(/[^。！？?!]+(?:[。！？?!]+”?|$)/g) ?? []).map(same).filter(Boolean));
}

describe('importing assets/source/speech.txt', () => {
  it('gives a deck that compiles, with every sentence in the notes, in order, exactly once', () => {
    const notes = same(notesWithoutEditor(deck));
    const all = sentences(readFileSync(SPEECH, 'utf8'));
    expect(all.length).toBeGreaterThan(60);
    let cursor = 0;
    for (const sentence of all) {
      const at = notes.indexOf(sentence, cursor);
      expect(at, `missing or out of order: ${sentence}`).toBeGreaterThanOrEqual(0);
      cursor = at + sentence.length;
    }
    // Nothing else: the notes without the editor's lines are the text itself.
    expect(notes).toBe(same(input.blocks.map((b) => b.text).join('')));
  });

  it('finds parts 一…三 labelled by the speech’s own frame 起承转合, and reports 四 (合) missing', () => {
    expect(result.structure.parts.map((p) => [p.number, p.label])).toEqual([
      [1, '起'],
      [2, '承'],
      [3, '转'],
    ]);
    expect(deck.parts.map((p) => p.label)).toEqual(['开篇', '起', '承', '转']);
    expect(result.structure.missing).toEqual(['合']);
    expect(result.report).toContain('第四部分（合）在原文中没有');
  });

  it('finds the sections (一)(二), (一)(二), (一) and the enumerations 一要/二要, 一方面/另一方面, 一是…三是, 一是…四是', () => {
    expect(result.structure.parts.map((p) => p.sections.map((s) => s.marker))).toEqual([
      ['(一)', '(二)'],
      ['(一)', '(二)'],
      ['(一)'],
    ]);
    const markers = result.structure.units.filter((u) => u.marker).map((u) => u.marker!.text);
    expect(markers).toEqual([
      '一要',
      '二要',
      '一方面',
      '另一方面',
      '一是',
      '二是',
      '三是',
      '一是',
      '二是',
      '三是',
      '四是',
    ]);
  });

  it('reports the cut-off end (要改变) and the web page footer, and keeps both in the notes', () => {
    expect(result.report).toMatch(/讲稿在第 12 行中断：最后一句“.*要改变”没有句末标点/);
    expect(result.report).toContain('末尾 3 行是出处信息');
    const footer = slides.at(-1)!.notes.at(-1)!;
    expect(footer.role).toBe('source');
    expect(same(footer.text)).toContain(same('本文链接:https://www.feels123.com/article/31.html'));
  });

  it('makes quote slides of the five attributed quotations, captioned as the text names the speaker', () => {
    const captions = slides
      .filter((s) => s.layout === 'quote')
      .map((s) => s.html.match(/<figcaption>(.*?)<\/figcaption>/)![1]!);
    expect(captions).toEqual([
      '在党的二十大报告中，习近平总书记',
      '2024年春节前夕，习近平总书记视察我市时',
      '马克思',
      '习近平总书记',
      '习近平总书记',
    ]);
  });

  it('estimates minutes at 220 字/分钟: about 13 minutes in all', () => {
    const total = deck.parts.reduce((n, p) => n + p.minutes, 0);
    // 2875 spoken characters (no punctuation, no title or footer) / 220 ≈ 13.1.
    expect(total).toBeGreaterThan(12.5);
    expect(total).toBeLessThan(13.6);
  });
});
