import type { Page } from '@playwright/test';
import { expect, openDeck, test } from './fixtures.ts';

/**
 * Every view at every width (issue 15): phones (390×844, touch), tablets (768×1024 upright and
 * 1024×768 sideways, touch) and a laptop (1366×768).
 */

/** Boxes of the visible navigation arrows and of the page number. */
async function controlBoxes(page: Page) {
  return page.evaluate(() => {
    const box = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height };
    };
    const arrows = [...document.querySelectorAll('.reveal .controls button.enabled')]
      .filter((b) => getComputedStyle(b).visibility !== 'hidden')
      .map(box);
    const number = document.querySelector('.reveal .slide-number');
    return { arrows, number: number ? box(number) : null };
  });
}

for (const size of [
  { width: 1024, height: 768 },
  { width: 768, height: 1024 },
]) {
  test.describe(`slides on a ${size.width}×${size.height} touch tablet`, () => {
    test.use({ viewport: size, hasTouch: true, isMobile: true });

    test('the page number stays clear of the arrows, which are big enough to tap', async ({ page, site }) => {
      await openDeck(page, `${site}?view=slides#/qi-gather`);
      const { arrows, number } = await controlBoxes(page);
      expect(arrows.length).toBeGreaterThanOrEqual(2);
      expect(number).not.toBeNull();
      for (const a of arrows) {
        expect(Math.min(a.width, a.height)).toBeGreaterThanOrEqual(44);
        const overlap =
          a.left < number!.right && number!.left < a.right && a.top < number!.bottom && number!.top < a.bottom;
        expect(overlap, 'page number over an arrow').toBe(false);
      }
    });
  });
}

test('the arrows show a focus ring when reached with Tab', async ({ page, site }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openDeck(page, `${site}#/qi-gather`);
  let ring = '';
  for (let i = 0; i < 40 && !ring; i++) {
    await page.keyboard.press('Tab');
    ring = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el?.closest('.reveal .controls')) return '';
      const s = getComputedStyle(el);
      return `${s.outlineStyle} ${parseFloat(s.outlineWidth)}`;
    });
  }
  expect(ring).toMatch(/^solid [3-9]/);
});
