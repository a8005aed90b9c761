import type { RevealApi, RevealPlugin } from 'reveal.js';
import '../../../assets/styles/charts.css';
import { isPrintView } from '../../common/print.ts';
import { loadFeature } from '../lazy.ts';
import { READING_EVENT, isReading } from '../study/contract.ts';

/** How long the deck may stay idle before the charts load anyway (ms). */
const IDLE_TIMEOUT_MS = 1500;

/**
 * In the reading view, how long after the deck is up the charts load anyway when none has come
 * near the reader (ms), then when the page is idle: a reader at the top of the speech is reading,
 * not waiting for chart code, and a phone's start is its busiest moment.
 */
const READING_LOAD_MS = 5000;

const hasChart = (el: Element | null | undefined): boolean => !!el?.querySelector('figure[data-chart]');

/**
 * The charts plugin as the deck script carries it: a stand-in that loads the charts script
 * (src/runtime/charts/entry.ts: d3, the chart kinds, the data) and hands the deck to the real
 * plugin (plugin.ts). It loads at once for print and when the slide shown has a chart, else when
 * the started deck is first idle, so the first slide never waits for chart code; in the reading
 * view, when a chart comes within a screen of the reader (or READING_LOAD_MS later, when idle).
 */
export function chartsPlugin(): RevealPlugin {
  let real: RevealPlugin | null = null;
  let destroyed = false;
  let started = false;
  let deck: RevealApi | null = null;

  const start = (): void => {
    near?.disconnect();
    near = null;
    window.clearTimeout(later);
    if (started || !deck) return;
    started = true;
    const reveal = deck;
    loadFeature('charts')
      .then(({ chartsPlugin: plugin }) => {
        if (destroyed) return;
        real = plugin();
        void real.init?.(reveal);
      })
      // Without the script (a copy missing a file) the figures keep their text and data table link.
      .catch(() => undefined);
  };
  const whenIdle = (): void => {
    if ('requestIdleCallback' in window) window.requestIdleCallback(start, { timeout: IDLE_TIMEOUT_MS });
    else setTimeout(start, 200);
  };
  let near: IntersectionObserver | null = null;
  let later = 0;
  /** The reading view: the charts load when one comes within a screen of the reader, or later. */
  const whenNear = (): void => {
    near = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) start();
      },
      { rootMargin: '100% 0px' },
    );
    for (const figure of deck?.getRevealElement()?.querySelectorAll('figure[data-chart]') ?? []) near.observe(figure);
    later = window.setTimeout(whenIdle, READING_LOAD_MS);
  };
  // Once every 'ready' handler has run: the reading view's opens that view.
  const onReady = (): void =>
    queueMicrotask(() => {
      if (isReading()) return whenNear();
      if (hasChart(deck?.getCurrentSlide())) return start();
      whenIdle();
    });
  /** Leaving the reading view for the slides: the charts load as on the slides. */
  const onReading = (): void => {
    if (!isReading()) onChange();
  };
  const onChange = (): void => {
    if (isReading()) return;
    if (hasChart(deck?.getCurrentSlide())) start();
    else if (near) whenIdle();
  };

  return {
    id: 'charts',
    init(reveal) {
      deck = reveal;
      if (!hasChart(reveal.getRevealElement())) return;
      if (isPrintView(window.location.search)) return start();
      reveal.on('ready', onReady);
      reveal.on('slidechanged', onChange);
      document.addEventListener(READING_EVENT, onReading);
    },
    destroy() {
      destroyed = true;
      near?.disconnect();
      window.clearTimeout(later);
      document.removeEventListener(READING_EVENT, onReading);
      deck?.off?.('ready', onReady);
      deck?.off?.('slidechanged', onChange);
      real?.destroy?.();
      deck = null;
    },
  };
}
