import { describe, expect, it } from 'vitest';
import {
  contextBefore,
  inSpeechOrder,
  locate,
  mergeNotes,
  notesFromMarkdown,
  notesToMarkdown,
  parseNotes,
  type StudyNote,
} from '../../../src/runtime/study/notes.ts';

const note = (over: Partial<StudyNote>): StudyNote => ({
  id: 'n1',
  slideId: 'qi-trend',
  quote: '城镇化率',
  before: '',
  note: '',
  at: 1,
  ...over,
});

describe('locate()', () => {
  it('finds the quote again in a rebuilt text, and says so when the text changed', () => {
    const text = '一、城市发展\n我国城镇化率稳步提高。';
    expect(locate(text, note({}))).toBe(text.indexOf('城镇化率'));
    expect(locate('我国城镇化水平稳步提高。', note({}))).toBe(-1);
  });

  it('tells repeated phrases apart by the characters before them', () => {
    const text = '常住人口城镇化率……户籍人口城镇化率';
    const second = text.lastIndexOf('城镇化率');
    expect(locate(text, note({ before: contextBefore(text, second) }))).toBe(second);
    expect(locate(text, note({ before: '' }))).toBe(text.indexOf('城镇化率'));
  });
});

describe('parseNotes()', () => {
  it('keeps well-formed notes and drops anything else', () => {
    const good = note({ note: '要记住' });
    expect(parseNotes([good, null, 3, { id: 'x' }, { ...good, quote: '  ' }, { ...good, note: 5 }])).toEqual([
      good,
      { ...good, note: '' },
    ]);
    expect(parseNotes('[]')).toEqual([]);
    expect(parseNotes(undefined)).toEqual([]);
  });
});

describe('Markdown export and import', () => {
  const deck = {
    title: '讲话',
    order: ['qi-trend', 'qi-world'],
    slideTitle: (id: string) => ({ 'qi-trend': '城镇化进程', 'qi-world': '国际比较' })[id] ?? '',
    href: (id: string) => `https://example.org/deck/?view=read#/${id}`,
  };

  it('writes each quote, its note and a link back, and reads them back on another device', () => {
    const notes = [
      note({ id: 'a', quote: '城镇化率', before: '我国', note: '第一条\n两行' }),
      note({ id: 'b', slideId: 'qi-world', quote: '国际先进经验\n第二段', note: '' }),
    ];
    const md = notesToMarkdown(notes, deck);
    expect(md).toContain('# 我的笔记：讲话');
    expect(md).toContain('## 1. 城镇化进程');
    expect(md).toContain('> 城镇化率');
    expect(md).toContain('第一条\n两行');
    expect(md).toContain('[回到原文](https://example.org/deck/?view=read#/qi-trend)');
    const back = notesFromMarkdown(md, 100);
    expect(back.map(({ slideId, quote, before, note: n }) => ({ slideId, quote, before, note: n }))).toEqual([
      { slideId: 'qi-trend', quote: '城镇化率', before: '我国', note: '第一条\n两行' },
      { slideId: 'qi-world', quote: '国际先进经验\n第二段', before: '', note: '' },
    ]);
  });

  it('ignores sections without a quote or a link, and text that is not an export', () => {
    expect(notesFromMarkdown('## 1. 标题\n\n没有引文\n\n[回到原文](x#/a)\n')).toEqual([]);
    expect(notesFromMarkdown('## 1. 标题\n\n> 引文\n')).toEqual([]);
    expect(notesFromMarkdown('随便一段文字')).toEqual([]);
  });

  it('merges an import without doubling notes already there', () => {
    const mine = [note({ id: 'a' })];
    const incoming = [note({ id: 'b' }), note({ id: 'c', quote: '新的' })];
    expect(mergeNotes(mine, incoming).map((n) => n.id)).toEqual(['a', 'c']);
  });
});

describe('inSpeechOrder()', () => {
  it('orders by slide, then by place in the slide, then by age', () => {
    const notes = [
      note({ id: 'w', slideId: 'qi-world' }),
      note({ id: 't2', quote: 'b', at: 1 }),
      note({ id: 't1', quote: 'a', at: 2 }),
      note({ id: 'gone', slideId: 'removed' }),
    ];
    const offset = (n: StudyNote) => ({ a: 0, b: 5 })[n.quote as 'a' | 'b'] ?? 0;
    expect(inSpeechOrder(notes, ['qi-trend', 'qi-world'], offset).map((n) => n.id)).toEqual(['t1', 't2', 'w', 'gone']);
  });
});
