import { focusRing } from '../../charts/registry.ts';
import { SVG_NS } from '../../common/svg.ts';
import type { MountedChart } from './figure.ts';

/** Roving tabindex over the points, arrow keys between them, readout on focus, hover and touch. */
export function wirePoints(chart: MountedChart): void {
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
    // Beside the point, on the side with room, and never past the chart's edges (a phone's screen).
    const width = chart.body.offsetWidth;
    const tip = chart.tooltip.offsetWidth;
    const left = x > width * 0.6 ? x - 16 - tip : x + 16;
    chart.tooltip.style.left = `${Math.round(Math.max(0, Math.min(width - tip, left)))}px`;
    chart.tooltip.style.right = '';
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
  const distance = (p: Element, e: PointerEvent): number => {
    const b = p.getBoundingClientRect();
    return Math.hypot(b.left + b.width / 2 - e.clientX, b.top + b.height / 2 - e.clientY);
  };
  const nearest = (e: PointerEvent): SVGElement | null => {
    let best: SVGElement | null = null;
    let bestD = Infinity;
    for (const p of all()) {
      const d = distance(p, e);
      if (d < bestD) [best, bestD] = [p, d];
    }
    const limit = svg.getBoundingClientRect().width / 12;
    if (bestD > limit) return null;
    // Two points at one spot (a census and the year-end figure): the one drawn on top, under the finger.
    const under = (e.target as Element | null)?.closest?.<SVGElement>('.chart-point');
    return under && svg.contains(under) && distance(under, e) <= bestD + 0.5 ? under : best;
  };
  const onPointer = (e: PointerEvent): void => {
    const p = nearest(e);
    if (p) show(p);
    else hide();
  };
  /**
   * A press takes the point nearest to it. Left to the browser, focus would go to the element
   * under the finger, which on a phone is often the next year's marker drawn over this one, and
   * its readout would replace the right one (1992 tapped, 1993 read out).
   */
  const onPress = (e: PointerEvent): void => {
    const p = nearest(e);
    if (!p) {
      hide();
      return;
    }
    e.preventDefault();
    if (document.activeElement !== p) p.focus({ preventScroll: true });
    show(p);
  };
  svg.addEventListener('pointermove', onPointer);
  svg.addEventListener('pointerdown', onPress);
  svg.addEventListener('pointerleave', hide);
}

/** The index of the centre nearest to `at`, within `limit` px; -1 when none is that close. */
export function nearest(
  centres: readonly { x: number; y: number }[],
  at: { x: number; y: number },
  limit: number,
): number {
  let best = -1;
  let bestD = Infinity;
  centres.forEach((c, i) => {
    const d = Math.hypot(c.x - at.x, c.y - at.y);
    if (d < bestD) [best, bestD] = [i, d];
  });
  return bestD <= limit ? best : -1;
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
