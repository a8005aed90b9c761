import type { Deck, DeckMeta, Part, Slide } from './types.ts';

/**
 * The views of the compiled `Deck` that other layers receive, derived from it in one place: the
 * running deck's data (`virtual:deck`), what the structure outline reads, and what the print view
 * hands the PDF exporter. A field added to `Deck` reaches a view only when it is named here.
 */

/** What every view of a part carries: its id, role and names. */
export type PartHeading = Pick<Part, 'id' | 'kind' | 'label' | 'title' | 'theme'>;

/** A slide's place and labels: enough to navigate, outline and announce it (its HTML is in the page). */
export type SlidePlace = Pick<Slide, 'id' | 'h' | 'v' | 'title' | 'section' | 'editorial'>;

/** A part as the running deck sees it: its heading, the minutes planned and its slides' places. */
export interface RuntimePart extends PartHeading {
  minutes: Part['minutes'];
  slides: SlidePlace[];
}

/**
 * The deck as the browser gets it (`deck` of `virtual:deck`). Slide HTML, notes and text are not
 * in it: they are in index.html already, where search and the speaker view read them.
 */
export interface RuntimeDeck {
  meta: DeckMeta;
  parts: RuntimePart[];
}

/** What the structure outline is built from; both a `Deck` and a `RuntimeDeck` are one. */
export interface OutlineSource {
  meta: Pick<DeckMeta, 'title'>;
  parts: ReadonlyArray<PartHeading & { slides: ReadonlyArray<SlidePlace> }>;
}

/** What the print view hands the PDF exporter besides the laid-out pages (`#deck-print-data`). */
export interface PrintData {
  meta: DeckMeta;
  /** Parts with their planned minutes (the speaker's script prints them). */
  parts: (PartHeading & { minutes: Part['minutes'] })[];
}

/** Id of the JSON block with the `PrintData` that the print view writes and the exporter reads. */
export const PRINT_DATA_ID = 'deck-print-data';

/** `<html data-print-layout="ready">` (dataset key) once the print view carries its PDF structure. */
export const PRINT_READY_ATTR = 'printLayout';

function partHeading({ id, kind, label, title, theme }: PartHeading): PartHeading {
  return { id, kind, label, title, theme };
}

function slidePlace({ id, h, v, title, section, editorial }: SlidePlace): SlidePlace {
  return { id, h, v, title, section, editorial };
}

/** The running deck's view of a compiled deck: only the fields `RuntimeDeck` names. */
export function toRuntimeDeck(deck: Deck): RuntimeDeck {
  return {
    meta: deck.meta,
    parts: deck.parts.map((p) => ({ ...partHeading(p), minutes: p.minutes, slides: p.slides.map(slidePlace) })),
  };
}

/** The print view's data for the exporter. */
export function toPrintData(deck: Pick<RuntimeDeck, 'meta' | 'parts'>): PrintData {
  return { meta: deck.meta, parts: deck.parts.map((p) => ({ ...partHeading(p), minutes: p.minutes })) };
}

/** The id of the `n`-th chart (1-based) on a slide: `chart-<slide>`, then `chart-<slide>-2`, … */
export function chartId(slideId: string, n: number): string {
  return `chart-${slideId}${n > 1 ? `-${n}` : ''}`;
}
