import { describe, expect, it } from 'vitest';
import { charWidth, textWidth } from '../../../src/common/text-width.ts';

describe('textWidth()', () => {
  it('estimates CJK glyphs and full-width punctuation at one em and Latin narrower', () => {
    expect(charWidth('城')).toBe(1);
    expect(charWidth('，')).toBe(1);
    expect(charWidth('a')).toBeLessThan(1);
    expect(textWidth('2024年')).toBeCloseTo(4 * 0.66 + 1);
  });

  it('errs wide on digits and capitals, the widest Latin glyphs, so labels never overlap', () => {
    expect(charWidth('8')).toBeGreaterThanOrEqual(0.6);
    expect(charWidth('W')).toBeGreaterThan(charWidth('i'));
    expect(textWidth('中国 +10.5 个百分点/10年')).toBeGreaterThan(12);
  });
});
