import type { DeckFolder } from '../../src/deck-folder.ts';

/** One figure printed by `npm run bench`. */
export interface BenchRow {
  /** Which issue/feature the figure belongs to, e.g. `deck`, `charts`, `pdf`. */
  area: string;
  /** What is measured. */
  metric: string;
  /** The figure, formatted with its unit. */
  value: string;
  /** The target, e.g. `≤ 300 KB`, or '' when none. */
  target: string;
  /** Whether the target is met (null when there is no target). */
  ok: boolean | null;
}

/** What every bench section gets: the deck, its built site and a Chromium to drive. */
export interface BenchContext {
  /** The deck measured (`npm run bench -- --deck <dir>`; default the project's own). */
  deck: DeckFolder;
  /** Absolute path of the built site (the deck's dist/). */
  dist: string;
  /** Chromium executable and launch flags. */
  executablePath: string;
  args: string[];
}

/** A bench section: measures and returns its rows. */
export type BenchSection = (ctx: BenchContext) => Promise<BenchRow[]>;

/** Formats bytes as KB with one decimal. */
export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** Median of a list of numbers. */
export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
