import { t, type UiKey } from '../../common/i18n.ts';
import type { CommandAction } from './protocol.ts';

/** What a key does in the speaker window: a deck command, or the notes' font size. */
export type SpeakerKeyAction = Exclude<CommandAction, 'goto'> | 'fontBigger' | 'fontSmaller';

/** The key press as the speaker window sees it. */
export interface SpeakerKey {
  key: string;
  shiftKey: boolean;
  /** Alt, Ctrl or Meta held: the browser's shortcuts, never ours. */
  modifier: boolean;
  /** Focus is on a button (Space presses it; only the keyboard focuses buttons, clicks do not). */
  onButton: boolean;
  /** Focus is in the notes (↑/↓ scroll them). */
  inNotes: boolean;
}

/** One row of the speaker window's key table (the footer, the guide and the tests read it). */
export interface SpeakerKeyRow {
  action: SpeakerKeyAction;
  /** `event.key` values. */
  keys: readonly string[];
  /** As written in the footer and the guide. */
  label: string;
  what: UiKey;
}

/** Keys of presenters' clickers and keyboards in the speaker window, by action. */
export const SPEAKER_KEYS: readonly SpeakerKeyRow[] = [
  {
    action: 'next',
    keys: ['ArrowRight', 'ArrowDown', ' ', 'PageDown', 'n', 'N'],
    label: '→、↓、空格、PageDown、N',
    what: 'speakerKeyNext',
  },
  {
    action: 'prev',
    keys: ['ArrowLeft', 'ArrowUp', 'PageUp', 'p', 'P'],
    label: '←、↑、Shift+空格、PageUp、P',
    what: 'speakerKeyPrev',
  },
  { action: 'first', keys: ['Home'], label: 'Home', what: 'keyFirst' },
  { action: 'last', keys: ['End'], label: 'End', what: 'keyLast' },
  { action: 'black', keys: ['b', 'B', '.'], label: 'B、.', what: 'keyBlack' },
  { action: 'white', keys: ['w', 'W', ','], label: 'W、,', what: 'keyWhite' },
  { action: 'fontBigger', keys: ['+', '='], label: '+', what: 'speakerFontBigger' },
  { action: 'fontSmaller', keys: ['-', '_'], label: '−', what: 'speakerFontSmaller' },
];

/** The footer line of the speaker view: every key, from the table. */
export function speakerKeysLine(): string {
  return SPEAKER_KEYS.map((row) => `${row.label}：${t(row.what)}`).join(' · ');
}

/** The action of a key in the speaker window, or null to leave the key to the browser. */
export function speakerKeyAction({ key, shiftKey, modifier, onButton, inNotes }: SpeakerKey): SpeakerKeyAction | null {
  if (modifier) return null;
  if (key === ' ') return onButton ? null : shiftKey ? 'prev' : 'next';
  if (inNotes && (key === 'ArrowDown' || key === 'ArrowUp')) return null;
  return SPEAKER_KEYS.find((row) => row.keys.includes(key))?.action ?? null;
}
