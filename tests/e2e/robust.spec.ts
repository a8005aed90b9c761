import { expect, openDeck, test } from './fixtures.ts';

/** Hostile runtime conditions: each must leave the deck usable with no console error. */

test('a reload in the middle of a fragment sequence comes back to the same step', async ({ page, site }) => {
  await openDeck(page, site);
  const target = await page.evaluate(() => {
    const slide = [...document.querySelectorAll<HTMLElement>('.reveal .slides > section.part > section')].find(
      (s) => s.querySelectorAll('.fragment').length >= 2,
    )!;
    const { h, v } = window.deck!.getIndices(slide);
    window.deck!.slide(h, v ?? 0);
    return slide.id;
  });
  // Into the sequence as a presenter gets there: a jump to the slide (its own history entry), then
  // one step, which reveal writes into the address as the fragment index.
  await page.waitForFunction((id) => window.location.hash.includes(id), target);
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction((id) => window.location.hash.endsWith(`${id}/0`), target);
  await page.reload();
  await page.waitForFunction(() => document.documentElement?.classList.contains('deck-ready'));
  expect(await page.evaluate(() => window.deck!.getCurrentSlide().id)).toBe(target);
  expect(await page.evaluate(() => window.deck!.getIndices().f)).toBe(0);
  await page.keyboard.press('ArrowRight');
  expect(await page.evaluate(() => window.deck!.getIndices().f)).toBe(1);
});

test('rapid window resizing leaves the deck laid out and usable', async ({ page, site }) => {
  await openDeck(page, site);
  for (let i = 0; i < 30; i++) {
    await page.setViewportSize({ width: 360 + ((i * 157) % 1600), height: 500 + ((i * 91) % 600) });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.reveal .slides section.present').first()).toBeVisible();
  const box = await page.locator('.reveal .slides').boundingBox();
  expect(box!.width).toBeGreaterThan(600);
});

test('storage that throws does not break the deck or log an error', async ({ page, site }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('blocked', 'SecurityError');
      },
    });
    Object.defineProperty(window, 'sessionStorage', {
      get() {
        throw new DOMException('blocked', 'SecurityError');
      },
    });
  });
  await openDeck(page, site);
  await page.keyboard.press('ArrowRight');
  expect(await page.evaluate(() => window.deck!.getSlidePastCount())).toBe(1);
});

test('addresses that do not exist or are malformed open the deck without an error', async ({ page, site }) => {
  for (const hash of ['#/no-such-slide', '#/%E0%A4%A', '#/<img src=x onerror=alert(1)>', '#/99/99/99', '#']) {
    await openDeck(page, `${site}${hash}`);
    await expect(page.locator('.reveal .slides section.present').first()).toBeVisible();
  }
});

test('a link to a slide the deck does not have says so, once, in both views; reveal numbers and real ids do not', async ({
  page,
  site,
}) => {
  const notice = page.locator('.deck-notice');
  // A new page each time (an address differing only in its hash loads none), once this one has
  // finished loading (leaving a page whose favicon is on its way aborts that request).
  const fresh = async (): Promise<void> => {
    await page.waitForLoadState('networkidle');
    await page.goto('about:blank');
  };
  await openDeck(page, `${site}#/no-such-slide`);
  await expect(notice).toHaveText('链接里的页面“no-such-slide”不在这份演示文稿中，已打开开头。');
  await expect(notice).toHaveAttribute('role', 'status');
  await expect(notice).toBeVisible();
  // Text, never markup.
  await fresh();
  await openDeck(page, `${site}#/<img src=x onerror=alert(1)>`);
  await expect(notice).toContainText('<img src=x');
  await expect(page.locator('.deck-notice img')).toHaveCount(0);
  for (const hash of ['#/3', '#/99/99/99', '#/qi-law', '#/qi-law/p1', '']) {
    await fresh();
    await openDeck(page, `${site}${hash}`);
    await expect(notice, hash).toHaveCount(0);
  }
  await page.setViewportSize({ width: 390, height: 844 });
  await fresh();
  await openDeck(page, `${site}?view=read#/qi-urbanisation`);
  await expect(notice).toContainText('qi-urbanisation');
  const box = (await notice.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
});
