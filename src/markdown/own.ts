/**
 * The entry stored under `key` in `table` itself, or undefined. Every lookup by a name an author
 * wrote (a front-matter field, a chart option, a deck setting) goes through this, so "__proto__",
 * "constructor" or "toString" never find something Object.prototype provides.
 */
export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
