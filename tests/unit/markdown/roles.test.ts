import { describe, expect, it } from 'vitest';
import { directionLike, splitRoles } from '../../../src/markdown/roles.ts';

describe('splitRoles()', () => {
  it('gives text outside ::: blocks the speech role, with file lines', () => {
    const blocks = splitRoles('同志们：\n\n::: direction\n停顿。\n:::\n\n讲稿。', 'a.md', 10);
    expect(blocks.map((b) => [b.role, b.line, b.markdown])).toEqual([
      ['speech', 10, '同志们：\n'],
      ['direction', 13, '停顿。'],
      ['speech', 16, '讲稿。'],
    ]);
  });

  it('accepts the Chinese names of the roles', () => {
    const text = '::: 提示\na\n:::\n::: 备注\nb\n:::\n::: 概括\nc\n:::\n::: 出处\nd\n:::\n::: 讲稿\ne\n:::';
    expect(splitRoles(text, 'a.md', 1).map((b) => b.role)).toEqual([
      'direction',
      'note',
      'editorial',
      'source',
      'speech',
    ]);
  });

  it('leaves ::: inside a code block alone', () => {
    expect(splitRoles('```\n::: note\n```', 'a.md', 1).map((b) => b.role)).toEqual(['speech']);
  });
});

describe('directionLike()', () => {
  it.each([
    ['本页无需宣读。', '无需宣读'],
    ['请演讲者补充完善。', '请演讲者'],
    ['【开场】标题页', '【开场】'],
    ['同志们：城市治理很重要。', null],
  ])('%s → %s', (text, phrase) => {
    expect(directionLike(text)).toBe(phrase);
  });
});
