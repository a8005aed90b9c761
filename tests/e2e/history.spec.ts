import type { Page } from '@playwright/test';
import { expect, openDeck, test } from './fixtures.ts';
import { slideAtTop } from './reading.ts';

/**
 * Back and Forward after every kind of jump (src/runtime/history.ts): a jump adds a history entry,
 * a next/previous step does not.
 */

const currentId = (page: Page): Promise<string> => page.evaluate(() => window.deck!.getCurrentSlide()?.id ?? '');
const historyLength = (page: Page): Promise<number> => page.evaluate(() => window.history.length);

/** Goes to a slide the way an address does (no history entry of its own). */
async function startAt(page: Page, site: string, id: string, query = ''): Promise<void> {
  await openDeck(page, `${site}${query}#/${id}`);
  await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(`#/${id}`);
}

/** Back returns to `from`, Forward to `to`, in the slide view. */
async function backAndForward(page: Page, from: string, to: string): Promise<void> {
  await page.goBack();
  await expect.poll(() => currentId(page)).toBe(from);
  await page.goForward();
  await expect.poll(() => currentId(page)).toBe(to);
}

test.describe('in the slide view at 1366×768', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test('next and previous steps add no history entry; a jump adds one', async ({ page, site }) => {
    await startAt(page, site, 'qi-title');
    const before = await historyLength(page);
    for (let i = 0; i < 3; i++) await page.keyboard.press('PageDown');
    await page.keyboard.press('PageUp');
    await expect.poll(() => currentId(page)).not.toBe('qi-title');
    expect(await historyLength(page)).toBe(before);
    const stepped = await currentId(page);
    await page.keyboard.press('End');
    await expect.poll(() => historyLength(page)).toBe(before + 1);
    const last = await currentId(page);
    await backAndForward(page, stepped, last);
  });

  test('Back after a jump through the structure map (M)', async ({ page, site }) => {
    await startAt(page, site, 'qi-trend');
    await page.keyboard.press('m');
    const node = page.locator('dialog.structure-dialog g.structure-node[data-key^="part:"]').nth(3);
    await node.click();
    await expect(page.locator('dialog.structure-dialog')).not.toBeVisible();
    await expect.poll(() => currentId(page)).not.toBe('qi-trend');
    await backAndForward(page, 'qi-trend', await currentId(page));
  });

  test('Back after a jump through the part indicator', async ({ page, site }) => {
    await startAt(page, site, 'qi-trend');
    await page.locator('.structure-ui li[data-part]').nth(3).locator('button').click();
    await expect.poll(() => currentId(page)).not.toBe('qi-trend');
    await backAndForward(page, 'qi-trend', await currentId(page));
  });

  test('Back after a link between slides', async ({ page, site }) => {
    await startAt(page, site, 'closing');
    const link = page.locator('section#closing a[href="#/he-title"]');
    // The link is in a list that appears step by step.
    for (let i = 0; i < 6 && !(await link.isVisible()); i++) await page.keyboard.press('PageDown');
    await link.click();
    await expect.poll(() => currentId(page)).toBe('he-title');
    await backAndForward(page, 'closing', 'he-title');
  });

  test('Back after a search result', async ({ page, site }) => {
    await startAt(page, site, 'opening-why');
    await page.keyboard.press('/');
    await page.getByRole('combobox', { name: '搜索幻灯片和讲稿' }).fill('韧性安全');
    const hit = page.locator('#study-results [role="option"][data-field="slide"]').first();
    const target = (await hit.getAttribute('data-slide-id'))!;
    await hit.click();
    await expect.poll(() => currentId(page)).toBe(target);
    // The match has the focus, so reading goes on from there.
    await expect(page.locator('mark.study-hit').first()).toBeFocused();
    await backAndForward(page, 'opening-why', target);
  });

  test('Back after G (go to a slide by number)', async ({ page, site }) => {
    await startAt(page, site, 'opening-why');
    await page.keyboard.press('g');
    await page.keyboard.type('20');
    await page.keyboard.press('Enter');
    const target = await page.evaluate(() => document.querySelectorAll('.reveal .slides > section > section')[19]!.id);
    await expect.poll(() => currentId(page)).toBe(target);
    await backAndForward(page, 'opening-why', target);
  });

  test('a jump in the reading view right after reveal wrote the address keeps naming the jump', async ({
    page,
    site,
  }) => {
    await startAt(page, site, 'qi-trend');
    // Reveal writes the address at most once a second and defers a second write by up to a second:
    // two syncs leave one pending, as the deck's start does when the reading view opens at once.
    await page.evaluate(() => {
      window.deck!.sync();
      window.deck!.sync();
    });
    await page.keyboard.press('r');
    // A wide window shows the contents beside the text; a narrow one behind a 目录 button.
    const contents = page.getByRole('button', { name: '目录' });
    if (await contents.isVisible()) await contents.click();
    await page.locator('.study-toc g.structure-node[data-key^="part:"]').nth(3).click();
    await expect.poll(() => slideAtTop(page)).not.toBe('qi-trend');
    const target = await slideAtTop(page);
    // The deferred write falls due at most a second after it was scheduled: wait until it is due.
    const due = await page.evaluate(() => performance.now() + 1200);
    await page.waitForFunction((at) => performance.now() > at, due);
    await expect(page).toHaveURL(new RegExp(`view=read#/${target}$`));
  });
});

for (const size of [
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
]) {
  test.describe(`in the reading view at ${size.width}×${size.height} (touch)`, () => {
    test.use({ viewport: size, hasTouch: true, isMobile: true });

    /** Back scrolls back to `from`, Forward to `to`. */
    async function backAndForwardReading(page: Page, from: string, to: string): Promise<void> {
      await page.goBack();
      await expect.poll(() => slideAtTop(page)).toBe(from);
      await expect(page).toHaveURL(new RegExp(`#/${from}$`));
      await page.goForward();
      await expect.poll(() => slideAtTop(page)).toBe(to);
    }

    test('Back after a jump through the contents', async ({ page, site }) => {
      await startAt(page, site, 'qi-trend');
      await expect.poll(() => slideAtTop(page)).toBe('qi-trend');
      await page.getByRole('button', { name: '目录' }).click();
      const part = page.locator('.study-toc g.structure-node[data-key^="part:"]').nth(3);
      await part.click();
      await expect.poll(() => slideAtTop(page)).not.toBe('qi-trend');
      const target = await slideAtTop(page);
      await expect(page).toHaveURL(new RegExp(`view=read#/${target}$`));
      await backAndForwardReading(page, 'qi-trend', target);
    });

    test('Back after a search result, whose address names the slide with the match', async ({ page, site }) => {
      await startAt(page, site, 'qi-trend');
      await page.getByRole('button', { name: '搜索' }).click();
      await page.getByRole('combobox', { name: '搜索幻灯片和讲稿' }).fill('同志们');
      const hit = page.locator('#study-results [role="option"][data-field="notes"]').first();
      const target = (await hit.getAttribute('data-slide-id'))!;
      await hit.click();
      const mark = page.locator(`section#${target} mark.study-hit`);
      await expect(mark).toBeInViewport();
      await expect(mark).toBeFocused();
      await expect(page).toHaveURL(new RegExp(`#/${target}$`));
      await page.goBack();
      await expect.poll(() => slideAtTop(page)).toBe('qi-trend');
      await page.goForward();
      await expect(mark).toBeInViewport();
    });

    test('Back after a search returns to the line the reader was on, not to its slide’s top', async ({
      page,
      site,
    }) => {
      await startAt(page, site, 'qi-trend');
      await expect.poll(() => slideAtTop(page)).toBe('qi-trend');
      // Read on into the slide: 500 px past its top.
      const into = (): Promise<number> =>
        page.evaluate(
          () =>
            document.querySelector<HTMLElement>('.study-bar')!.offsetHeight -
            document.getElementById('qi-trend')!.getBoundingClientRect().top,
        );
      const start = await into();
      // As a reader moves the page (a wheel; a finger is the same to the page): their own input lets
      // go of the place the link held while the page settles.
      await page.mouse.move(200, 400);
      await page.mouse.wheel(0, 500);
      await expect.poll(into).toBeGreaterThan(start + 400);
      const line = await into();
      await page.getByRole('button', { name: '搜索' }).click();
      await page.getByRole('combobox', { name: '搜索幻灯片和讲稿' }).fill('同志们');
      await page.locator('#study-results [role="option"][data-field="notes"]').first().click();
      await expect(page.locator('mark.study-hit').first()).toBeInViewport();
      await page.goBack();
      await expect(page).toHaveURL(/#\/qi-trend$/);
      await expect.poll(async () => Math.abs((await into()) - line)).toBeLessThanOrEqual(4);
    });

    test('Back after a link between slides', async ({ page, site }) => {
      await startAt(page, site, 'closing');
      await expect.poll(() => slideAtTop(page)).toBe('closing');
      await page.locator('section#closing a[href="#/he-title"]').click();
      await expect.poll(() => slideAtTop(page)).toBe('he-title');
      await backAndForwardReading(page, 'closing', 'he-title');
    });

    test('Back returns to the slide although the page above it grew meanwhile (larger text)', async ({
      page,
      site,
    }) => {
      // The browser's own scroll restoration puts back the pixel offset the entry was left at; once
      // the page above has changed height (here the text size, on a phone also charts drawn late),
      // that offset shows another slide and the reading view then writes that slide into the address.
      await startAt(page, site, 'closing');
      await expect.poll(() => slideAtTop(page)).toBe('closing');
      await page.locator('section#closing a[href="#/he-title"]').click();
      await expect.poll(() => slideAtTop(page)).toBe('he-title');
      await page.getByRole('button', { name: '阅读设置' }).click();
      const larger = page.getByRole('button', { name: '放大字号（A+）' });
      for (let i = 0; i < 4; i++) await larger.click();
      await expect(page.locator('.study-comfort-size')).toHaveText('175%');
      // A new text size keeps the reader's place, and the address naming it.
      expect(await slideAtTop(page)).toBe('he-title');
      await expect(page).toHaveURL(/#\/he-title$/);
      await page.keyboard.press('Escape');
      await backAndForwardReading(page, 'closing', 'he-title');
      // Settled: nothing scrolls the page afterwards to another slide or rewrites the address.
      await page.goBack();
      await expect.poll(() => slideAtTop(page)).toBe('closing');
      // Half a second later (a few frames of late layout and scroll events) it is still there.
      const later = await page.evaluate(() => performance.now() + 500);
      await page.waitForFunction((at) => performance.now() > at, later);
      expect(await slideAtTop(page)).toBe('closing');
      await expect(page).toHaveURL(/#\/closing$/);
    });
  });
}
