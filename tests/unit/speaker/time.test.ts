import { describe, expect, it } from 'vitest';
import { formatClock, formatDuration, formatMinutes } from '../../../src/runtime/speaker/time.ts';

describe('formatDuration()', () => {
  it('writes minutes and seconds under an hour', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(999)).toBe('0:00');
    expect(formatDuration(1000)).toBe('0:01');
    expect(formatDuration(61_000)).toBe('1:01');
    expect(formatDuration(59 * 60_000 + 59_999)).toBe('59:59');
  });

  it('adds hours from one hour on', () => {
    expect(formatDuration(3_600_000)).toBe('1:00:00');
    expect(formatDuration(3_600_000 + 5 * 60_000 + 7_000)).toBe('1:05:07');
  });

  it('formats negative durations by their size and non-numbers as zero', () => {
    expect(formatDuration(-90_000)).toBe('1:30');
    expect(formatDuration(Number.NaN)).toBe('0:00');
    expect(formatDuration(Number.POSITIVE_INFINITY)).toBe('0:00');
  });
});

describe('formatClock()', () => {
  it('writes local 24-hour time with seconds, zero-padded', () => {
    expect(formatClock(new Date(2026, 0, 2, 9, 5, 3))).toBe('09:05:03');
    expect(formatClock(new Date(2026, 0, 2, 23, 59, 59))).toBe('23:59:59');
  });
});

describe('formatMinutes()', () => {
  it('keeps at most one decimal', () => {
    expect(formatMinutes(6)).toBe('6');
    expect(formatMinutes(1.5)).toBe('1.5');
    expect(formatMinutes(2 / 3)).toBe('0.7');
  });
});
