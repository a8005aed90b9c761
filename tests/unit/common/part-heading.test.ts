import { describe, expect, it } from 'vitest';
import { partHeadingText, repeatsPart, titleWithoutLabel } from '../../../src/common/part-heading.ts';

describe('partHeadingText()', () => {
  it('never says the label twice: a title that starts with it loses it', () => {
    expect(partHeadingText({ label: '开篇', title: '开篇：运用“起承转合”的思维' })).toBe('开篇 · 运用“起承转合”的思维');
    expect(partHeadingText({ label: '起', title: '起 · 把握城镇化发展规律' })).toBe('起 · 把握城镇化发展规律');
    expect(partHeadingText({ label: '合', title: '合（编者概括）' })).toBe('合（编者概括）');
    expect(titleWithoutLabel({ label: '起', title: '起步较晚' })).toBe('起步较晚');
  });
});

describe('repeatsPart()', () => {
  const qi = { label: '起', title: '把握城镇化发展规律，强化城市治理问题导向' };
  it('knows a part title slide and a slide headed by the part label', () => {
    expect(repeatsPart('起 · 把握城镇化发展规律，强化城市治理问题导向', qi)).toBe(true);
    expect(repeatsPart('结语：起承转合', { label: '结语', title: '结语' })).toBe(true);
    expect(repeatsPart('（一）立足国情、顺势而为', qi)).toBe(false);
    expect(repeatsPart('起步较晚、水平低，但发展速度快', qi)).toBe(false);
  });
});
