import type { SourcePos } from './types.ts';

/**
 * A problem in the deck's sources. Its message always reads
 * `file:line: what is wrong — what to do`, the form shown by the build, the dev overlay and tests.
 */
export class DeckError extends Error {
  readonly file: string;
  readonly line: number;
  readonly column: number | undefined;
  /** What is wrong, without the position. */
  readonly problem: string;
  /** What to do about it. */
  readonly hint: string;

  constructor(pos: SourcePos & { column?: number }, problem: string, hint: string) {
    const where = pos.column ? `${pos.file}:${pos.line}:${pos.column}` : `${pos.file}:${pos.line}`;
    super(`${where}: ${problem} — ${hint}`);
    this.name = 'DeckError';
    this.file = pos.file;
    this.line = pos.line;
    this.column = pos.column;
    this.problem = problem;
    this.hint = hint;
  }
}

/** Formats a list of names for a message: `"a", "b", "c"`. */
export function listNames(names: Iterable<string>): string {
  return [...names].map((n) => `"${n}"`).join(', ');
}
