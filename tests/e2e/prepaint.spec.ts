import type { Page, Route } from '@playwright/test';
import { FILE_URL, expect, openDeck, test } from './fixtures.ts';

/**
 * The first slide is painted from the static HTML before reveal.js runs (src/runtime/prepaint.ts,
 * assets/styles/prepaint.css), and reveal then takes over without moving anything.
 */

interface Box {
  sel: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Boxes of the first slide's visible heading and paragraphs, named by their text. */
const firstSlideBoxes = (page: Page): Promise<Box[]> =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('#title h1, #title p')]
      .filter((el) => el.checkVisibility() && el.getBoundingClientRect().width > 0)
      .map((el) => {
        const r = el.getBoundingClientRect();
        return { sel: `${el.tagName} ${el.textContent ?? ''}`, x: r.x, y: r.y, width: r.width, height: r.height };
      }),
  );

/**
 * Boxes of the title slide's and the agenda slide's blocks down to the agenda's diagram (drawn by
 * the deck script: what follows it moves down when it is drawn).
 */
const boxesAboveDiagram = (page: Page): Promise<Box[]> =>
  page.evaluate(() =>
    [
      ...document.querySelectorAll<HTMLElement>(
        '#title > :is(.study-slide-label, h1, .study-notes-heading), #agenda > :is(.study-slide-label, h2, .structure-map)',
      ),
    ].map((el) => {
      const r = el.getBoundingClientRect();
      return { sel: `${el.tagName} ${el.className}`.trim(), x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );

/** Holds the deck's bundle (not the head script) until `release()` is called. */
async function holdBundle(page: Page): Promise<{ release: () => Promise<void> }> {
  const held: Route[] = [];
  let released = false;
  await page.route(/\/assets\/index-[^/]*\.js$/, async (route) => {
    if (released) await route.continue();
    else held.push(route);
  });
  return {
    release: async () => {
      released = true;
      await Promise.all(held.map((r) => r.continue()));
    },
  };
}

/** Waits until the first slide's heading is visible with its final fonts loaded. */
async function waitFirstSlidePainted(page: Page): Promise<void> {
  await expect(page.locator('#title h1')).toBeVisible();
  await page.waitForFunction(() =>
    // The slide's own text: its notes are not shown, and their glyphs may be in a face loaded later.
    [...document.querySelectorAll<HTMLElement>('#title h1, #title p:not(aside.notes *)')].every((el) => {
      const s = getComputedStyle(el);
      return document.fonts.check(`${s.fontWeight} ${s.fontSize} ${s.fontFamily}`, el.textContent ?? '');
    }),
  );
}

for (const viewport of [
  { width: 1920, height: 1080 },
  { width: 1024, height: 768 },
]) {
  test(`the first slide is drawn before reveal starts, exactly where reveal puts it (${viewport.width}×${viewport.height})`, async ({
    page,
    site,
  }) => {
    await page.setViewportSize(viewport);
    const bundle = await holdBundle(page);
    await page.goto(site, { waitUntil: 'commit' });
    await waitFirstSlidePainted(page);
    expect(await page.evaluate(() => document.documentElement.classList.contains('deck-ready'))).toBe(false);
    expect(await page.evaluate(() => document.documentElement.classList.contains('deck-prepaint'))).toBe(true);
    // Only the first slide: the agenda and the other parts wait for reveal.
    await expect(page.locator('#agenda')).toBeHidden();
    await expect(page.locator('.reveal .slides > section').nth(1)).toBeHidden();
    const before = await firstSlideBoxes(page);
    expect(before.length).toBeGreaterThanOrEqual(2);
    const clip = {
      x: Math.min(...before.map((b) => b.x)),
      y: Math.min(...before.map((b) => b.y)),
      width: Math.max(...before.map((b) => b.x + b.width)) - Math.min(...before.map((b) => b.x)),
      height: Math.max(...before.map((b) => b.y + b.height)) - Math.min(...before.map((b) => b.y)),
    };
    const shotBefore = await page.screenshot({ clip });

    await bundle.release();
    await page.waitForFunction(() => document.documentElement?.classList.contains('deck-ready'));
    expect(await page.evaluate(() => document.documentElement.classList.contains('deck-prepaint'))).toBe(false);
    const after = await firstSlideBoxes(page);
    expect(after.map((a) => a.sel)).toEqual(before.map((b) => b.sel));
    for (const [i, b] of before.entries()) {
      const a = after[i]!;
      expect(Math.abs(a.x - b.x), `${b.sel} x`).toBeLessThanOrEqual(0.5);
      expect(Math.abs(a.y - b.y), `${b.sel} y`).toBeLessThanOrEqual(0.5);
      expect(Math.abs(a.width - b.width), `${b.sel} width`).toBeLessThanOrEqual(0.5);
    }
    // Same pixels: same font, weight, colour and place.
    expect((await page.screenshot({ clip })).equals(shotBefore)).toBe(true);
    // reveal's own scale is the one the head script computed.
    const scales = await page.evaluate(() => [
      getComputedStyle(document.body).getPropertyValue('--slide-scale').trim(),
      document.documentElement.style.getPropertyValue('--deck-prepaint-scale').trim(),
    ]);
    expect(scales[0]).toBe(scales[1]);
  });
}

test('the slide neither blinks nor moves while reveal takes over', async ({ page, site }) => {
  // Every animation frame from the first one that shows the heading until the deck is ready.
  await page.addInitScript(() => {
    const frames: { shown: boolean; x: number; y: number }[] = [];
    (window as unknown as { __frames: typeof frames }).__frames = frames;
    const tick = (): void => {
      const h1 = document.querySelector('#title h1');
      const shown = !!h1?.checkVisibility({ opacityProperty: true, visibilityProperty: true });
      if (shown || frames.length > 0) {
        const r = h1!.getBoundingClientRect();
        frames.push({ shown, x: r.x, y: r.y });
      }
      if (!document.documentElement.classList.contains('deck-ready')) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await openDeck(page, site);
  const frames = await page.evaluate(
    () => (window as unknown as { __frames: { shown: boolean; x: number; y: number }[] }).__frames,
  );
  expect(frames.length).toBeGreaterThan(0);
  expect(frames.every((f) => f.shown)).toBe(true);
  const first = frames[0]!;
  expect(frames.every((f) => Math.abs(f.x - first.x) <= 0.5 && Math.abs(f.y - first.y) <= 0.5)).toBe(true);
});

test('a slide address or print wait for reveal instead of showing the first slide', async ({ page, site }) => {
  for (const url of [`${site}#/qi-trend`, `${site}?print-pdf`]) {
    const bundle = await holdBundle(page);
    await page.goto(url, { waitUntil: 'commit' });
    // The head script has run (served, it adds the font preloads, in the same task as its decision)
    // and the first slide is parsed.
    await page.waitForFunction(
      () => !!document.querySelector('link[rel="preload"][as="font"]') && !!document.querySelector('#title'),
    );
    expect(await page.evaluate(() => document.documentElement.classList.contains('deck-prepaint')), url).toBe(false);
    await expect(page.locator('#title h1'), url).toBeHidden();
    await bundle.release();
    await page.waitForFunction(() => document.documentElement?.classList.contains('deck-ready'));
    await page.unrouteAll();
  }
});

test('from file:// the first slide is prepainted too, and the fonts load from disk', async ({ page }) => {
  const bundle = await holdBundle(page);
  await page.goto(FILE_URL, { waitUntil: 'commit' });
  await waitFirstSlidePainted(page);
  await bundle.release();
  await page.waitForFunction(() => document.documentElement?.classList.contains('deck-ready'));
  // No preload from file:// (Chromium refuses it as a CORS request); served pages get two.
  expect(await page.locator('link[rel="preload"]').count()).toBe(0);
});

test('served, the head script preloads the first slide fonts; the speaker view has none of it', async ({
  page,
  site,
}) => {
  await openDeck(page, site);
  const preloads = await page
    .locator('link[rel="preload"][as="font"]')
    .evaluateAll((ls) => ls.map((l) => (l as HTMLLinkElement).href));
  expect(preloads.length).toBe(2);
  const fontsUsed = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((n) => n.endsWith('.woff2')),
  );
  // Each font fetched once: the preload is the request the style sheet then uses.
  expect(new Set(fontsUsed).size).toBe(fontsUsed.length);
  for (const href of preloads) expect(fontsUsed).toContain(href);
  await page.goto(`${site}speaker.html`);
  expect(await page.locator('script[src*="prepaint-"]').count()).toBe(0);
  expect(await page.evaluate(() => document.documentElement.classList.contains('deck-prepaint'))).toBe(false);
});

test('once the deck is ready, the remaining bold glyphs and the notes’ glyphs load, so no font arrives mid-talk', async ({
  page,
  site,
}) => {
  await page.addInitScript(() => {
    // Before the page parses there is no <html> yet: watch the document.
    new MutationObserver((_, observer) => {
      if (document.documentElement?.classList.contains('deck-ready')) {
        (window as unknown as { readyAt: number }).readyAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { attributes: true, subtree: true, attributeFilter: ['class'] });
  });
  await openDeck(page, site);
  await expect
    .poll(() => page.evaluate(() => [...document.fonts].filter((f) => f.status !== 'loaded').length), {
      timeout: 15_000,
    })
    .toBe(0);
  // The two regular faces, the two bold ones, and the few glyphs the Chinese subset lacks (← →).
  expect(await page.evaluate(() => document.fonts.size)).toBeGreaterThanOrEqual(4);
  const { readyAt, rest, notes } = await page.evaluate(() => {
    const started = (name: string): number[] =>
      performance
        .getEntriesByType('resource')
        .filter((e) => e.name.includes(name))
        .map((e) => e.startTime);
    return {
      readyAt: (window as unknown as { readyAt: number }).readyAt,
      rest: started('deck-sans-sc-700-rest'),
      // The glyphs only the notes use: the first slide's own notes (hidden) must not fetch them.
      notes: started('deck-sans-sc-400-notes'),
    };
  });
  // Each fetched once, and only after the first slide was up and reveal ready.
  for (const face of [rest, notes]) {
    expect(face).toHaveLength(1);
    expect(face[0]!).toBeGreaterThanOrEqual(readyAt);
  }
});

for (const how of ['?view=read', 'an upright phone'] as const) {
  test(`the reading view (${how}) shows the speech before the deck script has run, and takes over in place`, async ({
    page,
    site,
  }) => {
    if (how === 'an upright phone') await page.setViewportSize({ width: 390, height: 844 });
    const bundle = await holdBundle(page);
    await page.goto(how === '?view=read' ? `${site}?view=read` : site, { waitUntil: 'commit' });
    // Measured as the reader first sees it: once the page has painted, so with its style sheet
    // (the document can be read, unstyled, while the sheet is still on its way: x 8, the body's margin).
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
    // Laid out as the reading view by the style sheet alone: the title and the first speech paragraph
    // are on the page, every slide is shown, nothing is prepainted as a slide.
    await expect(page.locator('#title h1')).toBeVisible();
    await expect(page.locator('aside.notes > [data-role="speech"] > p').first()).toBeVisible();
    const classes = await page.evaluate(() => document.documentElement.className);
    expect(classes).toContain('reading-prepaint');
    expect(classes).not.toContain('deck-prepaint');
    const scrollable = await page.evaluate(() => document.documentElement.scrollHeight > 5 * innerHeight);
    expect(scrollable).toBe(true);
    const before = await boxesAboveDiagram(page);
    expect(before.map((b) => b.sel)).toEqual([
      'P study-slide-label',
      'H1',
      'H2 study-notes-heading',
      'P study-slide-label',
      'H2',
      'DIV structure-map',
    ]);
    await bundle.release();
    await page.waitForFunction(() => document.documentElement?.classList.contains('deck-ready'));
    await expect(page.locator('html.reading-view')).toHaveCount(1);
    expect(await page.evaluate(() => document.documentElement.classList.contains('reading-prepaint'))).toBe(false);
    // Nothing above the agenda's diagram moves: the slide labels and notes headings are in the page
    // already (added by the script they pushed the page down, a layout shift Lighthouse counted
    // against the phone), and the page is not scrolled.
    for (const [i, box] of (await boxesAboveDiagram(page)).entries()) {
      expect(Math.abs(box.x - before[i]!.x), box.sel).toBeLessThanOrEqual(0.5);
      expect(Math.abs(box.y - before[i]!.y), box.sel).toBeLessThanOrEqual(0.5);
    }
    await page.unrouteAll();
  });
}

test('an upright phone asks for the deck script only once the first screen is painted with its fonts', async ({
  page,
  site,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openDeck(page, site);
  await expect(page.locator('html.reading-view')).toHaveCount(1);
  const times = await page.evaluate(() => {
    const started = (part: string): number[] =>
      performance
        .getEntriesByType('resource')
        .filter((e) => e.name.includes(part))
        .map((e) => e.startTime);
    return {
      deck: started('/assets/index-'),
      // The first screen's fonts: those the head script preloads.
      firstFonts: (document.querySelector<HTMLScriptElement>('script[data-preload]')?.dataset.preload ?? '')
        .split(' ')
        .filter(Boolean)
        .map((f) => new URL(f, document.baseURI).href)
        .flatMap((href) => performance.getEntriesByName(href, 'resource'))
        .map((e) => (e as PerformanceResourceTiming).responseEnd),
      painted: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    };
  });
  // Fetched once, after the first paint and after the first screen's fonts arrived.
  expect(times.deck).toHaveLength(1);
  expect(times.deck[0]!).toBeGreaterThan(times.painted);
  expect(times.firstFonts.length).toBe(2);
  for (const end of times.firstFonts) expect(times.deck[0]!).toBeGreaterThan(end);
  // The script that ran is the one the build named: the feature scripts are found from it.
  expect(await page.locator('script[src*="/assets/index-"][data-lazy*="charts="]').count()).toBe(1);
  await page.goto(`${site}speaker.html`);
  expect(await page.locator('script[defer][src*="index-"]').count()).toBe(1);
});
