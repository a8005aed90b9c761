import type { RevealApi, RevealPlugin } from 'reveal.js';
import { deckDialog, dialogCloseButton } from './dialog.ts';
import { t, type UiKey } from '../common/i18n.ts';

/** The keys shown in the help overlay, in the order a presenter needs them. */
export const HELP_KEYS: readonly (readonly [string, UiKey])[] = [
  ['→ / 空格 / PageDown', 'keyNext'],
  ['← / Shift+空格 / PageUp', 'keyPrev'],
  ['↑ / ↓', 'keyUpDown'],
  ['Home / End', 'keyFirstLast'],
  ['O / Esc', 'keyOverview'],
  ['B / .', 'keyBlack'],
  ['F', 'keyFullscreen'],
  ['S', 'keySpeaker'],
  ['G', 'keyJump'],
  ['M', 'keyStructure'],
  ['R', 'keyReading'],
  ['/ 或 Ctrl+K', 'keySearch'],
  ['?', 'keyHelp'],
];

/**
 * A Chinese keyboard-help dialog on `?` (reveal's own is English). A native `<dialog>`: Esc
 * closes it and focus returns to where it was.
 */
export function helpPlugin(): RevealPlugin {
  let dialog: HTMLDialogElement | null = null;
  let deck: RevealApi | null = null;

  const build = (): HTMLDialogElement => {
    const { dialog: d, heading: title } = deckDialog('help-dialog', 'help-title', 'helpTitle');
    const table = document.createElement('table');
    for (const [keys, label] of HELP_KEYS) {
      const row = table.insertRow();
      const k = document.createElement('th');
      k.scope = 'row';
      k.textContent = keys;
      row.appendChild(k);
      row.insertCell().textContent = t(label);
    }
    const close = dialogCloseButton('helpClose', () => d.close());
    d.append(title, table, close);
    d.addEventListener('close', () => deck?.getRevealElement()?.focus?.());
    document.body.appendChild(d);
    return d;
  };

  const toggle = (): void => {
    dialog ??= build();
    if (dialog.open) dialog.close();
    else dialog.showModal();
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
