import { describe, expect, it } from 'vitest';
import { TEXT_STEPS, parseTextStep, parseTheme } from '../../../src/runtime/study/comfort-prefs.ts';

describe('parseTextStep()', () => {
  it('reads a stored size back as its step, and anything else as the default 100%', () => {
    expect(TEXT_STEPS[parseTextStep(1.25)]).toBe(1.25);
    expect(TEXT_STEPS[parseTextStep(0.875)]).toBe(0.875);
    for (const bad of [undefined, null, '1.25', 1.3, Number.NaN, 99, {}])
      expect(TEXT_STEPS[parseTextStep(bad)]).toBe(1);
  });
});

describe('parseTheme()', () => {
  it("keeps the reader's own choice and follows the system for anything else", () => {
    expect(parseTheme('night')).toBe('night');
    expect(parseTheme('day')).toBe('day');
    expect(parseTheme('dark')).toBeNull();
    expect(parseTheme(undefined)).toBeNull();
  });
});
