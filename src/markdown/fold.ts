/**
 * Folding for search: full-width and half-width forms compare equal, letters compare without
 * case, and any run of whitespace (including the ideographic space U+3000) is one space. The
 * folded text keeps an offset map back to the original, so a match found in folded text can be
 * highlighted on the original characters.
 */

/** Folded text with, for each folded UTF-16 unit, the original range it came from. */
export interface FoldedText {
  /** The folded text. */
  text: string;
  /** `starts[i]` is the original offset where folded unit `i` begins. */
  starts: number[];
  /** `ends[i]` is the original offset just after the characters folded into unit `i`. */
  ends: number[];
}

/** Width pairs outside the contiguous full-width ASCII block U+FF01–U+FF5E. */
const EXTRA_PAIRS: Record<string, string> = {
  '\uFF61': '。', // halfwidth ideographic full stop
  '\uFF62': '「',
  '\uFF63': '」',
  '\uFF64': '、',
  '\u2018': "'",
  '\u2019': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\uFF5F': '(',
  '\uFF60': ')',
  '\u2014': '-',
  '\u2013': '-',
  '\uFFE5': '¥',
};

const WHITESPACE = /\s/u;

/** Folds one UTF-16 unit (not whitespace). */
function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0).toLowerCase();
  const extra = EXTRA_PAIRS[ch];
  if (extra !== undefined) return extra;
  return code < 0x80 ? ch.toLowerCase() : ch;
}

/** Folds `source`, keeping the offset map (see `FoldedText`). */
export function foldText(source: string): FoldedText {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (WHITESPACE.test(ch)) {
      let j = i + 1;
      while (j < source.length && WHITESPACE.test(source[j]!)) j++;
      text += ' ';
      starts.push(i);
      ends.push(j);
      i = j;
      continue;
    }
    text += foldChar(ch);
    starts.push(i);
    ends.push(i + 1);
    i++;
  }
  return { text, starts, ends };
}

/** Folds a query the same way, trimmed at both ends. */
export function foldQuery(query: string): string {
  return foldText(query.trim()).text;
}

/** The original range `[start, end)` of the folded range `[from, to)` (to > from). */
export function originalRange(folded: FoldedText, from: number, to: number): { start: number; end: number } {
  return { start: folded.starts[from]!, end: folded.ends[to - 1]! };
}
