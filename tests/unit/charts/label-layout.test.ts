import { describe, expect, it } from 'vitest';
import { dodge } from '../../../src/charts/label-layout.ts';

const gaps = (ys: number[]): number[] => {
  const s = [...ys].sort((a, b) => a - b);
  return s.slice(1).map((y, i) => y - s[i]!);
};

describe('dodge()', () => {
  it('leaves labels that do not overlap where they want to be', () => {
    expect(dodge([{ y: 10 }, { y: 100 }, { y: 50 }], 30)).toEqual([10, 100, 50]);
  });

  it('spreads overlapping labels around their mean, in order, one line apart', () => {
    const ys = dodge([{ y: 100 }, { y: 104 }], 30);
    expect(ys[0]).toBeCloseTo(87);
    expect(ys[1]).toBeCloseTo(117);
  });

  it('never lets two labels overlap, whatever the wishes (qi-world: six countries near 2050)', () => {
    const wishes = [22.6, 47.3, 57.9, 69.7, 99.3, 145.7, 144.2].map((y) => ({ y }));
    const ys = dodge(wishes, 34);
    for (const g of gaps(ys)) expect(g).toBeGreaterThanOrEqual(34 - 1e-9);
    // Order kept: a label never jumps over its neighbour.
    const byWish = wishes.map((w, i) => [w.y, ys[i]!] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    for (let i = 1; i < byWish.length; i++) expect(byWish[i]![1]).toBeGreaterThan(byWish[i - 1]![1]);
  });

  it('keeps labels inside the plot', () => {
    const ys = dodge([{ y: 2 }, { y: 4 }, { y: 6 }], 30, 0, 400);
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(15);
    expect(gaps(ys)).toEqual([30, 30]);
    const low = dodge([{ y: 398 }, { y: 399 }], 30, 0, 400);
    expect(Math.max(...low)).toBeLessThanOrEqual(385);
  });

  it('moves a crowded label as little as the others allow', () => {
    // Three labels at one place: the middle one stays, the others go a line up and down.
    expect(dodge([{ y: 200 }, { y: 200 }, { y: 200 }], 30)).toEqual([170, 200, 230]);
  });
});
