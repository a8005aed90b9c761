/**
 * Fidelity rules: does every visible word of a compiled deck say only what the speech says?
 *
 * Pure: a compiled `Deck` and the speech's text in, a list of findings out (empty when the deck
 * keeps to the text). Every comparison is made modulo punctuation width and whitespace (the
 * slides set full-width punctuation between Chinese characters; the source may have half-width
 * `,;:()`), never modulo wording. The rules:
 *
 * - `quotation`: a block quotation on a slide is a verbatim part of a quotation the speech makes
 *   (text inside “…”); `……` may stand for words left out, in order, within the same quotation.
 * - `attribution`: a quotation's caption names only what the speech names for it within the same
 *   sentence (each caption segment is made of pieces of that sentence).
 * - `name-colon`: a line "名字：text" whose name is a person or a document reads as a quotation,
 *   so it is held to the two rules above.
 * - `no-overlap`: a slide whose visible text is not drawn from the speech is marked `editorial`,
 *   or is structural (layout `title` or `structure`, or listed in `structural`).
 * - `official-name`: official names are written in full (`党的十八大`, never `十八大`), in the
 *   slides, the notes, chart titles and part titles.
 */
import { foldText } from './fold.ts';
import { htmlToText } from './text.ts';
import type { ContentRole, Deck, Part, Slide, SourcePos } from './types.ts';

/** An official name and the short forms that must not stand for it. */
export interface OfficialName {
  /** The name in full, as the speech writes it, e.g. `党的二十大报告`. */
  name: string;
  /** Short forms, e.g. `二十大报告`; one inside an occurrence of `name` is not a short form. */
  wrong: readonly string[];
}

/**
 * Official names of Party and state usage that a deck writes in full. Decks pass their own list
 * (`FidelityOptions.officialNames`) when a speech needs more.
 */
export const OFFICIAL_NAMES: readonly OfficialName[] = [
  { name: '习近平总书记', wrong: ['习总书记', '习总', '总书记'] },
  { name: '党的二十大报告', wrong: ['二十大报告', '党的二十大的报告'] },
  { name: '党的二十大', wrong: ['二十大'] },
  { name: '党的十八大', wrong: ['十八大'] },
  { name: '第七次全国人口普查', wrong: ['第七次人口普查', '第七次普查', '七普', '七人普'] },
];

/** Which rule a finding breaks. */
export type FidelityRule = 'quotation' | 'attribution' | 'name-colon' | 'no-overlap' | 'official-name';

/** One place where a slide says more, or other, than the speech. */
export interface FidelityFinding extends SourcePos {
  /** The slide's id (`file`/`line` point at the slide's first line). */
  slide: string;
  rule: FidelityRule;
  /** What is wrong and what to do, in the deck's `问题 — 怎么做` form (Chinese, for authors). */
  message: string;
}

/** Options of `checkFidelity`. */
export interface FidelityOptions {
  /** Official names and their wrong short forms. Default: `OFFICIAL_NAMES`. */
  officialNames?: readonly OfficialName[];
  /**
   * Persons and documents words can be attributed to, beside the official names (e.g. `马克思`).
   * A "name：text" line is also recognised by a title or a document word at the end of its name
   * (总书记, 同志, 报告, 讲话, …) or a 《title》; other titles go in this list. Default: none.
   */
  names?: readonly string[];
  /** Ids of slides that present the deck, not the speech (e.g. a sources slide). Default: none. */
  structural?: readonly string[];
  /**
   * The smallest share of a slide's visible letters and digits that must come from the speech in
   * runs of at least `OVERLAP_RUN` characters for a slide that is neither editorial nor
   * structural. Default: 0.3.
   */
  minOverlap?: number;
}

/** Characters a common run must have to count as drawn from the speech. */
export const OVERLAP_RUN = 4;

/** Folded for comparison: width and case folded, whitespace dropped. */
function fold(text: string): string {
  return foldText(text).text.replace(/ /g, '');
}

/** Only letters and digits (folded): what the overlap measure counts. */
function lettersOf(text: string): string {
  return fold(text).replace(/[^\p{L}\p{N}]/gu, '');
}

/** A quotation the speech makes: the quoted text and the sentence around it, both folded. */
interface SpeechQuote {
  quote: string;
  sentence: string;
}

const OPEN = '“';
const CLOSE = '”';
const SENTENCE_END = /[。！？!?]/;

/** The speech's sentences (a full stop inside “…” does not end one) with their quotations. */
function speechQuotes(source: string): SpeechQuote[] {
  const found: SpeechQuote[] = [];
  for (const line of source.split(/\n/)) {
    let start = 0;
    let depth = 0;
    let quoteStart = -1;
    const spans: [number, number][] = [];
    const flush = (end: number): void => {
      const sentence = fold(line.slice(start, end));
      for (const [a, b] of spans) found.push({ quote: fold(line.slice(a, b)), sentence });
      spans.length = 0;
      start = end;
    };
    for (let i = 0; i < line.length; i++) {
      const ch = line[i]!;
      if (ch === OPEN) {
        if (depth === 0) quoteStart = i + 1;
        depth++;
      } else if (ch === CLOSE && depth > 0) {
        depth--;
        if (depth === 0) {
          spans.push([quoteStart, i]);
          // “…。” ends the sentence with the quotation.
          if (SENTENCE_END.test(line[i - 1] ?? '')) flush(i + 1);
        }
      } else if (depth === 0 && SENTENCE_END.test(ch)) {
        flush(i + 1);
      }
    }
    flush(line.length);
  }
  return found;
}

/** Whether `text` (folded) is a verbatim part of `quote`; `…` marks words left out, in order. */
function isPartOf(text: string, quote: string): boolean {
  const pieces = text.split(/(?:…|\.{3})+/).filter(Boolean);
  if (pieces.length === 0) return false;
  let at = 0;
  for (const piece of pieces) {
    const i = quote.indexOf(piece, at);
    if (i < 0) return false;
    at = i + piece.length;
  }
  return true;
}

/** Whether `segment` (folded) is made of pieces of `sentence` of two characters or more. */
function isMadeOf(segment: string, sentence: string): boolean {
  let i = 0;
  while (i < segment.length) {
    let n = 0;
    while (i + n < segment.length && sentence.includes(segment.slice(i, i + n + 1))) n++;
    if (n < Math.min(2, segment.length - i)) return false;
    i += n;
  }
  return true;
}

/** The caption's segments: what it names, split at commas and enumeration marks. */
function captionSegments(caption: string): string[] {
  return fold(caption.replace(/^\s*(?:——|--|—)\s*/, ''))
    .split(/[,，、;；]+/)
    .filter(Boolean);
}

/** The share of `text`'s letters and digits found in `speech` in runs of `OVERLAP_RUN` or more. */
export function overlapShare(text: string, speechLetters: string): number {
  const letters = lettersOf(text);
  if (letters.length === 0) return 0;
  let covered = 0;
  let i = 0;
  while (i < letters.length) {
    let n = 0;
    while (i + n < letters.length && speechLetters.includes(letters.slice(i, i + n + 1))) n++;
    if (n >= OVERLAP_RUN) {
      covered += n;
      i += n;
    } else {
      i += 1;
    }
  }
  return covered / letters.length;
}

/**
 * Short forms of `official` in `text`: occurrences of its `wrong` forms that stand inside neither
 * the full name nor a longer short form (`习总书记` is reported once, not also as `总书记`).
 */
export function shortForms(text: string, { name, wrong }: OfficialName): string[] {
  const spans = (needle: string): [number, number][] => {
    const found: [number, number][] = [];
    for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) found.push([i, i + needle.length]);
    return found;
  };
  const full = spans(name);
  const candidates = wrong.flatMap((form) => spans(form).map(([a, b]) => ({ form, a, b })));
  const inside = (a: number, b: number, [c, d]: [number, number]): boolean => c <= a && b <= d && d - c > b - a;
  return candidates
    .filter(({ a, b }) => !full.some((f) => f[0] <= a && b <= f[1]))
    .filter(({ a, b }) => !candidates.some((o) => inside(a, b, [o.a, o.b])))
    .sort((x, y) => x.a - y.a)
    .map((c) => c.form);
}

const QUOTE_FIGURE =
  /<figure class="quotation">\s*<blockquote>([\s\S]*?)<\/blockquote>\s*<figcaption>([\s\S]*?)<\/figcaption>\s*<\/figure>/g;
const BLOCKQUOTE = /<blockquote>([\s\S]*?)<\/blockquote>/g;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

/** Text of compiler-made HTML (tags dropped, the compiler's entities decoded). */
function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => ENTITIES[e]!)
    .trim();
}

/** A title or document word that makes the text before a colon a name words are credited to. */
// Messages to authors here do not reach the deck's font: src/vite/font-plugin.ts subsets the
// compiled deck's text, not the compiler's source (BUILD_ONLY).
const NAME_WORD = /(?:总书记|书记|总理|同志|报告|讲话|决定|决议|指出|强调)$|《[^》]+》/;
const NAME_COLON = /^([^：:]{1,24})[：:]\s*(.+)$/;

function short(text: string, max = 30): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
}

/**
 * Checks a compiled deck against the speech it presents. `speech` is the speech's text (any
 * lines of it: a title or a page footer does no harm). Returns the findings in deck order.
 */
export function checkFidelity(deck: Deck, speech: string, options: FidelityOptions = {}): FidelityFinding[] {
  const officialNames = options.officialNames ?? OFFICIAL_NAMES;
  const names = [...officialNames.map((n) => n.name), ...(options.names ?? [])];
  const structural = new Set(options.structural ?? []);
  const minOverlap = options.minOverlap ?? 0.3;
  const quotes = speechQuotes(speech);
  const speechLetters = lettersOf(speech);
  const findings: FidelityFinding[] = [];

  const at = (slide: Slide, rule: FidelityRule, message: string): void => {
    findings.push({ file: slide.file, line: slide.line, slide: slide.id, rule, message });
  };

  /** Checks a quotation (and the names it is credited to) against the speech's quotations. */
  const checkQuote = (slide: Slide, text: string, credit: string, form: 'quote' | 'colon'): void => {
    const quote = fold(text);
    const sources = quotes.filter((q) => isPartOf(quote, q.quote));
    const shown = form === 'quote' ? `引语“${short(text)}”` : `“${short(credit)}：${short(text, 20)}”一行读作引语，但`;
    if (sources.length === 0) {
      at(
        slide,
        form === 'quote' ? 'quotation' : 'name-colon',
        form === 'quote'
          ? `${shown}不是讲稿中加引号的原话 — 逐字照录讲稿“…”中的文字（删去的字写作“……”），或改为不加引号的要点`
          : `${shown}不是讲稿中加引号的原话 — 改为不带“名字：”的要点，或逐字照录讲稿的引语并注明出处`,
      );
      return;
    }
    if (!credit) return;
    const segments = form === 'quote' ? captionSegments(credit) : [fold(credit)];
    for (const segment of segments) {
      if (!sources.some((q) => isMadeOf(segment, q.sentence))) {
        at(
          slide,
          form === 'quote' ? 'attribution' : 'name-colon',
          `${form === 'quote' ? `引语“${short(text)}”的出处` : shown}“${segment}”不是讲稿引这段话时给出的 — 出处只写讲稿引这段话时在同一处点出的人或文件`,
        );
      }
    }
  };

  for (const part of deck.parts) {
    for (const slide of part.slides) {
      for (const m of slide.html.matchAll(QUOTE_FIGURE)) checkQuote(slide, textOf(m[1]!), textOf(m[2]!), 'quote');
      const plain = slide.html.replace(QUOTE_FIGURE, '');
      for (const m of plain.matchAll(BLOCKQUOTE)) checkQuote(slide, textOf(m[1]!), '', 'quote');

      for (const line of htmlToText(plain.replace(BLOCKQUOTE, '')).split('\n')) {
        const m = NAME_COLON.exec(line.trim());
        if (!m) continue;
        const [, credit, said] = m as unknown as [string, string, string];
        if (names.some((n) => credit.includes(n)) || NAME_WORD.test(credit)) checkQuote(slide, said, credit, 'colon');
      }

      if (!slide.editorial && !structural.has(slide.id) && slide.layout !== 'title' && slide.layout !== 'structure') {
        const share = overlapShare(slide.text, speechLetters);
        if (share < minOverlap) {
          at(
            slide,
            'no-overlap',
            `幻灯片“${short(slide.title)}”上的文字只有 ${Math.round(share * 100)}% 出自讲稿 — 改用讲稿的原词，或在首行标注 editorial（编者概括）`,
          );
        }
      }

      for (const { where, text, line } of textsOf(part, slide)) {
        for (const official of officialNames) {
          for (const wrong of new Set(shortForms(text, official))) {
            findings.push({
              file: slide.file,
              line,
              slide: slide.id,
              rule: 'official-name',
              message: `${where}把“${official.name}”简写作“${wrong}” — 写全称“${official.name}”`,
            });
          }
        }
      }
    }
  }
  return findings;
}

/** What the notes' roles are called in messages. */
const ROLE_NAMES: Record<ContentRole, string> = {
  speech: '讲稿备注',
  direction: '提示',
  note: '备注',
  editorial: '编者概括',
  source: '出处说明',
};

/** Every text of a slide someone meets, where it stands and its line (the part's titles go with its first slide). */
function textsOf(part: Part, slide: Slide): { where: string; text: string; line: number }[] {
  const texts = [{ where: '幻灯片', text: slide.text, line: slide.line }];
  for (const block of slide.notes) texts.push({ where: ROLE_NAMES[block.role], text: block.text, line: block.line });
  for (const chart of slide.charts) {
    for (const value of Object.values(chart.options)) {
      if (typeof value === 'string') texts.push({ where: '图表', text: value, line: chart.line });
    }
  }
  if (slide === part.slides[0])
    texts.push({ where: '部分标题', text: `${part.title}\n${part.theme}`, line: part.line });
  return texts;
}

/**
 * Checks a deck against its own speech notes, for a deck that carries no separate source text:
 * the speech-role notes hold every sentence of the speech (the importer and this deck keep that
 * invariant), and a slide without speech notes (title, agenda, sources) counts as structural.
 * `npm run build` prints these findings as warnings.
 */
export function checkAgainstNotes(deck: Deck, options: FidelityOptions = {}): FidelityFinding[] {
  const slides = deck.parts.flatMap((p) => p.slides);
  const speechOf = (slide: Slide): string =>
    slide.notes
      .filter((b) => b.role === 'speech')
      .map((b) => b.text)
      .join('\n');
  const speech = slides.map(speechOf).join('\n');
  const silent = slides.filter((s) => speechOf(s).trim() === '').map((s) => s.id);
  return checkFidelity(deck, speech, { ...options, structural: [...(options.structural ?? []), ...silent] });
}

/** A finding as the build prints problems: `file:line: 问题 — 怎么做`. */
export function formatFinding(finding: FidelityFinding): string {
  return `${finding.file}:${finding.line}: ${finding.message}`;
}
