// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { SIZE, chartWidth, narrowNotes, tickStep } from '../../../src/charts/draw.ts';
import type { ChartKind } from '../../../src/charts/kind.ts';
import { KINDS } from '../../../src/charts/registry.ts';
import { payloadOf } from './any-kind.ts';

/** A kind's chart laid out `width` logical px wide, as the reading view draws it. */
function drawAt(kind: ChartKind, width?: number): SVGSVGElement {
  const p = payloadOf(kind);
  const svg = kind.render(p.data, p.options, { document, width });
  document.body.replaceChildren(svg);
  return svg;
}

const viewBox = (svg: SVGSVGElement): number[] => svg.getAttribute('viewBox')!.split(' ').map(Number);

/** Every number an attribute places (x, x2, translate's first value), with the groups it is nested in. */
function rightmost(svg: SVGSVGElement, selector: string): number {
  let max = -Infinity;
  for (const el of svg.querySelectorAll(selector)) {
    let x = Number(el.getAttribute('x') ?? el.getAttribute('x2') ?? 0);
    for (let e: Element | null = el; e && e !== svg; e = e.parentElement) {
      const m = /translate\(([-\d.]+)/.exec(e.getAttribute('transform') ?? '');
      if (m) x += Number(m[1]);
    }
    max = Math.max(max, x);
  }
  return max;
}

describe('chartWidth()', () => {
  it('fills a phone column with 18 px chart text at 12 px or more, and a wider column at 14 px or more', () => {
    for (const column of [328, 358]) expect((18 * column) / chartWidth(column)).toBeGreaterThanOrEqual(12);
    for (const column of [648, 700]) expect((18 * column) / chartWidth(column)).toBeGreaterThanOrEqual(14);
    expect(chartWidth(2000)).toBe(SIZE.width);
  });
});

describe('tickStep()', () => {
  it('keeps a slide-wide chart’s decades and thins the years of a narrow one', () => {
    expect(tickStep(1960, 2050, 10, 1046)).toBe(10);
    expect(tickStep(1960, 2050, 10, 400)).toBe(30);
    expect(tickStep(2012, 2024, 2, 380)).toBe(4);
  });
});

describe.each(KINDS.map((k) => [k.name, k] as const))('a narrow %s chart', (_name, kind) => {
  it('is laid out at the width it is given, with its ticks and tiles inside it', () => {
    const svg = drawAt(kind, 501);
    expect(viewBox(svg)[2]).toBe(501);
    expect(svg.classList.contains('chart-narrow')).toBe(true);
    // Year labels at least 90 logical px apart; city tiles (170 wide) inside the width.
    const ticks = [...svg.querySelectorAll('.chart-axis-x .tick')].map((t) =>
      Number(/translate\(([-\d.]+)/.exec(t.getAttribute('transform')!)![1]),
    );
    for (let i = 1; i < ticks.length; i++) expect(ticks[i]! - ticks[i - 1]!).toBeGreaterThanOrEqual(90);
    expect(rightmost(svg, '.chart-city rect') + 170).toBeLessThanOrEqual(501);
    expect(rightmost(svg, '.chart-legend text')).toBeLessThan(501);
  });

  it('keeps the slide layout when no width is given', () => {
    const svg = drawAt(kind);
    expect(viewBox(svg)[2]).toBe(SIZE.width);
    expect(svg.classList.contains('chart-narrow')).toBe(false);
    expect(narrowNotes(svg)).toEqual([]);
  });
});

describe('narrowNotes()', () => {
  it('turns a narrow chart’s annotations into numbered badges and returns their words in order', () => {
    const trend = KINDS.find((k) => k.name === 'trend')!;
    const wide = drawAt(trend);
    const words = [...wide.querySelectorAll('.chart-annotation text')].map((t) => t.textContent);
    const svg = drawAt(trend, 501);
    const notes = narrowNotes(svg);
    expect(notes.length).toBe(words.length);
    expect(notes.length).toBeGreaterThan(0);
    expect(notes[0]).toMatch(/1978.*%/u);
    expect(svg.querySelectorAll('.chart-annotation text:not(.chart-note-badge text)')).toHaveLength(0);
    expect([...svg.querySelectorAll('.chart-note-badge text')].map((t) => t.textContent)).toEqual(
      notes.map((_n, i) => String(i + 1)),
    );
  });

  it('keeps every badge inside the chart, at any narrow width, with its leader ending at it', () => {
    let badges = 0;
    for (const kind of KINDS) {
      for (const width of [420, 501, 760]) {
        const svg = drawAt(kind, width);
        narrowNotes(svg);
        for (const badge of svg.querySelectorAll('.chart-note-badge')) {
          badge.setAttribute('data-probe', '');
          const x = rightmost(svg, '[data-probe]');
          badge.removeAttribute('data-probe');
          expect(x, `${kind.name} at ${width}`).toBeGreaterThanOrEqual(17);
          expect(x, `${kind.name} at ${width}`).toBeLessThanOrEqual(width - 17);
          const leader = badge.parentElement!.querySelector('line')!;
          expect(leader.getAttribute('x2')).toBe(/translate\(([-\d.]+)/.exec(badge.getAttribute('transform')!)![1]);
          badges++;
        }
      }
    }
    expect(badges).toBeGreaterThan(0);
  });

  it('wraps a legend that does not fit onto more rows and moves the plot down by as much', () => {
    const compare = KINDS.find((k) => k.name === 'compare')!;
    const svg = drawAt(compare, 420);
    const rows = new Set(
      [...svg.querySelectorAll('.chart-legend > g')].map((g) => /,([-\d.]+)\)/.exec(g.getAttribute('transform')!)![1]),
    );
    expect(rows.size).toBeGreaterThan(1);
    expect(svg.querySelector('.chart-shift')?.getAttribute('transform')).toMatch(/translate\(0,\d+\)/);
    expect(viewBox(svg)[3]).toBeGreaterThan(SIZE.height);
  });
});
