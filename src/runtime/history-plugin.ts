import type { RevealPlugin } from 'reveal.js';
import { isPrintView } from '../common/print.ts';
import { allSlides } from './deck-data.ts';
import { cancelRevealAddressWrite, hashSlideId, isSequentialStep, pushAddress, replaceAddress } from './history.ts';
import { isReading } from './study/contract.ts';

/** What reveal's `slidechanged` event carries that this plugin reads. */
interface SlideChangedEvent {
  previousSlide?: HTMLElement | null;
  currentSlide?: HTMLElement | null;
}

/**
 * Back and Forward in the slide view (src/runtime/history.ts): every jump — a link between slides,
 * the structure map, the part indicator, a search result, G, Home/End, a part switch — pushes an
 * entry; next/previous steps replace the current entry's address. Back and Forward change the
 * address, and reveal follows address changes (`respondToHashChanges`). The address is written at
 * once after every move, and reveal's own write — deferred by up to a second — is cancelled: a
 * Back pressed within that second would otherwise have it land on the entry Back returned to. In the reading
 * view reveal's current slide is not the one being read, so any slide change the address does not
 * already name (a link between slides) is a jump; its other jumps it records itself
 * (reading-view.ts).
 */
export function historyPlugin(): RevealPlugin {
  const order = new Map(allSlides.map((s, i) => [s.id, i]));
  let off: (() => void) | null = null;
  return {
    id: 'history',
    init(reveal) {
      if (isPrintView(window.location.search)) return;
      const onSlideChanged = (event: Event): void => {
        const { previousSlide, currentSlide } = event as unknown as SlideChangedEvent;
        const to = currentSlide?.id;
        // The address already names the slide: Back, Forward or an address typed or opened.
        if (!to || hashSlideId(window.location.hash) === to) return;
        const from = order.get(previousSlide?.id ?? '') ?? -1;
        if (!isReading() && isSequentialStep(from, order.get(to) ?? -1)) return;
        // The fragment too, as reveal writes it: a reload straight after a jump to a step
        // (slide(h, v, f), digits+Enter) comes back to that step, not to the slide's start.
        const { f } = reveal.getIndices();
        const step = typeof f === 'number' && f >= 0 && !isReading() ? `/${f}` : '';
        pushAddress(`#/${encodeURIComponent(to)}${step}`);
      };
      /** After reveal has finished a move (it writes the address last, deferred): write it now. */
      const settle = (): void =>
        queueMicrotask(() => {
          if (isReading()) return;
          cancelRevealAddressWrite(reveal);
          replaceAddress(`#${reveal.getSlidePath()}`);
        });
      const moves = ['slidechanged', 'fragmentshown', 'fragmenthidden'] as const;
      reveal.on('slidechanged', onSlideChanged);
      for (const type of moves) reveal.on(type, settle);
      off = () => {
        reveal.off('slidechanged', onSlideChanged);
        for (const type of moves) reveal.off(type, settle);
      };
    },
    destroy() {
      off?.();
      off = null;
    },
  };
}
