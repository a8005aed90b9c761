// @vitest-environment jsdom
import { select } from 'd3-selection';
import { describe, expect, it } from 'vitest';
import { CHART_TEXT, PRINT_TEXT_PX, SIZE, legendRow, printWidth } from '../../../src/charts/draw.ts';
import { KINDS } from '../../../src/charts/registry.ts';
import { SVG_NS } from '../../../src/common/svg.ts';
import { payloadOf } from './any-kind.ts';

const viewBox = (svg: SVGSVGElement): number[] => svg.getAttribute('viewBox')!.split(' ').map(Number);

describe('printWidth(): a chart drawn for the size it prints at', () => {
  it('prints its text at 7 pt in a 3-up frame (140 mm of a 1600 px slide) where a slide-wide chart would print it at 6.4 pt', () => {
    const scale = (140 * 96) / 25.4 / 1600;
    expect(((CHART_TEXT * scale) / (96 / 72)).toFixed(1)).toBe('6.4');
    const width = printWidth(SIZE.width, scale);
    expect(width).toBeLessThan(SIZE.width);
    expect((CHART_TEXT * SIZE.width * scale) / width).toBeCloseTo(PRINT_TEXT_PX, 1);
    expect((PRINT_TEXT_PX * 72) / 96).toBeCloseTo(7, 5);
  });

  it('keeps the slide width where the frame prints the text large enough (the notes layout, 182 mm), and never goes under the narrowest layout', () => {
    expect(printWidth(SIZE.width, (182 * 96) / 25.4 / 1600)).toBe(SIZE.width);
    expect(printWidth(200, 0.1)).toBe(420);
  });
});

describe('keepAspect: drawn for print, a chart keeps the shape of its slide', () => {
  for (const kind of KINDS.filter((k) => ['trend', 'compare', 'population', 'gap', 'line'].includes(k.name))) {
    it(`${kind.name}: narrower in its units, shorter in proportion (the same room on the slide)`, () => {
      const p = payloadOf(kind);
      const full = viewBox(kind.render(p.data, p.options, { document }));
      const narrow = viewBox(kind.render(p.data, p.options, { document, width: 1150, keepAspect: true }));
      expect(narrow[2]).toBe(1150);
      // A legend that wraps adds its rows; otherwise the aspect is the slide chart's.
      expect(narrow[2]! / narrow[3]!).toBeGreaterThan((full[2]! / full[3]!) * 0.9);
      expect(narrow[3]!).toBeLessThan(full[3]!);
      // A column (the reading view) keeps the height instead.
      const column = viewBox(kind.render(p.data, p.options, { document, width: 1150 }));
      expect(column[3]).toBeGreaterThanOrEqual(full[3]!);
    });
  }
});

describe('legendRow(): the first row ends where something stands beside it', () => {
  const svgOf = (): ReturnType<typeof select<SVGSVGElement, unknown>> => {
    const el = document.createElementNS(SVG_NS, 'svg') as SVGSVGElement;
    el.setAttribute('viewBox', '0 0 1200 480');
    return select(el);
  };
  const items = ['年末常住人口城镇化率', '空心：非官方汇编数据', '人口普查', '1%人口抽样调查'].map((text) => ({
    path: 'M0,0',
    fill: '#000',
    stroke: '#000',
    text,
  }));
  it('wraps the entries that would reach `right` onto a second row, and the chart grows by it', () => {
    const wide = svgOf();
    legendRow(wide, items);
    expect(viewBox(wide.node()!)[3]).toBe(480);
    const limited = svgOf();
    legendRow(limited, items, 800);
    expect(viewBox(limited.node()!)[3]).toBeGreaterThan(480);
    const rows = new Set(
      [...limited.node()!.querySelectorAll('.chart-legend > g')].map((g) => g.getAttribute('transform')!.split(',')[1]),
    );
    expect(rows.size).toBe(2);
  });
});

describe('cities at a width a little under a slide (a print frame, a wide column)', () => {
  it('keeps every tile inside the chart: the grid shows whole, smaller, not cut at the edge', () => {
    const kind = KINDS.find((k) => k.name === 'cities')!;
    const p = payloadOf(kind);
    for (const width of [1000, 1200, 1340, SIZE.width]) {
      const svg = kind.render(p.data, p.options, { document, width, keepAspect: true });
      const right = Math.max(
        ...[...svg.querySelectorAll('g.chart-city')].map(
          (g) => Number(/translate\(([-\d.]+)/.exec(g.getAttribute('transform')!)![1]) + 170,
        ),
      );
      expect(right, `width ${width}`).toBeLessThanOrEqual(viewBox(svg)[2]!);
    }
  });
});
