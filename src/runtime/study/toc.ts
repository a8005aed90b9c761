import { mountStructureMap, type StructureMap } from '../../structure/mount.ts';
import { buildOutline } from '../../structure/outline.ts';
import type { RuntimeDeck } from '../../markdown/views.ts';

/** The reading view's table of contents. */
export interface Toc {
  readonly element: HTMLElement;
  /** Marks the slide the reader is at ("you are here") and keeps it in view in the box. */
  setCurrent(slideId: string | null): void;
  destroy(): void;
}

/**
 * The table of contents is the speech's structure diagram (src/structure), drawn as an
 * indented tree in the side or top panel: it follows the reader ("you are here", the current
 * subsection opened) and activating a node calls `onNavigate(slideId)`.
 */
export function mountToc(container: HTMLElement, deck: RuntimeDeck, onNavigate: (slideId: string) => void): Toc {
  const map: StructureMap = mountStructureMap(container, buildOutline(deck), {
    mode: 'list',
    levels: 'slides',
    onNavigate: (target) => onNavigate(target.slideId),
  });
  let current: string | null = null;
  return {
    element: map.element,
    setCurrent(slideId) {
      if (slideId === current) return;
      current = slideId;
      map.setCurrent(slideId);
      const here = map.element.querySelector('[aria-current="location"]');
      if (!here || container.clientHeight === 0) return;
      // Keep "you are here" visible inside the scrolling panel without moving the page.
      const box = container.getBoundingClientRect();
      const r = here.getBoundingClientRect();
      if (r.top < box.top || r.bottom > box.bottom) container.scrollTop += r.top - box.top - box.height / 3;
    },
    destroy: () => map.destroy(),
  };
}
