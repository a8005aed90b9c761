/**
 * Pinyin search: `chengzhongcun`, the initials `czc` and mixed input such as `韧xing` find 城中村
 * and 韧性. The readings come from the build (src/vite/pinyin.ts, every reading of each of the
 * deck's own characters, so polyphones such as 重 zhong/chong match either way); the page downloads
 * no dictionary. Matching runs on folded text (src/markdown/fold.ts: lower case, one width).
 */

/** Every reading of each character: lower-case pinyin without tones (ü as v and as u), space-separated. */
export type Readings = Readonly<Record<string, string>>;

/** One pinyin match in a folded text. */
export interface PinyinMatch {
  /** Folded offsets `[start, end)`. */
  start: number;
  end: number;
  /** True when some character was matched by its initial only (`czc`), not its whole syllable. */
  abbreviated: boolean;
}

const LETTER = /^[a-z]$/u;
/** The two-letter initials; every other syllable's initial is its first letter. */
const DOUBLE_INITIAL = /^(zh|ch|sh)/u;

/** Longest query read as pinyin: a pasted paragraph is searched as text only. */
const MAX_PINYIN = 64;

/**
 * The query as pinyin matching reads it: spaces and syllable apostrophes (`xi'an`) dropped. Null
 * when the query holds fewer than two letters, which would match far too much to be a search, or
 * is longer than anyone types as pinyin.
 */
export function pinyinQuery(folded: string): string | null {
  const q = folded.replace(/[\s'’]/gu, '');
  const letters = q.match(/[a-z]/gu)?.length ?? 0;
  return letters >= 2 && q.length <= MAX_PINYIN ? q : null;
}

/** Cached reading lists, split once per character. */
function readingList(readings: Readings, cache: Map<string, string[]>, ch: string): string[] {
  let list = cache.get(ch);
  if (!list) {
    list = readings[ch]?.split(' ').filter(Boolean) ?? [];
    cache.set(ch, list);
  }
  return list;
}

/**
 * Matches `q` (from `pinyinQuery`) against `text` starting exactly at `at`. Letters match a
 * character's whole syllable, its initial (zh/ch/sh or the first letter), or — at the end of the
 * query, while the reader is still typing — the beginning of a syllable; anything else must be the
 * same character. Whole syllables are tried first, so the first match found is the most exact.
 */
function matchAt(
  text: string,
  at: number,
  q: string,
  readings: Readings,
  cache: Map<string, string[]>,
): { end: number; abbreviated: boolean } | null {
  const step = (i: number, j: number, abbreviated: boolean): { end: number; abbreviated: boolean } | null => {
    if (j === q.length) return { end: i, abbreviated };
    if (i >= text.length) return null;
    const c = q[j]!;
    const ch = text[i]!;
    if (!LETTER.test(c)) return ch === c ? step(i + 1, j + 1, abbreviated) : null;
    if (ch === c) {
      const literal = step(i + 1, j + 1, abbreviated);
      if (literal) return literal;
    }
    const list = readingList(readings, cache, ch);
    for (const r of list) {
      if (q.startsWith(r, j)) {
        const whole = step(i + 1, j + r.length, abbreviated);
        if (whole) return whole;
      }
    }
    const rest = q.slice(j);
    if (/^[a-z]+$/u.test(rest) && list.some((r) => r.length > rest.length && r.startsWith(rest))) {
      return { end: i + 1, abbreviated };
    }
    for (const r of list) {
      const double = DOUBLE_INITIAL.exec(r)?.[1];
      if (double && q.startsWith(double, j) && double.length < r.length) {
        const initial = step(i + 1, j + 2, true);
        if (initial) return initial;
      }
    }
    if (list.some((r) => r[0] === c && r.length > 1)) return step(i + 1, j + 1, true);
    return null;
  };
  return step(at, 0, false);
}

/**
 * Every non-overlapping pinyin match of `q` in the folded `text`, first first. Matches of the query
 * as plain text are left to the plain search.
 */
export function findPinyin(text: string, q: string, readings: Readings): PinyinMatch[] {
  const cache = new Map<string, string[]>();
  const out: PinyinMatch[] = [];
  const first = q[0];
  if (!first) return out;
  for (let i = 0; i < text.length; i++) {
    // Cheap test before the search: the first character must be able to start the query.
    const ch = text[i]!;
    if (!LETTER.test(first) ? ch !== first : ch !== first && !readingList(readings, cache, ch).length) continue;
    const m = matchAt(text, i, q, readings, cache);
    if (!m || m.end === i) continue;
    out.push({ start: i, end: m.end, abbreviated: m.abbreviated });
    i = m.end - 1;
  }
  return out;
}
