import type { RevealApi, RevealPlugin } from 'reveal.js';
import { t } from '../common/i18n.ts';

/**
 * Gives reveal.js's own controls Chinese names (navigation buttons, the pause overlay's button,
 * the jump-to-slide field) and valid markup.
 */
export function localisePlugin(): RevealPlugin {
  let deck: RevealApi | null = null;
  let watcher: MutationObserver | null = null;
  const apply = (): void => {
    const root = deck?.getRevealElement();
    if (!root) return;
    const label = (selector: string, text: string): void => {
      root.querySelectorAll(selector).forEach((el) => el.setAttribute('aria-label', text));
    };
    label('.controls .navigate-left', t('prevSlide'));
    label('.controls .navigate-right', t('nextSlide'));
    label('.controls .navigate-up', t('upSlide'));
    label('.controls .navigate-down', t('downSlide'));
    validControls(root);
    const resume = root.querySelector<HTMLButtonElement>('.pause-overlay .resume-button');
    if (resume) resume.textContent = t('resume');
    const jump = root.querySelector<HTMLInputElement>('.jump-to-slide-input');
    if (jump) {
      jump.placeholder = t('jumpToSlide');
      jump.setAttribute('aria-label', t('jumpToSlide'));
    }
  };
  return {
    id: 'localise',
    init(reveal) {
      deck = reveal;
      reveal.on('ready', apply);
      // reveal creates the jump field on the first G, with an English placeholder, and says
      // nothing when it does: name it as it is added to the deck.
      const root = reveal.getRevealElement();
      if (root && typeof MutationObserver === 'function') {
        watcher = new MutationObserver((records) => {
          const added = records.some((r) =>
            [...r.addedNodes].some((n) => n instanceof HTMLElement && n.classList.contains('jump-to-slide')),
          );
          if (added) apply();
        });
        watcher.observe(root, { childList: true });
      }
    },
    destroy() {
      watcher?.disconnect();
      watcher = null;
      deck = null;
    },
  };
}

/**
 * reveal draws each control arrow as a <div> inside its <button>, which HTML does not allow (vnu):
 * a <span> with the same class looks the same (theme.css makes it a block). Used by the deck and
 * by the speaker view's previews.
 */
export function validControls(root: ParentNode): void {
  root.querySelectorAll('.controls button > div.controls-arrow').forEach((div) => {
    const span = document.createElement('span');
    span.className = div.className;
    span.append(...div.childNodes);
    div.replaceWith(span);
  });
}
