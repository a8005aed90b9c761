import type { Marker } from './types.ts';
import { foldWidth, parseChineseNumber } from './text.ts';

const HAN_NUM = '[一二三四五六七八九十]{1,3}';

/** `一、` `二.` at the start of a paragraph: a top-level part. Full and half width alike. */
const PART = new RegExp(`^(${HAN_NUM})\\s*[、.]\\s*`);
/** `(一)` `（二）` `(三）`: a section. */
const SECTION = new RegExp(`^[(](${HAN_NUM})[)]\\s*`);

/** The number and the marker's length (in the original text) of a part heading, or null. */
export function partNumber(text: string): { n: number; length: number } | null {
  return numbered(text, PART);
}

/** The number and the marker's length of a section heading, or null. */
export function sectionNumber(text: string): { n: number; length: number } | null {
  return numbered(text, SECTION);
}

function numbered(text: string, pattern: RegExp): { n: number; length: number } | null {
  // Folding keeps lengths: every folded character is one UTF-16 unit either way.
  const m = pattern.exec(foldWidth(text));
  if (!m) return null;
  const n = parseChineseNumber(m[1]!);
  return n === null || n === 0 ? null : { n, length: m[0].length };
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩';
const ORDER_WORDS: Record<string, number> = { 首先: 1, 其次: 2, 再次: 3, 然后: 0, 最后: 0 };

/**
 * The enumeration marker a unit starts with: 一是/二是, 一要/二要 (and 一则, 一来), 第一，/第二，,
 * 首先/其次/再次/最后, 一方面/另一方面, 1. 2., (1) (2), ① ②. `n` is 0 for 然后/最后, which take
 * the next number of their series. Whether markers form a real series is decided by `chains`.
 */
export function markerAt(unit: string): Marker | null {
  const text = foldWidth(unit.trimStart());
  let m = new RegExp(`^(${HAN_NUM})(是|要|则|来)`).exec(text);
  if (m) {
    const n = parseChineseNumber(m[1]!);
    if (n) return { series: m[2]!, n, text: m[0] };
  }
  m = new RegExp(`^第(${HAN_NUM})\\s*[,、:]`).exec(text);
  if (m) {
    const n = parseChineseNumber(m[1]!);
    if (n) return { series: '第', n, text: m[0].slice(0, -1) };
  }
  m = /^(首先|其次|再次|然后|最后)/.exec(text);
  if (m) return { series: '首先', n: ORDER_WORDS[m[1]!]!, text: m[1]! };
  m = /^(另)?一方面/.exec(text);
  if (m) return { series: '方面', n: m[1] ? 2 : 1, text: m[0] };
  m = /^(\d{1,2})(?:[.、](?!\d)|\s*[)])\s*/.exec(text);
  if (m) return { series: '1.', n: Number(m[1]), text: m[0].trim() };
  m = /^[(](\d{1,2})[)]\s*/.exec(text);
  if (m) return { series: '(1)', n: Number(m[1]), text: m[0].trim() };
  const circled = CIRCLED.indexOf(text[0] ?? '');
  if (circled >= 0) return { series: '①', n: circled + 1, text: text[0]! };
  return null;
}

/**
 * Keeps only markers that form a series 1, 2, 3… (at least two in a row) within one scope; the
 * others are not enumerations (a lone 二是, a stray 1.). Returns the accepted marker per index.
 */
export function chains(candidates: ReadonlyArray<{ index: number; marker: Marker }>): Map<number, Marker> {
  const accepted = new Map<number, Marker>();
  const open = new Map<string, { index: number; marker: Marker }[]>();
  const close = (series: string): void => {
    const chain = open.get(series);
    if (chain && chain.length >= 2) for (const c of chain) accepted.set(c.index, c.marker);
    open.delete(series);
  };
  for (const c of candidates) {
    const chain = open.get(c.marker.series);
    const last = chain?.at(-1)?.marker.n ?? 0;
    if (chain && (c.marker.n === last + 1 || (c.marker.n === 0 && last > 0))) {
      chain.push({ index: c.index, marker: { ...c.marker, n: last + 1 } });
    } else if (c.marker.n === 1) {
      close(c.marker.series);
      open.set(c.marker.series, [c]);
    }
  }
  for (const series of [...open.keys()]) close(series);
  return accepted;
}
