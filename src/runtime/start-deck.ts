import Reveal, { type RevealApi } from 'reveal.js';
import { REVEAL_DEFAULTS } from '../config.ts';
import { t } from './i18n.ts';
import { deckPlugins } from './plugins.ts';

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

/**
 * reveal.js ignores keys while a dialog or other modal UI is open, or while the user types in a
 * field: the dialog's own Esc, arrows and letters belong to it. Modal UI is a `<dialog open>` or
 * any element with `data-deck-modal` that is not `hidden`.
 */
export function deckOwnsKeyboard(event: KeyboardEvent): boolean {
  if (document.querySelector('dialog[open], [data-deck-modal]:not([hidden])')) return false;
  const target = event.target as HTMLElement | null;
  if (!target) return true;
  return !(target.isContentEditable || target.closest('input, textarea, select'));
}

/** Starts reveal.js on the page's `.reveal` element with the deck's plugins. */
export async function startDeck(): Promise<RevealApi> {
  const root = document.querySelector<HTMLElement>('.reveal')!;
  root.setAttribute('aria-label', t('deckLabel'));
  const deck = new Reveal(root, {
    ...REVEAL_DEFAULTS,
    ...motionSettings(),
    keyboardCondition: deckOwnsKeyboard,
    plugins: deckPlugins(),
  });
  window.deck = deck;
  await deck.initialize();
  document.documentElement.classList.add('deck-ready');
  return deck;
}
