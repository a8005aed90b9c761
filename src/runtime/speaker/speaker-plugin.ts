import type { RevealApi, RevealPlugin } from 'reveal.js';
import '../../../assets/styles/speaker.css';
import { deckData } from '../deck-data.ts';
import { t } from '../../common/i18n.ts';
import { iconSvg } from '../../common/svg.ts';
import { BLANK_EVENT, blankOf, goEnd, step, toggleBlank } from '../clicker.ts';
import { speakerConnected } from '../presenting.ts';
import { openLink, type Link } from './link.ts';
import { PROTOCOL, channelName, randomId, speakerUrl, type DeckState, type SpeakerMessage } from './protocol.ts';
import { landingIndex, STEP_KEYS } from './skip.ts';

export interface SpeakerPluginOptions {
  /** Opens the speaker page; default `window.open` in a named popup. Returns null when blocked. */
  open?: (url: string) => Window | null;
}

/** The window name of the speaker view: pressing S again reuses the same window. */
const WINDOW_NAME = 'deck-speaker-view';
const BLOCKED_MESSAGE_MS = 8000;
/** Deck events after which the speaker view gets the new state. */
const STATE_EVENTS = [
  'ready',
  'slidechanged',
  'fragmentshown',
  'fragmenthidden',
  'overviewshown',
  'overviewhidden',
  'paused',
  'resumed',
  BLANK_EVENT,
] as const;
/** How long S waits for a speaker view in another tab to answer before it opens a new one (ms). */
const FIND_WAIT_MS = 300;

const defaultOpen = (url: string): Window | null => window.open(url, WINDOW_NAME, 'popup,width=1280,height=800');

/**
 * The deck side of the speaker view: `S` or the 演讲者视图 button opens `speaker.html` in a new
 * window, sends it the deck's state on every change and runs its navigation commands.
 */
export function speakerPlugin(options: SpeakerPluginOptions = {}): RevealPlugin {
  const open = options.open ?? defaultOpen;
  const deckId = randomId();
  let deck: RevealApi | null = null;
  let link: Link | null = null;
  let speaker: Window | null = null;
  let button: HTMLButtonElement | null = null;
  let notice: HTMLElement | null = null;
  let noticeTimer: ReturnType<typeof setTimeout> | undefined;
  /** Ids of commands already run (each may arrive by postMessage and by channel). */
  const done: string[] = [];
  /** Set from the speaker view: sequential steps pass over editorial summaries. */
  let skipEditorial = false;

  /**
   * Whether the slide change under way comes from a step (a key, a control, a swipe, the speaker
   * view's next/previous), set while that input is handled: only steps skip editorial summaries.
   */
  let stepping = false;
  const markStep = (): void => {
    stepping = true;
    setTimeout(() => (stepping = false));
  };
  const onStepKey = (event: KeyboardEvent): void => {
    if (STEP_KEYS.has(event.keyCode) && !event.altKey && !event.ctrlKey && !event.metaKey) markStep();
  };

  /**
   * Before reveal changes slide: a step onto an editorial summary goes on to the nearest slide that
   * is not one (cancelled and re-aimed, so the summary never flashes on the projector).
   */
  const onBeforeSlideChange = (event: Event): void => {
    if (!skipEditorial || !stepping || !deck) return;
    const { indexh, indexv } = event as Event & { indexh?: number; indexv?: number };
    if (indexh === undefined) return;
    const stack = deck.getHorizontalSlides()[indexh];
    const v = indexv ?? Number(stack?.getAttribute('data-previous-indexv') ?? 0);
    const slides = deck.getSlides();
    const target = deck.getSlide(indexh, v);
    const current = deck.getCurrentSlide();
    if (!target || !current) return;
    const to = slides.indexOf(target);
    const landing = landingIndex(
      slides.map((s) => s.classList.contains('editorial')),
      slides.indexOf(current),
      to,
    );
    if (landing === to) return;
    event.preventDefault();
    const land = slides[landing];
    if (land && land !== current) {
      const { h, v: lv } = deck.getIndices(land);
      stepping = false;
      deck.slide(h, lv);
    }
  };

  const state = (): DeckState | null => {
    const slide = deck?.getCurrentSlide();
    if (!deck || !slide?.id) return null;
    const { h, v, f } = deck.getIndices();
    const hidden = slide.querySelectorAll('.fragment:not(.visible)');
    const steps = new Set(Array.from(hidden, (el, i) => el.getAttribute('data-fragment-index') ?? `#${i}`));
    return {
      slideId: slide.id,
      h,
      v,
      f: typeof f === 'number' ? f : -1,
      stepsLeft: steps.size,
      overview: deck.isOverview(),
      blank: blankOf(deck) ?? 'none',
    };
  };

  const send = (message: SpeakerMessage, peer: Window | null = speaker): void => link?.send(message, peer);
  const sendState = (peer?: Window | null): void => {
    const s = state();
    if (s) send({ proto: PROTOCOL, kind: 'state', deck: deckId, state: s }, peer);
  };

  /** A polite status line, in the page from the start so screen readers announce its text. */
  const makeNotice = (): HTMLElement => {
    const p = document.createElement('p');
    p.className = 'deck-ui speaker-notice';
    p.setAttribute('role', 'status');
    document.body.appendChild(p);
    return p;
  };

  const showNotice = (text: string): void => {
    notice ??= makeNotice();
    notice.textContent = text;
    clearTimeout(noticeTimer);
    noticeTimer = setTimeout(() => {
      if (notice) notice.textContent = '';
    }, BLOCKED_MESSAGE_MS);
  };

  /** When a speaker view last said hello (it answers `find`, and greets while it has no deck). */
  let lastHello = 0;

  const openWindow = (): void => {
    const win = open(speakerUrl(location.href, deck?.getCurrentSlide()?.id ?? null));
    if (!win) {
      showNotice(t('speakerBlocked'));
      return;
    }
    speaker = win;
  };

  /**
   * S: bring the speaker view forward, opening one only when none is open. A view opened from
   * another tab of the deck (or before this tab was reopened) is reachable only on the channel:
   * ask, and if it answers, ask it to come forward and follow this tab.
   */
  const openSpeaker = (): void => {
    if (speaker && !speaker.closed) {
      speaker.focus();
      sendState();
      return;
    }
    const asked = Date.now();
    send({ proto: PROTOCOL, kind: 'find', deck: deckId });
    setTimeout(() => {
      if (lastHello >= asked) {
        send({ proto: PROTOCOL, kind: 'focus', deck: deckId });
        sendState();
      } else openWindow();
    }, FIND_WAIT_MS);
  };

  const run = (action: string, slideId?: string): void => {
    if (!deck) return;
    switch (action) {
      case 'next':
      case 'prev':
        markStep();
        step(deck, action);
        break;
      case 'first':
      case 'last':
        goEnd(deck, action);
        break;
      case 'black':
      case 'white':
        toggleBlank(deck, action);
        break;
      case 'goto': {
        const target = slideId ? document.getElementById(slideId) : null;
        if (target && deck.getSlidesElement()?.contains(target) && target.tagName === 'SECTION') {
          const { h, v } = deck.getIndices(target);
          deck.slide(h, v);
        }
        break;
      }
    }
  };

  /**
   * Whether `source` is a speaker window this deck opened: the one it holds, or one whose opener is
   * this window (it survived a reload of this page). A page that framed or opened the deck, or any
   * other window, is not: it may not take over the link.
   */
  const openedHere = (source: Window): boolean => {
    if (source === speaker) return true;
    try {
      // `opener` is readable across origins (file:// pages are each their own origin).
      return source.opener === window;
    } catch {
      return false;
    }
  };

  const onMessage = (message: SpeakerMessage, via: 'window' | 'channel', source: Window | null): void => {
    if (message.kind === 'hello') {
      const ours = via === 'window' && source !== null && openedHere(source);
      if (ours) {
        lastHello = Date.now();
        speaker = source;
        speakerConnected();
      }
      // Anyone else hears only what the channel already carries.
      sendState(ours ? source : null);
    } else if (via !== 'window' || source === null || source !== speaker) {
      // Settings and commands only from the speaker window this deck opened (never the channel,
      // which any page of this origin, and every local file, can join).
      return;
    } else if (message.kind === 'settings') {
      skipEditorial = message.skipEditorial;
    } else if (message.kind === 'command' && message.to === deckId && !done.includes(message.id)) {
      done.push(message.id);
      if (done.length > 100) done.shift();
      speakerConnected();
      run(message.action, message.slideId);
    }
  };

  const onStateEvent = (): void => sendState();
  const onPageHide = (): void => send({ proto: PROTOCOL, kind: 'bye', deck: deckId });

  const makeButton = (): HTMLButtonElement => {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'deck-ui speaker-open-button';
    b.setAttribute('aria-label', t('speakerOpen'));
    b.title = t('speakerOpenTip');
    b.append(speakerIcon());
    b.addEventListener('click', openSpeaker);
    // Space and Enter press the button; they must not also move the deck.
    b.addEventListener('keydown', (event) => {
      if (event.key === ' ' || event.key === 'Enter') event.stopPropagation();
    });
    return b;
  };

  return {
    id: 'speaker',
    init(reveal) {
      deck = reveal;
      link = openLink({ channel: channelName(deckData.meta.title), onMessage });
      reveal.addKeyBinding({ keyCode: 83, key: 'S', description: t('keySpeaker') }, openSpeaker);
      for (const type of STATE_EVENTS) reveal.on(type, onStateEvent);
      reveal.on('beforeslidechange', onBeforeSlideChange);
      // Capture: the step is marked before reveal's own handlers move the deck.
      document.addEventListener('keydown', onStepKey, true);
      const root = reveal.getRevealElement();
      root?.querySelector('.controls')?.addEventListener('click', markStep, true);
      root?.addEventListener('touchend', markStep, true);
      window.addEventListener('pagehide', onPageHide);
      button = makeButton();
      reveal.getRevealElement()?.appendChild(button);
      notice = makeNotice();
    },
    destroy() {
      onPageHide();
      for (const type of STATE_EVENTS) deck?.off(type, onStateEvent);
      deck?.off('beforeslidechange', onBeforeSlideChange);
      document.removeEventListener('keydown', onStepKey, true);
      const root = deck?.getRevealElement();
      root?.querySelector('.controls')?.removeEventListener('click', markStep, true);
      root?.removeEventListener('touchend', markStep, true);
      deck?.removeKeyBinding(83);
      window.removeEventListener('pagehide', onPageHide);
      link?.close();
      clearTimeout(noticeTimer);
      button?.remove();
      notice?.remove();
      link = null;
      button = null;
      notice = null;
      speaker = null;
      deck = null;
    },
  };
}

/** A small "screen with notes" icon, decorative (the button has an accessible name). */
function speakerIcon(): SVGSVGElement {
  return iconSvg(document, 'M3 4h12v9H3zM6 17h6M9 13v4M18 6h3M18 10h3M18 14h3');
}
