/** Small text helpers shared by the importer: numerals, width folding, counting, clauses. */

const DIGITS = '〇一二三四五六七八九';

/** 一 → 1, 十二 → 12, 二十 → 20 (numbering in speeches stays below 100); null when not a numeral. */
export function parseChineseNumber(text: string): number | null {
  if (!/^[〇零一二两三四五六七八九十]+$/.test(text)) return null;
  const digit = (ch: string): number => (ch === '两' ? 2 : ch === '零' ? 0 : DIGITS.indexOf(ch));
  const ten = text.indexOf('十');
  if (ten < 0) return text.length === 1 ? digit(text) : null;
  const tens = ten === 0 ? 1 : digit(text.slice(0, ten));
  const ones = ten === text.length - 1 ? 0 : digit(text.slice(ten + 1));
  if (tens < 0 || ones < 0 || text.length > 3) return null;
  return tens * 10 + ones;
}

/** 1 → 一, 12 → 十二. */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return `十${n % 10 === 0 ? '' : DIGITS[n % 10]}`;
  return `${DIGITS[Math.floor(n / 10)]}十${n % 10 === 0 ? '' : DIGITS[n % 10]}`;
}

/** Full-width ASCII forms and the ideographic space folded to their half-width forms. */
export function foldWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** The text without any whitespace: how the importer compares texts (Chinese has none that matters). */
export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

/**
 * Characters as a speaker reads them: everything but whitespace and punctuation (a digit or a
 * Latin letter counts as one, like a Chinese character).
 */
export function spokenLength(text: string): number {
  return text.replace(/[\s\p{P}\p{S}]/gu, '').length;
}

/** Marks that end a clause inside a sentence. */
const CLAUSE_END = /[，,；;：:]/;

/**
 * The lead clause of a sentence: up to its first comma, semicolon or colon (outside quotation
 * marks) or its end, without the closing full stop.
 */
export function leadClause(sentence: string): string {
  let depth = 0;
  let i = 0;
  for (const ch of sentence) {
    if (ch === '“' || ch === '「' || ch === '『') depth++;
    else if ((ch === '”' || ch === '」' || ch === '』') && depth > 0) depth--;
    else if (depth === 0 && CLAUSE_END.test(ch)) break;
    i += ch.length;
  }
  return trimEnd(sentence.slice(0, i));
}

/** Removes a sentence's closing punctuation (。！？ …), not its closing quotation marks. */
export function trimEnd(text: string): string {
  return text.replace(/[。．.！!？?；;，,、：:\s]+$/u, '').trim();
}

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Words of `text` (Intl.Segmenter, zh). */
export function words(text: string): string[] {
  return [...segmenter.segment(text)].map((s) => s.segment);
}

/**
 * At most `max` characters of `text`, cut at a word boundary and ended with "…" when shortened.
 * Never inserts other words: the result is a prefix of the text.
 */
export function shorten(text: string, max: number): string {
  if ([...text].length <= max) return text;
  let out = '';
  for (const w of words(text)) {
    if ([...out].length + [...w].length > max - 1) break;
    out += w;
  }
  if (out === '') out = [...text].slice(0, max - 1).join('');
  return `${trimEnd(out)}…`;
}
