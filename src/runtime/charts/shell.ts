import type { RevealApi, RevealPlugin } from 'reveal.js';
import '../../../assets/styles/charts.css';
import { isPrintView } from '../../common/print.ts';
import { loadFeature } from '../lazy.ts';

/** How long the deck may stay idle before the charts load anyway (ms). */
const IDLE_TIMEOUT_MS = 1500;

const hasChart = (el: Element | null | undefined): boolean => !!el?.querySelector('figure[data-chart]');

/**
 * The charts plugin as the deck script carries it: a stand-in that loads the charts script
 * (src/runtime/charts/entry.ts: d3, the chart kinds, the data) and hands the deck to the real
 * plugin (plugin.ts). It loads at once for print and when the slide shown has a chart, else when
 * the started deck is first idle, so the first slide never waits for chart code.
 */
export function chartsPlugin(): RevealPlugin {
  let real: RevealPlugin | null = null;
  let destroyed = false;
  let started = false;
  let deck: RevealApi | null = null;

  const start = (): void => {
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
  const onReady = (): void => {
    if (hasChart(deck?.getCurrentSlide())) return start();
    if ('requestIdleCallback' in window) window.requestIdleCallback(start, { timeout: IDLE_TIMEOUT_MS });
    else setTimeout(start, 200);
  };
  const onChange = (): void => {
    if (hasChart(deck?.getCurrentSlide())) start();
  };

  return {
    id: 'charts',
    init(reveal) {
      deck = reveal;
      if (!hasChart(reveal.getRevealElement())) return;
      if (isPrintView(window.location.search)) return start();
      reveal.on('ready', onReady);
      reveal.on('slidechanged', onChange);
    },
    destroy() {
      destroyed = true;
      deck?.off?.('ready', onReady);
      deck?.off?.('slidechanged', onChange);
      real?.destroy?.();
      deck = null;
    },
  };
}
