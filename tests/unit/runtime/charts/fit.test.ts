import { describe, expect, it } from 'vitest';
import { chartMaxHeight, MIN_CHART_HEIGHT } from '../../../../src/runtime/charts/fit.ts';

describe('chartMaxHeight()', () => {
  const slide = { slideHeight: 900, paddingBottom: 40, figureTop: 200, chrome: 120, after: 0 };

  it('gives the chart the room left below the figure, its toolbar and caption', () => {
    expect(chartMaxHeight(slide)).toBe(900 - 40 - 200 - 120);
  });

  it('leaves room for the content after the chart on the slide', () => {
    expect(chartMaxHeight({ ...slide, after: 100 })).toBe(440);
  });

  it('rounds down to whole pixels, so the slide never overflows by a fraction', () => {
    expect(chartMaxHeight({ ...slide, figureTop: 200.6 })).toBe(539);
  });

  it('never goes below the minimum, however crowded the slide', () => {
    expect(chartMaxHeight({ ...slide, after: 700 })).toBe(MIN_CHART_HEIGHT);
  });
});
