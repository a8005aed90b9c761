// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { nearest, neighbour } from '../../../../src/runtime/charts/points.ts';

/** Keyboard stops as the kinds draw them: `data-series` and `data-year` on each point. */
function stops(series: Record<string, number[]>): SVGElement[] {
  return Object.entries(series).flatMap(([id, years]) =>
    years.map((year) => {
      const p = document.createElementNS('http://www.w3.org/2000/svg', 'path');
      p.dataset.series = id;
      p.dataset.year = String(year);
      return p;
    }),
  );
}

const at = (points: SVGElement[], series: string, year: number): SVGElement =>
  points.find((p) => p.dataset.series === series && p.dataset.year === String(year))!;

describe('neighbour()', () => {
  const points = stops({ CHN: [1960, 1970, 1980, 2024], WLD: [1960, 1980, 2024], USA: [1975] });

  it('walks along a series with ← and →, stopping at its ends', () => {
    expect(neighbour(points, at(points, 'CHN', 1970), 'ArrowRight')).toBe(at(points, 'CHN', 1980));
    expect(neighbour(points, at(points, 'CHN', 1970), 'ArrowLeft')).toBe(at(points, 'CHN', 1960));
    expect(neighbour(points, at(points, 'CHN', 2024), 'ArrowRight')).toBe(at(points, 'CHN', 2024));
    expect(neighbour(points, at(points, 'CHN', 1960), 'ArrowLeft')).toBe(at(points, 'CHN', 1960));
  });

  it('jumps to the ends of the series with Home and End', () => {
    expect(neighbour(points, at(points, 'WLD', 1980), 'Home')).toBe(at(points, 'WLD', 1960));
    expect(neighbour(points, at(points, 'WLD', 1980), 'End')).toBe(at(points, 'WLD', 2024));
  });

  it('moves ↑/↓ to the nearest year of the previous/next series, wrapping round', () => {
    expect(neighbour(points, at(points, 'CHN', 1970), 'ArrowDown')).toBe(at(points, 'WLD', 1960));
    expect(neighbour(points, at(points, 'WLD', 1980), 'ArrowDown')).toBe(at(points, 'USA', 1975));
    expect(neighbour(points, at(points, 'USA', 1975), 'ArrowDown')).toBe(at(points, 'CHN', 1970));
    expect(neighbour(points, at(points, 'CHN', 2024), 'ArrowUp')).toBe(at(points, 'USA', 1975));
  });

  it('leaves the chart on Escape and ignores other keys', () => {
    expect(neighbour(points, at(points, 'CHN', 1970), 'Escape')).toBeNull();
    expect(neighbour(points, at(points, 'CHN', 1970), 'Enter')).toBeUndefined();
    expect(neighbour(points, at(points, 'CHN', 1970), 'PageDown')).toBeUndefined();
  });
});

describe('nearest()', () => {
  const centres = [
    { x: 0, y: 0 },
    { x: 100, y: 0 },
    { x: 100, y: 100 },
  ];

  it('finds the closest point to the pointer', () => {
    expect(nearest(centres, { x: 90, y: 20 }, 50)).toBe(1);
    expect(nearest(centres, { x: 80, y: 90 }, 50)).toBe(2);
  });

  it('finds none beyond the limit, or among no points', () => {
    expect(nearest(centres, { x: 50, y: 50 }, 40)).toBe(-1);
    expect(nearest([], { x: 0, y: 0 }, 1000)).toBe(-1);
  });
});
