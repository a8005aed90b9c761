import { deck } from 'virtual:deck';
import type { RuntimeDeck, SlidePlace } from '../markdown/views.ts';

/** A slide as the running deck knows it (src/markdown/views.ts). */
export type RuntimeSlide = SlidePlace;

/** The compiled deck's data for runtime features. */
export const deckData: RuntimeDeck = deck;

/** All slides in deck order. */
export const allSlides: RuntimeSlide[] = deckData.parts.flatMap((p) => p.slides);

/** The slide with this id, or undefined (ids come from URLs and storage: untrusted). */
export function slideById(id: string): RuntimeSlide | undefined {
  return allSlides.find((s) => s.id === id);
}
