import type { RevealApi } from 'reveal.js';
import { closeDeckDialog } from './dialog.ts';

/**
 * What a presenter's "next" and "previous" do, wherever they come from (a key, a clicker, the
 * controls, the speaker window): PowerPoint's rules, so a clicker never goes dead.
 * - During a black or white screen, next/previous lift it without moving.
 * - With an overlay open (help, search, structure map, the jump field), they close it and move.
 * - Otherwise they go one step in reading order, fragments included.
 */

/** A blanked screen: reveal's pause, drawn black or white. */
export type Blank = 'black' | 'white';

/** Class on the reveal element while the pause is drawn white. */
export const WHITE_CLASS = 'blank-white';
/** reveal event dispatched when the blank screen changes colour (pause/resume have their own). */
export const BLANK_EVENT = 'blankchanged';

/** The blank screen showing, or null. */
export function blankOf(deck: RevealApi): Blank | null {
  if (!deck.isPaused()) return null;
  return deck.getRevealElement()?.classList.contains(WHITE_CLASS) ? 'white' : 'black';
}

/** Shows a black or white screen, or lifts it (`null`). */
export function setBlank(deck: RevealApi, blank: Blank | null): void {
  const root = deck.getRevealElement();
  const before = blankOf(deck);
  if (blank === null) {
    deck.togglePause(false);
    root?.classList.remove(WHITE_CLASS);
    return;
  }
  root?.classList.toggle(WHITE_CLASS, blank === 'white');
  if (!deck.isPaused()) deck.togglePause(true);
  else if (before !== blank) deck.dispatchEvent({ type: BLANK_EVENT });
}

/** B and W: the same key again lifts the screen; the other key switches its colour. */
export function toggleBlank(deck: RevealApi, blank: Blank): void {
  setBlank(deck, blankOf(deck) === blank ? null : blank);
}

/** The jump-to-slide field reveal shows on G. */
function jumpFieldOpen(deck: RevealApi): boolean {
  return Boolean(deck.getRevealElement()?.querySelector('.jump-to-slide'));
}

/** Whether an overlay covers the slide: a modal dialog or reveal's jump field. */
export function overlayOpen(deck: RevealApi): boolean {
  return Boolean(document.querySelector('dialog[open]')) || jumpFieldOpen(deck);
}

/**
 * Closes every overlay. Focus leaves each dialog in this same task (`closeDeckDialog`): a key
 * pressed right after the clicker's (G for the jump field) must reach the deck, not the closed
 * dialog's field, which keeps focus until the browser's next focus fix-up.
 */
export function closeOverlays(deck: RevealApi): void {
  document.querySelectorAll<HTMLDialogElement>('dialog[open]').forEach((d) => closeDeckDialog(d));
  // reveal 6 has toggleJumpToSlide but its typings do not list it.
  if (jumpFieldOpen(deck)) (deck as RevealApi & { toggleJumpToSlide(show: boolean): void }).toggleJumpToSlide(false);
}

/** One step of the talk: lift a blank screen, or close overlays and move. */
export function step(deck: RevealApi, direction: 'next' | 'prev'): void {
  if (blankOf(deck)) {
    setBlank(deck, null);
    return;
  }
  closeOverlays(deck);
  if (direction === 'next') deck.next();
  else deck.prev();
}

/** The first slide of the next (+1) or previous (−1) part; stays put at either end. */
export function partStep(deck: RevealApi, by: 1 | -1): void {
  const { h } = deck.getIndices();
  const target = h + by;
  if (target < 0 || target >= deck.getHorizontalSlides().length) return;
  deck.slide(target, 0, -1);
}

/** The first slide, or the last slide of the talk (not just of the last part). */
export function goEnd(deck: RevealApi, end: 'first' | 'last'): void {
  const slides = deck.getSlides();
  const slide = end === 'first' ? slides[0] : slides[slides.length - 1];
  if (!slide) return;
  const { h, v } = deck.getIndices(slide);
  deck.slide(h, v ?? 0, end === 'first' ? -1 : undefined);
}

/** Slide number `n` (1-based, as the slide numbers count); false when there is none. */
export function goNumber(deck: RevealApi, n: number): boolean {
  const slide = deck.getSlides()[n - 1];
  if (!Number.isInteger(n) || n < 1 || !slide) return false;
  const { h, v } = deck.getIndices(slide);
  deck.slide(h, v ?? 0, -1);
  return true;
}
