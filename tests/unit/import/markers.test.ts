import { describe, expect, it } from 'vitest';
import { chains, markerAt, partNumber, sectionNumber } from '../../../src/import/markers.ts';
import { parseChineseNumber } from '../../../src/import/text.ts';

describe('numbering', () => {
  it('reads part and section numbers in full and half width', () => {
    expect(partNumber('一、认清形势')).toEqual({ n: 1, length: 2 });
    expect(partNumber('十二．总结')).toEqual({ n: 12, length: 3 });
    expect(partNumber('一是加强')).toBeNull();
    expect(sectionNumber('（三）做好预案')).toEqual({ n: 3, length: 3 });
    expect(sectionNumber('(二）储备')?.n).toBe(2);
    expect(parseChineseNumber('二十')).toBe(20);
  });

  it('reads enumeration markers but not words that only contain them', () => {
    expect(markerAt('二是落实责任')).toMatchObject({ series: '是', n: 2 });
    expect(markerAt('１．上门服务')).toMatchObject({ series: '1.', n: 1 });
    expect(markerAt('另一方面，改变格局')).toMatchObject({ series: '方面', n: 2 });
    expect(markerAt('第三，要落实')).toMatchObject({ series: '第', n: 3, text: '第三' });
    expect(markerAt('1.5亿人')).toBeNull();
    expect(markerAt('统一是前提')).toBeNull();
  });

  it('keeps only markers that count 1, 2, 3… in a row', () => {
    const m = (text: string) => ({ ...markerAt(text)! });
    const accepted = chains([
      { index: 0, marker: m('二是a') },
      { index: 1, marker: m('一是b') },
      { index: 2, marker: m('二是c') },
      { index: 3, marker: m('首先d') },
      { index: 4, marker: m('最后e') },
      { index: 5, marker: m('1.f') },
    ]);
    expect([...accepted.keys()]).toEqual([1, 2, 3, 4]);
    expect(accepted.get(4)?.n).toBe(2);
  });
});
