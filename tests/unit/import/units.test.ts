import { describe, expect, it } from 'vitest';
import { endsSentence, splitUnits } from '../../../src/import/units.ts';

describe('splitUnits()', () => {
  it('splits after 。！？ and ；, keeping closing quotation marks, and gives back the text', () => {
    const text = '一要尊重规律；二要顺应趋势。他说：“好！”大家笑了?最后一句';
    const units = splitUnits(text);
    expect(units).toEqual(['一要尊重规律；', '二要顺应趋势。', '他说：“好！”', '大家笑了?', '最后一句']);
    expect(units.join('')).toBe(text);
  });

  it('does not split inside a quotation', () => {
    expect(splitUnits('马克思指出:“城市是集中;乡村是分散。”与农村相比。')).toEqual([
      '马克思指出:“城市是集中;乡村是分散。”',
      '与农村相比。',
    ]);
  });
});

describe('endsSentence()', () => {
  it('knows a sentence end from a cut-off', () => {
    expect(endsSentence('谢谢大家！')).toBe(true);
    expect(endsSentence('他说：“好。”')).toBe(true);
    expect(endsSentence('四是推动专业化。要改变')).toBe(false);
  });
});
