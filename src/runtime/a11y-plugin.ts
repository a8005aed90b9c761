import type { RevealApi, RevealPlugin } from 'reveal.js';
import { slideById } from './deck-data.ts';
import { t } from '../common/i18n.ts';

/**
 * Screen-reader support reveal.js lacks: the deck is a document, not an application (reveal's
 * `role="application"` stops browse mode), and a polite live region announces each new slide's
 * title and position instead of reveal's own region, which reads out the whole slide.
 */
export function a11yPlugin(): RevealPlugin {
  let deck: RevealApi | null = null;
  let live: HTMLElement | null = null;

  const announce = (): void => {
    const slide = deck?.getCurrentSlide();
    if (!deck || !slide || !live) return;
    const data = slideById(slide.id);
    const part = data ? (slide.dataset.partLabel ?? '') : '';
    live.textContent = t('slideAnnounce', {
      n: deck.getSlidePastCount() + 1,
      total: deck.getTotalSlides(),
      title: data?.title ?? slide.dataset.title ?? '',
      part,
    });
  };

  const onReady = (): void => {
    const root = deck?.getRevealElement();
    if (!root) return;
    // reveal's role=application would swallow screen-reader keys: the deck is the page's main
    // landmark instead (axe `region`), which also makes its aria-label valid markup (vnu).
    root.setAttribute('role', 'main');
    root.querySelector('.aria-status')?.setAttribute('aria-live', 'off');
    live = document.createElement('div');
    live.className = 'sr-only deck-announcer';
    live.setAttribute('aria-live', 'polite');
    live.setAttribute('aria-atomic', 'true');
    document.body.appendChild(live);
    announce();
  };

  return {
    id: 'a11y',
    init(reveal) {
      deck = reveal;
      reveal.on('ready', onReady);
      reveal.on('slidechanged', announce);
    },
    destroy() {
      deck?.off('ready', onReady);
      deck?.off('slidechanged', announce);
      live?.remove();
      live = null;
      deck = null;
    },
  };
}
