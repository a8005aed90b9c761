import { deck } from 'virtual:deck';
import type { ChartSpec, DeckMeta, Part, Slide } from '../markdown/types.ts';

/** A slide as the runtime sees it: no HTML or text (those are in the page), everything else. */
export type RuntimeSlide = Omit<Slide, 'html' | 'notesHtml' | 'notesText' | 'text'>;
export type RuntimePart = Omit<Part, 'slides'> & { slides: RuntimeSlide[] };
export interface RuntimeDeck {
  meta: DeckMeta;
  parts: RuntimePart[];
  charts: ChartSpec[];
}

/** The compiled deck's data for runtime features. */
export const deckData = deck as RuntimeDeck;

/** All slides in deck order. */
export const allSlides: RuntimeSlide[] = deckData.parts.flatMap((p) => p.slides);

/** The slide with this id, or undefined (ids come from URLs and storage: untrusted). */
export function slideById(id: string): RuntimeSlide | undefined {
  return allSlides.find((s) => s.id === id);
}
