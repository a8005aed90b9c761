import { t, type UiKey } from '../common/i18n.ts';

/**
 * A modal `<dialog class="deck-dialog …">` named by its `<h2>` heading, the shape every overlay
 * of the deck shares (help, search, structure map). The caller appends the heading and its body.
 */
export function deckDialog(
  kind: string,
  titleId: string,
  title: UiKey,
): { dialog: HTMLDialogElement; heading: HTMLElement } {
  const dialog = document.createElement('dialog');
  dialog.className = `deck-dialog ${kind}`;
  dialog.setAttribute('aria-labelledby', titleId);
  const heading = document.createElement('h2');
  heading.id = titleId;
  heading.textContent = t(title);
  // Esc closes here, not by the browser's cancel, so focus leaves the dialog in the same task; the
  // key goes no further (reveal would open its overview).
  dialog.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || event.isComposing || event.defaultPrevented || !dialog.open) return;
    event.preventDefault();
    event.stopPropagation();
    closeDeckDialog(dialog);
  });
  // Closed by other code (the clicker closes every dialog): focus still goes back.
  dialog.addEventListener('close', () => moveFocusOut(dialog, true));
  return { dialog, heading };
}

/** Where focus goes when a deck dialog closes: where it was at the opening, else (gone) `fallback`. */
const returnTo = new WeakMap<HTMLDialogElement, { opener: Element | null; fallback: HTMLElement | null }>();

/**
 * Opens a deck dialog (modal), remembering where focus was for `closeDeckDialog`; `fallback`
 * takes focus back when that element has gone meanwhile.
 */
export function showDeckDialog(dialog: HTMLDialogElement, fallback: HTMLElement | null = null): void {
  if (dialog.open) return;
  returnTo.set(dialog, { opener: document.activeElement, fallback });
  dialog.showModal();
}

/**
 * Closes a deck dialog and moves focus out of it in the same task: back where it was when the
 * dialog opened (`restore`), or off the hidden node. The browser leaves focus on the dialog's
 * field or button until its next focus fix-up, and a key pressed meanwhile (`R`, `S`, an arrow
 * right after Esc) would go to that hidden node and be lost to the deck.
 */
export function closeDeckDialog(dialog: HTMLDialogElement, restore = true): void {
  if (!dialog.open) return;
  dialog.close();
  moveFocusOut(dialog, restore);
}

function moveFocusOut(dialog: HTMLDialogElement, restore: boolean): void {
  const back = returnTo.get(dialog);
  returnTo.delete(dialog);
  // Opened from the page itself (a key, or a mouse click, which leaves no focus on a button):
  // focus goes back to nothing, so Space and the arrows keep moving the deck.
  const opener = back?.opener;
  const target = !opener || opener === document.body ? null : usable(opener) ? opener : back?.fallback;
  if (restore && target instanceof HTMLElement && usable(target)) {
    target.focus({ preventScroll: true });
    // A node that cannot take focus (hidden meanwhile) leaves it where it was: blur below.
    if (document.activeElement === target) return;
  }
  // The focused node may be an SVG element (the structure map): both kinds can blur.
  const inside = document.activeElement;
  if ((inside instanceof HTMLElement || inside instanceof SVGElement) && dialog.contains(inside)) inside.blur();
}

/**
 * Whether focus can go back to `el`: still in the page and not inside a closed dialog. The
 * opener of one dialog can be a control of another that closed meanwhile (PageDown closes one
 * overlay, a key opens the next before the first one's close event has run).
 */
function usable(el: Element): boolean {
  return el.isConnected && !el.closest('dialog:not([open])');
}

/** The visible close button of a deck dialog. */
export function dialogCloseButton(label: UiKey, onClick: () => void): HTMLButtonElement {
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'dialog-close';
  close.textContent = t(label);
  close.addEventListener('click', onClick);
  return close;
}
