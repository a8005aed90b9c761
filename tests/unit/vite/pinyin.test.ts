import { describe, expect, it } from 'vitest';
import { compileDeck } from '../../../src/markdown/compile.ts';
import { pinyinExtension, readingsOf } from '../../../src/vite/pinyin.ts';
import { deckFolder } from '../../../src/deck-folder.ts';

describe('readingsOf()', () => {
  it('gives every toneless reading of each Han character, ü both as v and u', () => {
    const r = readingsOf('行绿城 A1，。');
    expect(r['行']!.split(' ')).toEqual(expect.arrayContaining(['xing', 'hang']));
    expect(r['绿']!.split(' ')).toEqual(expect.arrayContaining(['lv', 'lu']));
    expect(r['城']).toBe('cheng');
    expect(Object.keys(r).sort()).toEqual(['城', '绿', '行'].sort());
  });
});

describe('pinyinExtension()', () => {
  it("ships the readings of the deck's own characters only, from every text a reader can search", () => {
    const text = [
      '---',
      'id: opening',
      'kind: opening',
      'label: 开篇',
      'title: 城市',
      'theme: 城市',
      'minutes: 2',
      'deck:',
      '  title: 讲话',
      '---',
      '',
      '## 城中村',
      '',
      '改造',
      '',
      'Note:',
      '韧性安全',
    ].join('\n');
    const deck = compileDeck([{ file: 'slides/00-test.md', text }]);
    const folder = deckFolder(process.cwd());
    const { pinyin } = pinyinExtension().exports!(deck, folder) as { pinyin: Record<string, string> };
    expect(Object.keys(pinyin).sort()).toEqual(
      [...'开篇城市讲话中村改造韧性安全'].filter((c, i, a) => a.indexOf(c) === i).sort(),
    );
    expect(pinyin['村']).toBe('cun');
  });
});
