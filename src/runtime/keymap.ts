import { t, type UiKey } from '../common/i18n.ts';

/**
 * What a key does in the deck window. The presenter's own keys (navigation, blank screens, slide
 * numbers, presenting mode, full screen) are run by `presenter-plugin.ts`; the rest by the plugin
 * that owns the feature (reveal's overview and jump field, the speaker view, the structure map,
 * the reading view, search, help).
 */
export type DeckAction =
  | 'next'
  | 'prev'
  | 'partNext'
  | 'partPrev'
  | 'first'
  | 'last'
  | 'goNumber'
  | 'jump'
  | 'black'
  | 'white'
  | 'overview'
  | 'fullscreen'
  | 'presenting'
  | 'speaker'
  | 'structure'
  | 'reading'
  | 'search'
  | 'help';

/** One key press: `event.key` (letters in lower case), and the modifier it needs. */
export interface Chord {
  key: string;
  shift?: boolean;
  ctrl?: boolean;
}

/** One row of the key table: the help dialog, the user guide and the tests all read these. */
export interface KeyRow {
  action: DeckAction;
  chords: readonly Chord[];
  /** What the row does, as the help and the guide say it. */
  label: UiKey;
  /** Keys written out when they are not single presses (digits, then Enter). */
  keysLabel?: UiKey;
}

/** Every key of the deck window, in the order a presenter needs them. */
export const DECK_KEYS: readonly KeyRow[] = [
  {
    action: 'next',
    chords: [
      { key: 'ArrowRight' },
      { key: 'ArrowDown' },
      { key: ' ' },
      { key: 'PageDown' },
      { key: 'n' },
      { key: 'Enter' },
    ],
    label: 'keyNext',
  },
  {
    action: 'prev',
    chords: [{ key: 'ArrowLeft' }, { key: 'ArrowUp' }, { key: ' ', shift: true }, { key: 'PageUp' }, { key: 'p' }],
    label: 'keyPrev',
  },
  { action: 'partNext', chords: [{ key: 'ArrowRight', shift: true }], label: 'keyPartNext' },
  { action: 'partPrev', chords: [{ key: 'ArrowLeft', shift: true }], label: 'keyPartPrev' },
  { action: 'first', chords: [{ key: 'Home' }], label: 'keyFirst' },
  { action: 'last', chords: [{ key: 'End' }], label: 'keyLast' },
  { action: 'goNumber', chords: [], label: 'keyGoNumber', keysLabel: 'keyDigitsEnter' },
  { action: 'jump', chords: [{ key: 'g' }], label: 'keyJump' },
  { action: 'black', chords: [{ key: 'b' }, { key: '.' }], label: 'keyBlack' },
  { action: 'white', chords: [{ key: 'w' }, { key: ',' }], label: 'keyWhite' },
  { action: 'overview', chords: [{ key: 'o' }, { key: 'Escape' }], label: 'keyOverview' },
  { action: 'fullscreen', chords: [{ key: 'f' }], label: 'keyFullscreen' },
  { action: 'presenting', chords: [{ key: 'h' }], label: 'keyPresenting' },
  { action: 'speaker', chords: [{ key: 's' }], label: 'keySpeaker' },
  { action: 'structure', chords: [{ key: 'm' }], label: 'keyStructure' },
  { action: 'reading', chords: [{ key: 'r' }], label: 'keyReading' },
  { action: 'search', chords: [{ key: '/' }, { key: 'k', ctrl: true }], label: 'keySearch' },
  { action: 'help', chords: [{ key: '?', shift: true }], label: 'keyHelp' },
];

const KEY_NAMES: Record<string, string> = {
  ArrowRight: '→',
  ArrowLeft: '←',
  ArrowUp: '↑',
  ArrowDown: '↓',
  ' ': '空格',
  Enter: '回车',
  Escape: 'Esc',
};

/** A chord as the help writes it: `Shift+→`, `空格`, `Ctrl+K`, `B`. */
export function chordLabel(chord: Chord): string {
  const name = KEY_NAMES[chord.key] ?? (chord.key.length === 1 ? chord.key.toUpperCase() : chord.key);
  // `?` is typed with Shift: the key itself says so.
  const shift = chord.shift && chord.key !== '?' ? 'Shift+' : '';
  return `${chord.ctrl ? 'Ctrl+' : ''}${shift}${name}`;
}

/** The keys of a row as the help and the guide write them (`→、↓、空格…`). */
export function rowKeys(row: KeyRow): string {
  return row.keysLabel ? t(row.keysLabel) : row.chords.map(chordLabel).join('、');
}

/** The key press as the deck sees it. */
export interface KeyPress {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/** Whether a key press is this chord (letters in either case; ⌘ counts as Ctrl). */
export function matches(chord: Chord, press: KeyPress): boolean {
  if (press.altKey) return false;
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  if (key !== chord.key) return false;
  if (Boolean(chord.ctrl) !== (press.ctrlKey || press.metaKey)) return false;
  // Shift changes what a printable key types (`?` is Shift+/): only named keys check it.
  return chord.key.length === 1 && chord.key !== ' ' ? true : Boolean(chord.shift) === press.shiftKey;
}

/** The action of a key press in the deck window, or null. */
export function deckAction(press: KeyPress): DeckAction | null {
  for (const row of DECK_KEYS) if (row.chords.some((c) => matches(c, press))) return row.action;
  return null;
}

/** A clicker's two buttons: the keys that still work with an overlay open (they close it). */
export function isClickerKey(press: KeyPress): 'next' | 'prev' | null {
  if (press.altKey || press.ctrlKey || press.metaKey) return null;
  if (press.key === 'PageDown') return 'next';
  if (press.key === 'PageUp') return 'prev';
  return null;
}
