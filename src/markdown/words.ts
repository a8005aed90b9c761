/**
 * Where a Chinese heading or label may break: between words, never inside one. Browsers break
 * Chinese between any two characters ("顺势而|为", "问题|导|向"); the build marks the places
 * between words instead (`<wbr>`), and the page sets `word-break: keep-all` so only those count.
 *
 * Words come from `Intl.Segmenter('zh')` (in Node and every current browser, no model to ship),
 * corrected where it is weak on short texts: it splits compounds into single characters (导|向,
 * 四|化, 起|承|转|合), so a run of single characters stays together; and it knows nothing of the
 * deck's own terms, so the caller passes them (the part themes' "把握规律 · 问题导向" terms), each
 * kept whole. BudouX (zh-hans) was tried against the same examples and broke "顺势而|为" and
 * "把|握起|承转合": the segmenter with these corrections breaks none of the issue's examples.
 *
 * Punctuation follows the Chinese rules: closing marks and "·" stay at the end of the line before,
 * opening marks at the start of the line after; and a text never ends with a word of one
 * character alone (it joins the word before).
 */

/** Characters that must not start a line. */
export const NO_LINE_START = '，。、；：？！）》」』】〕”’…·,.;:?!)]}%';
/** Characters that must not end a line. */
export const NO_LINE_END = '（《「『【〔“‘([{';

const HAN = /\p{Script=Han}/u;
/** Characters that end a word rather than stand alone (城镇化, 现代化, 获得感, 积极性). */
const SUFFIXES = '化性者们式型率度感员家界';
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Whether `s` is one Han character. */
const singleHan = (s: string): boolean => [...s].length === 1 && HAN.test(s);

/**
 * The text split into units that stay on one line: joined back together they are the text.
 * A line may break only between two units.
 * @param terms words of the deck that must never be split (longest first wins).
 */
export function wordUnits(text: string, terms: readonly string[] = []): string[] {
  // 1. Terms, then the segmenter's words for the rest.
  const pieces: { text: string; term: boolean }[] = [];
  const sorted = [...new Set(terms.filter((t) => [...t].length > 1))].sort((a, b) => b.length - a.length);
  let rest = text;
  while (rest) {
    let at = -1;
    let term = '';
    for (const t of sorted) {
      const i = rest.indexOf(t);
      if (i >= 0 && (at < 0 || i < at)) {
        at = i;
        term = t;
      }
    }
    if (at < 0) {
      pieces.push({ text: rest, term: false });
      break;
    }
    if (at > 0) pieces.push({ text: rest.slice(0, at), term: false });
    pieces.push({ text: term, term: true });
    rest = rest.slice(at + term.length);
  }
  const words: { text: string; term: boolean }[] = [];
  for (const p of pieces) {
    if (p.term) words.push(p);
    else for (const s of segmenter.segment(p.text)) words.push({ text: s.segment, term: false });
  }
  // 2. A run of single Han characters is one word the segmenter did not know; a suffix (城镇|化,
  //    现代|化) belongs to the word before it.
  const merged: string[] = [];
  let run = false;
  let prevHan = false;
  for (const w of words) {
    const single = !w.term && singleHan(w.text);
    if (single && (run || (prevHan && SUFFIXES.includes(w.text)))) merged[merged.length - 1] += w.text;
    else merged.push(w.text);
    run = single;
    prevHan = HAN.test([...w.text].at(-1) ?? '');
  }
  // 3. Punctuation and spaces: closing marks (and the spaces before them) join the unit before,
  //    opening marks the unit after; spaces otherwise end the unit before.
  const units: string[] = [];
  let pending = '';
  for (const m of merged) {
    const first = [...m][0] ?? '';
    const blank = m.trim() === '';
    if (units.length > 0 && !pending && (blank || NO_LINE_START.includes(first))) {
      units[units.length - 1] += m;
    } else if ([...m].every((c) => NO_LINE_END.includes(c))) {
      pending += m;
    } else {
      units.push(pending + m);
      pending = '';
    }
  }
  if (pending) units.push(pending);
  // A unit that is only "·" after a space ("起 · 把握") has joined the word before; the space
  // after it joined too. 4. No single character alone at the end.
  const lastIdx = units.length - 1;
  if (lastIdx > 0 && [...units[lastIdx]!.replace(/[\s\p{P}]/gu, '')].length === 1) {
    units[lastIdx - 1] += units.pop()!;
  }
  return units;
}

/** Terms of the deck that must stay whole: the "·"-separated words of the parts' themes. */
export function deckTerms(themes: readonly string[]): string[] {
  return themes
    .flatMap((t) => t.split(/[·、，,\s]+/))
    .map((t) => t.trim())
    .filter((t) => [...t].length >= 2 && [...t].length <= 8 && HAN.test(t));
}

const ENTITIES: Record<string, string> = {
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  hellip: '…',
  middot: '·',
  mdash: '—',
};

/** Private-use characters around an entity while the text is split (no text contains them). */
const OPEN_MARK = '\ue000';
const CLOSE_MARK = '\ue001';
const ENTITY_SPAN = /\ue000([^\ue001]*)\ue001/g;

const LITERAL = /^<\s*(\/?)\s*(code|pre|kbd|samp|script|style)\b/i;

/**
 * `<wbr>` between the words of the text inside compiler-made HTML (tags, and code, left as they
 * are). Each text run between tags is split on its own.
 */
export function markWordBreaks(html: string, terms: readonly string[] = []): string {
  let literal = 0;
  return html
    .split(/(<[^>]*>)/)
    .map((piece) => {
      if (piece.startsWith('<')) {
        const m = LITERAL.exec(piece);
        if (m) literal = Math.max(0, literal + (m[1] ? -1 : 1));
        return piece;
      }
      if (literal > 0 || !HAN.test(piece)) return piece;
      // Typographic entities are the characters they stand for; the others (&amp; &quot;) one unit.
      const text = piece.replace(/&(ldquo|rdquo|lsquo|rsquo|hellip|middot|mdash);/g, (_, n: string) => ENTITIES[n]!);
      const marked = text.replace(/&[#\w]+;/g, (e) => `${OPEN_MARK}${e}${CLOSE_MARK}`);
      return wordUnits(marked, terms)
        .join('<wbr>')
        .replace(ENTITY_SPAN, (_, e: string) => e.replace(/<wbr>/g, ''));
    })
    .join('');
}

/** `markWordBreaks` inside the slide's headings (`<h1>`–`<h3>`), the rest of the HTML as it is. */
export function markHeadingBreaks(html: string, terms: readonly string[] = []): string {
  return html.replace(
    /(<(h[1-3])\b[^>]*>)([\s\S]*?)(<\/\2>)/g,
    (_, open: string, _tag: string, inner: string, close: string) => open + markWordBreaks(inner, terms) + close,
  );
}
