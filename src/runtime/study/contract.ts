import type { RevealApi } from 'reveal.js';
import { iconSvg } from '../../common/svg.ts';
/**
 * How the study features talk to each other and to the rest of the deck: through the DOM, so no
 * plugin imports another's state.
 *
 * - `html.reading-view` is set while the reading view is active. The reading view re-flows the
 *   SAME slide sections into a scrolling document (reveal's layout paused), so anything mounted
 *   into a slide (charts in `figure.chart[data-chart]`, the structure diagram) stays live.
 * - `deck:reading-view` (`ReadingViewDetail`) is dispatched on `document` after the view
 *   toggles. Charts and other slide content listen to it to re-measure or finish animations.
 * - `deck:reading-view-request` (`ReadingRequestDetail`) asks the reading view to switch on or
 *   off, optionally at a slide and a scroll offset (search results and resume use it).
 * - `deck:reading-position` (`ReadingPositionDetail`) is dispatched while the reader scrolls: the
 *   slide at the top of the page and how far into it (resume stores it).
 * - `html.reading-whole` is set once the reading page has been laid out whole: until the first
 *   jump, slides far from the screen are not (study.css, `content-visibility`), and
 *   `deck:reading-laid-out` is dispatched on `document` when that changes (paragraph buttons are
 *   placed then).
 * - `deck:study-note-request` (`NoteRequestDetail`) asks the notes plugin to highlight an
 *   element's words or to open its note editor on them (a paragraph's menu uses it).
 */

export const READING_CLASS = 'reading-view';
export const READING_EVENT = 'deck:reading-view';
export const READING_REQUEST = 'deck:reading-view-request';
export const READING_POSITION = 'deck:reading-position';
export const READING_WHOLE_CLASS = 'reading-whole';
export const READING_LAID_OUT = 'deck:reading-laid-out';

export interface ReadingViewDetail {
  active: boolean;
}

export interface ReadingRequestDetail {
  active: boolean;
  /** Slide to show (default: keep the place). */
  slideId?: string;
  /** Pixels past the top of that slide (reading view only). */
  offset?: number;
  /**
   * A jump (a search result, resume): recorded as a browser history entry so Back returns
   * (src/runtime/history.ts). Default: a view switch, which replaces the current entry.
   */
  push?: boolean;
  /**
   * An element inside the slide to bring into view (centred) and focus, e.g. a search match;
   * the address keeps naming its slide while it stays on screen.
   */
  focus?: HTMLElement;
  /** Where `focus` goes on screen: centred (default) or at the top, under the toolbar. */
  align?: 'center' | 'start';
}

export interface ReadingPositionDetail {
  slideId: string;
  offset: number;
}

/** Whether the reading view is active. */
export function isReading(doc: Document = document): boolean {
  return doc.documentElement.classList.contains(READING_CLASS);
}

/** Asks the reading view to switch (see `ReadingRequestDetail`). */
export function requestReading(detail: ReadingRequestDetail): void {
  document.dispatchEvent(new CustomEvent<ReadingRequestDetail>(READING_REQUEST, { detail }));
}

/**
 * The toolbar the study buttons live in (created once per page, first in the body), inside the
 * page's `<header>` landmark so that no content sits outside a landmark (axe `region`).
 */
export function studyBar(label: string): HTMLElement {
  let bar = document.querySelector<HTMLElement>('.study-bar');
  if (!bar) {
    bar = document.createElement('div');
    bar.className = 'deck-ui study-bar';
    bar.setAttribute('role', 'toolbar');
    bar.setAttribute('aria-label', label);
    const header = document.createElement('header');
    header.className = 'deck-header';
    header.append(bar);
    document.body.prepend(header);
  }
  return bar;
}

/** An icon button with a Chinese accessible name and tooltip. `icon` is an SVG path `d`. */
export function iconButton(label: string, tip: string, icon: string, className: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = `study-button ${className}`;
  b.title = tip;
  const svg = iconSvg(document, icon);
  const text = document.createElement('span');
  text.className = 'study-button-text';
  text.textContent = label;
  b.append(svg, text);
  return b;
}

/** Sets an icon button's visible text and tooltip. */
export function setButtonText(b: HTMLButtonElement, label: string, tip: string): void {
  const text = b.querySelector('.study-button-text');
  if (text) text.textContent = label;
  b.title = tip;
}

/**
 * Shows the slide with this id in the slide view. reveal's own indices of the element are used
 * (not the compiled h/v), so this stays right whatever reveal did to the slide list.
 * Returns false when no such slide is in the page.
 */
export function goToSlide(deck: RevealApi, slideId: string, fragment?: number): boolean {
  const el = document.getElementById(slideId);
  if (!el?.matches('.reveal .slides section')) return false;
  const { h, v } = deck.getIndices(el);
  deck.slide(h, v ?? 0, fragment);
  return true;
}

/**
 * `deck:study-note-request` (`NoteRequestDetail`): asks the notes plugin (notes-plugin.ts) to
 * highlight the words of an element, or to open its note editor on them, without a selection
 * (a paragraph's menu, paragraphs.ts). The notes plugin sets `taken` when it acts on it.
 */
export const NOTE_REQUEST = 'deck:study-note-request';

export interface NoteRequestDetail {
  /** The element whose words the note quotes, inside one slide (e.g. a speech paragraph). */
  target: HTMLElement;
  /** `highlight`: 划线 at once; `note`: open 写笔记 on the words. */
  action: 'highlight' | 'note';
  /** Where focus goes when the note editor closes (the control that asked). */
  returnFocus?: HTMLElement;
  /** Set by the notes plugin when it took the request. */
  taken?: boolean;
}

/** Set on `<html>` while the notes plugin takes requests (not in print or receiver windows). */
export const NOTES_READY_ATTR = 'data-study-notes';

/** Whether highlights and notes can be asked for on this page (`requestNote`). */
export function notesAvailable(doc: Document = document): boolean {
  return doc.documentElement.hasAttribute(NOTES_READY_ATTR);
}

/** Asks for a highlight or a note on `target`'s words; false when no notes plugin answered. */
export function requestNote(detail: Omit<NoteRequestDetail, 'taken'>): boolean {
  const event = new CustomEvent<NoteRequestDetail>(NOTE_REQUEST, { detail: { ...detail, taken: false } });
  document.dispatchEvent(event);
  return event.detail.taken === true;
}
