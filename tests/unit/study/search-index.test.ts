import { describe, expect, it } from 'vitest';
import { buildIndex, echoQuery, search, snippet, type SearchDoc } from '../../../src/runtime/study/search-index.ts';

const DOCS: SearchDoc[] = [
  { slideId: 'a', field: 'slide', text: '城市治理（一）把握城镇化发展规律' },
  { slideId: 'a', field: 'notes', text: '城镇化率达到67.00%，城市治理是国家治理的重要内容。城市治理要精细。' },
  { slideId: 'b', field: 'notes', text: '有人问：(x) 与 .* 是什么？' },
];

describe('search()', () => {
  const index = buildIndex(DOCS);

  it('lists each document with its first match and a count, in deck order', () => {
    const r = search(index, '城市治理');
    expect(r.hits.map((h) => [h.doc.slideId, h.doc.field, h.count])).toEqual([
      ['a', 'slide', 1],
      ['a', 'notes', 2],
    ]);
    expect(r.total).toBe(3);
    expect(r.slides).toBe(1);
    const notes = r.hits[1]!;
    expect(notes.doc.text.slice(notes.start, notes.end)).toBe('城市治理');
  });

  it('matches regex-like queries as plain text', () => {
    expect(search(index, '.*').hits.map((h) => h.doc.slideId)).toEqual(['b']);
    expect(search(index, '(').hits.map((h) => h.doc.slideId)).toEqual(['a', 'b']);
    expect(search(index, '[').hits).toEqual([]);
    expect(search(index, '\\').hits).toEqual([]);
  });

  it('ignores full-width/half-width differences and lands on the original text', () => {
    const r = search(index, '(一)');
    expect(r.hits).toHaveLength(1);
    const h = r.hits[0]!;
    expect(h.doc.text.slice(h.start, h.end)).toBe('（一）');
    const q = search(index, '有人问:（ｘ）');
    expect(q.hits).toHaveLength(1);
    expect(q.hits[0]!.doc.text.slice(q.hits[0]!.start, q.hits[0]!.end)).toBe('有人问：(x)');
  });

  it('returns nothing for a blank query', () => {
    expect(search(index, '   ')).toEqual({ query: '', hits: [], total: 0, slides: 0, docs: 0 });
    expect(search(index, '\u3000').hits).toEqual([]);
  });

  it('limits the hits but still counts every match', () => {
    const r = search(index, '城', 1);
    expect(r.hits).toHaveLength(1);
    expect(r.docs).toBe(2);
    expect(r.total).toBeGreaterThan(3);
  });
});

describe('snippet()', () => {
  it('cuts around the match with ellipses and collapses whitespace', () => {
    const text = '甲乙丙丁戊己庚辛壬癸\n\n子丑寅卯辰巳午未申酉戌亥';
    const start = text.indexOf('子丑');
    const s = snippet(text, start, start + 2, 3);
    expect(s).toEqual({ before: '…癸 ', match: '子丑', after: '寅卯辰…' });
  });

  it('has no ellipsis at the ends of the text', () => {
    expect(snippet('城市治理', 0, 2, 10)).toEqual({ before: '', match: '城市', after: '治理' });
  });
});

describe('echoQuery()', () => {
  it('keeps a short query as typed, trimmed', () => {
    expect(echoQuery('  城市治理 ')).toBe('城市治理');
  });

  it('cuts a pasted page of text to a few words with an ellipsis', () => {
    const echoed = echoQuery('城'.repeat(100_000));
    expect(echoed).toBe(`${'城'.repeat(24)}…`);
  });

  it('never splits a character outside the basic plane', () => {
    expect(echoQuery('𠮷'.repeat(30))).toBe(`${'𠮷'.repeat(24)}…`);
  });
});
