import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, FILE_URL, expect, openDeck, platformFonts, test } from './fixtures.ts';

interface SlideCheck {
  id: string;
  overflow: string[];
  notes: number;
}

/** Visits every slide through reveal's API and reports content outside the slide box. */
async function visitAllSlides(page: import('@playwright/test').Page): Promise<SlideCheck[]> {
  return page.evaluate(async () => {
    const deck = window.deck!;
    const out: { id: string; overflow: string[]; notes: number }[] = [];
    const slides = [...document.querySelectorAll<HTMLElement>('.reveal .slides > section.part > section')];
    for (const slide of slides) {
      const { h, v } = deck.getIndices(slide);
      deck.slide(h, v ?? 0, Number.MAX_SAFE_INTEGER);
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const box = slide.getBoundingClientRect();
      const tolerance = 2;
      const overflow: string[] = [];
      for (const el of slide.querySelectorAll<HTMLElement>('*')) {
        if (el.closest('aside.notes') || el.closest('[hidden]')) continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        if (
          r.left < box.left - tolerance ||
          r.top < box.top - tolerance ||
          r.right > box.right + tolerance ||
          r.bottom > box.bottom + tolerance
        ) {
          overflow.push(`${el.tagName.toLowerCase()}.${el.className}: ${(el.textContent ?? '').slice(0, 30)}`);
        }
      }
      const notes = slide.querySelector('aside.notes')?.textContent?.trim().length ?? 0;
      out.push({ id: slide.id, overflow, notes });
    }
    return out;
  });
}

for (const size of [
  { width: 1920, height: 1080 },
  { width: 1024, height: 768 },
]) {
  test(`every slide fits at ${size.width}×${size.height} with no console error`, async ({ page, site }) => {
    await page.setViewportSize(size);
    await openDeck(page, site);
    const checks = await visitAllSlides(page);
    expect(checks.length).toBeGreaterThan(5);
    expect(checks.filter((c) => c.overflow.length > 0)).toEqual([]);
  });
}

test('the parts come in order, each a vertical stack, and every slide has notes', async ({ page, site }) => {
  await openDeck(page, site);
  const parts = await page.$$eval('.reveal .slides > section.part', (els) =>
    els.map((e) => (e as HTMLElement).dataset.label),
  );
  expect(parts).toEqual(['开篇', '起', '承', '转', '合', '结语']);
  const withoutNotes = await page.$$eval('.reveal .slides > section.part > section', (els) =>
    els.filter((e) => (e.querySelector('aside.notes')?.textContent ?? '').trim() === '').map((e) => e.id),
  );
  expect(withoutNotes).toEqual([]);
});

test('from file:// the first slide is drawn in the bundled CJK font', async ({ page }) => {
  await openDeck(page, FILE_URL);
  const heading = page.locator('.reveal .slides section.present h1').first();
  await expect(heading).toBeVisible();
  await expect(heading).toContainText('城市治理');
  const [fonts = []] = await platformFonts(page, '.reveal .slides section.present h1');
  // Every glyph of the heading comes from our web font, none from a system fallback.
  expect(fonts.length).toBeGreaterThan(0);
  for (const f of fonts) {
    expect(f.isCustomFont, `${f.familyName} is a system font`).toBe(true);
    expect(f.familyName).toMatch(/^Noto Sans SC/);
  }
});

test('the page requests nothing outside its own folder', async ({ page, site }) => {
  const outside: string[] = [];
  const folder = pathToFileURL(DIST + path.sep).href;
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(site) && !url.startsWith(folder) && !url.startsWith('data:')) outside.push(url);
  });
  await openDeck(page, site);
  await page.keyboard.press('End');
  await openDeck(page, FILE_URL);
  expect(outside).toEqual([]);
});

test('clicker keys, black screen, overview and the Chinese help work', async ({ page, site }) => {
  await openDeck(page, site);
  const current = (): Promise<string> => page.evaluate(() => window.deck!.getCurrentSlide().id);
  const start = await current();
  // A clicker sends PageDown/PageUp; fragments count as steps, so press until the slide changes.
  for (let i = 0; i < 10 && (await current()) === start; i++) await page.keyboard.press('PageDown');
  expect(await current()).not.toBe(start);
  for (let i = 0; i < 10 && (await current()) !== start; i++) await page.keyboard.press('PageUp');
  expect(await current()).toBe(start);

  await page.keyboard.press('b');
  await expect(page.locator('.reveal.paused')).toHaveCount(1);
  await page.keyboard.press('b');
  await expect(page.locator('.reveal.paused')).toHaveCount(0);

  await page.keyboard.press('o');
  await expect(page.locator('.reveal.overview')).toHaveCount(1);
  await page.keyboard.press('o');
  await expect(page.locator('.reveal.overview')).toHaveCount(0);

  await page.keyboard.press('Shift+?');
  const help = page.getByRole('dialog', { name: '键盘快捷键' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('黑屏');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await expect(page.locator('.reveal .controls .navigate-right')).toHaveAttribute('aria-label', '下一页');
});

test('an unknown #/address opens the deck without an error', async ({ page, site }) => {
  await openDeck(page, `${site}#/no-such-slide`);
  await expect(page.locator('.reveal .slides section.present').first()).toBeVisible();
});

test('a slide is addressed by its id', async ({ page, site }) => {
  const id = await (async () => {
    await openDeck(page, site);
    return page.$$eval('.reveal .slides > section.part > section', (els) => els[3]!.id);
  })();
  await openDeck(page, `${site}#/${id}`);
  expect(await page.evaluate(() => window.deck!.getCurrentSlide().id)).toBe(id);
});

test('screen readers get a document, and each new slide is announced by title', async ({ page, site }) => {
  await openDeck(page, site);
  await expect(page.locator('.reveal')).not.toHaveAttribute('role', 'application');
  const live = page.locator('.deck-announcer[aria-live="polite"]');
  await page.evaluate(() => window.deck!.slide(1, 0));
  const title = await page.evaluate(() => window.deck!.getCurrentSlide().dataset.title ?? '');
  await expect(live).toContainText(title);
  await expect(live).toContainText('第 ');
});
