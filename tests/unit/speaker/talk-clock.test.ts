import { describe, expect, it } from 'vitest';
import { TalkClock, parseTalkClockState } from '../../../src/runtime/speaker/talk-clock.ts';

describe('TalkClock', () => {
  it('counts nothing until started', () => {
    const clock = new TalkClock();
    clock.setPart('qi', 0);
    expect(clock.elapsed(10_000)).toBe(0);
    expect(clock.started).toBe(false);
    expect(clock.running).toBe(false);
  });

  it('counts running time, stops on pause and continues after', () => {
    const clock = new TalkClock();
    clock.start(1_000);
    expect(clock.elapsed(4_000)).toBe(3_000);
    clock.pause(5_000);
    expect(clock.elapsed(60_000)).toBe(4_000);
    expect(clock.started).toBe(true);
    clock.start(70_000);
    expect(clock.elapsed(71_000)).toBe(5_000);
  });

  it('splits the time between parts as the talk moves on', () => {
    const clock = new TalkClock();
    clock.setPart('opening', 0);
    clock.start(0);
    clock.setPart('qi', 120_000);
    clock.setPart('qi', 150_000); // same part: no split
    clock.setPart('cheng', 300_000);
    expect(clock.usedIn('opening', 400_000)).toBe(120_000);
    expect(clock.usedIn('qi', 400_000)).toBe(180_000);
    expect(clock.usedIn('cheng', 400_000)).toBe(100_000);
    expect(clock.usedIn('he', 400_000)).toBe(0);
    expect(clock.elapsed(400_000)).toBe(400_000);
  });

  it('undoes a reset: the time comes back, and a running clock has kept counting', () => {
    const clock = new TalkClock();
    clock.setPart('qi', 0);
    clock.start(0);
    const before = clock.snapshot(60_000);
    clock.reset();
    expect(clock.elapsed(65_000)).toBe(0);
    clock.restore(before, 70_000);
    expect(clock.elapsed(70_000)).toBe(70_000);
    expect(clock.usedIn('qi', 70_000)).toBe(70_000);
    expect(clock.running).toBe(true);
  });

  it('after an undo counts on to the part the talk has moved to meanwhile', () => {
    const clock = new TalkClock();
    clock.setPart('qi', 0);
    clock.start(0);
    const before = clock.snapshot(60_000);
    clock.reset();
    clock.setPart('cheng', 80_000);
    clock.restore(before, 90_000);
    expect(clock.part).toBe('cheng');
    expect(clock.usedIn('qi', 100_000)).toBe(90_000);
    expect(clock.usedIn('cheng', 100_000)).toBe(10_000);
  });

  it('does not count a part while paused', () => {
    const clock = new TalkClock();
    clock.setPart('qi', 0);
    clock.start(0);
    clock.pause(10_000);
    clock.setPart('cheng', 20_000);
    clock.start(30_000);
    expect(clock.usedIn('qi', 40_000)).toBe(10_000);
    expect(clock.usedIn('cheng', 40_000)).toBe(10_000);
  });

  it('reset goes back to zero, not started, keeping the current part', () => {
    const clock = new TalkClock();
    clock.setPart('qi', 0);
    clock.start(0);
    clock.reset();
    expect(clock.elapsed(50_000)).toBe(0);
    expect(clock.started).toBe(false);
    expect(clock.part).toBe('qi');
    clock.start(50_000);
    expect(clock.usedIn('qi', 53_000)).toBe(3_000);
  });

  it('survives a snapshot round trip through JSON, still running', () => {
    const clock = new TalkClock();
    clock.setPart('qi', 0);
    clock.start(0);
    const stored = JSON.parse(JSON.stringify(clock.snapshot(5_000))) as unknown;
    const restored = new TalkClock(parseTalkClockState(stored, 8_000) ?? undefined);
    expect(restored.running).toBe(true);
    expect(restored.elapsed(8_000)).toBe(8_000);
    expect(restored.usedIn('qi', 8_000)).toBe(8_000);
  });
});

describe('parseTalkClockState()', () => {
  it('rejects malformed stored states', () => {
    expect(parseTalkClockState(null)).toBeNull();
    expect(parseTalkClockState('x')).toBeNull();
    expect(parseTalkClockState({ banked: -1, since: null, parts: {}, part: null, started: false })).toBeNull();
    expect(parseTalkClockState({ banked: 0, since: 'now', parts: {}, part: null, started: false })).toBeNull();
    expect(parseTalkClockState({ banked: 0, since: null, parts: { qi: 'a' }, part: null, started: false })).toBeNull();
    expect(parseTalkClockState({ banked: 0, since: null, parts: {}, part: 3, started: false })).toBeNull();
  });

  it('accepts a valid state', () => {
    const state = { banked: 5, since: 10, parts: { qi: 5 }, part: 'qi', started: true };
    expect(parseTalkClockState(state, 20)).toEqual(state);
  });
});
