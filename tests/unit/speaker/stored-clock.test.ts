import { describe, expect, it } from 'vitest';
import { MAX_TALK_MS, TalkClock, parseTalkClockState } from '../../../src/runtime/speaker/talk-clock.ts';
import { formatDuration } from '../../../src/runtime/speaker/time.ts';

/** The speaker clock as stored in sessionStorage is untrusted: anything implausible is dropped. */
const NOW = 1_750_000_000_000;
const good = { banked: 60_000, since: NOW - 5_000, parts: { qi: 60_000 }, part: 'qi', started: true };

describe('parseTalkClockState() on stored values', () => {
  it('restores a plausible clock', () => {
    const state = parseTalkClockState(good, NOW);
    expect(state).toEqual(good);
    expect(formatDuration(new TalkClock(state!).elapsed(NOW))).toBe(formatDuration(65_000));
  });

  it('drops a clock of 1e300 ms and other impossible times', () => {
    for (const bad of [
      { ...good, banked: 1e300 },
      { ...good, banked: MAX_TALK_MS + 1 },
      { ...good, since: NOW + 60_000 },
      { ...good, since: NOW - MAX_TALK_MS - 1 },
      { ...good, since: -1 },
      { ...good, parts: { qi: 1e300 } },
      { ...good, parts: { qi: 2 * MAX_TALK_MS } },
    ]) {
      expect(parseTalkClockState(bad, NOW), JSON.stringify(bad)).toBeNull();
    }
  });

  it('drops part names that are not slide-part ids, and too many of them', () => {
    expect(
      parseTalkClockState(
        JSON.parse('{"banked":0,"since":null,"parts":{"__proto__":5},"part":null,"started":false}'),
        NOW,
      ),
    ).toBeNull();
    expect(parseTalkClockState({ ...good, part: 'x'.repeat(500) }, NOW)).toBeNull();
    expect(parseTalkClockState({ ...good, part: '<img src=x>' }, NOW)).toBeNull();
    const many = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`p${i}`, 1]));
    expect(parseTalkClockState({ ...good, parts: many }, NOW)).toBeNull();
  });
});
