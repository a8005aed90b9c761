import { describe, expect, it } from 'vitest';
import { findLists } from '../../../src/import/lists.ts';

describe('findLists()', () => {
  it('takes 、-lists as items of similar length, cut at 等 and split at 和', () => {
    expect(findLists('城市治理现代化涉及规模、角色、短板、伦理、技术和文化等多方面内容')[0]!.items).toEqual([
      '规模',
      '角色',
      '短板',
      '伦理',
      '技术',
      '文化',
    ]);
    expect(findLists('要抓好房屋建筑、城市桥梁、建筑幕墙、隧道等工程的安全监管')[0]).toEqual({
      items: ['房屋建筑', '城市桥梁', '建筑幕墙', '隧道'],
      span: '房屋建筑、城市桥梁、建筑幕墙、隧道',
    });
  });

  it('trims the last item to its neighbours’ length when no 等 ends the list', () => {
    expect(findLists('提高社会治理社会化、法治化、智能化、专业化水平')[0]!.items).toEqual([
      '社会化',
      '法治化',
      '智能化',
      '专业化',
    ]);
  });

  it('never rewords: every item is a piece of the text; clauses are not lists', () => {
    const text = '只有经过“身入”基层、“心到”基层的调研，有了现场看、当面听、直接问和“七嘴八舌式”的讨论';
    for (const list of findLists(text)) for (const item of list.items) expect(text).toContain(item);
    expect(findLists('我们要把这件事情认认真真地从头到尾做好、把那件事情也要认认真真地从头做好').length).toBe(0);
  });
});
