import { describe, expect, it } from 'vitest';
import { textWidth } from '../../../src/common/text-width.ts';
import { wrapText } from '../../../src/structure/wrap.ts';

describe('wrapText()', () => {
  it('breaks Chinese text by characters within the width', () => {
    expect(wrapText('把握城镇化发展规律立足国情', 5, 5)).toEqual({
      lines: ['把握城镇化', '发展规律立', '足国情'],
      truncated: false,
    });
  });

  it('never starts a line with closing punctuation nor ends one with an opening mark', () => {
    const { lines } = wrapText('理顺政府与市场，政府与社会的关系', 5, 5);
    for (const line of lines) expect('，。、；：？！）》”'.includes(line[0]!)).toBe(false);
    expect(lines.join('')).toBe('理顺政府与市场，政府与社会的关系');
    const quoted = wrapText('推动社会治理“四化”见效', 6, 5).lines;
    for (const line of quoted) expect(line.endsWith('“')).toBe(false);
  });

  it('keeps numbers and Latin words whole', () => {
    const { lines } = wrapText('我国城镇化率 1978—2024', 8, 3);
    expect(lines.some((l) => l.includes('1978'))).toBe(true);
    expect(lines.join('|')).not.toMatch(/19\|78|20\|24/);
  });

  it('shortens with "…" beyond the allowed lines, within the width', () => {
    const result = wrapText('从全球化和本土化的历史方位中把握城镇化发展规律', 6, 2);
    expect(result.truncated).toBe(true);
    expect(result.lines).toHaveLength(2);
    expect(result.lines[1]!.endsWith('…')).toBe(true);
    for (const line of result.lines) expect(textWidth(line)).toBeLessThanOrEqual(6);
  });
});
