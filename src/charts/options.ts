import { listNames } from '../markdown/errors.ts';
import { own } from '../markdown/own.ts';

/** The type of one chart option as written in a ```chart block. */
export type OptionType =
  | { type: 'text' }
  | { type: 'boolean' }
  /** `[from, to]`: two years, from ≤ to. */
  | { type: 'years' }
  /** A list of names from a fixed set (or a set read from the data). */
  | { type: 'list'; values: readonly string[] };

/** One option of a ```chart block: its type, its default and what it does. */
export interface OptionSpec<T = unknown> {
  type: OptionType;
  default: T;
  /** What it does, one line: the options tables in docs/authoring.md are generated from these. */
  doc: string;
}

/** The option specs of a kind whose options are `O`: one per field, each with a default of its type. */
export type OptionSpecs<O> = { readonly [K in keyof O]-?: OptionSpec<O[K]> };

/** `title`, which every kind takes. */
export const TITLE_OPTION: OptionSpec<string> = {
  type: { type: 'text' },
  default: '',
  doc: "the chart's name, read by screen readers and the data table's caption; empty: named after the series shown",
};

/** `years` with a default of every year in the data; `doc` says what "every year" is for the kind. */
export function yearsOption(doc: string): OptionSpec<[number, number] | null> {
  return { type: { type: 'years' }, default: null, doc };
}

/** Describes what a value of this type looks like, for messages and the docs. */
export function describe(type: OptionType): string {
  switch (type.type) {
    case 'text':
      return 'a text such as "城镇化率"';
    case 'boolean':
      return 'true or false';
    case 'years':
      return 'two years such as [1978, 2024]';
    case 'list':
      return `a list of ${listNames(type.values)}`;
  }
}

/** Checks one option value; returns what is wrong, or null. */
export function checkOption(name: string, value: unknown, type: OptionType): string | null {
  const bad = (): string => `option "${name}" must be ${describe(type)}`;
  switch (type.type) {
    case 'text':
      return typeof value === 'string' ? null : bad();
    case 'boolean':
      return typeof value === 'boolean' ? null : bad();
    case 'years':
      return Array.isArray(value) &&
        value.length === 2 &&
        value.every((y) => Number.isInteger(y) && y >= 1900 && y <= 2100) &&
        (value[0] as number) <= (value[1] as number)
        ? null
        : bad();
    case 'list': {
      if (!Array.isArray(value) || value.length === 0) return bad();
      // Bounded before anything looks at the items: a list of 200,000 names fails at once.
      if (value.length > type.values.length) {
        return `选项 "${name}" 列了 ${value.length} 个值，最多 ${type.values.length} 个 — 每个值只写一次，从 ${listNames(type.values)} 中选`;
      }
      const unknown = value.find((v) => typeof v !== 'string' || !type.values.includes(v));
      if (unknown !== undefined) {
        return `unknown ${name} value ${JSON.stringify(unknown)} — expected one of: ${listNames(type.values)}`;
      }
      const repeated = value.find((v, i) => value.indexOf(v) !== i);
      return repeated === undefined
        ? null
        : `选项 "${name}" 里 ${JSON.stringify(repeated)} 写了不止一次 — 每个值只写一次`;
    }
  }
}

/**
 * Checks every option of a ```chart block against its kind's table: an unknown name (own
 * properties only, so "__proto__" or "constructor" is unknown like any other), then each value.
 * @returns what is wrong (the compiler adds `file:line`), or null.
 */
export function checkOptions(
  kind: string,
  values: Readonly<Record<string, unknown>>,
  specs: Readonly<Record<string, OptionSpec>>,
): string | null {
  for (const [name, value] of Object.entries(values)) {
    const option = own(specs, name);
    if (!option) {
      return `unknown option "${name}" for a ${kind} chart — expected one of: ${listNames(['kind', 'dataset', ...Object.keys(specs)])}`;
    }
    const problem = checkOption(name, value, option.type);
    if (problem) return problem;
  }
  return null;
}
