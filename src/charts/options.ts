import { listNames } from '../markdown/errors.ts';

/** The type of one chart option as written in a ```chart block. */
export type OptionType =
  | { type: 'text' }
  | { type: 'boolean' }
  /** `[from, to]`: two years, from ≤ to. */
  | { type: 'years' }
  /** A list of names from a fixed set (or a set read from the data). */
  | { type: 'list'; values: readonly string[] };

/** One option: its type and a line for the README's options table. */
export interface OptionSpec {
  type: OptionType;
  doc: string;
}

/** Describes what a value of this type looks like, for messages. */
function describe(type: OptionType): string {
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
      const unknown = value.find((v) => typeof v !== 'string' || !type.values.includes(v));
      return unknown === undefined
        ? null
        : `unknown ${name} value ${JSON.stringify(unknown)} — expected one of: ${listNames(type.values)}`;
    }
  }
}
