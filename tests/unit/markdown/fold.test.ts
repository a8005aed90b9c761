import { describe, expect, it } from 'vitest';
import { foldQuery, foldText, originalRange } from '../../../src/markdown/fold.ts';

describe('foldText()', () => {
  it('folds full-width punctuation, letters and digits to half-width', () => {
    expect(foldText('（一），：；！？ＡＢｃ１２３').text).toBe('(一),:;!?abc123');
  });

  it('folds the ideographic space and whitespace runs to one space', () => {
    const f = foldText('城市\u3000\u3000治理\n\t现代化');
    expect(f.text).toBe('城市 治理 现代化');
    expect(f.starts).toHaveLength(f.text.length);
  });

  it('maps a folded match back to the original characters', () => {
    const source = '推进会：\u3000提升（城市）治理';
    const f = foldText(source);
    const q = foldQuery('： 提升(城市)');
    const at = f.text.indexOf(q);
    expect(at).toBeGreaterThanOrEqual(0);
    const { start, end } = originalRange(f, at, at + q.length);
    expect(source.slice(start, end)).toBe('：\u3000提升（城市）');
  });

  it('keeps characters outside the width pairs unchanged, one to one', () => {
    const source = '人民城市人民建，人民城市为人民。';
    const f = foldText(source);
    expect(f.text).toBe('人民城市人民建,人民城市为人民。');
    f.starts.forEach((s, i) => expect(s).toBe(i));
  });

  it('folds curly quotes and the halfwidth full stop', () => {
    expect(foldText('“城市”｡').text).toBe('"城市"。');
  });

  it('folds a query and trims it', () => {
    expect(foldQuery('  ＣＩＴＹ　治理 ')).toBe('city 治理');
  });
});
