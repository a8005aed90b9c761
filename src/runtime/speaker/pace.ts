/**
 * Pacing arithmetic for the speaker view: planned minutes per part (front matter `minutes`)
 * against the time used. Pure.
 */

/** One part of the talk as pacing sees it. */
export interface PlanPart {
  id: string;
  label: string;
  /** Minutes planned for the part (front matter `minutes`). */
  minutes: number;
  /** Number of slides in the part (at least 1 for a real part). */
  slideCount: number;
}

/** Where the presenter is: the part's index in the plan and the slide's index in the part. */
export interface PacePosition {
  partIndex: number;
  slideIndex: number;
}

export type PaceStatus = 'ahead' | 'behind' | 'on-time';

export interface PaceReport {
  /** The current part. */
  part: PlanPart;
  /** Planned and used ms for the current part; `partRemainingMs` is negative once over. */
  partPlannedMs: number;
  partUsedMs: number;
  partRemainingMs: number;
  /** Planned ms for the whole talk. */
  totalPlannedMs: number;
  /**
   * Where the plan says the talk should be at this slide: the planned time of the parts before,
   * plus the current part's planned time in proportion to the slides already passed in it.
   */
  expectedMs: number;
  /** Elapsed minus expected: positive = behind the plan, negative = ahead. */
  deltaMs: number;
  status: PaceStatus;
}

/** Within this many ms of the plan the talk counts as on time (default 30 s). */
export const PACE_TOLERANCE_MS = 30_000;

const MINUTE = 60_000;

/**
 * The pacing report for the presenter at `position`, after `elapsedMs` in total and
 * `partUsedMs` in the current part. Returns null for an empty plan or a position outside it.
 */
export function pace(
  plan: readonly PlanPart[],
  position: PacePosition,
  elapsedMs: number,
  partUsedMs: number,
  toleranceMs: number = PACE_TOLERANCE_MS,
): PaceReport | null {
  const part = plan[position.partIndex];
  if (!part) return null;
  const before = plan.slice(0, position.partIndex).reduce((sum, p) => sum + p.minutes * MINUTE, 0);
  const partPlannedMs = part.minutes * MINUTE;
  const fraction = part.slideCount > 0 ? clamp(position.slideIndex / part.slideCount, 0, 1) : 0;
  const expectedMs = before + partPlannedMs * fraction;
  const deltaMs = elapsedMs - expectedMs;
  const status: PaceStatus = deltaMs > toleranceMs ? 'behind' : deltaMs < -toleranceMs ? 'ahead' : 'on-time';
  return {
    part,
    partPlannedMs,
    partUsedMs,
    partRemainingMs: partPlannedMs - partUsedMs,
    totalPlannedMs: plan.reduce((sum, p) => sum + p.minutes * MINUTE, 0),
    expectedMs,
    deltaMs,
    status,
  };
}

/** The pacing position of the slide at reveal indices (h, v): part = h, slide = v. */
export function positionOf(plan: readonly PlanPart[], h: number, v: number): PacePosition | null {
  const part = plan[h];
  if (!part || v < 0 || v >= Math.max(part.slideCount, 1)) return null;
  return { partIndex: h, slideIndex: v };
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}
