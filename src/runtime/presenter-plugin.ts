import type { RevealApi, RevealPlugin } from 'reveal.js';
import { ownsKey } from '../common/keys.ts';
import { isPrintView } from '../common/print.ts';
import { clickLeavesFocus } from './click-focus.ts';
import { blankOf, goEnd, goNumber, overlayOpen, partStep, step, toggleBlank } from './clicker.ts';
import { deckAction, isClickerKey, type DeckAction, type KeyPress } from './keymap.ts';
import { togglePresenting } from './presenting.ts';
import { isReading } from './study/contract.ts';

/** Digits typed for "number, then Enter" are forgotten after this long (ms). */
export const DIGITS_TIMEOUT_MS = 3000;

/** Where Space and Enter press the focused element instead of moving the deck. */
const PRESSABLE = 'button, a[href], summary, [role="button"], [role="link"], [role="treeitem"], label';

/** Actions this plugin runs (the others belong to the plugins that own the feature). */
const OWN: ReadonlySet<DeckAction> = new Set([
  'next',
  'prev',
  'partNext',
  'partPrev',
  'first',
  'last',
  'black',
  'white',
  'presenting',
  'fullscreen',
]);

/** The deck's controls and links: a mouse click on them leaves the focus where it was. */
const CLICK_WITHOUT_FOCUS =
  '.reveal .controls button, .reveal .pause-overlay button, .reveal .slides a[href], .deck-ui button';

const MODIFIER_KEYS: ReadonlySet<string> = new Set(['Shift', 'Control', 'Alt', 'Meta', 'CapsLock']);
/** Actions that keep their meaning in reveal's overview. */
const OVERVIEW_OWN: ReadonlySet<DeckAction> = new Set(['black', 'white', 'presenting', 'fullscreen']);

/**
 * The presenter's keys, the PowerPoint way (the table is `keymap.ts`): every "next" input is one
 * step in reading order and every "previous" one step back; Shift+→/← jump a part; B/W blank the
 * screen; digits then Enter go to that slide number; H flips presenting mode; F full screen.
 * A clicker never goes dead: during a blank screen next/previous lift it, and with an overlay open
 * PageDown/PageUp close it and move (`clicker.ts`). Optionally (`clickToAdvance`), a click on the
 * slide is "next".
 */
export function presenterPlugin(options: { clickToAdvance?: boolean } = {}): RevealPlugin {
  let deck: RevealApi | null = null;
  let digits = '';
  let digitsTimer: ReturnType<typeof setTimeout> | undefined;
  const cleanups: (() => void)[] = [];

  const forgetDigits = (): void => {
    digits = '';
    clearTimeout(digitsTimer);
  };

  const consume = (event: Event): void => {
    event.preventDefault();
    event.stopImmediatePropagation();
  };

  const run = (action: DeckAction, d: RevealApi): void => {
    switch (action) {
      case 'next':
      case 'prev':
        step(d, action);
        break;
      case 'partNext':
        partStep(d, 1);
        break;
      case 'partPrev':
        partStep(d, -1);
        break;
      case 'first':
      case 'last':
        goEnd(d, action);
        break;
      case 'black':
      case 'white':
        toggleBlank(d, action);
        break;
      case 'presenting':
        togglePresenting();
        break;
      case 'fullscreen':
        toggleFullscreen();
        break;
      default:
        break;
    }
  };

  /**
   * Capture phase on window, before any element: a blank screen and an open overlay take the
   * clicker's keys first (a dialog's own handlers would otherwise swallow PageDown).
   */
  const onCapture = (event: KeyboardEvent): void => {
    if (!deck || isReading()) return;
    const action = deckAction(event);
    if (blankOf(deck)) {
      if (action === 'next' || action === 'prev' || action === 'black' || action === 'white') {
        consume(event);
        forgetDigits();
        run(action, deck);
      }
      return;
    }
    const clicker = isClickerKey(event);
    if (clicker && overlayOpen(deck)) {
      consume(event);
      forgetDigits();
      step(deck, clicker);
    }
  };

  /** Document, bubbling, registered before reveal's own handler: the deck's keys. */
  const onKey = (event: KeyboardEvent): void => {
    if (!deck || isReading() || event.defaultPrevented || !ownsKey(event)) return;
    const plain = !event.altKey && !event.ctrlKey && !event.metaKey;
    if (plain && /^[0-9]$/.test(event.key)) {
      digits = (digits + event.key).slice(-4);
      clearTimeout(digitsTimer);
      digitsTimer = setTimeout(forgetDigits, DIGITS_TIMEOUT_MS);
      consume(event);
      return;
    }
    const action = deckAction(event as KeyPress);
    if (event.key === 'Enter' && digits && plain) {
      const n = Number(digits);
      forgetDigits();
      consume(event);
      goNumber(deck, n);
      return;
    }
    if (!MODIFIER_KEYS.has(event.key)) forgetDigits();
    if (!action || !OWN.has(action)) return;
    // In the overview reveal's arrows, Space and Enter pick a slide.
    if (deck.isOverview() && !OVERVIEW_OWN.has(action)) return;
    const target = event.target as Element | null;
    if ((event.key === ' ' || event.key === 'Enter') && target?.closest?.(PRESSABLE)) {
      // A focused control (reached with Tab: clicks leave no focus) takes Space and Enter; reveal
      // must not move the deck as well.
      event.stopImmediatePropagation();
      return;
    }
    consume(event);
    run(action, deck);
  };

  /** A click on the slide itself (not on a link, a button or a chart) is "next". */
  const onClick = (event: MouseEvent): void => {
    if (!deck || isReading() || event.button !== 0 || event.defaultPrevented) return;
    const target = event.target as Element | null;
    if (!target?.closest('.reveal .slides') || target.closest(`${PRESSABLE}, input, figure.chart, svg`)) return;
    if (window.getSelection()?.toString()) return;
    step(deck, 'next');
  };

  return {
    id: 'presenter',
    init(reveal) {
      deck = reveal;
      if (isPrintView(window.location.search)) return;
      window.addEventListener('keydown', onCapture, true);
      document.addEventListener('keydown', onKey);
      cleanups.push(
        () => window.removeEventListener('keydown', onCapture, true),
        () => document.removeEventListener('keydown', onKey),
        clickLeavesFocus(document, CLICK_WITHOUT_FOCUS),
      );
      if (options.clickToAdvance) {
        document.addEventListener('click', onClick);
        cleanups.push(() => document.removeEventListener('click', onClick));
      }
    },
    destroy() {
      for (const c of cleanups.splice(0)) c();
      forgetDigits();
      deck = null;
    },
  };
}

/**
 * Whether a click on the slide is "next": the deck setting (`clickToAdvance`), overridden by the
 * address (`?click=next` turns it on, `?click=off` off).
 */
export function clickToAdvance(setting: boolean, search: string): boolean {
  const value = new URLSearchParams(search).get('click');
  if (value === 'next') return true;
  if (value === 'off') return false;
  return setting;
}

/** F: full screen on, or off again (the browser's own Esc leaves it too). */
function toggleFullscreen(): void {
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  else void document.documentElement.requestFullscreen?.().catch(() => undefined);
}
