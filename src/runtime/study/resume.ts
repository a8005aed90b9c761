import type { RevealApi, RevealPlugin } from 'reveal.js';
import '../../../assets/styles/study.css';
import { allSlides, deckData, slideById } from '../deck-data.ts';
import { t } from '../../common/i18n.ts';
import { isPrintView } from '../../common/print.ts';
import { READING_POSITION, goToSlide, isReading, requestReading, type ReadingPositionDetail } from './contract.ts';
import { PRESENTING_EVENT, isPresenting } from '../presenting.ts';
import { deckKeyPrefix, parsePosition, safeStore, type SafeStore, type StoredPosition } from './storage.ts';

/** Storage key (after the deck's prefix) of the last position. */
export const POSITION_KEY = 'position';
/** Scroll positions are written at most this often (ms). */
const SAVE_DELAY = 400;
/**
 * How long (ms) the reader must stay at a place they did not move to themselves (the place a
 * `#/…` link opened) before it replaces the remembered one: merely opening a link is not reading.
 */
export const DWELL_MS = 3000;
/** Input that shows the reader is reading: from then on every place they move to is kept. */
const ENGAGING = ['keydown', 'wheel', 'touchstart', 'pointerdown'] as const;

/**
 * Resume: remembers the slide (and, in the reading view, the scroll position within it) under
 * a per-deck key, and when the deck opens without a hash offers "继续上次的位置" in a
 * non-modal bar (继续 / 从头开始) instead of jumping. A URL hash always wins with no offer; no
 * offer in print, full screen or presenting mode. A place is kept once the reader has read there: moved to
 * it (keys, scrolling, taps) or stayed `DWELL_MS`. A stored id that no longer exists is dropped
 * silently; blocked storage just means nothing is remembered.
 */
export function resumePlugin(): RevealPlugin {
  let deck: RevealApi | null = null;
  let store: SafeStore | null = null;
  let offer: HTMLElement | null = null;
  let timer = 0;
  let pending: StoredPosition | null = null;
  let ready = false;
  let engaged = false;
  let dwell = 0;
  const cleanups: (() => void)[] = [];

  const flush = (): void => {
    timer = 0;
    if (pending) store?.set(POSITION_KEY, pending);
    pending = null;
  };
  const keep = (pos: Omit<StoredPosition, 'at'>, delay: number): void => {
    window.clearTimeout(dwell);
    dwell = 0;
    pending = { ...pos, at: Date.now() };
    if (timer) window.clearTimeout(timer);
    if (delay) timer = window.setTimeout(flush, delay);
    else flush();
  };
  const save = (pos: Omit<StoredPosition, 'at'>, delay = 0): void => {
    // Until the reader answers the offer, the opening slide must not overwrite the stored place.
    if (!ready || (offer && pos.slideId === allSlides[0]?.id)) return;
    if (engaged) {
      keep(pos, delay);
      return;
    }
    window.clearTimeout(dwell);
    dwell = window.setTimeout(() => keep(pos, 0), DWELL_MS);
  };
  const onEngage = (): void => {
    engaged = true;
    for (const type of ENGAGING) window.removeEventListener(type, onEngage, true);
  };

  const hideOffer = (): void => {
    offer?.remove();
    offer = null;
  };

  const go = (pos: StoredPosition): void => {
    const data = slideById(pos.slideId);
    if (!data || !deck) return;
    if (pos.view === 'read' || isReading()) {
      // A jump (src/runtime/history.ts): Back returns to where the page opened.
      requestReading({ active: true, slideId: pos.slideId, offset: pos.view === 'read' ? pos.offset : 0, push: true });
      document.getElementById(pos.slideId)?.focus({ preventScroll: true });
    } else {
      goToSlide(deck, data.id);
      deck.getRevealElement()?.focus?.();
    }
  };

  const showOffer = (pos: StoredPosition): void => {
    const data = slideById(pos.slideId)!;
    const n = allSlides.indexOf(data) + 1;
    const box = document.createElement('section');
    box.className = 'deck-ui study-resume';
    box.setAttribute('aria-labelledby', 'study-resume-title');
    box.setAttribute('aria-describedby', 'study-resume-text');
    const title = document.createElement('h2');
    title.id = 'study-resume-title';
    title.textContent = t('studyResumeTitle');
    const text = document.createElement('p');
    text.id = 'study-resume-text';
    text.textContent = t('studyResumeText', { n, title: data.title });
    const yes = document.createElement('button');
    yes.type = 'button';
    yes.className = 'study-resume-continue';
    yes.textContent = t('studyResumeContinue');
    const no = document.createElement('button');
    no.type = 'button';
    no.className = 'study-resume-restart';
    no.textContent = t('studyResumeRestart');
    yes.addEventListener('click', () => {
      hideOffer();
      go(pos);
    });
    no.addEventListener('click', () => {
      hideOffer();
      if (isReading()) requestReading({ active: true, slideId: allSlides[0]?.id });
      deck?.getRevealElement()?.focus?.();
    });
    const actions = document.createElement('div');
    actions.className = 'study-resume-actions';
    actions.append(yes, no);
    box.append(title, text, actions);
    // Announced politely, reachable by Tab first (it is early in the page), never stealing focus.
    const live = document.createElement('div');
    live.className = 'sr-only';
    live.setAttribute('aria-live', 'polite');
    box.append(live);
    const bar = document.querySelector('.study-bar');
    if (bar) bar.after(box);
    else document.body.prepend(box);
    offer = box;
    window.setTimeout(() => (live.textContent = `${title.textContent}：${text.textContent}`), 100);
  };

  return {
    id: 'study-resume',
    init(reveal) {
      deck = reveal;
      const search = new URLSearchParams(window.location.search);
      if (isPrintView(window.location.search) || search.has('receiver')) return;
      store = safeStore(() => window.localStorage, deckKeyPrefix(deckData.meta.title, window.location.pathname));
      // Read before reveal writes its own hash for the first slide.
      const openedWithHash = window.location.hash.replace(/^#\/?/u, '') !== '';

      const onReady = (): void => {
        const stored = store?.get(POSITION_KEY);
        const pos = stored === undefined ? null : parsePosition(stored, (id) => slideById(id) !== undefined);
        if (stored !== undefined && !pos) store?.remove(POSITION_KEY);
        const first = allSlides[0]?.id;
        const worthOffering = pos && !(pos.slideId === first && pos.offset === 0);
        if (pos && worthOffering && !openedWithHash && !document.fullscreenElement && !isPresenting()) showOffer(pos);
        ready = true;
        const current = reveal.getCurrentSlide()?.id;
        if (current && !isReading()) save({ slideId: current, view: 'slides', offset: 0 });
      };
      const onSlide = (): void => {
        if (isReading()) return;
        const id = reveal.getCurrentSlide()?.id;
        if (!id) return;
        if (offer && id !== allSlides[0]?.id) hideOffer();
        save({ slideId: id, view: 'slides', offset: 0 });
      };
      const onReading = (event: Event): void => {
        const d = (event as CustomEvent<ReadingPositionDetail>).detail;
        if (!d || !slideById(d.slideId)) return;
        // Reading on past the opening answers the offer too.
        if (offer && ready && d.slideId !== allSlides[0]?.id) hideOffer();
        save({ slideId: d.slideId, view: 'read', offset: d.offset }, SAVE_DELAY);
      };
      const onFullscreen = (): void => {
        if (document.fullscreenElement || isPresenting()) hideOffer();
      };
      const onHide = (): void => flush();
      for (const type of ENGAGING) window.addEventListener(type, onEngage, { capture: true, passive: true });
      reveal.on('ready', onReady);
      reveal.on('slidechanged', onSlide);
      document.addEventListener(READING_POSITION, onReading);
      document.addEventListener('fullscreenchange', onFullscreen);
      document.addEventListener(PRESENTING_EVENT, onFullscreen);
      window.addEventListener('pagehide', onHide);
      cleanups.push(() => {
        for (const type of ENGAGING) window.removeEventListener(type, onEngage, true);
        reveal.off('ready', onReady);
        reveal.off('slidechanged', onSlide);
        document.removeEventListener(READING_POSITION, onReading);
        document.removeEventListener('fullscreenchange', onFullscreen);
        document.removeEventListener(PRESENTING_EVENT, onFullscreen);
        window.removeEventListener('pagehide', onHide);
      });
    },
    destroy() {
      for (const c of cleanups.splice(0)) c();
      if (timer) window.clearTimeout(timer);
      window.clearTimeout(dwell);
      flush();
      hideOffer();
      store = null;
      deck = null;
    },
  };
}
