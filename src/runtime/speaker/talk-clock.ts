/**
 * The presenter's stopwatch: total elapsed time plus the time spent in each part of the speech.
 * Pure: every method takes the current time (ms), so tests drive it without timers.
 */
export interface TalkClockState {
  /** Elapsed ms banked before the running segment. */
  banked: number;
  /** Start of the running segment (ms, same clock as `now`), or null when paused/idle. */
  since: number | null;
  /** ms banked per part id. */
  parts: Record<string, number>;
  /** The part the running segment is counted to. */
  part: string | null;
  /** True once started (false after reset): distinguishes "paused" from "not started". */
  started: boolean;
}

export class TalkClock {
  private state: TalkClockState;

  constructor(state?: TalkClockState) {
    this.state = state
      ? structuredCloneState(state)
      : { banked: 0, since: null, parts: {}, part: null, started: false };
  }

  /** True while the clock runs. */
  get running(): boolean {
    return this.state.since !== null;
  }

  /** True once started, until reset. */
  get started(): boolean {
    return this.state.started;
  }

  /** The part the clock counts to. */
  get part(): string | null {
    return this.state.part;
  }

  /** Starts or continues counting. */
  start(now: number): void {
    if (this.state.since !== null) return;
    this.state.since = now;
    this.state.started = true;
  }

  /** Stops counting; `start` continues from here. */
  pause(now: number): void {
    this.settle(now);
    this.state.since = null;
  }

  /** Back to zero and not started; the current part is kept. */
  reset(): void {
    this.state = { banked: 0, since: null, parts: {}, part: this.state.part, started: false };
  }

  /**
   * Back to a snapshot (undo of `reset`). A clock that was running then has kept running since: the
   * time in between counts, to the part it was counting to.
   */
  restore(state: TalkClockState, now: number): void {
    const part = this.state.part;
    this.state = structuredCloneState(state);
    if (part !== null && part !== this.state.part && this.state.since !== null) {
      // The part changed after the reset: bank up to now under the old part, then move on.
      this.settle(now);
      this.state.part = part;
    }
  }

  /** From now on, time counts to `partId`. */
  setPart(partId: string, now: number): void {
    if (partId === this.state.part) return;
    this.settle(now);
    this.state.part = partId;
  }

  /** Total elapsed ms at `now`. */
  elapsed(now: number): number {
    return this.state.banked + this.runningMs(now);
  }

  /** ms spent in `partId` at `now`. */
  usedIn(partId: string, now: number): number {
    const banked = this.state.parts[partId] ?? 0;
    return partId === this.state.part ? banked + this.runningMs(now) : banked;
  }

  /** A copy of the state, to store and restore (`new TalkClock(state)`). */
  snapshot(now: number): TalkClockState {
    this.settle(now);
    return structuredCloneState(this.state);
  }

  private runningMs(now: number): number {
    return this.state.since === null ? 0 : Math.max(0, now - this.state.since);
  }

  /** Banks the running segment (to the total and to the current part) and starts a new one. */
  private settle(now: number): void {
    if (this.state.since === null) return;
    const ms = this.runningMs(now);
    this.state.banked += ms;
    if (this.state.part !== null) this.state.parts[this.state.part] = (this.state.parts[this.state.part] ?? 0) + ms;
    this.state.since = now;
  }
}

function structuredCloneState(s: TalkClockState): TalkClockState {
  return { ...s, parts: { ...s.parts } };
}

/** The longest a talk can run (ms): a stored time beyond a day is corrupt or forged. */
export const MAX_TALK_MS = 24 * 60 * 60 * 1000;
/** At most this many parts are kept in a stored clock (a speech has a handful). */
const MAX_PARTS = 100;
const PART_ID = /^[a-z0-9][a-z0-9-]{0,99}$/;

/**
 * Reads a stored clock state; anything malformed or implausible gives null (storage is untrusted:
 * 1e300 ms once showed as `2.7777777777777778e+293:41:36`). Times are 0 to MAX_TALK_MS; a running
 * segment started at most MAX_TALK_MS before `now` and not after it; part names are part ids.
 */
export function parseTalkClockState(value: unknown, now: number = Date.now()): TalkClockState | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const ms = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0 && x <= MAX_TALK_MS;
  const since = (x: unknown): x is number | null =>
    x === null || (typeof x === 'number' && Number.isFinite(x) && x <= now && now - x <= MAX_TALK_MS);
  const id = (x: unknown): x is string => typeof x === 'string' && PART_ID.test(x);
  if (!ms(v.banked) || !since(v.since) || typeof v.started !== 'boolean') return null;
  if (!(v.part === null || id(v.part))) return null;
  if (typeof v.parts !== 'object' || v.parts === null || Array.isArray(v.parts)) return null;
  const entries = Object.entries(v.parts as Record<string, unknown>);
  if (entries.length > MAX_PARTS) return null;
  const parts: Record<string, number> = {};
  for (const [k, used] of entries) {
    if (!id(k) || !ms(used)) return null;
    parts[k] = used;
  }
  return { banked: v.banked, since: v.since, parts, part: v.part, started: v.started };
}
