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

/**
 * Where a roving focus moves among `count` items for a key (APG toolbar and menu patterns): the
 * next or previous item, wrapping, for the `axis`'s arrows, and the first or last for Home and End.
 * @returns the index to focus, or `null` when the key is not one of these (or nothing has focus)
 */
export function rovingIndex(key: string, at: number, count: number, axis: 'horizontal' | 'vertical'): number | null {
  if (at < 0 || count === 0) return null;
  const [back, forward] = axis === 'horizontal' ? ['ArrowLeft', 'ArrowRight'] : ['ArrowUp', 'ArrowDown'];
  if (key === forward) return (at + 1) % count;
  if (key === back) return (at - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
}
