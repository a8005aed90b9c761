import { foldQuery, foldText, originalRange, type FoldedText } from '../../markdown/fold.ts';
import { findPinyin, pinyinQuery, type Readings } from './pinyin-match.ts';

/** Where a searchable text lives: the audience slide or its notes (the speech's full text). */
export type SearchField = 'slide' | 'notes';

/** One searchable text. */
export interface SearchDoc {
  slideId: string;
  field: SearchField;
  /** The text as it appears on the page (offsets in hits refer to it). */
  text: string;
}

/** A folded document, ready for repeated queries. */
export interface IndexedDoc extends SearchDoc {
  folded: FoldedText;
}

/** The search index: documents in deck order, slide before notes. */
export interface SearchIndex {
  docs: IndexedDoc[];
}

/**
 * How a hit matched: the query's own text, pinyin syllables (`chengzhongcun`), or pinyin with
 * some characters given by their initials (`czc`). Results list them in this order.
 */
export type MatchKind = 'text' | 'pinyin' | 'initials';

/** One result: a document, its first match (original offsets) and how many matches it has. */
export interface SearchHit {
  doc: SearchDoc;
  /** Original offsets of the first match in `doc.text`: `[start, end)`. */
  start: number;
  end: number;
  /** Number of non-overlapping matches in this document. */
  count: number;
  kind: MatchKind;
}

/** Results of one query. */
export interface SearchResults {
  /** The folded query actually searched ('' when the query was blank). */
  query: string;
  /** At most `limit` hits: exact text matches first, then pinyin, then initials; each in deck order. */
  hits: SearchHit[];
  /** Total matches over all documents (not limited). */
  total: number;
  /** Number of distinct slides with a match. */
  slides: number;
  /** Number of documents with a match (more than `hits.length` when the list was cut). */
  docs: number;
}

/** Builds an index over `docs` (kept in the order given). */
export function buildIndex(docs: SearchDoc[]): SearchIndex {
  return { docs: docs.map((d) => ({ ...d, folded: foldText(d.text) })) };
}

const RANK: Record<MatchKind, number> = { text: 0, pinyin: 1, initials: 2 };

/**
 * Finds `query` in every document as plain text (never a pattern: `(` or `.*` are just
 * characters), ignoring width, case and whitespace differences (see src/markdown/fold.ts), and —
 * given the deck's `readings` — as pinyin (src/runtime/study/pinyin-match.ts) in documents where
 * the text itself does not occur.
 * @param limit most hits returned (default 100).
 */
export function search(index: SearchIndex, query: string, limit = 100, readings: Readings = {}): SearchResults {
  const q = foldQuery(query);
  const out: SearchResults = { query: q, hits: [], total: 0, slides: 0, docs: 0 };
  if (!q || q === ' ') return { ...out, query: '' };
  const pq = pinyinQuery(q);
  const slides = new Set<string>();
  const hits: SearchHit[] = [];
  for (const doc of index.docs) {
    const matches: { start: number; end: number; abbreviated: boolean }[] = [];
    let kind: MatchKind = 'text';
    for (let at = doc.folded.text.indexOf(q); at >= 0; at = doc.folded.text.indexOf(q, at + q.length)) {
      matches.push({ start: at, end: at + q.length, abbreviated: false });
    }
    if (!matches.length && pq) {
      matches.push(...findPinyin(doc.folded.text, pq, readings));
      kind = matches.some((m) => !m.abbreviated) ? 'pinyin' : 'initials';
    }
    const first = kind === 'pinyin' ? matches.find((m) => !m.abbreviated) : matches[0];
    if (!first) continue;
    out.total += matches.length;
    out.docs++;
    slides.add(doc.slideId);
    hits.push({
      doc: { slideId: doc.slideId, field: doc.field, text: doc.text },
      ...originalRange(doc.folded, first.start, first.end),
      count: matches.length,
      kind,
    });
  }
  // A stable sort keeps deck order within each kind.
  out.hits = hits.sort((a, b) => RANK[a.kind] - RANK[b.kind]).slice(0, limit);
  out.slides = slides.size;
  return out;
}

/** A snippet around a match: text before, the match, text after (whitespace collapsed). */
export interface Snippet {
  before: string;
  match: string;
  after: string;
}

const collapse = (s: string): string => s.replace(/\s+/gu, ' ');

/**
 * The text around `[start, end)` in `text`, at most `radius` characters each side, with an
 * ellipsis where the text was cut.
 */
export function snippet(text: string, start: number, end: number, radius = 24): Snippet {
  const from = Math.max(0, start - radius);
  const to = Math.min(text.length, end + radius);
  const before = collapse(text.slice(from, start)).trimStart();
  const after = collapse(text.slice(end, to)).trimEnd();
  return {
    before: (from > 0 ? '…' : '') + before,
    match: collapse(text.slice(start, end)),
    after: after + (to < text.length ? '…' : ''),
  };
}

/** Longest query echoed in the status line; a pasted page of text is cut with an ellipsis. */
const ECHO_LIMIT = 24;

/** `query` trimmed and cut to `ECHO_LIMIT` characters (whole code points), for the status line. */
export function echoQuery(query: string): string {
  const chars = [...query.trim().replace(/\s+/gu, ' ')];
  return chars.length > ECHO_LIMIT ? `${chars.slice(0, ECHO_LIMIT).join('')}…` : chars.join('');
}
