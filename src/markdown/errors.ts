import { distance } from 'fastest-levenshtein';
import type { DeckWarning, SourcePos } from './types.ts';

/** A source position with an optional 1-based column. */
export type SourcePlace = SourcePos & { column?: number };

/** `file:line` or `file:line:column`, as every message starts. */
export function placeText(pos: SourcePlace): string {
  return pos.column ? `${pos.file}:${pos.line}:${pos.column}` : `${pos.file}:${pos.line}`;
}

/**
 * A problem in the deck's sources. Its message always reads
 * `file:line[:column]: what is wrong — what to do`, the form shown by the build, the dev overlay and
 * tests. Messages for authors are in Chinese, with an English code word in brackets where it helps
 * a search (`未知的版式 “grid”（layout）`).
 */
export class DeckError extends Error {
  readonly file: string;
  readonly line: number;
  readonly column: number | undefined;
  /** What is wrong, without the position. */
  readonly problem: string;
  /** What to do about it. */
  readonly hint: string;

  constructor(pos: SourcePlace, problem: string, hint: string) {
    super(`${placeText(pos)}: ${problem} — ${hint}`);
    this.name = 'DeckError';
    this.file = pos.file;
    this.line = pos.line;
    this.column = pos.column;
    this.problem = problem;
    this.hint = hint;
  }
}

/** The most problems one build lists: past that, the author fixes these first. */
export const MAX_PROBLEMS = 20;

/**
 * Every problem one build found (more than one), in source order. Its `file`, `line`, `problem`
 * and `hint` are the first one's, so code that reads one DeckError still points somewhere real;
 * its message lists them all, one per line.
 */
export class DeckErrors extends DeckError {
  readonly errors: readonly DeckError[];
  /** Whether the build stopped looking after MAX_PROBLEMS. */
  readonly truncated: boolean;

  constructor(errors: readonly DeckError[], truncated: boolean) {
    const first = errors[0]!;
    super({ file: first.file, line: first.line, column: first.column }, first.problem, first.hint);
    this.name = 'DeckError';
    this.errors = errors;
    this.truncated = truncated;
    this.message = [
      ...errors.map((e) => e.message),
      ...(truncated ? [`…… 只列出了前 ${MAX_PROBLEMS} 个问题 — 改正以上问题后再构建，会列出其余的`] : []),
    ].join('\n');
  }
}

/** Every problem in `error`: its list when it holds several, else itself. */
export function problemsOf(error: DeckError): readonly DeckError[] {
  return error instanceof DeckErrors ? error.errors : [error];
}

/**
 * Collects the problems of one compile, so a build reports all of them at once (up to
 * MAX_PROBLEMS), and its warnings. A check that throws a DeckError is recorded and the compile goes
 * on with the next file, slide or chart.
 */
export class Problems {
  readonly errors: DeckError[] = [];
  readonly warnings: DeckWarning[] = [];

  /** Records a problem; once MAX_PROBLEMS are recorded, stops the compile with them. */
  add(error: DeckError): void {
    if (error instanceof DeckErrors) {
      for (const e of error.errors) this.add(e);
      return;
    }
    this.errors.push(error);
    if (this.errors.length >= MAX_PROBLEMS) throw new DeckErrors(this.errors, true);
  }

  /**
   * Runs a check: a DeckError it throws is recorded and `undefined` returned; anything else
   * (a defect, not a bad input) passes through.
   */
  attempt<T>(check: () => T): T | undefined {
    try {
      return check();
    } catch (error) {
      if (error instanceof DeckErrors && error.truncated) throw error;
      if (!(error instanceof DeckError)) throw error;
      this.add(error);
      return undefined;
    }
  }

  /** Adds a warning in the `问题 — 怎么做` form. */
  warn(pos: SourcePlace, problem: string, hint: string): void {
    this.warnings.push({ ...pos, message: `${problem} — ${hint}` });
  }

  /** Throws what was recorded: the one DeckError, or DeckErrors for several. */
  throwIfAny(fileOrder: readonly string[] = []): void {
    if (this.errors.length === 1) throw this.errors[0]!;
    if (this.errors.length > 1) throw new DeckErrors(inSourceOrder(this.errors, fileOrder), false);
  }
}

/** Problems by file (in `fileOrder`, then as found), then line and column: as an author reads them. */
function inSourceOrder(errors: readonly DeckError[], fileOrder: readonly string[]): DeckError[] {
  const files = [...new Set([...fileOrder, ...errors.map((e) => e.file)])];
  return [...errors].sort(
    (a, b) => files.indexOf(a.file) - files.indexOf(b.file) || a.line - b.line || (a.column ?? 0) - (b.column ?? 0),
  );
}

/** Formats a list of names for a message: `"a", "b", "c"`. */
export function listNames(names: Iterable<string>): string {
  return [...names].map((n) => `"${n}"`).join(', ');
}

/** Formats a list of names for a Chinese message: `a、b、c`. */
export function listZh(names: Iterable<string>): string {
  return [...names].join('、');
}

/**
 * The known name closest to a mistyped one, as the start of a hint (`您是否想写 annotate？`), or
 * an empty string when none is close: at most two edits away, and fewer than half its letters.
 * Case and full-width letters are ignored.
 */
export function suggest(word: string, known: Iterable<string>): string {
  const plain = (w: string): string => w.normalize('NFKC').toLowerCase();
  const typed = plain(word);
  let best: { name: string; edits: number } | null = null;
  for (const name of known) {
    const edits = distance(typed, plain(name));
    if (edits === 0) return '';
    // Short codes (FRA, BRA) are one edit apart and mean different things: no guess below four letters.
    const length = Math.max(typed.length, name.length);
    if (length >= 4 && edits <= 2 && edits * 2 < length && (!best || edits < best.edits)) {
      best = { name, edits };
    }
  }
  return best ? `您是否想写 ${best.name}？` : '';
}
