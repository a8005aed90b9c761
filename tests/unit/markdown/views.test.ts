import { describe, expect, it } from 'vitest';
import { buildOutline } from '../../../src/structure/outline.ts';
import { chartId, toPrintData, toRuntimeDeck } from '../../../src/markdown/views.ts';
import { realDeck } from '../structure/helpers.ts';

const deck = realDeck();

describe('toRuntimeDeck()', () => {
  const runtime = toRuntimeDeck(deck);

  it("carries each slide's place and labels, never its HTML, notes or text (those are in the page)", () => {
    const slides = runtime.parts.flatMap((p) => p.slides);
    expect(slides).toHaveLength(deck.parts.flatMap((p) => p.slides).length);
    for (const slide of slides)
      expect(Object.keys(slide).sort()).toEqual(['editorial', 'h', 'id', 'section', 'title', 'v']);
    expect(JSON.stringify(runtime)).not.toContain('<p');
  });

  it('keeps what the speaker view and the outline read of each part', () => {
    expect(Object.keys(runtime.parts[0]!).sort()).toEqual([
      'id',
      'kind',
      'label',
      'minutes',
      'slides',
      'theme',
      'title',
    ]);
    expect(runtime.meta).toEqual(deck.meta);
  });

  it('gives the same outline as the compiled deck', () => {
    expect(buildOutline(runtime)).toEqual(buildOutline(deck));
  });
});

describe('toPrintData()', () => {
  it('names each part for the PDF bookmarks and keywords, with the minutes the speaker’s script prints', () => {
    const data = toPrintData(toRuntimeDeck(deck));
    expect(data.meta).toEqual(deck.meta);
    expect(data.parts.map((p) => Object.keys(p).sort())).toEqual(
      deck.parts.map(() => ['id', 'kind', 'label', 'minutes', 'theme', 'title']),
    );
  });
});

describe('chartId()', () => {
  it('numbers the charts of a slide from the second on', () => {
    expect([chartId('qi-trend', 1), chartId('qi-trend', 2)]).toEqual(['chart-qi-trend', 'chart-qi-trend-2']);
  });

  it('is the id the compiler gives every chart and its placeholder', () => {
    for (const slide of deck.parts.flatMap((p) => p.slides)) {
      slide.charts.forEach((c, i) => {
        expect(c.id).toBe(chartId(slide.id, i + 1));
        expect(slide.html).toContain(`id="${c.id}"`);
      });
    }
    expect(deck.charts.length).toBeGreaterThan(0);
  });
});
