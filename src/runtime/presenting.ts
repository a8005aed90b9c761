import type { RevealApi, RevealPlugin } from 'reveal.js';
import { isPrintView } from '../common/print.ts';

/**
 * Presenting mode: the room sees nothing but the slide. Page chrome (toolbar, part indicator,
 * arrows, slide number, progress bar, chart hints and buttons, the resume offer) is hidden by CSS
 * under `html.presenting`; browse mode (a window on a desk) keeps it.
 *
 * It turns on by itself when the deck goes full screen or a speaker view connects, with `?present`
 * in the address, and by the presenting key (H), which flips it either way until full screen
 * changes next. Other features talk to it through the DOM:
 * - `html.presenting` while it is on; `deck:presenting` (`{ active }`) on `document` when it flips;
 * - `deck:presenting-toggle` on `document` asks it to flip (the key);
 * - `deck:speaker-connected` on `document` says a speaker view answered.
 */
export const PRESENTING_CLASS = 'presenting';
export const PRESENTING_EVENT = 'deck:presenting';
export const PRESENTING_TOGGLE = 'deck:presenting-toggle';
export const SPEAKER_CONNECTED = 'deck:speaker-connected';

export interface PresentingDetail {
  active: boolean;
}

/** What decides presenting mode. */
export interface PresentingInputs {
  fullscreen: boolean;
  /** A speaker view has connected during this visit. */
  speaker: boolean;
  /** `?present` in the address. */
  url: boolean;
  /** The presenter's own choice (the key), or null to follow the rest. */
  override: boolean | null;
}

/** Whether the deck is presenting: the presenter's choice, else any of the automatic reasons. */
export function presentingNow(inputs: PresentingInputs): boolean {
  return inputs.override ?? (inputs.fullscreen || inputs.speaker || inputs.url);
}

/** `?present` (or `?present=1`) in a query string. */
export function presentingFromUrl(search: string): boolean {
  const params = new URLSearchParams(search);
  return params.has('present') && !['0', 'false', 'no'].includes(params.get('present') ?? '');
}

/** Whether the page is in presenting mode. */
export function isPresenting(doc: Document = document): boolean {
  return doc.documentElement.classList.contains(PRESENTING_CLASS);
}

/** Asks presenting mode to flip (the presenting key). */
export function togglePresenting(): void {
  document.dispatchEvent(new CustomEvent(PRESENTING_TOGGLE));
}

/** Says a speaker view has connected (the speaker plugin). */
export function speakerConnected(): void {
  document.dispatchEvent(new CustomEvent(SPEAKER_CONNECTED));
}

/** The plugin that keeps `html.presenting` true to its inputs. */
export function presentingPlugin(): RevealPlugin {
  const inputs: PresentingInputs = { fullscreen: false, speaker: false, url: false, override: null };
  const cleanups: (() => void)[] = [];
  let deck: RevealApi | null = null;

  const apply = (): void => {
    const active = presentingNow(inputs);
    const root = document.documentElement;
    if (root.classList.contains(PRESENTING_CLASS) === active) return;
    root.classList.toggle(PRESENTING_CLASS, active);
    // Focus on a control that has just been hidden would leave keys going nowhere visible.
    const focused = document.activeElement;
    if (active && focused instanceof HTMLElement && focused.closest('.deck-ui')) deck?.getRevealElement()?.focus?.();
    document.dispatchEvent(new CustomEvent<PresentingDetail>(PRESENTING_EVENT, { detail: { active } }));
    if (deck?.isReady()) deck.layout();
  };

  const listen = (type: string, fn: () => void, target: EventTarget = document): void => {
    target.addEventListener(type, fn);
    cleanups.push(() => target.removeEventListener(type, fn));
  };

  return {
    id: 'presenting',
    init(reveal) {
      deck = reveal;
      if (isPrintView(window.location.search)) return;
      inputs.url = presentingFromUrl(window.location.search);
      inputs.fullscreen = Boolean(document.fullscreenElement);
      listen('fullscreenchange', () => {
        inputs.fullscreen = Boolean(document.fullscreenElement);
        inputs.override = null;
        apply();
      });
      listen(SPEAKER_CONNECTED, () => {
        if (inputs.speaker) return;
        inputs.speaker = true;
        apply();
      });
      listen(PRESENTING_TOGGLE, () => {
        inputs.override = !presentingNow(inputs);
        apply();
      });
      apply();
    },
    destroy() {
      for (const c of cleanups.splice(0)) c();
      document.documentElement.classList.remove(PRESENTING_CLASS);
      deck = null;
    },
  };
}
