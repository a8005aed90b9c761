import type { RevealApi, RevealPlugin } from 'reveal.js';
import { closeDeckDialog, deckDialog, dialogCloseButton, showDeckDialog } from './dialog.ts';
import { t } from '../common/i18n.ts';
import { DECK_KEYS, rowKeys } from './keymap.ts';

/**
 * A Chinese keyboard-help dialog on `?` (reveal's own is English), listing every key of the deck
 * window from the one key table (`keymap.ts`). A native `<dialog>`: Esc
 * closes it and focus returns to where it was.
 */
export function helpPlugin(): RevealPlugin {
  let dialog: HTMLDialogElement | null = null;
  let deck: RevealApi | null = null;

  const build = (): HTMLDialogElement => {
    const { dialog: d, heading: title } = deckDialog('help-dialog', 'help-title', 'helpTitle');
    const table = document.createElement('table');
    for (const keys of DECK_KEYS) {
      const row = table.insertRow();
      row.dataset.action = keys.action;
      const k = document.createElement('th');
      k.scope = 'row';
      k.textContent = rowKeys(keys);
      row.appendChild(k);
      row.insertCell().textContent = t(keys.label);
    }
    const close = dialogCloseButton('helpClose', () => closeDeckDialog(d));
    d.append(title, table, close);
    document.body.appendChild(d);
    return d;
  };

  const toggle = (): void => {
    dialog ??= build();
    if (dialog.open) closeDeckDialog(dialog);
    else showDeckDialog(dialog, deck?.getRevealElement() ?? null);
  };

  return {
    id: 'help',
    init(reveal) {
      deck = reveal;
      reveal.addKeyBinding({ keyCode: 191, key: '?', description: t('keyHelp') }, (event?: KeyboardEvent) => {
        if (!event || event.shiftKey || event.key === '?') toggle();
      });
    },
    destroy() {
      dialog?.remove();
      dialog = null;
      deck = null;
    },
  };
}
