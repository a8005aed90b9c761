import Reveal, { type RevealApi } from 'reveal.js';
import { REVEAL_DEFAULTS } from '../config.ts';
import { t } from '../common/i18n.ts';
import { ownsKey } from '../common/keys.ts';
import { deckPlugins } from './plugins.ts';
import { PREPAINT_CLASS, READING_PREPAINT_CLASS } from './prepaint.ts';
import { readingRevealSettings, startingInReadingView } from './study/reading-view.ts';

/** The running deck, for tests and the speaker view (`window.deck`). */
declare global {
  interface Window {
    deck?: RevealApi;
  }
}

/** Honours `prefers-reduced-motion`: no slide transitions. */
function motionSettings(): { transition?: 'none'; backgroundTransition?: 'none' } {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches
    ? { transition: 'none', backgroundTransition: 'none' }
    : {};
}

/** The longest the deck waits for the first slide's fonts before reveal starts anyway. */
const FIRST_PAINT_WAIT_MS = 1500;

/**
 * While the static first slide stands in (src/runtime/prepaint.ts), reveal's start, a long task,
 * waits until that slide has its fonts and one frame has been painted, so the audience sees the
 * slide at once instead of after reveal's layout. Resolves at once otherwise.
 */
export async function firstSlidePainted(): Promise<void> {
  if (!document.documentElement.classList.contains(PREPAINT_CLASS)) return;
  const slide = document.querySelector('.reveal .slides > section > section');
  // The slide's own text, not its notes: they are hidden, and their glyphs have a face of their own
  // (src/config.ts FONT_FACES) that the first slide must not wait for.
  const shown = [...(slide?.querySelectorAll('h1, h2, h3, p, li, blockquote') ?? [])].filter(
    (el) => !el.closest('aside.notes'),
  );
  const loads = shown.map((el) => {
    const s = getComputedStyle(el);
    const text = el.textContent?.trim() ?? '';
    return text ? document.fonts.load(`${s.fontStyle} ${s.fontWeight} ${s.fontSize} ${s.fontFamily}`, text) : null;
  });
  const fonts = Promise.all(loads).catch(() => undefined);
  await Promise.race([fonts, new Promise((r) => setTimeout(r, FIRST_PAINT_WAIT_MS))]);
  // A frame, then a task: the slide is painted before reveal's layout runs. The timer alone covers
  // a background tab, where animation frames do not run.
  await new Promise<void>((resolve) => {
    const go = (): void => resolve();
    requestAnimationFrame(() => setTimeout(go, 0));
    setTimeout(go, 100);
  });
}

/**
 * Once the deck is ready and the page is idle, loads the font faces nothing has asked for yet (the
 * bold glyphs outside headings, src/config.ts FONT_FACES). A face arriving makes the browser lay
 * out the text again; done now, that work does not land on the first chart slide a presenter
 * shows.
 */
export function loadRemainingFonts(): void {
  const idle = (fn: () => void): void => {
    if ('requestIdleCallback' in window) window.requestIdleCallback(fn, { timeout: 3000 });
    else setTimeout(fn, 1000);
  };
  idle(() => {
    document.fonts.forEach((face) => {
      if (face.status === 'unloaded') face.load().catch(() => undefined);
    });
  });
}

/** Starts reveal.js on the page's `.reveal` element with the deck's plugins. */
export async function startDeck(): Promise<RevealApi> {
  await firstSlidePainted();
  const root = document.querySelector<HTMLElement>('.reveal')!;
  root.setAttribute('aria-label', t('deckLabel'));
  // reveal.js ignores keys while a dialog is open or the user types in a field.
  const keyboardCondition = (event: KeyboardEvent): boolean => ownsKey(event);
  // Opening in the reading view (laid out by its style sheet already): reveal starts with that
  // view's settings (no layout of every slide as a slide, work the reader never sees), so opening
  // it needs no second start of reveal (reading-view.ts `startingInReadingView`).
  const reading = document.documentElement.classList.contains(READING_PREPAINT_CLASS);
  if (reading) startingInReadingView({ hash: REVEAL_DEFAULTS.hash, touch: true, keyboardCondition });
  const deck = new Reveal(root, {
    ...REVEAL_DEFAULTS,
    ...motionSettings(),
    keyboardCondition,
    ...(reading ? readingRevealSettings(keyboardCondition) : {}),
    plugins: deckPlugins(),
  });
  window.deck = deck;
  await deck.initialize();
  document.documentElement.classList.remove(PREPAINT_CLASS);
  document.documentElement.classList.add('deck-ready');
  loadRemainingFonts();
  return deck;
}
