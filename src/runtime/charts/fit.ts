import type { MountedChart } from './figure.ts';

/** A chart never gets shorter than this (px of the slide), whatever shares its slide. */
export const MIN_CHART_HEIGHT = 240;

/** What decides a chart's height on its slide, in px of the slide. */
export interface SlideRoom {
  /** The slide's inner height and its bottom padding. */
  slideHeight: number;
  paddingBottom: number;
  /** From the slide's top to the figure's top. */
  figureTop: number;
  /** The figure's own toolbar and caption (everything but the chart body). */
  chrome: number;
  /** Content after the figure on the slide, with its margins. */
  after: number;
}

/**
 * The tallest the chart may be: the room left on its slide below the figure's top, its toolbar
 * and caption, and above the slide's other content; never less than `MIN_CHART_HEIGHT`.
 */
export function chartMaxHeight(m: SlideRoom): number {
  const room = m.slideHeight - m.paddingBottom - m.figureTop - m.chrome - m.after;
  return Math.max(MIN_CHART_HEIGHT, Math.floor(room));
}

/**
 * Limits a drawn chart's height to the room left on its slide, so a slide with text under the
 * chart does not overflow. Once per layout (`data-fitted`); never in the reading view, where the
 * chart takes its natural size.
 */
export function fitChart(chart: MountedChart): void {
  const { figure, svg } = chart;
  const section = figure.closest('section');
  if (!svg || !section || figure.offsetParent === null || svg.dataset.fitted) return;
  if (document.documentElement.classList.contains('reading-view')) return;
  svg.dataset.fitted = 'true';
  let after = 0;
  for (let el = figure.nextElementSibling; el; el = el.nextElementSibling) {
    // Not laid out (the notes, the reading view's notes heading): no room taken, whatever margins it has.
    if (el instanceof HTMLElement && !el.matches('aside.notes') && el.getClientRects().length > 0) {
      const cs = getComputedStyle(el);
      after += el.offsetHeight + (parseFloat(cs.marginTop) || 0) + (parseFloat(cs.marginBottom) || 0);
    }
  }
  let figureTop = 0;
  for (let el: HTMLElement | null = figure; el && el !== section; el = el.offsetParent as HTMLElement | null)
    figureTop += el.offsetTop;
  const height = chartMaxHeight({
    slideHeight: section.clientHeight,
    paddingBottom: parseFloat(getComputedStyle(section).paddingBottom) || 0,
    figureTop,
    chrome: figure.offsetHeight - chart.body.offsetHeight,
    after,
  });
  svg.style.maxHeight = `${height}px`;
}

/** Forgets a chart's fitting, so the next `fitChart` measures again (a new layout). */
export function unfit(chart: MountedChart): void {
  if (chart.svg) delete chart.svg.dataset.fitted;
}
