/** Pure time formatting for the speaker view. */

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * A duration as `m:ss`, or `h:mm:ss` from one hour on. Negative durations are formatted by
 * their size (the caller says "ahead" or "behind"); fractions of a second are dropped.
 */
export function formatDuration(ms: number): string {
  const total = Math.floor(Math.abs(Number.isFinite(ms) ? ms : 0) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/** A wall-clock time as `HH:MM:SS` (24-hour, local time of `date`). */
export function formatClock(date: Date): string {
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** Minutes as a short number for display: `6`, `1.5` (at most one decimal). */
export function formatMinutes(minutes: number): string {
  return String(Math.round(minutes * 10) / 10);
}
