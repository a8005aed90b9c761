import { describe, expect, it } from 'vitest';
import { findPinyin, pinyinQuery } from '../../../src/runtime/study/pinyin-match.ts';
import { buildIndex, search } from '../../../src/runtime/study/search-index.ts';
import { readingsOf } from '../../../src/vite/pinyin.ts';

const TEXT = '推进城中村改造，建设韧性安全城市。银行行长说：重要的是重新规划绿地。';
const READINGS = readingsOf(TEXT);
const found = (q: string, text = TEXT): string[] =>
  findPinyin(text, pinyinQuery(q)!, READINGS).map((m) => text.slice(m.start, m.end));

describe('pinyinQuery()', () => {
  it('drops spaces and syllable apostrophes, and refuses fewer than two letters', () => {
    expect(pinyinQuery("cheng zhong'cun")).toBe('chengzhongcun');
    expect(pinyinQuery('c')).toBeNull();
    expect(pinyinQuery('韧x')).toBeNull();
    expect(pinyinQuery('韧xi')).toBe('韧xi');
    expect(pinyinQuery('a'.repeat(65))).toBeNull();
  });
});

describe('findPinyin()', () => {
  it('finds full pinyin, initials and mixed Chinese and pinyin', () => {
    expect(found('chengzhongcun')).toEqual(['城中村']);
    expect(found('czc')).toEqual(['城中村']);
    expect(found('韧xing')).toEqual(['韧性']);
    expect(found('renxing')).toEqual(['韧性']);
    expect(found('rx')).toEqual(['韧性']);
  });

  it('matches every reading of a polyphone (行 xing/hang, 重 zhong/chong, 长 chang/zhang)', () => {
    expect(found('yinhang')).toEqual(['银行']);
    expect(found('hangzhang')).toEqual(['行长']);
    expect(found('zhongyao')).toEqual(['重要']);
    expect(found('chongxin')).toEqual(['重新']);
  });

  it('writes ü as v (as input methods type it) or u', () => {
    expect(found('lvdi')).toEqual(['绿地']);
    expect(found('ludi')).toEqual(['绿地']);
  });

  it('reads zh/ch/sh as initials and accepts a syllable still being typed at the end', () => {
    expect(found('zhc')).toEqual(['中村']);
    expect(found('gz')).toEqual(['改造']);
    expect(found('chengzh')).toEqual(['城中']);
    expect(found('chengzhongc')).toEqual(['城中村']);
  });

  it('finds nothing for letters that spell no reading here', () => {
    expect(found('xyzq')).toEqual([]);
    expect(found('chengzhongcuo')).toEqual([]);
  });

  it('knows no reading of a character the readings leave out', () => {
    expect(findPinyin('城中村', 'czc', {})).toEqual([]);
  });

  it('reports whether a match used initials', () => {
    const [whole] = findPinyin(TEXT, 'chengzhongcun', READINGS);
    const [short] = findPinyin(TEXT, 'czc', READINGS);
    expect(whole!.abbreviated).toBe(false);
    expect(short!.abbreviated).toBe(true);
  });
});

describe('search() with pinyin', () => {
  const docs = [
    { slideId: 'a', field: 'slide' as const, text: '城镇化发展' },
    { slideId: 'b', field: 'notes' as const, text: '推进城中村改造' },
    { slideId: 'c', field: 'notes' as const, text: '抓好 czc 这件事（城中村）' },
  ];
  const readings = readingsOf(docs.map((d) => d.text).join(''));
  const index = buildIndex(docs);

  it('ranks the query as typed before pinyin, and full syllables before initials', () => {
    const r = search(index, 'czc', 100, readings);
    expect(r.hits.map((h) => [h.doc.slideId, h.kind])).toEqual([
      ['c', 'text'],
      ['b', 'initials'],
    ]);
    const full = search(index, 'chengzhen', 100, readings);
    expect(full.hits.map((h) => [h.doc.slideId, h.kind])).toEqual([['a', 'pinyin']]);
    const mixed = search(index, 'cz', 100, readings);
    expect(mixed.hits.map((h) => h.kind)).toEqual(['text', 'initials', 'initials']);
  });

  it('lands a pinyin hit on the Chinese text it matched', () => {
    const [hit] = search(index, 'chengzhongcun', 100, readings).hits;
    expect(hit!.doc.text.slice(hit!.start, hit!.end)).toBe('城中村');
    expect(hit!.doc.slideId).toBe('b');
  });

  it('searches Chinese exactly when there are no readings', () => {
    expect(search(index, 'czc').hits.map((h) => h.doc.slideId)).toEqual(['c']);
  });
});
