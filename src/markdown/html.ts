import { escapeHtml } from './text.ts';

/**
 * HTML the build made or sanitised itself. Only `markup` and `trustedHtml` create it, so a value
 * that reaches markup without passing through one of them is escaped, never trusted by accident.
 */
export class SafeHtml {
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
  }
  toString(): string {
    return this.#value;
  }
}

/**
 * Marks HTML as safe to insert as it is: only for markup that already went through the
 * allow-list (src/markdown/sanitize.ts) or that the compiler wrote with `markup`.
 */
export function trustedHtml(value: string): SafeHtml {
  return new SafeHtml(value);
}

function interpolate(value: unknown): string {
  if (value instanceof SafeHtml) return value.toString();
  if (Array.isArray(value)) return value.map(interpolate).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

/**
 * The one way the build writes markup with values in it (named `markup`, not `html`, so Prettier
 * leaves the templates as written): every interpolated value is escaped for
 * HTML text and attribute values (`"`, `'`, `<`, `>`, `&`), except `SafeHtml`. Arrays are joined;
 * `null`, `undefined` and `false` write nothing (for optional parts).
 *
 * @example markup`<section id="${slide.id}">${trustedHtml(slide.html)}</section>`
 */
export function markup(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((value, i) => {
    out += interpolate(value) + strings[i + 1]!;
  });
  return new SafeHtml(out);
}

/** Joins pieces of safe HTML with a separator (plain text, escaped). */
export function joinHtml(pieces: readonly SafeHtml[], separator: string): SafeHtml {
  return new SafeHtml(pieces.map(String).join(interpolate(separator)));
}
