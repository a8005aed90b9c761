import type { RevealApi, RevealPlugin } from 'reveal.js';
import { t } from '../common/i18n.ts';

/** The marker `npm run pdf -- --into-dist` adds to dist/index.html when the handout sits beside it. */
export const HANDOUT_LINK_SELECTOR = 'link[rel="alternate"][type="application/pdf"][data-handout]';

/**
 * Shows a "下载讲义" link in the deck when dist/index.html carries the handout marker
 * (`<link rel="alternate" type="application/pdf" href="./handout.pdf" data-handout>`). Reads only
 * the page: without the marker nothing is shown and nothing is requested. Not in the print view.
 */
export function handoutLinkPlugin(): RevealPlugin {
  let link: HTMLAnchorElement | null = null;
  return {
    id: 'handout-link',
    init(reveal: RevealApi) {
      const marker = document.querySelector<HTMLLinkElement>(HANDOUT_LINK_SELECTOR);
      const href = marker?.getAttribute('href');
      if (!href || reveal.getConfig().view === 'print') return;
      link = document.createElement('a');
      link.className = 'handout-link';
      link.href = href;
      link.download = '';
      link.textContent = t('handoutDownload');
      link.title = t('handoutDownloadTitle');
      document.body.appendChild(link);
    },
    destroy() {
      link?.remove();
      link = null;
    },
  };
}
