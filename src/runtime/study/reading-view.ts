import type { RevealApi, RevealPlugin } from 'reveal.js';
import '../../../assets/styles/study.css';
import { allSlides, deckData } from '../deck-data.ts';
import { t } from '../../common/i18n.ts';
import { ownsKey } from '../../common/keys.ts';
import { isPrintView } from '../../common/print.ts';
import {
  READING_CLASS,
  READING_EVENT,
  READING_LAID_OUT,
  READING_POSITION,
  READING_WHOLE_CLASS,
  READING_REQUEST,
  goToSlide,
  iconButton,
  isReading,
  setButtonText,
  studyBar,
  type ReadingPositionDetail,
  type ReadingRequestDetail,
  type ReadingViewDetail,
} from './contract.ts';
import { UPRIGHT_HANDHELD, firstView } from './first-view.ts';
import { cancelRevealAddressWrite, hashSlideId } from '../history.ts';
import { mountToc, type Toc } from './toc.ts';
import { addressedParagraph, flash } from './paragraphs.ts';
import { READING_PREPAINT_CLASS } from '../prepaint.ts';

/** Book icon (reading view) and slide icon (slide view). */
const ICON_BOOK = 'M4 5.5C6.5 4.5 9.5 4.5 12 6c2.5-1.5 5.5-1.5 8-.5v13c-2.5-1-5.5-1-8 .5-2.5-1.5-5.5-1.5-8-.5zM12 6v13';
const ICON_SLIDES = 'M3 5h18v12H3zM8 21h8M12 17v4';
const ICON_TOC = 'M4 6h16M4 12h16M4 18h16';
const R_KEY = 'r';

/** reveal keys that move or change the slide view; in the reading view the page scrolls instead. */
const REVEAL_NAV_KEYS = new Set([
  32, 33, 34, 35, 36, 37, 38, 39, 40, 72, 74, 75, 76, 78, 80, 79, 27, 66, 86, 190, 70, 71, 65, 67,
]);

/** Input that means the reader is moving the page themselves. */
const READER_SCROLL = ['wheel', 'touchstart', 'keydown'] as const;

/** A reveal `keyboardCondition` as this deck sets it. */
type KeyCondition = ((event: KeyboardEvent) => boolean) | undefined;

/** The reveal settings the slide view runs with, which the reading view puts back when it closes. */
export interface SlideViewSettings {
  hash: boolean;
  touch: boolean;
  keyboardCondition: KeyCondition;
}

/**
 * reveal's settings while the reading view is open: no layout of the slides as slides, no swipes,
 * no address writes of its own (the view owns the address), and none of reveal's slide keys
 * (`previous` still decides the others).
 */
export function readingRevealSettings(previous: KeyCondition): {
  hash: false;
  disableLayout: true;
  touch: false;
  keyboardCondition: (event: KeyboardEvent) => boolean;
} {
  return {
    hash: false,
    disableLayout: true,
    touch: false,
    keyboardCondition: (event: KeyboardEvent) =>
      !REVEAL_NAV_KEYS.has(event.keyCode) && (typeof previous === 'function' ? previous(event) : true),
  };
}

/**
 * The slide view's settings of a deck that start-deck.ts started with the reading view's
 * (`readingRevealSettings`) because it opens in the reading view: that first opening then needs no
 * `configure`, whose `sync` re-creates every slide's background and binds every input again (the
 * longest part of a phone's start, with reveal's own). Taken by the first opening, or by the
 * slides when a phone turned sideways while loading.
 */
let startedReading: SlideViewSettings | null = null;

/** Called by start-deck.ts before reveal starts with `readingRevealSettings`. */
export function startingInReadingView(slideView: SlideViewSettings): void {
  startedReading = slideView;
}

/** Where a history entry keeps the reading view's place (beside what reveal or others keep there). */
const PLACE_KEY = 'deckReadingPlace';

/** `state` (a history entry's) with the reading place added. */
function withPlace(state: unknown, place: ReadingPositionDetail): Record<string, unknown> {
  return { ...(state && typeof state === 'object' ? state : {}), [PLACE_KEY]: { ...place } };
}

/** The reading place a history entry keeps, if it is a well-formed one. */
function placeIn(state: unknown): ReadingPositionDetail | null {
  const place = state && typeof state === 'object' ? (state as Record<string, unknown>)[PLACE_KEY] : null;
  if (!place || typeof place !== 'object') return null;
  const { slideId, offset } = place as Record<string, unknown>;
  return typeof slideId === 'string' && typeof offset === 'number' && Number.isFinite(offset) && offset >= 0
    ? { slideId, offset }
    : null;
}

/** Attributes reveal sets on slides it is not showing; the reading view shows every slide. */
const HIDING_ATTRIBUTES = ['hidden', 'aria-hidden', 'inert'];

/**
 * The reading view: every slide in order as one scrolling page, each followed by its full text
 * (the notes), with a table of contents that follows the scroll and jumps on click. It re-flows
 * the same slide sections (see contract.ts), so charts stay live. Toggled with the toolbar
 * button, `R`, or `?view=read`; upright phones and tablets open in it (first-view.ts). Switching
 * keeps the reader's place: the current slide ↔ the slide at the top of the page. Jumps (contents,
 * search results, resume) add a history entry; Back and Forward scroll back (src/runtime/history.ts).
 */
export function readingViewPlugin(): RevealPlugin {
  let deck: RevealApi | null = null;
  let toggleButton: HTMLButtonElement | null = null;
  let tocButton: HTMLButtonElement | null = null;
  let tocBox: HTMLElement | null = null;
  let toc: Toc | null = null;
  let title: HTMLElement | null = null;
  let savedCondition: KeyCondition;
  let savedTouch = true;
  let savedHash = true;
  let savedLabel: string | null = null;
  let savedRestoration: ScrollRestoration = 'auto';
  let currentId: string | null = null;
  /**
   * The slide a jump brought into view whose top may lie below the bar (a search match is centred):
   * the address keeps naming it while it is on screen and until the reader scrolls.
   */
  let pinned: HTMLElement | null = null;
  /**
   * Where a jump put the page: `el`'s top at `top` px from the window's top, the page scrolled to
   * `y`. Held while the page takes its real heights (a chart drawn once near, its notes, the fonts)
   * until the page is moved otherwise (`onScroll`, `onReaderScroll`): the browser's scroll
   * anchoring kept a node below a chart still as the chart drew, and a phone opening a link to a
   * chart slide found the slide's title 370 px above the screen.
   */
  let held: { el: HTMLElement; top: number; y: number } | null = null;
  /** The address last acted on, so popstate and hashchange for one move act once. */
  let followed = '';
  let frame = 0;
  const cleanups: (() => void)[] = [];

  const section = (id: string): HTMLElement | null => {
    const el = document.getElementById(id);
    return el?.matches('.reveal .slides section') ? el : null;
  };
  const sections = (): HTMLElement[] => allSlides.map((s) => section(s.id)).filter((s): s is HTMLElement => s !== null);

  /** Height of the sticky bar: content under it counts as scrolled past. */
  const headerHeight = (): number => document.querySelector<HTMLElement>('.study-bar')?.offsetHeight ?? 0;

  /** The slide at the top of the reading page and how many pixels into it the reader is. */
  const positionNow = (): ReadingPositionDetail | null => {
    const line = headerHeight() + 8;
    let best: HTMLElement | null = null;
    for (const s of sections()) {
      if (s.getBoundingClientRect().top <= line) best = s;
      else break;
    }
    best ??= sections()[0] ?? null;
    if (!best) return null;
    return { slideId: best.id, offset: Math.max(0, Math.round(line - 8 - best.getBoundingClientRect().top)) };
  };

  /**
   * Lays the whole page out, once: slides far from the screen stand in with an estimated height
   * until the reader comes near them (study.css, `content-visibility`), so a jump measured on such
   * a page would land off its target. Reading on from the top never pays for this; the first jump
   * does, and every jump after it lands where it aims.
   */
  const layOutWhole = (): void => {
    const html = document.documentElement;
    if (html.classList.contains(READING_WHOLE_CLASS)) return;
    html.classList.add(READING_WHOLE_CLASS);
    document.dispatchEvent(new CustomEvent(READING_LAID_OUT));
  };

  const scrollToSlide = (id: string, offset = 0): void => {
    const el = section(id);
    if (!el) return;
    layOutWhole();
    const top = el.getBoundingClientRect().top + window.scrollY - headerHeight() + offset;
    window.scrollTo({ top: Math.max(0, top), behavior: 'instant' });
    hold(el);
    track();
  };

  /**
   * Holds `el` where it is now on screen (see `held`). Also a place remembered with an offset
   * (resume): it was measured on the page with its charts drawn, and anchoring keeps the text on
   * screen still as a chart above it draws, which brought the reader back 350 px past their line;
   * the held slide's top is put back after it.
   */
  const hold = (el: HTMLElement): void => {
    held = { el, top: el.getBoundingClientRect().top, y: window.scrollY };
  };
  const release = (): void => {
    held = null;
  };
  /** How many times `keepPlace` has run: a scroll it did not follow was not the page settling. */
  let settled = 0;

  /**
   * Writes the view and the place into the address: a new history entry for a jump (`push`), the
   * entry left behind keeping the reader's line there (`push.from`), so Back returns to that line
   * and not to its slide's top (`followAddress`).
   */
  const setUrl = (
    view: 'read' | 'slides' | null,
    hashId?: string,
    push: false | { from: ReadingPositionDetail | null } = false,
  ): void => {
    try {
      const url = new URL(window.location.href);
      if (view) url.searchParams.set('view', view);
      else url.searchParams.delete('view');
      // A paragraph's address inside the same slide (`#/slide/p2`) is kept: it is the finer place.
      if (hashId && !url.hash.startsWith(`#/${hashId}/`)) url.hash = `/${hashId}`;
      if (push && url.href !== window.location.href) {
        if (push.from)
          window.history.replaceState(withPlace(window.history.state, push.from), '', window.location.href);
        window.history.pushState(null, '', url.href);
      } else window.history.replaceState(window.history.state, '', url.href);
      followed = url.href;
    } catch {
      /* file:// pages in some browsers refuse replaceState; the view still works */
    }
  };

  /** Whether any part of `el` is on screen below the bar. */
  const onScreen = (el: HTMLElement): boolean => {
    const r = el.getBoundingClientRect();
    return r.bottom > headerHeight() && r.top < window.innerHeight;
  };

  const track = (): void => {
    frame = 0;
    if (!isReading()) return;
    // The contents beside the page (a wide screen) are drawn with it; in a panel (phones and
    // tablets) when first opened (setTocOpen): drawing the whole outline was a long task of a
    // phone's start.
    if (!toc && tocBox && getComputedStyle(tocBox).display !== 'none') ensureToc();
    if (pinned && !onScreen(pinned)) pinned = null;
    const pos: ReadingPositionDetail | null = pinned
      ? { slideId: pinned.id, offset: Math.max(0, Math.round(headerHeight() - pinned.getBoundingClientRect().top)) }
      : positionNow();
    if (!pos) return;
    if (pos.slideId !== currentId) {
      currentId = pos.slideId;
      toc?.setCurrent(currentId);
      setUrl('read', currentId);
    }
    document.dispatchEvent(new CustomEvent<ReadingPositionDetail>(READING_POSITION, { detail: pos }));
  };
  const onScroll = (): void => {
    // Scrolled by something else than the page settling (`keepPlace`, and the browser's anchoring,
    // which a resize that `keepPlace` sees in the same frame always comes with): a scrollbar
    // dragged, a paragraph brought into view. Let go. Decided a frame later: a scroll can be
    // reported before the observer has seen the resize that caused it.
    if (held && Math.abs(window.scrollY - held.y) >= 1) {
      const seen = settled;
      window.requestAnimationFrame(() =>
        window.requestAnimationFrame(() => {
          if (held && settled === seen && Math.abs(window.scrollY - held.y) >= 1) release();
        }),
      );
    }
    if (!frame) frame = window.requestAnimationFrame(track);
  };
  /** Each slide's height when last measured (`keepPlace`). */
  const heights = new WeakMap<Element, number>();
  /**
   * Until the page is laid out whole, slides far from the screen stand in with an estimated height
   * and take their real one as the reader comes near (study.css, `content-visibility`). A slide
   * above the screen changing height would move the text being read: the page scrolls by the
   * same amount, so the reader's place stays put (study.css turns the browser's own scroll
   * anchoring off meanwhile; it did not hold the place). Slides measured before, in page order.
   */
  const keepPlace = (entries: ResizeObserverEntry[]): void => {
    settled++;
    const adjust = isReading() && !document.documentElement.classList.contains(READING_WHOLE_CLASS);
    let shift = 0;
    for (const entry of entries) {
      const box = entry.target.getBoundingClientRect();
      const before = heights.get(entry.target);
      heights.set(entry.target, box.height);
      if (!adjust || before === undefined || before === box.height) continue;
      const grew = box.height - before;
      // Where its bottom was before: above the screen's top, the change moved everything below it.
      if (box.bottom - shift - grew <= 0) shift += grew;
    }
    // A jump's place is held whatever moved it (the browser's own anchoring included).
    if (held?.el.isConnected) shift = held.el.getBoundingClientRect().top - held.top;
    if (Math.abs(shift) >= 1) window.scrollBy({ top: shift, behavior: 'instant' });
    if (held) held.y = window.scrollY;
    onScroll();
  };
  const resized = typeof ResizeObserver === 'function' ? new ResizeObserver(keepPlace) : null;
  /** The reader moving the page themselves ends a jump's pin and lets go of its place. */
  const onReaderScroll = (): void => {
    pinned = null;
    release();
  };

  /**
   * Brings `el` (inside the slide `id`) into view — centred, or at the top under the bar — and
   * gives it focus, so a screen reader and the keyboard continue from there.
   */
  const bringUp = (id: string, el: HTMLElement, align: 'center' | 'start'): void => {
    const slide = section(id);
    layOutWhole();
    if (align === 'start') {
      const top = el.getBoundingClientRect().top + window.scrollY - headerHeight() - 8;
      window.scrollTo({ top: Math.max(0, top), behavior: 'instant' });
    } else el.scrollIntoView({ block: 'center', behavior: 'instant' });
    hold(el);
    pinned = slide;
    if (!el.hasAttribute('tabindex') && el.tabIndex < 0) el.tabIndex = -1;
    el.focus({ preventScroll: true });
    track();
  };

  const showAll = (): void => {
    document.querySelectorAll('.reveal .slides section').forEach((s) => {
      for (const a of HIDING_ATTRIBUTES) s.removeAttribute(a);
    });
  };

  const uprightNow = (): boolean => window.matchMedia(UPRIGHT_HANDHELD).matches;

  const enter = (
    slideId?: string,
    offset = 0,
    jump: Pick<ReadingRequestDetail, 'push' | 'focus' | 'align'> = {},
  ): void => {
    if (!deck) return;
    // Where the reader was, for Back (a jump from the slides has no line to return to).
    const from = jump.push && isReading() ? positionNow() : null;
    const target = slideId ?? deck.getCurrentSlide()?.id ?? allSlides[0]?.id;
    // Laid out as this view before the script ran (prepaint.ts): the page stays where it is (at
    // its top, or where the reader has scrolled to meanwhile), unless a place was asked for.
    const html = document.documentElement;
    const keepScroll = html.classList.contains(READING_PREPAINT_CLASS) && slideId === undefined;
    if (!isReading()) {
      if (deck.isOverview()) deck.toggleOverview(false);
      if (deck.isPaused()) deck.togglePause(false);
      const preset = startedReading;
      startedReading = null;
      // The reading view owns the address while it is open: reveal's current slide is not the one
      // being read, and reveal's late address write would overwrite the reader's jumps.
      cancelRevealAddressWrite(deck);
      if (preset) {
        savedTouch = preset.touch;
        savedHash = preset.hash;
        savedCondition = preset.keyboardCondition;
      } else {
        const config = deck.getConfig();
        savedTouch = config.touch !== false;
        savedHash = config.hash !== false;
        savedCondition = config.keyboardCondition as KeyCondition;
        deck.configure(readingRevealSettings(savedCondition));
      }
      html.classList.add(READING_CLASS);
      html.classList.remove(READING_PREPAINT_CLASS);
      // This view places the page itself on Back and Forward (followAddress), by slide and the
      // offset into it a jump left (setUrl). The browser would afterwards put back the pixel offset
      // the entry was left at, which names another slide once the page above has changed height
      // (charts drawn late, a new text size).
      savedRestoration = window.history.scrollRestoration;
      window.history.scrollRestoration = 'manual';
      const root = deck.getRevealElement();
      savedLabel = root?.getAttribute('aria-label') ?? null;
      root?.setAttribute('aria-label', t('studyReadingLabel'));
      showAll();
      toggleButton?.setAttribute('aria-pressed', 'true');
      if (toggleButton) setButtonText(toggleButton, t('studyReadOff'), t('studyReadOffTip'));
      toggleButton?.querySelector('path')?.setAttribute('d', ICON_SLIDES);
      setTocOpen(false);
      window.addEventListener('scroll', onScroll, { passive: true });
      window.addEventListener('resize', onScroll);
      for (const s of sections()) resized?.observe(s);
      for (const type of READER_SCROLL) window.addEventListener(type, onReaderScroll, { passive: true });
      document.dispatchEvent(new CustomEvent<ReadingViewDetail>(READING_EVENT, { detail: { active: true } }));
    }
    currentId = null;
    pinned = null;
    release();
    if (!target) return;
    if (jump.push) setUrl('read', target, { from });
    if (jump.focus && section(target)?.contains(jump.focus)) bringUp(target, jump.focus, jump.align ?? 'center');
    else if (keepScroll) track();
    else scrollToSlide(target, offset);
  };

  const leave = (slideId?: string): void => {
    if (!deck || !isReading()) return;
    const id = slideId ?? positionNow()?.slideId ?? currentId;
    window.removeEventListener('scroll', onScroll);
    window.removeEventListener('resize', onScroll);
    resized?.disconnect();
    for (const type of READER_SCROLL) window.removeEventListener(type, onReaderScroll);
    pinned = null;
    release();
    document.documentElement.classList.remove(READING_CLASS);
    window.history.scrollRestoration = savedRestoration;
    if (savedLabel !== null) deck.getRevealElement()?.setAttribute('aria-label', savedLabel);
    window.scrollTo({ top: 0, behavior: 'instant' });
    deck.configure({
      hash: savedHash,
      disableLayout: false,
      touch: savedTouch,
      keyboardCondition: savedCondition ?? null,
    });
    toggleButton?.setAttribute('aria-pressed', 'false');
    if (toggleButton) setButtonText(toggleButton, t('studyReadOn'), t('studyReadOnTip'));
    toggleButton?.querySelector('path')?.setAttribute('d', ICON_BOOK);
    setUrl(uprightNow() ? 'slides' : null);
    if (id) goToSlide(deck, id);
    deck.sync();
    deck.layout();
    currentId = null;
    document.dispatchEvent(new CustomEvent<ReadingViewDetail>(READING_EVENT, { detail: { active: false } }));
  };

  const toggle = (): void => (isReading() ? leave() : enter());

  /** The contents (a structure map) is laid out on first use, not while the deck starts. */
  const ensureToc = (): void => {
    if (toc || !tocBox) return;
    toc = mountToc(tocBox, deckData, (id) => {
      setTocOpen(false);
      setUrl('read', id, { from: positionNow() });
      currentId = null;
      pinned = null;
      scrollToSlide(id);
      section(id)?.focus({ preventScroll: true });
    });
    if (currentId) toc.setCurrent(currentId);
  };

  const setTocOpen = (open: boolean): void => {
    if (!tocBox || !tocButton) return;
    if (open) ensureToc();
    tocBox.classList.toggle('is-open', open);
    tocButton.setAttribute('aria-expanded', String(open));
  };

  const onKey = (event: KeyboardEvent): void => {
    if (event.key.toLowerCase() !== R_KEY || event.repeat || !ownsKey(event, 'none')) return;
    event.preventDefault();
    toggle();
  };

  const onRequest = (event: Event): void => {
    const detail = (event as CustomEvent<ReadingRequestDetail>).detail;
    if (!detail) return;
    if (detail.active) enter(detail.slideId, detail.offset ?? 0, detail);
    else leave(detail.slideId);
  };

  /**
   * Back, Forward, or an address changed by hand: the view and the place follow the address. A
   * `#/slide/…` address that names an element inside a slide (a paragraph) brings that element up.
   */
  const followAddress = (): void => {
    if (!deck || window.location.href === followed) return;
    followed = window.location.href;
    const view = new URLSearchParams(window.location.search).get('view');
    const wantRead = view === 'read' || view === 'reading';
    const id = hashSlideId(window.location.hash);
    const slideId = id && section(id) ? id : undefined;
    if (!wantRead) {
      if (isReading()) leave(slideId);
      return;
    }
    const inner = addressedParagraph(window.location.hash);
    // The line a jump left from (`setUrl`), when this entry is that one.
    const place = placeIn(window.history.state);
    const offset = place && place.slideId === slideId ? place.offset : 0;
    if (inner && slideId) {
      enter(slideId, 0, { focus: inner, align: 'start' });
      flash(inner);
    } else if (!isReading() || (slideId && (slideId !== positionNow()?.slideId || offset > 0))) enter(slideId, offset);
  };

  /** A hash change while reading (a link, the structure map) scrolls to that slide. */
  const onSlideChanged = (): void => {
    if (!isReading() || !deck) return;
    showAll();
    const id = deck.getCurrentSlide()?.id;
    if (id && id !== (pinned?.id ?? positionNow()?.slideId) && !addressedParagraph(window.location.hash))
      scrollToSlide(id);
  };

  const build = (): void => {
    const bar = studyBar(t('studyToolbar'));
    title = document.createElement('span');
    title.className = 'study-title';
    title.textContent = deckData.meta.title;
    tocButton = iconButton(t('studyToc'), t('studyTocTip'), ICON_TOC, 'study-toc-button');
    tocButton.setAttribute('aria-controls', 'study-toc');
    tocButton.setAttribute('aria-expanded', 'false');
    tocButton.addEventListener('click', () => setTocOpen(!tocBox?.classList.contains('is-open')));
    toggleButton = iconButton(t('studyReadOn'), t('studyReadOnTip'), ICON_BOOK, 'study-read-toggle');
    toggleButton.setAttribute('aria-pressed', 'false');
    toggleButton.addEventListener('click', toggle);
    bar.prepend(title, tocButton, toggleButton);

    tocBox = document.createElement('nav');
    tocBox.id = 'study-toc';
    tocBox.className = 'study-toc';
    tocBox.setAttribute('aria-label', t('studyTocLabel'));
    bar.after(tocBox);

    // Slide labels and notes headings exist only for the reading view (CSS hides them on slides).
    // The build writes them into the page (src/markdown/reading-scaffold.ts), so the page laid out
    // before this script ran does not move; a page without them gets them here.
    allSlides.forEach((s, i) => {
      const el = section(s.id);
      if (!el) return;
      el.tabIndex = -1;
      if (!el.querySelector(':scope > .study-slide-label')) {
        const label = document.createElement('p');
        label.className = 'study-slide-label';
        label.setAttribute('aria-hidden', 'true');
        const part = deckData.parts.find((p) => p.slides.includes(s));
        label.textContent = t('studySlideLabel', { n: i + 1, part: part?.label ?? '' });
        el.prepend(label);
      }
      const notes = el.querySelector(':scope > aside.notes');
      if (!notes) return;
      if (!el.querySelector(':scope > .study-notes-heading')) {
        // A sibling, not inside the notes: the speaker view and print read the notes as they are.
        // One level below the slide's own heading (h1 on the title slide, h2 elsewhere): headings
        // never skip a level.
        const top = el.querySelector(':scope > h1, :scope > h2, :scope > h3, :scope > h4, :scope > h5');
        const h = document.createElement(`h${Math.min(6, (top ? Number(top.tagName[1]) : 2) + 1)}`);
        h.className = 'study-notes-heading';
        h.textContent = t('studyNotesHeading');
        notes.before(h);
      }
      // In the reading view the notes are the page's main text, not a landmark nested in the
      // deck's main one (axe: landmark-complementary-is-top-level); the heading above names them.
      notes.setAttribute('role', 'none');
    });
  };

  return {
    id: 'reading-view',
    init(reveal) {
      deck = reveal;
      if (isPrintView(window.location.search)) return;
      build();
      // reveal rewrites the address to the slide's own before 'ready': remember what was opened.
      const opened = window.location.hash;
      const onReady = (): void => {
        // A paragraph's address (paragraphs.ts) opens the reading view at that paragraph.
        const inner = addressedParagraph(opened);
        const slideId = inner?.closest<HTMLElement>('.reveal .slides section[id]')?.id;
        if (inner && slideId) {
          setUrl('read', inner.dataset.id);
          enter(slideId, 0, { focus: inner, align: 'start' });
          flash(inner);
        } else if (firstView({ search: window.location.search, upright: uprightNow() }) === 'read') enter();
        else if (document.documentElement.classList.contains(READING_PREPAINT_CLASS)) {
          // Turned sideways while loading: the slides after all, laid out by reveal now (start-deck.ts
          // started it without its layout, for the reading view).
          document.documentElement.classList.remove(READING_PREPAINT_CLASS);
          reveal.configure({ disableLayout: false, ...startedReading });
          startedReading = null;
          reveal.layout();
        }
      };
      reveal.on('ready', onReady);
      reveal.on('slidechanged', onSlideChanged);
      document.addEventListener('keydown', onKey);
      document.addEventListener(READING_REQUEST, onRequest);
      window.addEventListener('popstate', followAddress);
      window.addEventListener('hashchange', followAddress);
      cleanups.push(() => {
        reveal.off('ready', onReady);
        reveal.off('slidechanged', onSlideChanged);
        document.removeEventListener('keydown', onKey);
        document.removeEventListener(READING_REQUEST, onRequest);
        window.removeEventListener('popstate', followAddress);
        window.removeEventListener('hashchange', followAddress);
      });
    },
    destroy() {
      if (isReading()) leave();
      for (const c of cleanups.splice(0)) c();
      if (frame) window.cancelAnimationFrame(frame);
      toc?.destroy();
      tocBox?.remove();
      toggleButton?.remove();
      tocButton?.remove();
      title?.remove();
      document.querySelectorAll('.study-slide-label, .study-notes-heading').forEach((e) => e.remove());
      document.querySelectorAll('.reveal .slides aside.notes[role="none"]').forEach((e) => e.removeAttribute('role'));
      deck = null;
    },
  };
}
