import { describe, expect, it } from 'vitest';
import {
  lineWidth,
  paragraphLines,
  pitch,
  textHeight,
  withAutospace,
  type TextMetrics,
} from '../../../../src/export/pptx/measure.ts';

const m: TextMetrics = { size: 32, lineHeight: 1.35, paragraphGap: 0.3, bulletIndent: 1.1 };

describe('measure', () => {
  /** The width ten CJK characters need, with the 3% the measure keeps to spare. */
  const ten = 320 / 0.97 + 0.01;

  it('counts a CJK character as one em, so ten characters fill a ten-em line (with 3% to spare)', () => {
    expect(paragraphLines({ runs: [{ text: '城'.repeat(10) }] }, ten, m)).toBe(1);
    expect(paragraphLines({ runs: [{ text: '城'.repeat(10) }] }, 320, m)).toBe(2);
    expect(paragraphLines({ runs: [{ text: '城'.repeat(11) }] }, ten, m)).toBe(2);
  });

  it('takes the bullet indent off the width, one step per level', () => {
    const text = { text: '城'.repeat(10) };
    const indent = 1.1 * 32;
    expect(paragraphLines({ runs: [text], bullet: { level: 0, ordered: false, number: 1 } }, ten, m)).toBe(2);
    expect(
      paragraphLines({ runs: [text], bullet: { level: 0, ordered: false, number: 1 } }, ten + indent / 0.97, m),
    ).toBe(1);
    expect(
      paragraphLines({ runs: [text], bullet: { level: 1, ordered: false, number: 1 } }, ten + indent / 0.97, m),
    ).toBe(2);
  });

  it('leaves room for the space WPS and LibreOffice put between Chinese and Latin text', () => {
    expect(withAutospace('2024年春节（一）(二)A股')).toBe('2024 年春节（一） ( 二 )A 股');
    // 9.4 em of glyphs, but 12.7 em with the spaces: two lines.
    expect(paragraphLines({ runs: [{ text: '城a'.repeat(6) }] }, ten, m)).toBe(2);
  });

  it('wraps each piece between line breaks on its own', () => {
    expect(paragraphLines({ runs: [{ text: '一' }, { text: '', lineBreak: true }, { text: '二' }] }, 320, m)).toBe(2);
  });

  it('measures height as lines × exact pitch, each paragraph at its own size, plus the gaps', () => {
    expect(pitch(m)).toBeCloseTo(43.2);
    const h = textHeight([{ runs: [{ text: '一' }] }, { runs: [{ text: '二' }], size: 16 }], 320, m);
    expect(h).toBeCloseTo(43.2 + 16 * 1.35 + 0.3 * 32);
    expect(textHeight([], 320, m)).toBe(0);
  });

  it('estimates Latin text wide, never narrower than half an em a character', () => {
    expect(lineWidth('2024', 32)).toBeGreaterThanOrEqual(4 * 0.5 * 32);
    expect(lineWidth('城镇化', 32)).toBe(96);
  });
});
