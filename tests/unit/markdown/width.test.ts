import { describe, expect, it } from 'vitest';
import { foldWidth, widenHtml, widenPunctuation } from '../../../src/markdown/width.ts';

describe('widenPunctuation()', () => {
  it.each([
    ['同志们:', '同志们：'],
    ['水平,更关乎', '水平，更关乎'],
    ['(一) 立足国情、顺势而为', '（一）立足国情、顺势而为'],
    ['城市(尤其是超大型城市)往往', '城市（尤其是超大型城市）往往'],
    ['有着怎样的关联?', '有着怎样的关联？'],
    ['治理效能;要', '治理效能；要'],
    ['“让数据多跑路”,切实', '“让数据多跑路”，切实'],
    ['来源(S01)', '来源（S01）'],
    ['本文链接:https://www.feels123.com/article/31.html', '本文链接：https://www.feels123.com/article/31.html'],
  ])('turns %s into %s', (input, output) => {
    expect(widenPunctuation(input)).toBe(output);
  });

  it.each([
    'NBS 70-year review no. 17 (2019-08-15), via Xinhua',
    '16:30:02',
    '2024:中国',
    '65.544% 对 67.00%',
    'a, b',
    '(unbalanced',
  ])('leaves %s as it is (no Chinese on the side that matters)', (input) => {
    expect(widenPunctuation(input)).toBe(input);
  });

  it('never changes a character that is not punctuation or the space padding it', () => {
    const input = '城市 (尤其是超大型城市) 往往, 具有复杂性: 系统性';
    const out = widenPunctuation(input);
    expect(out).toBe('城市（尤其是超大型城市）往往，具有复杂性：系统性');
    expect(foldWidth(out).replace(/\s/g, '')).toBe(input.replace(/\s/g, ''));
  });
});

describe('widenHtml()', () => {
  it('widens text across inline tags and leaves tags, URLs and code alone', () => {
    expect(
      widenHtml('<p><strong>获得感</strong>,幸福感 <a href="https://x.com/a,b">链接:</a><code>a,中</code></p>'),
    ).toBe('<p><strong>获得感</strong>，幸福感 <a href="https://x.com/a,b">链接：</a><code>a,中</code></p>');
  });

  it('does not read an entity as punctuation', () => {
    expect(widenHtml('<p>&quot;中文&quot;</p>')).toBe('<p>&quot;中文&quot;</p>');
  });
});

describe('foldWidth()', () => {
  it('folds full-width punctuation back to ASCII so display text compares with the source', () => {
    expect(foldWidth('（一）立足国情，顺势而为：')).toBe('(一)立足国情,顺势而为:');
  });
});
