import type { ContentRole, DeckMeta, NoteBlock, Slide } from '../../markdown/types.ts';

/**
 * The 讲话稿 as a document: the speech's own words from the deck's speech-role notes, in order,
 * gathered into paragraphs, with the editorial summaries as marked inserts (or left out).
 */

/** What the printed documents need of a slide: a `Slide` has it, and so has the print view's extract. */
export interface PrintSlide extends Pick<Slide, 'id' | 'title' | 'section' | 'editorial'> {
  notes: Pick<NoteBlock, 'role' | 'text'>[];
}

/** What the printed documents need of the deck: a `Deck` has it. */
export interface PrintDeck {
  meta: DeckMeta;
  parts: { id: string; label: string; title: string; minutes: number; slides: PrintSlide[] }[];
}

/** The type roles of an official document (GB/T 9704-2012): each maps to a face at print time. */
export type Face = 'title' | 'body' | 'heading1' | 'heading2' | 'insert';

/** A run of text in one face. */
export interface Run {
  text: string;
  face: Face;
}

/** A paragraph of the 讲话稿. */
export interface SpeechBlock {
  kind: 'salutation' | 'heading1' | 'paragraph' | 'insert';
  runs: Run[];
  /** The slide the block starts on (the script and the tests find their way back with it). */
  slideId: string;
}

export interface SpeechDocument {
  title: string;
  /** Lines under the title (occasion, speaker, date when the deck sets them). */
  subtitle: string[];
  blocks: SpeechBlock[];
}

/** The label of an editorial insert. */
export const INSERT_LABEL = '【编者概括】';

const LEVEL1 = /^[一二三四五六七八九十]+、/;
const LEVEL2 = /^（[一二三四五六七八九十]+）/;
const SALUTATION = /^[^。！？，]{1,12}[：:]$/;
/** A paragraph that ends here closes a sentence; one that does not goes on in the next slide's notes. */
const SENTENCE_END = /[。！？…”’）]$/;

/** The texts of a slide's notes blocks in one role. */
export const textOf = (slide: PrintSlide, role: ContentRole): string[] =>
  slide.notes.filter((b) => b.role === role).map((b) => b.text);

/** The paragraphs of a slide's speech-role notes, as plain text. */
function speechParagraphs(slide: PrintSlide): string[] {
  return slide.notes
    .filter((b) => b.role === 'speech')
    .flatMap((b) => b.text.split('\n'))
    .map((p) => p.trim())
    .filter(Boolean);
}

/** A level-2 heading paragraph: the heading sentence in its face, the rest in the body face. */
function level2Runs(text: string): Run[] {
  const end = text.indexOf('。');
  if (end < 0 || end === text.length - 1) return [{ text, face: 'heading2' }];
  return [
    { text: text.slice(0, end + 1), face: 'heading2' },
    { text: text.slice(end + 1), face: 'body' },
  ];
}

/**
 * Builds the 讲话稿 from the compiled deck. Paragraphs follow the notes: a paragraph that does not
 * end a sentence continues with the next one (the deck cuts long sentences into slides); headings
 * (一、 （一）) and the salutation always stand alone. Editorial slides contribute their
 * `editorial` blocks as marked inserts unless `editorial` is false.
 */
export function speechDocument(deck: PrintDeck, { editorial = true } = {}): SpeechDocument {
  const blocks: SpeechBlock[] = [];
  let open: SpeechBlock | null = null;
  for (const part of deck.parts) {
    for (const slide of part.slides) {
      if (editorial) {
        const summary = textOf(slide, 'editorial').map((t) => t.replace(/\n+/g, ''));
        if (summary.length > 0) {
          const heading =
            slide.section && slide.title.startsWith(slide.section.slice(0, 3)) ? `${slide.title}\u3000` : '';
          blocks.push({
            kind: 'insert',
            runs: [{ text: `${INSERT_LABEL}${heading}${summary.join('')}`, face: 'insert' }],
            slideId: slide.id,
          });
          open = null;
        }
      }
      for (const text of speechParagraphs(slide)) {
        if (LEVEL1.test(text)) {
          blocks.push({ kind: 'heading1', runs: [{ text, face: 'heading1' }], slideId: slide.id });
          open = null;
        } else if (SALUTATION.test(text) && blocks.length === 0) {
          blocks.push({ kind: 'salutation', runs: [{ text, face: 'body' }], slideId: slide.id });
          open = null;
        } else if (open && !LEVEL2.test(text) && !SENTENCE_END.test(open.runs.at(-1)!.text)) {
          open.runs.at(-1)!.text += text;
        } else {
          open = {
            kind: 'paragraph',
            runs: LEVEL2.test(text) ? level2Runs(text) : [{ text, face: 'body' }],
            slideId: slide.id,
          };
          blocks.push(open);
        }
      }
    }
  }
  const subtitle = [deck.meta.speaker, deck.meta.date].map((s) => s.trim()).filter(Boolean);
  return { title: deck.meta.title, subtitle: subtitle.length > 0 ? [`（${subtitle.join('\u3000')}）`] : [], blocks };
}
