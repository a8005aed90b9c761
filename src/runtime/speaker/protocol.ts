/**
 * Messages between the deck window and the speaker window. Both sides send each message by
 * `postMessage` (opener ↔ popup; from file:// the origin is "null", so receivers check
 * `event.source`, never the origin) and, where available, on a `BroadcastChannel`. A message may
 * therefore arrive twice: states are idempotent, commands carry an id and are run once.
 */

/** Tag on every message, so unrelated `postMessage` traffic is ignored. */
export const PROTOCOL = 'deck-speaker/1';

/** What the deck shows, sent on every change. */
export interface DeckState {
  /** The current slide's id (`<section id>`). */
  slideId: string;
  /** reveal indices: part (h), slide in part (v), last shown fragment (f, -1 = none). */
  h: number;
  v: number;
  f: number;
  /** Fragments of the current slide still hidden. */
  stepsLeft: number;
  overview: boolean;
  /** The screen the room sees instead of the slide (B, W), or `none`. */
  blank: BlankState;
}

/** What the room sees instead of the slide. */
export type BlankState = 'none' | 'black' | 'white';
const BLANKS: readonly BlankState[] = ['none', 'black', 'white'];

/** What the speaker window can ask the deck to do. */
export type CommandAction = 'next' | 'prev' | 'first' | 'last' | 'black' | 'white' | 'goto';

export type SpeakerMessage =
  /** Speaker → deck: "I am here, send your state." */
  | { proto: typeof PROTOCOL; kind: 'hello' }
  /** Deck → speaker: the deck's state. `deck` identifies the deck instance (random per load). */
  | { proto: typeof PROTOCOL; kind: 'state'; deck: string; state: DeckState }
  /** Deck → speaker: the deck is going away (unload). */
  | { proto: typeof PROTOCOL; kind: 'bye'; deck: string }
  /** Speaker → deck `to`: run `action` once (`id` unique per command). */
  | { proto: typeof PROTOCOL; kind: 'command'; to: string; id: string; action: CommandAction; slideId?: string }
  /** Speaker → deck: the presenter's settings (idempotent, sent on connecting and on change). */
  | { proto: typeof PROTOCOL; kind: 'settings'; skipEditorial: boolean }
  /** Deck → any speaker view: "is one open?" (each answers with `hello`). */
  | { proto: typeof PROTOCOL; kind: 'find'; deck: string }
  /** Deck → any speaker view: "come to the front and follow me" (S when one is already open). */
  | { proto: typeof PROTOCOL; kind: 'focus'; deck: string };

const ACTIONS: readonly CommandAction[] = ['next', 'prev', 'first', 'last', 'black', 'white', 'goto'];

const isInt = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x);
const isId = (x: unknown): x is string => typeof x === 'string' && x.length > 0 && x.length <= 200;

/** Validates untrusted message data; returns the message or null. */
export function parseMessage(data: unknown): SpeakerMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const m = data as Record<string, unknown>;
  if (m.proto !== PROTOCOL) return null;
  switch (m.kind) {
    case 'hello':
      return { proto: PROTOCOL, kind: 'hello' };
    case 'bye':
    case 'find':
    case 'focus':
      return isId(m.deck) ? { proto: PROTOCOL, kind: m.kind, deck: m.deck } : null;
    case 'state': {
      const s = m.state as Record<string, unknown> | null;
      if (!isId(m.deck) || typeof s !== 'object' || s === null) return null;
      if (!isId(s.slideId) || !isInt(s.h) || !isInt(s.v) || !isInt(s.f) || !isInt(s.stepsLeft)) return null;
      if (typeof s.overview !== 'boolean' || !BLANKS.includes(s.blank as BlankState)) return null;
      const state: DeckState = {
        slideId: s.slideId,
        h: s.h,
        v: s.v,
        f: s.f,
        stepsLeft: s.stepsLeft,
        overview: s.overview,
        blank: s.blank as BlankState,
      };
      return { proto: PROTOCOL, kind: 'state', deck: m.deck, state };
    }
    case 'settings':
      return typeof m.skipEditorial === 'boolean'
        ? { proto: PROTOCOL, kind: 'settings', skipEditorial: m.skipEditorial }
        : null;
    case 'command': {
      if (!isId(m.to) || !isId(m.id) || !ACTIONS.includes(m.action as CommandAction)) return null;
      const action = m.action as CommandAction;
      if (action === 'goto' && !isId(m.slideId)) return null;
      return action === 'goto'
        ? { proto: PROTOCOL, kind: 'command', to: m.to, id: m.id, action, slideId: m.slideId as string }
        : { proto: PROTOCOL, kind: 'command', to: m.to, id: m.id, action };
    }
    default:
      return null;
  }
}

/**
 * `postMessage`'s target origin for a window of our own site: our origin when it is a real
 * one, `*` from file:// (origin "null" cannot be named; receivers check `event.source`).
 */
export function targetOrigin(location: Pick<Location, 'protocol' | 'origin'>): string {
  return location.protocol === 'file:' || location.origin === 'null' ? '*' : location.origin;
}

/** The BroadcastChannel name for a deck (pages from file:// share one origin's channels). */
export function channelName(deckTitle: string): string {
  return `deck-speaker:${deckTitle}`;
}

/** A random id for a deck instance or a command. */
export function randomId(): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The slide id in a speaker URL's hash (`#/qi-trend` or `#qi-trend`), or null. */
export function slideIdFromHash(hash: string): string | null {
  let id = hash.replace(/^#\/?/, '');
  try {
    id = decodeURIComponent(id);
  } catch {
    return null;
  }
  return /^[a-z0-9][a-z0-9-]*$/.test(id) ? id : null;
}

/** The speaker page's URL relative to the deck page: same folder, only the slide id kept. */
export function speakerUrl(deckHref: string, slideId: string | null): string {
  const url = new URL('speaker.html', deckHref);
  url.search = '';
  url.hash = slideId ? `#/${encodeURIComponent(slideId)}` : '';
  return url.href;
}
