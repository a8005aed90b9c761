import { describe, expect, it } from 'vitest';
import { landingIndex, nextShown } from '../../../src/runtime/speaker/skip.ts';

// Slides 0 1 [2 3] 4 [5]: 2, 3 and 5 are editorial.
const editorial = [false, false, true, true, false, true];

describe('landingIndex()', () => {
  it('steps over a run of editorial slides in the direction of travel', () => {
    expect(landingIndex(editorial, 1, 2)).toBe(4);
    expect(landingIndex(editorial, 4, 3)).toBe(1);
  });

  it('stays put when only editorial slides lie ahead', () => {
    expect(landingIndex(editorial, 4, 5)).toBe(4);
  });

  it('carries a longer step (to another part) on in its direction, and lands on any slide that is not editorial', () => {
    expect(landingIndex(editorial, 0, 3)).toBe(4);
    expect(landingIndex(editorial, 0, 1)).toBe(1);
  });
});

describe('nextShown()', () => {
  it('names the next slide a step shows, skipping or not', () => {
    expect(nextShown(editorial, 1, false)).toBe(2);
    expect(nextShown(editorial, 1, true)).toBe(4);
    expect(nextShown(editorial, 4, true)).toBe(-1);
    expect(nextShown(editorial, 5, false)).toBe(-1);
  });
});
