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
  return { dialog, heading };
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
