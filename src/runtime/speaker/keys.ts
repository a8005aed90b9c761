import type { CommandAction } from './protocol.ts';

/** What a key does in the speaker window: a deck command, or the notes' font size. */
export type SpeakerKeyAction = Exclude<CommandAction, 'goto'> | 'fontBigger' | 'fontSmaller';

/** The key press as the speaker window sees it. */
export interface SpeakerKey {
  key: string;
  shiftKey: boolean;
  /** Alt, Ctrl or Meta held: the browser's shortcuts, never ours. */
  modifier: boolean;
  /** Focus is on a button (Space presses it). */
  onButton: boolean;
  /** Focus is in the notes (↑/↓ scroll them). */
  inNotes: boolean;
}

/** Keys of presenters' clickers and keyboards, by action (`event.key` values). */
const KEYS: Record<string, SpeakerKeyAction> = {
  ArrowRight: 'next',
  PageDown: 'next',
  n: 'next',
  N: 'next',
  ArrowLeft: 'prev',
  PageUp: 'prev',
  p: 'prev',
  P: 'prev',
  ArrowDown: 'next',
  ArrowUp: 'prev',
  Home: 'first',
  End: 'last',
  b: 'togglePause',
  B: 'togglePause',
  '.': 'togglePause',
  '+': 'fontBigger',
  '=': 'fontBigger',
  '-': 'fontSmaller',
  _: 'fontSmaller',
};

/** The action of a key in the speaker window, or null to leave the key to the browser. */
export function speakerKeyAction({ key, shiftKey, modifier, onButton, inNotes }: SpeakerKey): SpeakerKeyAction | null {
  if (modifier) return null;
  if (key === ' ') return onButton ? null : shiftKey ? 'prev' : 'next';
  if (inNotes && (key === 'ArrowDown' || key === 'ArrowUp')) return null;
  return Object.hasOwn(KEYS, key) ? KEYS[key]! : null;
}
