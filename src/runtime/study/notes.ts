/**
 * Highlights and notes (notes-plugin.ts), the pure part, unit-tested: what is stored, how a note
 * finds its text again after a rebuild, and the Markdown a reader exports and imports.
 *
 * A note is anchored by its slide's id and the quoted text (with a few characters before it, to
 * tell repeated phrases apart), never by a position: a rebuild that keeps the text keeps the note;
 * a note whose text changed is listed as 未能定位 instead of landing on the wrong words.
 */

/** One highlight, with the reader's note (empty for a plain 划线). */
export interface StudyNote {
  id: string;
  slideId: string;
  /** The highlighted text, exactly as it reads on the page. */
  quote: string;
  /** Up to `CONTEXT` characters before the quote (which of several equal phrases). */
  before: string;
  note: string;
  /** When it was made (ms since 1970), for a stable order among equals. */
  at: number;
}

/** Characters kept before a quote to tell repeated phrases apart. */
export const CONTEXT = 16;
/** Notes kept per deck, and the longest quote and note: a corrupt or hostile store stays small. */
const MAX_NOTES = 2000;
const MAX_TEXT = 4000;

const isText = (v: unknown, max = MAX_TEXT): v is string => typeof v === 'string' && v.length <= max;

/** Stored notes read back: well-formed ones only, anything else dropped. */
export function parseNotes(stored: unknown): StudyNote[] {
  if (!Array.isArray(stored)) return [];
  const out: StudyNote[] = [];
  for (const v of stored.slice(0, MAX_NOTES)) {
    if (!v || typeof v !== 'object') continue;
    const n = v as Record<string, unknown>;
    if (!isText(n.id, 64) || !isText(n.slideId, 200) || !isText(n.quote) || !n.quote.trim()) continue;
    out.push({
      id: n.id,
      slideId: n.slideId,
      quote: n.quote,
      before: isText(n.before, CONTEXT) ? n.before : '',
      note: isText(n.note) ? n.note : '',
      at: typeof n.at === 'number' && Number.isFinite(n.at) ? n.at : 0,
    });
  }
  return out;
}

/**
 * Where `note`'s quote is in `text` (a slide's text, text-map.ts): the start offset, or -1 when the
 * text no longer holds it. Of several equal phrases, the one preceded by the note's `before`.
 */
export function locate(text: string, note: Pick<StudyNote, 'quote' | 'before'>): number {
  const found: number[] = [];
  for (let i = text.indexOf(note.quote); i >= 0; i = text.indexOf(note.quote, i + 1)) found.push(i);
  if (found.length <= 1) return found[0] ?? -1;
  const best = found.find((i) => note.before && text.slice(0, i).endsWith(note.before));
  return best ?? found[0]!;
}

/** The characters before offset `start` of `text` that anchor a quote there. */
export function contextBefore(text: string, start: number): string {
  return text.slice(Math.max(0, start - CONTEXT), start);
}

/** What the export needs to know about the deck. */
export interface ExportDeck {
  title: string;
  /** Slide ids in speech order. */
  order: readonly string[];
  slideTitle(slideId: string): string;
  /** The address that opens a slide in the reading view. */
  href(slideId: string): string;
}

/** Notes in speech order: by slide, then by where they are in it (`offset`), then by age. */
export function inSpeechOrder(
  notes: readonly StudyNote[],
  order: readonly string[],
  offset: (n: StudyNote) => number,
): StudyNote[] {
  const rank = new Map(order.map((id, i) => [id, i]));
  return [...notes].sort(
    (a, b) =>
      (rank.get(a.slideId) ?? order.length) - (rank.get(b.slideId) ?? order.length) ||
      offset(a) - offset(b) ||
      a.at - b.at,
  );
}

/** A line of Markdown that cannot start a heading, a quote or a list where it is written. */
const quoteLines = (text: string): string =>
  text
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n');

/**
 * The notes as a Markdown file: a heading per note with its slide's title, the quote as a block
 * quote, the note, and a link back (`#/<slide id>`). `notesFromMarkdown` reads it back.
 */
export function notesToMarkdown(notes: readonly StudyNote[], deck: ExportDeck): string {
  const parts = [`# 我的笔记：${deck.title}`, ''];
  notes.forEach((n, i) => {
    parts.push(`## ${i + 1}. ${deck.slideTitle(n.slideId) || n.slideId}`, '', quoteLines(n.quote), '');
    if (n.note.trim()) parts.push(n.note.trim(), '');
    parts.push(`[回到原文](${deck.href(n.slideId)})`, '');
    if (n.before) parts.push(`<!-- before: ${JSON.stringify(n.before)} -->`, '');
  });
  return parts.join('\n');
}

/**
 * Notes read back from a Markdown file `notesToMarkdown` wrote (on this or another device): one
 * per `## ` section that has a quote and a link to a slide. Ids and times are new.
 */
export function notesFromMarkdown(markdown: string, now = Date.now()): Omit<StudyNote, 'id'>[] {
  const out: Omit<StudyNote, 'id'>[] = [];
  const sections = markdown.replace(/\r\n?/gu, '\n').split(/^## /mu).slice(1);
  for (const section of sections) {
    const lines = section.split('\n').slice(1);
    const quote = lines
      .filter((l) => l.startsWith('>'))
      .map((l) => l.replace(/^> ?/u, ''))
      .join('\n');
    const link = [...section.matchAll(/\]\(([^)\s]*#\/([^)\s/]+)[^)\s]*)\)/gu)].at(-1);
    if (!quote.trim() || !link) continue;
    let slideId = link[2]!;
    try {
      slideId = decodeURIComponent(slideId);
    } catch {
      continue;
    }
    const before = /<!-- before: ("(?:[^"\\]|\\.)*") -->/u.exec(section);
    let context = '';
    try {
      context = before ? (JSON.parse(before[1]!) as string) : '';
    } catch {
      context = '';
    }
    const note = lines
      .filter((l) => !l.startsWith('>') && !/^\[[^\]]*\]\(/u.test(l) && !l.startsWith('<!--'))
      .join('\n')
      .trim();
    out.push({ slideId, quote, before: context.slice(-CONTEXT), note, at: now + out.length });
  }
  return parseNotes(out.map((n, i) => ({ ...n, id: `import-${i}` }))).map(({ id: _id, ...n }) => n);
}

/** `incoming` added to `notes`, leaving out any the reader already has (same slide and quote). */
export function mergeNotes(notes: readonly StudyNote[], incoming: readonly StudyNote[]): StudyNote[] {
  const key = (n: StudyNote): string => `${n.slideId}\n${n.before}\n${n.quote}`;
  const seen = new Set(notes.map(key));
  return [...notes, ...incoming.filter((n) => !seen.has(key(n)) && seen.add(key(n)))];
}
