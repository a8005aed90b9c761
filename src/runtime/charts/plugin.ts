import type { RevealApi, RevealPlugin } from 'reveal.js';
import { chartData } from 'virtual:deck';
import '../../../assets/styles/charts.css';
import { animateIn } from '../../charts/animate.ts';
import type { ChartKind } from '../../charts/kind.ts';
import { chartTable, focusRing, kindNamed, type ChartPayload } from '../../charts/registry.ts';
import { t } from '../../common/i18n.ts';
import { isPrintView } from '../../common/print.ts';
import { SVG_NS } from '../../common/svg.ts';

/** One chart on the page: its figure, kind, payload and the state of its drawing. */
interface MountedChart {
  figure: HTMLElement;
  kind: ChartKind;
  body: HTMLElement;
  tooltip: HTMLElement;
  payload: ChartPayload;
  svg: SVGSVGElement | null;
  finish: (() => void) | null;
}

/** Whether charts must appear in their final state at once (print, PDF, reduced motion). */
function staticMode(): boolean {
  return isPrintView(window.location.search) || window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * Draws the deck's D3 charts: animated when a chart's slide becomes current (again on each
 * visit), final at once in print, in the overview and under `prefers-reduced-motion`. Each figure
 * gets a readout (hover, touch, keyboard), a "查看数据" table, a source line and a footnote, and
 * `data-chart-state="final"` once its final state is drawn.
 */
export function chartsPlugin(): RevealPlugin {
  const charts = new Map<string, MountedChart>();
  let deck: RevealApi | null = null;
  const cleanups: (() => void)[] = [];

  /** Renders a chart's SVG once (lazily: on its first showing, in the overview or in print). */
  const render = (chart: MountedChart): SVGSVGElement => {
    if (chart.svg) return chart.svg;
    const svg = chart.kind.render(chart.payload.data, chart.payload.options, { document });
    // Chromium puts an inline <svg> in the tab order; the first point is the chart's tab stop instead.
    svg.setAttribute('tabindex', '-1');
    chart.svg = svg;
    chart.body.prepend(svg);
    wirePoints(chart);
    return svg;
  };

  /** Shows a chart: animated (each time its slide becomes current) or in its final state at once. */
  const draw = (chart: MountedChart, animate: boolean): void => {
    chart.finish?.();
    render(chart);
    fit(chart);
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
      const chart = charts.get(f.id);
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
      root.querySelectorAll<HTMLElement>('figure[data-chart]').forEach((figure) => {
        const payload = payloads[figure.dataset.chart ?? ''];
        const kind = payload && kindNamed(payload.kind);
        if (!payload || !kind) return;
        const chart = buildFigure(figure, kind, payload);
        charts.set(figure.id, chart);
        // Print and PDF need every chart at once; otherwise a chart is drawn when first shown.
        if (isPrintView(window.location.search)) draw(chart, false);
      });
      const onChange = (): void => {
        if (!deck || deck.isOverview()) return;
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
      reveal.on('ready', () => setTimeout(prerender, 500));
      reveal.on('ready', onChange);
      reveal.on('slidechanged', onChange);
      reveal.on('overviewshown', onOverview);
      window.addEventListener('beforeprint', onOverview);
      // reveal's print layout places the slides only now: size each chart to its page.
      const onPdfReady = (): void => {
        for (const chart of charts.values()) {
          if (chart.svg) delete chart.svg.dataset.fitted;
          fit(chart);
        }
      };
      reveal.on('pdf-ready', onPdfReady);
      // The reading view (src/runtime/study/contract.ts) re-flows the same slides into a document:
      // every chart is shown final at its natural size there, and re-fitted to its slide after.
      const onReading = (): void => {
        for (const chart of charts.values()) {
          if (!chart.svg) continue;
          delete chart.svg.dataset.fitted;
          chart.svg.style.maxHeight = '';
        }
        finishAll();
        for (const chart of charts.values()) fit(chart);
      };
      document.addEventListener('deck:reading-view', onReading);
      cleanups.push(() => {
        window.removeEventListener('beforeprint', onOverview);
        reveal.off?.('pdf-ready', onPdfReady);
        document.removeEventListener('deck:reading-view', onReading);
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

  function buildFigure(figure: HTMLElement, kind: ChartKind, payload: ChartPayload): MountedChart {
    figure.replaceChildren();
    figure.classList.add(`chart-kind-${kind.name}`);
    const toolbar = document.createElement('div');
    toolbar.className = 'chart-toolbar';
    const body = document.createElement('div');
    body.className = 'chart-body';
    const tooltip = document.createElement('div');
    tooltip.className = 'chart-tooltip';
    tooltip.setAttribute('role', 'status');
    tooltip.setAttribute('aria-live', 'polite');
    tooltip.hidden = true;
    body.append(tooltip);
    const chart: MountedChart = { figure, kind, body, tooltip, payload, svg: null, finish: null };

    const hint = document.createElement('span');
    hint.className = 'chart-hint';
    hint.textContent = t('chartHint');
    const controls = kind.toolbar?.(payload.data, {
      document,
      setHidden: (hidden) => {
        if (!chart.svg) return;
        kind.update?.(chart.svg, payload.data, hidden);
        wirePoints(chart);
      },
    });
    if (controls) toolbar.append(controls);
    toolbar.append(hint);

    const tableId = `${figure.id}-table`;
    const toggle = document.createElement('button');
    toggle.type = 'button';
    toggle.className = 'chart-data-toggle';
    toggle.textContent = t('chartShowData');
    toggle.setAttribute('aria-expanded', 'false');
    toggle.setAttribute('aria-controls', tableId);
    const tableWrap = document.createElement('div');
    tableWrap.className = 'chart-table';
    tableWrap.id = tableId;
    tableWrap.hidden = true;
    tableWrap.tabIndex = 0;
    tableWrap.append(buildTable(chart, figure));
    toggle.addEventListener('click', () => {
      const open = tableWrap.hidden;
      tableWrap.hidden = !open;
      toggle.setAttribute('aria-expanded', String(open));
      toggle.textContent = t(open ? 'chartHideData' : 'chartShowData');
    });
    toolbar.append(toggle);
    body.append(tableWrap);

    const caption = document.createElement('figcaption');
    const source = document.createElement('p');
    source.className = 'chart-source';
    source.textContent = t('chartSource', { source: payload.data.source });
    source.title = payload.data.source;
    const note = document.createElement('p');
    note.className = 'chart-footnote';
    note.textContent = t('chartNote', { note: payload.data.footnote });
    caption.append(source, note);
    figure.append(toolbar, body, caption);
    figure.setAttribute('aria-label', payload.data.source);
    return chart;
  }

  function buildTable({ kind, payload }: MountedChart, figure: HTMLElement): HTMLTableElement {
    const { columns, rows } = chartTable(kind, payload.data);
    const table = document.createElement('table');
    const caption = table.createCaption();
    const slideTitle = figure.closest('section')?.getAttribute('data-title') ?? '';
    caption.textContent = t('chartTableCaption', { title: String(payload.options.title || slideTitle) });
    const head = table.createTHead().insertRow();
    for (const c of columns) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = c;
      head.append(th);
    }
    const tbody = table.createTBody();
    for (const r of rows) {
      const tr = tbody.insertRow();
      r.forEach((cell, i) => {
        if (i === 0) {
          const th = document.createElement('th');
          th.scope = 'row';
          th.textContent = cell;
          tr.append(th);
        } else tr.insertCell().textContent = cell;
      });
    }
    return table;
  }

  /**
   * Limits the chart's height to the room left on its slide (below the figure's top, above the
   * slide's other content), so a slide with text under the chart does not overflow.
   */
  function fit(chart: MountedChart): void {
    const { figure, svg } = chart;
    const section = figure.closest('section');
    if (!svg || !section || figure.offsetParent === null || svg.dataset.fitted) return;
    if (document.documentElement.classList.contains('reading-view')) return;
    svg.dataset.fitted = 'true';
    const padding = parseFloat(getComputedStyle(section).paddingBottom) || 0;
    let after = 0;
    for (let el = figure.nextElementSibling; el; el = el.nextElementSibling) {
      if (el instanceof HTMLElement && !el.matches('aside.notes')) {
        const cs = getComputedStyle(el);
        after += el.offsetHeight + (parseFloat(cs.marginTop) || 0) + (parseFloat(cs.marginBottom) || 0);
      }
    }
    let top = 0;
    for (let el: HTMLElement | null = figure; el && el !== section; el = el.offsetParent as HTMLElement | null)
      top += el.offsetTop;
    const chrome = figure.offsetHeight - chart.body.offsetHeight;
    const room = section.clientHeight - padding - top - chrome - after;
    svg.style.maxHeight = `${Math.max(240, Math.floor(room))}px`;
  }

  /** Roving tabindex over the points, arrow keys between them, readout on focus, hover and touch. */
  function wirePoints(chart: MountedChart): void {
    const svg = chart.svg;
    if (!svg) return;
    const points = [...svg.querySelectorAll<SVGElement>('.chart-point')];
    points.forEach((p, i) => p.setAttribute('tabindex', i === 0 ? '0' : '-1'));
    if (svg.dataset.wired) return;
    svg.dataset.wired = 'true';
    const all = (): SVGElement[] => [...svg.querySelectorAll<SVGElement>('.chart-point')];
    const show = (p: SVGElement): void => {
      const label = p.getAttribute('aria-label') ?? '';
      chart.tooltip.textContent = label;
      chart.tooltip.hidden = false;
      const body = chart.body.getBoundingClientRect();
      const scale = body.width / (chart.body.offsetWidth || body.width || 1);
      const box = p.getBoundingClientRect();
      const x = (box.left + box.width / 2 - body.left) / scale;
      const y = (box.top - body.top) / scale;
      const right = x > chart.body.offsetWidth * 0.6;
      chart.tooltip.style.left = right ? '' : `${Math.round(x + 16)}px`;
      chart.tooltip.style.right = right ? `${Math.round(chart.body.offsetWidth - x + 16)}px` : '';
      chart.tooltip.style.top = `${Math.round(Math.max(0, y - 70))}px`;
      let ring = svg.querySelector<SVGElement>('.chart-focus-ring');
      if (!ring) {
        ring = svg.ownerDocument.createElementNS(SVG_NS, 'circle');
        ring.setAttribute('class', 'chart-focus-ring');
        ring.setAttribute('r', '16');
        ring.setAttribute('aria-hidden', 'true');
      }
      p.parentNode?.append(ring);
      const { r, dx, dy } = focusRing(chart.kind);
      const offset = dx || dy ? ` translate(${dx},${dy})` : '';
      ring.setAttribute('transform', `${p.getAttribute('transform') ?? ''}${offset}`);
      ring.setAttribute('r', String(r));
    };
    const hide = (): void => {
      if (svg.contains(document.activeElement)) return;
      chart.tooltip.hidden = true;
      svg.querySelector('.chart-focus-ring')?.remove();
    };
    svg.addEventListener('focusin', (e) => {
      const p = (e.target as Element).closest<SVGElement>('.chart-point');
      if (!p) return;
      all().forEach((q) => q.setAttribute('tabindex', q === p ? '0' : '-1'));
      show(p);
    });
    svg.addEventListener('focusout', () => queueMicrotask(hide));
    svg.addEventListener('keydown', (e) => {
      const current = (e.target as Element).closest<SVGElement>('.chart-point');
      if (!current) return;
      const next = neighbour(all(), current, e.key);
      if (next === undefined) return;
      e.preventDefault();
      e.stopPropagation();
      // Escape leaves the chart: the deck's keys work again.
      if (next) next.focus();
      else current.blur();
    });
    const nearest = (e: PointerEvent): SVGElement | null => {
      let best: SVGElement | null = null;
      let bestD = Infinity;
      for (const p of all()) {
        const b = p.getBoundingClientRect();
        const d = Math.hypot(b.left + b.width / 2 - e.clientX, b.top + b.height / 2 - e.clientY);
        if (d < bestD) [best, bestD] = [p, d];
      }
      const limit = svg.getBoundingClientRect().width / 12;
      return bestD <= limit ? best : null;
    };
    const onPointer = (e: PointerEvent): void => {
      const p = nearest(e);
      if (p) show(p);
      else hide();
    };
    svg.addEventListener('pointermove', onPointer);
    svg.addEventListener('pointerdown', onPointer);
    svg.addEventListener('pointerleave', hide);
  }
}

/**
 * The point an arrow key moves to: ←/→ along a series (by year), ↑/↓ to the nearest year of the
 * next series, Home/End to the ends; null for Escape (leave the chart); undefined for other keys.
 */
export function neighbour(points: SVGElement[], current: SVGElement, key: string): SVGElement | null | undefined {
  const seriesOf = (p: SVGElement): string => p.dataset.series ?? '';
  const yearOf = (p: SVGElement): number => Number(p.dataset.year);
  const same = points.filter((p) => seriesOf(p) === seriesOf(current));
  const i = same.indexOf(current);
  switch (key) {
    case 'ArrowRight':
      return same[Math.min(i + 1, same.length - 1)];
    case 'ArrowLeft':
      return same[Math.max(i - 1, 0)];
    case 'Home':
      return same[0];
    case 'End':
      return same.at(-1);
    case 'ArrowUp':
    case 'ArrowDown': {
      const order = [...new Set(points.map(seriesOf))];
      const k = order.indexOf(seriesOf(current)) + (key === 'ArrowDown' ? 1 : -1);
      const target = order[(k + order.length) % order.length]!;
      const candidates = points.filter((p) => seriesOf(p) === target);
      return candidates.reduce((a, b) =>
        Math.abs(yearOf(b) - yearOf(current)) < Math.abs(yearOf(a) - yearOf(current)) ? b : a,
      );
    }
    case 'Escape':
      return null;
    default:
      return undefined;
  }
}
