/** Modal UI: a native `<dialog open>`, or any element marked `data-deck-modal` that is not hidden. */
const MODAL = 'dialog[open], [data-deck-modal]:not([hidden])';

/**
 * Whether a key press is the page's to act on: not while a dialog or other modal UI is open (its
 * Esc, arrows and letters belong to it), not while typing in a field. `modifiers` says which
 * modifier keys the caller accepts: `any` (reveal.js reads its own), `none` (Alt, Ctrl or Meta held
 * means a browser shortcut), or `ctrl` (Ctrl/⌘ is part of the shortcut, e.g. Ctrl+K; Alt is not).
 */
export function ownsKey(event: KeyboardEvent, modifiers: 'any' | 'none' | 'ctrl' = 'any'): boolean {
  if (modifiers !== 'any' && (event.altKey || (modifiers === 'none' && (event.ctrlKey || event.metaKey)))) return false;
  const target = event.target as HTMLElement | null;
  if ((target?.ownerDocument ?? document).querySelector(MODAL)) return false;
  return !(target?.isContentEditable || target?.closest?.('input, textarea, select'));
}
