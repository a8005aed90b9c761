import type { RevealPlugin } from 'reveal.js';
import { t } from '../common/i18n.ts';
import { isPrintView } from '../common/print.ts';
import { allSlides } from './deck-data.ts';
import { cancelRevealAddressWrite, hashSlideId, isSequentialStep, pushAddress, replaceAddress } from './history.ts';
import { say } from './status.ts';
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
  // The address the page was opened at, before reveal moves to its first slide and writes that.
  const opened = window.location.hash;
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
      reveal.on('ready', () => unknownAddressNotice(opened, order));
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

/** How long the notice of an unknown address stays up. */
const NOTICE_MS = 8000;

/**
 * A shared link naming a slide this deck does not have (renamed, or mistyped) opens at the start,
 * and says so once, politely: otherwise the reader is left wondering where the linked place went.
 * reveal's own numeric addresses (`#/3`) are not slide ids and are left to reveal.
 */
export function unknownAddressNotice(hash: string, known: ReadonlyMap<string, number>): HTMLElement | null {
  const asked = hashSlideId(hash);
  if (!asked || /^\d+$/u.test(asked) || known.has(asked)) return null;
  const notice = document.createElement('p');
  notice.className = 'deck-ui deck-notice';
  notice.setAttribute('role', 'status');
  document.body.append(notice);
  const shown = asked.length > 40 ? `${asked.slice(0, 40)}…` : asked;
  say(notice, t('addressUnknown', { id: shown }), NOTICE_MS);
  return notice;
}
