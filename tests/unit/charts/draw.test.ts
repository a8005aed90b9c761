import { describe, expect, it } from 'vitest';
import { STYLES } from '../../../src/charts/draw.ts';

/** WCAG relative luminance of a #rrggbb colour: what it prints as in greyscale. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

const contrast = (a: number, b: number): number => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

describe('series styles in greyscale print (handout, slides.pdf on a mono printer)', () => {
  it('every series colour keeps 4.5:1 against white paper when printed grey (its labels are in it)', () => {
    for (const s of STYLES) expect(contrast(luminance(s.color), 1), s.color).toBeGreaterThanOrEqual(4.5);
  });

  it('no two series share a dash pattern or a marker, so they stay apart where their greys are alike', () => {
    expect(new Set(STYLES.map((s) => s.dash)).size).toBe(STYLES.length);
    expect(new Set(STYLES.map((s) => s.symbolName)).size).toBe(STYLES.length);
  });
});
