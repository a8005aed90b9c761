import type { Datum } from '../types.ts';

/**
 * A population published in millions (the data files' unit) written in 万人, the unit Chinese
 * statistics use: exact, since a million is 100 万人 and the files give two decimals.
 */
export function wanText(millions: number): string {
  return String(Math.round(millions * 100));
}

/** A population point published in millions, in 万人 (its value and its text). */
export function wanDatum(d: Datum): Datum {
  return { ...d, value: Math.round(d.value * 100), text: wanText(d.value) };
}
