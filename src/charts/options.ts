import { listNames, listZh, suggest } from '../markdown/errors.ts';
import { own } from '../markdown/own.ts';
import type { ChartProblem } from '../markdown/types.ts';

/** The type of one chart option as written in a ```chart block. */
export type OptionType =
  | { type: 'text' }
  | { type: 'boolean' }
  /** `[from, to]`: two years, from ≤ to. */
  | { type: 'years' }
  /** A list of names from a fixed set (or a set read from the data). */
  | { type: 'list'; values: readonly string[] }
  /** A column of the chart's CSV (checked against its sidecar when the data is read). */
  | { type: 'column' }
  /** One column of the chart's CSV or a list of them. */
  | { type: 'columns' };

/** One option of a ```chart block: its type, its default and what it does. */
export interface OptionSpec<T = unknown> {
  type: OptionType;
  default: T;
  /** What it does, one line: the options tables in docs/authoring.md are generated from these. */
  doc: string;
  /** The same in Chinese, for `npm run deck -- help`. */
  zh: string;
}

/** The option specs of a kind whose options are `O`: one per field, each with a default of its type. */
export type OptionSpecs<O> = { readonly [K in keyof O]-?: OptionSpec<O[K]> };

/** `title`, which every kind takes. */
export const TITLE_OPTION: OptionSpec<string> = {
  type: { type: 'text' },
  default: '',
  doc: "the chart's name, read by screen readers and the data table's caption; empty: named after the series shown",
  zh: '图表的名称：读屏软件读它，也是数据表的标题；不写时按所画的数据命名',
};

/** `years` with a default of every year in the data; `doc` says what "every year" is for the kind. */
export function yearsOption(doc: string, zh: string): OptionSpec<[number, number] | null> {
  return { type: { type: 'years' }, default: null, doc, zh };
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
    case 'column':
      return 'a column of the CSV';
    case 'columns':
      return 'a column of the CSV, or a list of them';
  }
}

/** What a value of this type looks like, in Chinese, for messages and the help. */
export function describeOption(type: OptionType): string {
  switch (type.type) {
    case 'text':
      return '一段文字，如 "城镇化率"';
    case 'boolean':
      return 'true 或 false';
    case 'years':
      return '两个年份，如 [1978, 2024]';
    case 'list':
      return `列表，取自 ${listZh(type.values)}`;
    case 'column':
      return 'CSV 里的一列';
    case 'columns':
      return 'CSV 里的一列，或几列的列表 [a, b]';
  }
}

/** A space before Latin text that follows Chinese. */
function spaced(text: string): string {
  return /^[\x21-\x7e]/.test(text) ? ` ${text}` : text;
}

/** An example of a valid value, as the author would type it after `name: `. */
function example(type: OptionType): string {
  switch (type.type) {
    case 'text':
      return '"城镇化率"';
    case 'boolean':
      return 'true';
    case 'years':
      return '[1978, 2024]';
    case 'list':
      return `[${type.values.slice(0, 2).join(', ')}]`;
    case 'column':
      return 'year';
    case 'columns':
      return '[urban_pct, rural_pct]';
  }
}

/** Checks one option value; returns what is wrong (at the option's own line), or null. */
export function checkOption(name: string, value: unknown, type: OptionType): ChartProblem | null {
  const bad = (): ChartProblem => ({
    problem: `选项 ${name} 应为${spaced(describeOption(type))}，这里是 ${JSON.stringify(value)}（chart option）`,
    hint: `写成 ${name}: ${example(type)}`,
    key: name,
  });
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
    case 'column':
      return typeof value === 'string' ? null : bad();
    case 'columns':
      return typeof value === 'string' ||
        (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string'))
        ? null
        : bad();
    case 'list': {
      if (!Array.isArray(value) || value.length === 0) return bad();
      // Bounded before anything looks at the items: a list of 200,000 names fails at once.
      if (value.length > type.values.length) {
        return {
          problem: `选项 ${name} 列了 ${value.length} 个值，最多 ${type.values.length} 个（chart option value）`,
          hint: `每个值只写一次，从 ${listZh(type.values)} 中选`,
          key: name,
        };
      }
      const unknown = value.find((v) => typeof v !== 'string' || !type.values.includes(v));
      if (unknown !== undefined) {
        return {
          problem: `选项 ${name} 里有未知的值 ${JSON.stringify(unknown)}（chart option value）`,
          hint: `${suggest(String(unknown), type.values)}可用的值：${listZh(type.values)}`,
          key: name,
        };
      }
      const repeated = value.find((v, i) => value.indexOf(v) !== i);
      if (repeated === undefined) return null;
      return {
        problem: `选项 ${name} 里 ${JSON.stringify(repeated)} 写了不止一次（chart option value）`,
        hint: '每个值只写一次',
        key: name,
      };
    }
  }
}

/**
 * Checks every option of a ```chart block against its kind's table: an unknown name (own
 * properties only, so "__proto__" or "constructor" is unknown like any other), then each value.
 * @returns what is wrong, at the option's own line, or null.
 */
export function checkOptions(
  kind: string,
  values: Readonly<Record<string, unknown>>,
  specs: Readonly<Record<string, OptionSpec>>,
): ChartProblem | null {
  for (const [name, value] of Object.entries(values)) {
    const option = own(specs, name);
    if (!option) {
      const known = ['kind', 'dataset', ...Object.keys(specs)];
      return {
        problem: `${kind} 图没有选项“${name}”（chart option）`,
        hint: `${suggest(name, known)}可用的选项：${listZh(known)}`,
        key: name,
      };
    }
    const problem = checkOption(name, value, option.type);
    if (problem) return problem;
  }
  return null;
}
