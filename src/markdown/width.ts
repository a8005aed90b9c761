/**
 * Punctuation width is typography, not wording: text shown to readers uses full-width punctuation
 * between Chinese characters (，：；？！（）), whatever width the source was typed in. The source
 * text (assets/source/speech.txt) keeps its half-width marks, so checks against it compare modulo
 * width (`foldWidth`). Only punctuation and the spaces that padded it change; never a word.
 */

/** Half-width marks that become full-width next to Chinese text. */
const MARKS: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！' };
const OPEN = '(';
const CLOSE = ')';

/**
 * Characters that set Chinese context: ideographs, kana, CJK punctuation and full-width forms, and
 * the curly quotes and ellipsis that Chinese text uses.
 */
const WIDE =
  /[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff01-\uff60\uffe0-\uffe6\u201c\u201d\u2018\u2019\u2026\u2014\u00b7]/;
const ALNUM = /[A-Za-z0-9]/;
/** Padding that a full-width mark replaces (never a line break). */
const PAD = /[ \t]/;

const isWide = (ch: string | undefined): boolean => ch !== undefined && WIDE.test(ch);

/**
 * Plans the widening of a sequence of characters: returns, per character, its replacement (the
 * same character, a full-width mark, or '' for padding removed). `frozen[i]` characters (code,
 * markup) are kept and never count as context.
 */
function plan(chars: readonly string[], frozen: readonly boolean[]): string[] {
  const out = [...chars];
  const neighbour = (from: number, step: 1 | -1): string | undefined => {
    for (let j = from + step; j >= 0 && j < chars.length; j += step) {
      if (frozen[j]) continue;
      if (!/\s/.test(chars[j]!)) return chars[j];
    }
    return undefined;
  };
  const dropPadding = (at: number): void => {
    for (const step of [1, -1] as const) {
      for (let j = at + step; j >= 0 && j < chars.length && !frozen[j] && PAD.test(chars[j]!); j += step) out[j] = '';
    }
  };
  for (let i = 0; i < chars.length; i++) {
    if (frozen[i]) continue;
    const ch = chars[i]!;
    const wide = MARKS[ch];
    if (wide !== undefined) {
      const prev = neighbour(i, -1);
      const next = neighbour(i, 1);
      if (isWide(prev) || (isWide(next) && !(prev !== undefined && ALNUM.test(prev)))) {
        out[i] = wide;
        dropPadding(i);
      }
    } else if (ch === OPEN) {
      // The matching close on the same line; a pair turns wide when it holds or follows Chinese.
      let close = -1;
      let chinese = false;
      for (let j = i + 1; j < chars.length && chars[j] !== '\n'; j++) {
        if (frozen[j]) continue;
        if (chars[j] === OPEN) break;
        if (chars[j] === CLOSE) {
          close = j;
          break;
        }
        if (isWide(chars[j])) chinese = true;
      }
      if (close < 0) continue;
      if (chinese || isWide(neighbour(i, -1))) {
        out[i] = '（';
        out[close] = '）';
        dropPadding(i);
        dropPadding(close);
      }
    }
  }
  return out;
}

/** Display text with full-width punctuation between Chinese characters: `(一) 立足国情,顺势` → `（一）立足国情，顺势`. */
export function widenPunctuation(text: string): string {
  const chars = [...text];
  return plan(
    chars,
    chars.map(() => false),
  ).join('');
}

/** Elements whose text is literal and keeps its width. */
const LITERAL = /^<\s*(\/?)\s*(code|pre|kbd|samp|script|style)\b/i;

/**
 * `widenPunctuation` over the text of trusted, compiler-made HTML: tags, attribute values (URLs)
 * and the contents of `<code>`, `<pre>` and `<kbd>` are left as they are; text on either side of
 * an inline tag counts as one run (`<strong>获得感</strong>,幸福感`).
 */
export function widenHtml(html: string): string {
  const chars: string[] = [];
  const frozen: boolean[] = [];
  let literal = 0;
  for (const piece of html.split(/(<[^>]*>)/)) {
    if (piece.startsWith('<')) {
      const m = LITERAL.exec(piece);
      if (m) literal = Math.max(0, literal + (m[1] ? -1 : 1));
      for (const ch of piece) {
        chars.push(ch);
        frozen.push(true);
      }
      continue;
    }
    for (const ch of piece) {
      chars.push(ch);
      frozen.push(literal > 0);
    }
  }
  // Entities (&quot;) stay ASCII: their letters and digits never make a neighbour wide.
  return plan(chars, frozen).join('');
}

/** Full-width punctuation folded to ASCII (the inverse of widening, for comparisons with the source). */
export function foldWidth(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}
