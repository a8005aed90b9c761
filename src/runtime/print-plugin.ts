import type { RevealApi, RevealPlugin } from 'reveal.js';
import { PRINT_DATA_ID, PRINT_READY_ATTR, toPrintData, type PrintData } from '../markdown/views.ts';
import { deckData } from './deck-data.ts';
import { partHeadingText } from '../common/part-heading.ts';

const HEADINGS = 'h1, h2, h3, h4, h5, h6';

/**
 * Gives reveal's print view (`?print-pdf`) the structure a tagged PDF needs: Chromium builds the
 * PDF outline from the headings in the accessibility tree, so each part gets an (invisible)
 * level-1 heading on its first page, each slide's title becomes level 2, other headings level 3,
 * and reveal's `aria-hidden` on slides is removed (hidden slides would leave the outline empty).
 * Fragment-step copies (`pdfSeparateFragments`) carry no headings, so each slide is one bookmark.
 * Then it marks `<html data-print-layout="ready">`.
 */
export function printPlugin(): RevealPlugin {
  let deck: RevealApi | null = null;

  const structure = (): void => {
    const root = deck?.getRevealElement();
    if (!root || document.documentElement.dataset[PRINT_READY_ATTR] === 'ready') return;
    const parts = new Map(deckData.parts.map((p) => [p.id, p]));
    const seenSlides = new Set<string>();
    let previousPart = '';
    root.querySelectorAll<HTMLElement>('section[aria-hidden]').forEach((s) => s.removeAttribute('aria-hidden'));
    root.querySelectorAll<HTMLElement>('.pdf-page').forEach((page) => {
      page.removeAttribute('aria-hidden');
      const slide = page.querySelector<HTMLElement>('section[data-part]');
      if (!slide) return;
      const headings = [...slide.querySelectorAll<HTMLElement>(HEADINGS)].filter((h) => !h.closest('aside.notes'));
      if (seenSlides.has(slide.id)) {
        page.dataset.fragmentCopy = '';
        headings.forEach((h) => h.setAttribute('role', 'presentation'));
        return;
      }
      seenSlides.add(slide.id);
      const partId = slide.dataset.part ?? '';
      const part = parts.get(partId);
      if (part && partId !== previousPart) {
        const h1 = document.createElement('h1');
        h1.className = 'print-part-heading';
        h1.textContent = partHeadingText(part);
        page.prepend(h1);
      }
      previousPart = partId;
      const [title, ...rest] = headings;
      if (title) {
        title.setAttribute('aria-level', '2');
      } else {
        const h2 = document.createElement('h2');
        h2.className = 'print-slide-heading';
        h2.textContent = slide.dataset.title ?? '';
        slide.prepend(h2);
      }
      rest.forEach((h) => h.setAttribute('aria-level', '3'));
    });
    const data: PrintData = toPrintData(deckData);
    const json = document.createElement('script');
    json.type = 'application/json';
    json.id = PRINT_DATA_ID;
    json.textContent = JSON.stringify(data);
    document.body.appendChild(json);
    document.documentElement.dataset[PRINT_READY_ATTR] = 'ready';
  };

  return {
    id: 'print-structure',
    init(reveal) {
      if (reveal.getConfig().view !== 'print') return;
      deck = reveal;
      reveal.on('pdf-ready', structure);
      // In case the layout was finished before this plugin was asked.
      if (reveal.getRevealElement()?.querySelector('.pdf-page')) structure();
    },
    destroy() {
      deck?.off('pdf-ready', structure);
      deck = null;
    },
  };
}
