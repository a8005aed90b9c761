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
      // Shown: not hidden, and laid out (linear navigation hides reveal's ˄ ˅ with display: none).
      .filter((b) => getComputedStyle(b).visibility !== 'hidden' && b.getClientRects().length > 0)
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

const SIZES = [
  { width: 390, height: 844, touch: true },
  { width: 768, height: 1024, touch: true },
  { width: 1366, height: 768, touch: false },
];

for (const size of SIZES) {
  test.describe(`查看数据 in the reading view at ${size.width}×${size.height}`, () => {
    test.use({ viewport: { width: size.width, height: size.height }, hasTouch: size.touch, isMobile: size.touch });

    test('the 13-column table: numbers on one line in tabular figures, header and year column stay put', async ({
      page,
      site,
    }) => {
      await openDeck(page, `${site}?view=read#/qi-world`);
      const section = page.locator('section#qi-world');
      await section.getByRole('button', { name: '查看数据' }).click();
      const box = section.locator('.chart-table');
      await expect(box).toBeVisible();
      const cells = await box.evaluate((el) => {
        const tds = [...el.querySelectorAll('td')].filter((td) => td.textContent);
        const lines = tds.map((td) => {
          const range = document.createRange();
          range.selectNodeContents(td);
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
        });
        return {
          count: tds.length,
          broken: lines.filter((n) => n > 1).length,
          numeric: getComputedStyle(tds[0]!).fontVariantNumeric,
        };
      });
      expect(cells.count).toBeGreaterThan(100);
      expect(cells.broken).toBe(0);
      expect(cells.numeric).toContain('tabular-nums');
      // The table is wider than its box and scrolls inside it, not the page.
      const page0 = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(page0).toBeLessThanOrEqual(0);
      expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);

      const edges = () =>
        box.evaluate((el) => {
          const b = el.getBoundingClientRect();
          const head = el.querySelector('thead th:nth-child(2)')!.getBoundingClientRect();
          const year = el.querySelector('tbody tr:nth-child(20) th')!.getBoundingClientRect();
          return { headTop: head.top - b.top - el.clientTop, yearLeft: year.left - b.left - el.clientLeft };
        });
      // Scrolled down and sideways, the header row sits at the box's top and the year at its left.
      await box.evaluate((el) => el.scrollTo(400, 600));
      await expect.poll(() => box.evaluate((el) => el.scrollTop)).toBeGreaterThan(300);
      expect(await box.evaluate((el) => el.scrollLeft)).toBeGreaterThan(100);
      const after = await edges();
      expect(Math.abs(after.headTop)).toBeLessThanOrEqual(1);
      expect(Math.abs(after.yearLeft)).toBeLessThanOrEqual(1);
      // And the header is not under the year cells: the frozen column is drawn above the rows.
      const covered = await box.evaluate((el) => {
        const th = el.querySelector('thead th:first-child')!.getBoundingClientRect();
        const hit = document.elementFromPoint(th.left + 4, th.top + th.height / 2);
        return hit?.closest('thead') !== null;
      });
      expect(covered).toBe(true);
    });
  });
}
