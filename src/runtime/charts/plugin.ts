import type { RevealApi, RevealPlugin } from 'reveal.js';
import { chartData } from 'virtual:deck';
import { animateIn } from '../../charts/animate.ts';
import { SIZE, chartWidth, narrowNotes, printWidth } from '../../charts/draw.ts';
import { kindNamed } from '../../charts/registry.ts';
import { isPrintView, PRINT_SCALE_EVENT, type PrintScaleDetail } from '../../common/print.ts';
import { PRESENTING_EVENT } from '../presenting.ts';
import { buildFigure, type MountedChart } from './figure.ts';
import { fitChart, unfit } from './fit.ts';
import { wirePoints } from './points.ts';

/** Whether charts must appear in their final state at once (print, PDF, reduced motion). */
function staticMode(): boolean {
  return isPrintView(window.location.search) || window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** How long after entering the reading view the charts not yet near the reader are drawn (ms). */
const READING_SETTLE_MS = 3000;

/**
 * Draws the deck's D3 charts: animated when a chart's slide becomes current (again on each
 * visit), final at once in print, in the overview and under `prefers-reduced-motion`. Each figure
 * gets a readout (hover, touch, keyboard), a "查看数据" table, a source line and a footnote, and
 * `data-chart-state="final"` once its final state is drawn.
 */
export function chartsPlugin(): RevealPlugin {
  // By figure, not id: a print with every fragment step (pdfSeparateFragments) copies a slide, and
  // each copy's figure is a chart of its own.
  const charts = new Map<Element, MountedChart>();
  let deck: RevealApi | null = null;
  const cleanups: (() => void)[] = [];

  /**
   * The logical width a chart is laid out at where it is now: on a slide, a slide's (reveal scales
   * the slide); in the reading view, its column's (draw.ts `chartWidth`), so it fits the column
   * with legible text instead of shrinking a slide-wide chart into it.
   */
  const widthFor = (chart: MountedChart): number => {
    if (document.documentElement.classList.contains('reading-view') && chart.figure.clientWidth > 0)
      return chartWidth(chart.figure.clientWidth);
    const print = printed.get(chart);
    return print ? printWidth(print.shown, print.scale) : SIZE.width;
  };
  /**
   * Charts drawn for print at their printed size (`PRINT_SCALE_EVENT`): the scale their slide prints
   * at and the width (px of the slide) each showed at its slide's own size.
   */
  const printed = new Map<MountedChart, { scale: number; shown: number }>();

  /**
   * Renders a chart's SVG (lazily: on its first showing, in the overview or in print), and again
   * when the width it is laid out at changes (entering or leaving the reading view, a turned phone).
   */
  const render = (chart: MountedChart): SVGSVGElement => {
    const width = widthFor(chart);
    if (chart.svg && chart.width === width) return chart.svg;
    chart.finish?.();
    chart.svg?.remove();
    // Drawn for print, a chart keeps its shape on the slide: its frame there is fixed.
    const keepAspect = printed.has(chart);
    const svg = chart.kind.render(chart.payload.data, chart.payload.options, { document, width, keepAspect });
    // Chromium puts an inline <svg> in the tab order; the first point is the chart's tab stop instead.
    svg.setAttribute('tabindex', '-1');
    chart.svg = svg;
    chart.width = width;
    chart.body.prepend(svg);
    showNotes(chart, narrowNotes(svg));
    chart.tooltip.hidden = true;
    wirePoints(chart);
    return svg;
  };

  /** Shows a chart: animated (each time its slide becomes current) or in its final state at once. */
  const draw = (chart: MountedChart, animate: boolean): void => {
    chart.finish?.();
    render(chart);
    fitChart(chart);
    const final = (): void => {
      chart.finish = null;
      chart.figure.dataset.chartState = 'final';
    };
    if (animate) {
      chart.figure.dataset.chartState = 'drawing';
      chart.finish = animateIn(chart.body, final);
    } else final();
  };

  const drawSlide = (slide: Element | undefined, animate: boolean): void => {
    if (!slide) return;
    slide.querySelectorAll<HTMLElement>('figure[data-chart]').forEach((f) => {
      const chart = charts.get(f);
      if (chart) draw(chart, animate);
    });
  };

  const finishAll = (): void => {
    for (const chart of charts.values()) {
      if (chart.finish) chart.finish();
      else if (chart.figure.dataset.chartState !== 'final') draw(chart, false);
    }
  };

  return {
    id: 'charts',
    init(reveal) {
      deck = reveal;
      const root = reveal.getRevealElement() ?? document;
      const payloads = chartData ?? {};
      /**
       * Mounts every figure in the deck not yet mounted. Print and PDF need every chart at once;
       * otherwise a chart is drawn when first shown. Started while reveal lays out its print view,
       * this finds no slides: reveal holds them outside the page until its 'pdf-ready', which
       * mounts again (onPdfReady).
       */
      const mount = (): void => {
        root.querySelectorAll<HTMLElement>('figure[data-chart]').forEach((figure) => {
          // A fragment step's copy of a slide drawn before reveal copied it is drawn already.
          if (charts.has(figure) || figure.querySelector(':scope > .chart-body')) return;
          const payload = payloads[figure.dataset.chart ?? ''];
          const kind = payload && kindNamed(payload.kind);
          if (!payload || !kind) return;
          const chart = buildFigure(figure, kind, payload);
          charts.set(figure, chart);
          if (isPrintView(window.location.search)) draw(chart, false);
        });
      };
      mount();
      const onChange = (): void => {
        // The reading view draws every chart final, in order (onReading): no draw-in animation there.
        if (!deck || deck.isOverview() || document.documentElement.classList.contains('reading-view')) return;
        drawSlide(deck.getCurrentSlide(), !staticMode());
      };
      const onOverview = (): void => finishAll();
      // Render the other charts ahead of time, one per task, so a slide change only animates.
      const prerender = (): void => {
        const next = [...charts.values()].find((c) => !c.svg);
        if (!next || !deck) return;
        render(next);
        setTimeout(prerender, 50);
      };
      const onReady = (): void => {
        setTimeout(prerender, 500);
        onChange();
      };
      reveal.on('ready', onReady);
      reveal.on('slidechanged', onChange);
      reveal.on('overviewshown', onOverview);
      window.addEventListener('beforeprint', onOverview);
      // reveal's print layout places the slides only now: size each chart to its page (and draw the
      // charts of slides that were out of the page while this plugin started).
      const onPdfReady = (): void => {
        mount();
        for (const chart of charts.values()) {
          unfit(chart);
          fitChart(chart);
        }
      };
      reveal.on('pdf-ready', onPdfReady);
      // The handout prints slides smaller than the slides' own PDF: each chart is drawn again for the
      // width it prints at (its text at print size, not a slide-sized chart shrunk), and back.
      const onPrintScale = (event: Event): void => {
        const detail = (event as CustomEvent<Partial<PrintScaleDetail> | null>).detail ?? {};
        const { scale } = detail;
        const list = [...charts.values()];
        // All measured before any is drawn again.
        const shown = list.map((c) => shownWidth(c));
        printed.clear();
        if (typeof scale === 'number' && scale > 0) {
          list.forEach((c, i) => {
            if (shown[i]) printed.set(c, { scale, shown: shown[i] });
          });
        }
        // Only the charts whose width changes are drawn again; the caller learns how many.
        let redrawn = 0;
        for (const chart of list) {
          if (!chart.svg || chart.width === widthFor(chart)) continue;
          unfit(chart);
          draw(chart, false);
          redrawn++;
        }
        detail.redrawn = redrawn;
      };
      document.addEventListener(PRINT_SCALE_EVENT, onPrintScale);
      // The reading view (src/runtime/study/contract.ts) re-flows the same slides into a document:
      // every chart is shown final at its natural size there, and re-fitted to its slide after.
      // Entering it, the charts are drawn one per task, so a phone's main thread is never held for
      // all of them at once: first those within a screen of the reader (as the reader scrolls, the
      // next ones), and the charts further down once the page has settled (READING_SETTLE_MS), so
      // a phone opening the page is not busy drawing charts far below while the reader starts to
      // read and scroll (total blocking time, src/bench: phone).
      let queued = 0;
      let settle = 0;
      let near: IntersectionObserver | null = null;
      const toReading = (chart: MountedChart): void => {
        if (chart.svg) {
          render(chart);
          unfit(chart);
          chart.svg.style.maxHeight = '';
        }
        if (chart.finish) chart.finish();
        else if (chart.figure.dataset.chartState !== 'final') draw(chart, false);
        fitChart(chart);
      };
      const stopReading = (): void => {
        window.clearTimeout(queued);
        window.clearTimeout(settle);
        queued = 0;
        near?.disconnect();
        near = null;
      };
      const onReading = (): void => {
        stopReading();
        if (document.documentElement.classList.contains('reading-view')) {
          const pending = new Set(charts.values());
          const byFigure = new Map([...charts.values()].map((c) => [c.figure as Element, c]));
          const queue: MountedChart[] = [];
          const step = (): void => {
            queued = 0;
            const chart = queue.shift();
            if (!chart) return;
            toReading(chart);
            queued = window.setTimeout(step, 0);
          };
          const want = (chart: MountedChart | undefined): void => {
            if (!chart || !pending.delete(chart)) return;
            queue.push(chart);
            if (!queued) queued = window.setTimeout(step, 0);
          };
          near = new IntersectionObserver(
            (entries) => {
              for (const e of entries) if (e.isIntersecting) want(byFigure.get(e.target));
            },
            { rootMargin: '100% 0px' },
          );
          for (const chart of charts.values()) near.observe(chart.figure);
          settle = window.setTimeout(() => {
            for (const chart of pending) want(chart);
          }, READING_SETTLE_MS);
          return;
        }
        for (const chart of charts.values()) {
          if (!chart.svg) continue;
          render(chart);
          unfit(chart);
          chart.svg.style.maxHeight = '';
        }
        finishAll();
        for (const chart of charts.values()) fitChart(chart);
      };
      document.addEventListener('deck:reading-view', onReading);
      // Presenting mode hides the toolbar of a chart without legend buttons: more room, fit again.
      const onPresenting = (): void => {
        for (const chart of charts.values()) unfit(chart);
        for (const chart of charts.values()) if (chart.svg) fitChart(chart);
      };
      document.addEventListener(PRESENTING_EVENT, onPresenting);
      // A turned phone or a resized window gives the reading column another width: lay out again.
      let resizing = 0;
      const onResize = (): void => {
        window.clearTimeout(resizing);
        resizing = window.setTimeout(() => {
          if (!document.documentElement.classList.contains('reading-view')) return;
          for (const chart of charts.values()) {
            if (chart.svg && chart.width !== widthFor(chart)) draw(chart, false);
          }
        }, 150);
      };
      window.addEventListener('resize', onResize);
      // Loaded after the deck started (shell.ts): catch up with what already happened.
      if (reveal.isReady()) {
        if (document.documentElement.classList.contains('reading-view')) onReading();
        else if (reveal.isOverview()) onOverview();
        else onReady();
      }
      cleanups.push(() => {
        stopReading();
        reveal.off?.('ready', onReady);
        window.removeEventListener('beforeprint', onOverview);
        window.removeEventListener('resize', onResize);
        reveal.off?.('pdf-ready', onPdfReady);
        document.removeEventListener(PRINT_SCALE_EVENT, onPrintScale);
        document.removeEventListener('deck:reading-view', onReading);
        document.removeEventListener(PRESENTING_EVENT, onPresenting);
        reveal.off?.('ready', onChange);
        reveal.off?.('slidechanged', onChange);
        reveal.off?.('overviewshown', onOverview);
      });
    },
    destroy() {
      for (const c of cleanups.splice(0)) c();
      for (const chart of charts.values()) chart.finish?.();
      charts.clear();
      deck = null;
    },
  };
}

/**
 * How wide a chart's drawing shows on its slide, in px of the slide: its box's width, or less where
 * its height is limited (`fitChart`) and the drawing keeps its aspect inside the box; 0 undrawn.
 */
function shownWidth(chart: MountedChart): number {
  const svg = chart.svg;
  if (!svg || svg.clientWidth === 0) return 0;
  const [, , w, h] = (svg.getAttribute('viewBox') ?? '').split(' ').map(Number);
  if (!w || !h) return svg.clientWidth;
  return Math.min(svg.clientWidth, (svg.clientHeight * w) / h);
}

/**
 * A narrow chart's annotations, listed under it as numbered notes (the numbers are on the chart,
 * draw.ts `narrowNotes`); nothing for a wide chart, whose annotations are in the plot.
 */
function showNotes(chart: MountedChart, notes: readonly string[]): void {
  let list = chart.figure.querySelector<HTMLOListElement>(':scope > ol.chart-notes');
  if (notes.length === 0) {
    list?.remove();
    return;
  }
  if (!list) {
    list = document.createElement('ol');
    list.className = 'chart-notes';
    chart.body.after(list);
  }
  list.replaceChildren(...notes.map((n) => Object.assign(document.createElement('li'), { textContent: n })));
}
