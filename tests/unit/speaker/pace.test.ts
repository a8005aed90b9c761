import { describe, expect, it } from 'vitest';
import { PACE_TOLERANCE_MS, pace, positionOf, type PlanPart } from '../../../src/runtime/speaker/pace.ts';

const MIN = 60_000;
const plan: PlanPart[] = [
  { id: 'opening', label: '开篇', minutes: 2, slideCount: 4 },
  { id: 'qi', label: '起', minutes: 6, slideCount: 6 },
  { id: 'cheng', label: '承', minutes: 5, slideCount: 5 },
];

describe('pace()', () => {
  it('expects the planned time of the parts before plus the share of slides passed in this one', () => {
    const report = pace(plan, { partIndex: 1, slideIndex: 3 }, 5 * MIN, 3 * MIN)!;
    expect(report.expectedMs).toBe(2 * MIN + 3 * MIN);
    expect(report.deltaMs).toBe(0);
    expect(report.status).toBe('on-time');
    expect(report.totalPlannedMs).toBe(13 * MIN);
  });

  it('reports planned, used and remaining time for the current part', () => {
    const report = pace(plan, { partIndex: 2, slideIndex: 0 }, 10 * MIN, 90_000)!;
    expect(report.part.label).toBe('承');
    expect(report.partPlannedMs).toBe(5 * MIN);
    expect(report.partUsedMs).toBe(90_000);
    expect(report.partRemainingMs).toBe(5 * MIN - 90_000);
  });

  it('is behind when more time has passed than planned, ahead when less', () => {
    const behind = pace(plan, { partIndex: 1, slideIndex: 0 }, 3 * MIN, MIN)!;
    expect(behind.deltaMs).toBe(MIN);
    expect(behind.status).toBe('behind');
    const ahead = pace(plan, { partIndex: 2, slideIndex: 0 }, 6 * MIN, 0)!;
    expect(ahead.deltaMs).toBe(-2 * MIN);
    expect(ahead.status).toBe('ahead');
  });

  it('counts as on time within the tolerance, on either side', () => {
    const at = (elapsed: number) => pace(plan, { partIndex: 1, slideIndex: 0 }, elapsed, 0)!.status;
    expect(at(2 * MIN + PACE_TOLERANCE_MS)).toBe('on-time');
    expect(at(2 * MIN + PACE_TOLERANCE_MS + 1)).toBe('behind');
    expect(at(2 * MIN - PACE_TOLERANCE_MS)).toBe('on-time');
    expect(at(2 * MIN - PACE_TOLERANCE_MS - 1)).toBe('ahead');
  });

  it('goes negative on the part remaining once the part runs over', () => {
    const report = pace(plan, { partIndex: 0, slideIndex: 3 }, 3 * MIN, 3 * MIN)!;
    expect(report.partRemainingMs).toBe(-MIN);
  });

  it('returns null outside the plan and handles a part without slides', () => {
    expect(pace(plan, { partIndex: 3, slideIndex: 0 }, 0, 0)).toBeNull();
    expect(pace([], { partIndex: 0, slideIndex: 0 }, 0, 0)).toBeNull();
    const empty = pace([{ id: 'x', label: 'x', minutes: 1, slideCount: 0 }], { partIndex: 0, slideIndex: 0 }, 0, 0)!;
    expect(empty.expectedMs).toBe(0);
  });
});

describe('positionOf()', () => {
  it('maps reveal indices to a position in the plan, or null', () => {
    expect(positionOf(plan, 1, 5)).toEqual({ partIndex: 1, slideIndex: 5 });
    expect(positionOf(plan, 1, 6)).toBeNull();
    expect(positionOf(plan, 9, 0)).toBeNull();
    expect(positionOf(plan, 0, -1)).toBeNull();
  });
});
