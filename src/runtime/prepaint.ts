import { SLIDE_GEOMETRY } from '../config.ts';
import { isPrintView } from '../common/print.ts';
import { UPRIGHT_HANDHELD, firstView } from './study/first-view.ts';

/**
 * The first slide is in index.html already (compiled at build time), so it can be drawn before
 * reveal.js has loaded: this tiny classic script, run in <head>, marks the page `deck-prepaint`
 * when the deck will open on its first slide, and gives the CSS (assets/styles/prepaint.css) the
 * scale reveal will use. reveal then starts on a slide that is already where it belongs; nothing
 * moves. A reading-view first view (an upright phone) is marked `reading-prepaint` instead, and
 * the style sheet lays the page out as the reading view. With a `#/slide` address or `?print-pdf`
 * the page waits for reveal as before, so another slide never flashes first.
 */

/** The class on <html> while the static first slide stands in for reveal's layout. */
export const PREPAINT_CLASS = 'deck-prepaint';

/**
 * The class on <html> while the page, opening in the reading view, is laid out as that view by its
 * style sheet alone (assets/styles/study.css), before the deck script has run: a phone shows the
 * speech at once instead of a blank page. The reading view replaces it with its own class.
 */
export const READING_PREPAINT_CLASS = 'reading-prepaint';

/** Whether the deck will open at its start in the reading view (an upright phone or tablet). */
export function opensInReadingView(loc: { hash: string; search: string }, upright: boolean): boolean {
  if (loc.hash.replace(/^#\/?/, '') !== '') return false;
  if (isPrintView(loc.search)) return false;
  return firstView({ search: loc.search, upright }) === 'read';
}

/** Whether the deck will open on its first slide in the slide view. */
export function opensOnFirstSlide(loc: { hash: string; search: string }, upright: boolean): boolean {
  if (loc.hash.replace(/^#\/?/, '') !== '') return false;
  if (isPrintView(loc.search)) return false;
  return firstView({ search: loc.search, upright }) === 'slides';
}

/** reveal.js's own scale for a viewport (its `layout()`: margin, min/max scale, rounded to 0.01). */
export function revealScale(viewportWidth: number, viewportHeight: number): number {
  const { width, height, margin } = SLIDE_GEOMETRY;
  const fit = Math.min(
    (viewportWidth - viewportWidth * margin) / width,
    (viewportHeight - viewportHeight * margin) / height,
  );
  return Math.round(Math.min(Math.max(fit, 0.2), 2) * 100) / 100;
}

/**
 * Starts fetching the fonts the first slide needs (listed by the build in the script's
 * `data-preload`), which the page would otherwise find only once the slide is laid out. Served
 * only: a preload from file:// is a CORS request that Chromium refuses, while the font itself,
 * asked for by the style sheet, loads from disk.
 */
export function preloadFonts(script: HTMLOrSVGScriptElement | null, protocol: string): void {
  if (protocol === 'file:' || !(script instanceof HTMLScriptElement)) return;
  for (const href of (script.dataset.preload ?? '').split(' ').filter(Boolean)) {
    const link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'font';
    link.type = 'font/woff2';
    link.crossOrigin = 'anonymous';
    link.href = href;
    document.head.append(link);
  }
}

/** The longest the deck script waits for the first screen's fonts before it is asked for anyway. */
const DECK_WAIT_MS = 1500;

/**
 * Resolves after the next frame has been painted. A background tab paints no frames: there (and
 * when the tab goes to the background meanwhile) it resolves at once. No timer: on a busy phone
 * the first frame can take longer than any timer would wait.
 */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (document.visibilityState === 'hidden') return resolve();
    document.addEventListener('visibilitychange', () => resolve(), { once: true });
    requestAnimationFrame(() => setTimeout(resolve, 0));
  });
}

/** The longest the deck script waits for the page's first contentful paint to be reported. */
const FCP_WAIT_MS = 3000;

/**
 * Resolves once the browser reports the page's first contentful paint (a `paint` entry, which
 * arrives after the frame is on screen), or at once where that is not reported (a background tab,
 * a browser without paint timing), or after FCP_WAIT_MS. A frame being painted is not enough: a
 * busy renderer can leave it unpresented for a while, and the deck script asked for meanwhile
 * shares the line with what the first screen waits for.
 */
function contentfulPaint(): Promise<void> {
  return new Promise((resolve) => {
    const types = typeof PerformanceObserver === 'function' ? PerformanceObserver.supportedEntryTypes : undefined;
    if (document.visibilityState === 'hidden' || !types?.includes('paint')) return resolve();
    const timer = setTimeout(done, FCP_WAIT_MS);
    const observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName('first-contentful-paint').length) done();
    });
    function done(): void {
      clearTimeout(timer);
      observer.disconnect();
      resolve();
    }
    document.addEventListener('visibilitychange', done, { once: true });
    observer.observe({ type: 'paint', buffered: true });
  });
}

/**
 * Adds the deck script (named by the build in this script's `data-deck`, src/vite/deck-plugin.ts
 * `withDeckAfterFirstPaint`). A page that stands painted by its style sheet alone (the reading view
 * or the first slide) asks for it once the first screen has been painted with its fonts (the browser
 * has reported its first contentful paint, `contentfulPaint`): on a slow phone network the bundle
 * would otherwise share the line with what that screen waits for.
 * Any other page (a `#/slide` address waits for reveal) asks for it as soon as it is parsed. A
 * script added at run time loads from file:// too and stays inside CSP `script-src 'self'`.
 */
export function loadDeckScript(script: HTMLOrSVGScriptElement | null, html: HTMLElement): void {
  if (!(script instanceof HTMLScriptElement) || !script.dataset.deck) return;
  const src = script.dataset.deck;
  const add = (): void => {
    const deck = document.createElement('script');
    deck.src = src;
    if (script.dataset.lazy) deck.dataset.lazy = script.dataset.lazy;
    document.head.append(deck);
  };
  const painted = html.classList.contains(PREPAINT_CLASS) || html.classList.contains(READING_PREPAINT_CLASS);
  const parsed = new Promise<void>((resolve) => {
    if (document.readyState === 'loading')
      document.addEventListener('DOMContentLoaded', () => resolve(), { once: true });
    else resolve();
  });
  if (!painted) {
    void parsed.then(add);
    return;
  }
  void parsed
    .then(contentfulPaint)
    .then(() =>
      Promise.race([document.fonts.ready.catch(() => undefined), new Promise((r) => setTimeout(r, DECK_WAIT_MS))]),
    )
    .then(afterPaint)
    .then(add);
}

/** Runs in <head> (src/runtime/prepaint-boot.ts): marks the page and keeps the scale current. */
export function startPrepaint(): void {
  const script = document.currentScript;
  preloadFonts(script, window.location.protocol);
  const html = document.documentElement;
  startFirstPaint(html);
  loadDeckScript(script, html);
}

function startFirstPaint(html: HTMLElement): void {
  const upright = window.matchMedia(UPRIGHT_HANDHELD).matches;
  if (opensInReadingView(window.location, upright)) {
    html.classList.add(READING_PREPAINT_CLASS);
    return;
  }
  if (!opensOnFirstSlide(window.location, upright)) return;
  const fit = (): void => {
    if (!html.classList.contains(PREPAINT_CLASS)) {
      window.removeEventListener('resize', fit);
      return;
    }
    html.style.setProperty('--deck-prepaint-scale', String(revealScale(html.clientWidth, html.clientHeight)));
  };
  html.classList.add(PREPAINT_CLASS);
  fit();
  window.addEventListener('resize', fit);
}
