import type { Page } from '@playwright/test';
import { FILE_URL, expect, openDeck, platformFonts, test } from './fixtures.ts';

/** The chart slides of the deck and the kind each one draws (issue 3). */
const CHART_SLIDES = {
  'qi-trend': 'trend',
  'qi-world': 'compare',
  'qi-population': 'population',
  'qi-hukou': 'gap',
  'opening-megacities': 'cities',
} as const;

const figure = (page: Page, slide: string) => page.locator(`section#${slide} figure[data-chart]`);

/** Goes to a slide through reveal's API and returns the chart state right after the change. */
async function goTo(page: Page, slide: string): Promise<string | undefined> {
  return page.evaluate((id) => {
    const section = document.getElementById(id)!;
    const { h, v } = window.deck!.getIndices(section);
    window.deck!.slide(h, v);
    return section.querySelector<HTMLElement>('figure[data-chart]')?.dataset.chartState;
  }, slide);
}

test('every chart slide draws its chart, animated, and reaches its final state', async ({ page, site }) => {
  await openDeck(page, site);
  // The charts are a script of their own that arrives once the deck is up (src/runtime/lazy.ts).
  await page.waitForFunction(() => !!window.deckFeatures?.charts);
  for (const [slide, kind] of Object.entries(CHART_SLIDES)) {
    await expect(figure(page, slide)).toHaveAttribute('data-chart-kind', kind);
    // A chart animates each time its slide is shown.
    expect(await goTo(page, slide)).toBe('drawing');
    await expect(figure(page, slide)).toHaveAttribute('data-chart-state', 'final');
    await expect(figure(page, slide).locator('svg.chart-svg')).toHaveCount(1);
    await expect(figure(page, slide).locator('.chart-source')).toContainText('来源：');
    const label = await figure(page, slide).locator('svg.chart-svg').getAttribute('aria-label');
    expect(label?.length).toBeGreaterThan(4);
  }
  // A revisit draws again.
  expect(await goTo(page, 'qi-trend')).toBe('drawing');
  await expect(figure(page, 'qi-trend')).toHaveAttribute('data-chart-state', 'final');
});

test('under prefers-reduced-motion a chart is final at once', async ({ browser, site }) => {
  const context = await browser.newContext({ reducedMotion: 'reduce', viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await openDeck(page, site);
  // The charts script arrives once the deck is up; a chart shown before it is drawn when it comes.
  await page.waitForFunction(() => !!window.deckFeatures?.charts);
  for (const slide of Object.keys(CHART_SLIDES)) expect(await goTo(page, slide)).toBe('final');
  expect(errors).toEqual([]);
  await context.close();
});

test('the readout works by keyboard: Tab into the chart, arrows between points, the deck stays put', async ({
  page,
  site,
}) => {
  await openDeck(page, `${site}#/qi-trend`);
  const fig = figure(page, 'qi-trend');
  await expect(fig).toHaveAttribute('data-chart-state', 'final');
  await fig.locator('.chart-data-toggle').focus();
  await page.keyboard.press('Tab');
  const tooltip = fig.locator('.chart-tooltip');
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toContainText('1949年：10.64%');
  await expect(tooltip).toContainText('来源：国家统计局');
  await page.keyboard.press('ArrowRight');
  await expect(tooltip).toContainText('1951年：11.78%');
  await page.keyboard.press('End');
  await expect(tooltip).toContainText('2024年：67.00%');
  await page.keyboard.press('ArrowDown');
  await expect(tooltip).toContainText('人口普查');
  expect(await page.evaluate(() => window.deck!.getCurrentSlide().id)).toBe('qi-trend');
  await expect(fig.locator('.chart-focus-ring')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(tooltip).toBeHidden();
});

test('the readout follows the mouse and a touch', async ({ page, site }) => {
  await openDeck(page, `${site}#/qi-hukou`);
  const fig = figure(page, 'qi-hukou');
  await expect(fig).toHaveAttribute('data-chart-state', 'final');
  const point = fig.locator('.chart-point[data-series="hukou"][data-year="2023"]');
  await point.hover();
  await expect(fig.locator('.chart-tooltip')).toContainText('户籍人口城镇化率，2023年：48.3%');
  await expect(fig.locator('.chart-tooltip')).toContainText('相差 17.86 个百分点');
  await page.mouse.move(5, 5);
  await expect(fig.locator('.chart-tooltip')).toBeHidden();
});

test('查看数据 toggles a data table with the published values', async ({ page, site }) => {
  await openDeck(page, `${site}#/qi-trend`);
  const fig = figure(page, 'qi-trend');
  const toggle = fig.getByRole('button', { name: '查看数据' });
  await expect(fig.locator('.chart-table')).toBeHidden();
  await toggle.click();
  await expect(fig.locator('.chart-table')).toBeVisible();
  await expect(fig.getByRole('button', { name: '隐藏数据' })).toHaveAttribute('aria-expanded', 'true');
  const table = fig.locator('.chart-table table');
  await expect(table.locator('tbody tr')).toHaveCount(50);
  await expect(table.locator('tbody tr', { hasText: '2024' })).toContainText('67.00');
  await expect(table.locator('tbody tr', { hasText: '2010' })).toContainText('49.68（人口普查）');
  await fig.getByRole('button', { name: '隐藏数据' }).click();
  await expect(fig.locator('.chart-table')).toBeHidden();
});

test('the comparison legend switches countries on and off', async ({ page, site }) => {
  await openDeck(page, `${site}#/qi-world`);
  const fig = figure(page, 'qi-world');
  await expect(fig).toHaveAttribute('data-chart-state', 'final');
  const world = fig.getByRole('button', { name: '显示或隐藏：世界' });
  await expect(fig.locator('path.chart-line[data-series="WLD"]')).toHaveCount(2);
  await world.click();
  await expect(world).toHaveAttribute('aria-pressed', 'false');
  await expect(fig.locator('path.chart-line[data-series="WLD"]')).toHaveCount(0);
  await world.press('Enter');
  await expect(fig.locator('path.chart-line[data-series="WLD"]')).toHaveCount(2);
});

test('in the overview and in print view every chart is final', async ({ page, site }) => {
  await openDeck(page, `${site}#/qi-trend`);
  await page.evaluate(() => window.deck!.toggleOverview(true));
  for (const slide of Object.keys(CHART_SLIDES))
    await expect(figure(page, slide)).toHaveAttribute('data-chart-state', 'final');
  await openDeck(page, `${site}?print-pdf`);
  for (const slide of Object.keys(CHART_SLIDES)) {
    await expect(figure(page, slide)).toHaveAttribute('data-chart-state', 'final');
    await expect(figure(page, slide).locator('svg .chart-point').first()).toBeAttached();
  }
});

test('the charts script arriving after the overview opened still draws every chart final', async ({ page, site }) => {
  // Under load the charts script (loaded once the deck is up) can arrive after the reader opened
  // the overview: the plugin then starts inside it and must catch up, as with print.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/assets/charts-*.js', async (route) => {
    await held;
    await route.continue();
  });
  await openDeck(page, `${site}#/qi-trend`);
  await page.evaluate(() => window.deck!.toggleOverview(true));
  release();
  await page.waitForFunction(() => !!window.deckFeatures?.charts);
  for (const slide of Object.keys(CHART_SLIDES))
    await expect(figure(page, slide)).toHaveAttribute('data-chart-state', 'final');
});

for (const viewport of [
  { width: 1920, height: 1080 },
  { width: 1024, height: 768 },
  { width: 390, height: 844 },
]) {
  test(`charts fit inside their slide at ${viewport.width}×${viewport.height}, from file://`, async ({ page }) => {
    await page.setViewportSize(viewport);
    for (const slide of Object.keys(CHART_SLIDES)) {
      await openDeck(page, `${FILE_URL}#/${slide}`);
      await expect(figure(page, slide)).toHaveAttribute('data-chart-state', 'final');
      const box = await page.evaluate((id) => {
        const section = document.getElementById(id)!.getBoundingClientRect();
        const fig = document.getElementById(id)!.querySelector('figure')!.getBoundingClientRect();
        const svg = document.getElementById(id)!.querySelector('svg.chart-svg')!.getBoundingClientRect();
        return { section, fig, svg };
      }, slide);
      expect(box.svg.width).toBeGreaterThan(viewport.width * 0.5);
      expect(box.fig.bottom).toBeLessThanOrEqual(box.section.bottom + 1);
      expect(box.fig.right).toBeLessThanOrEqual(box.section.right + 1);
      await page.screenshot({ path: `test-results/charts-${slide}-${viewport.width}.png` });
    }
  });
}

test('in the reading view every chart is final at its natural size, and fits its slide again after', async ({
  page,
  site,
}) => {
  await openDeck(page, `${site}#/qi-population`);
  await expect(figure(page, 'qi-population')).toHaveAttribute('data-chart-state', 'final');
  const maxHeight = () =>
    page.evaluate(() => document.querySelector<SVGSVGElement>('#qi-population svg.chart-svg')!.style.maxHeight);
  expect(await maxHeight()).toMatch(/px$/);
  await page.keyboard.press('r');
  await expect(page.locator('html.reading-view')).toHaveCount(1);
  for (const slide of Object.keys(CHART_SLIDES))
    await expect(figure(page, slide)).toHaveAttribute('data-chart-state', 'final');
  expect(await maxHeight()).toBe('');
  await page.keyboard.press('r');
  await expect(page.locator('html.reading-view')).toHaveCount(0);
  await page.evaluate(() =>
    window.deck!.slide(
      ...(Object.values(window.deck!.getIndices(document.getElementById('qi-population')!)) as [number, number]),
    ),
  );
  await expect.poll(maxHeight).toMatch(/px$/);
});

test('bold chart text is set in the real bold face, not synthesised from the regular one', async ({ page, site }) => {
  await openDeck(page, `${site}#/qi-trend`);
  await expect(figure(page, 'qi-trend')).toHaveAttribute('data-chart-state', 'final');
  await page.evaluate(() => document.fonts.ready);
  const nodes = await platformFonts(page, 'section#qi-trend .chart-annotation-head');
  expect(nodes.length).toBeGreaterThan(0);
  for (const fonts of nodes) {
    for (const f of fonts) {
      // A synthesised bold reports the regular face; the real one is Noto Sans SC Bold.
      expect(f.isCustomFont).toBe(true);
      expect(f.postScriptName, `${f.familyName} for bold text`).toMatch(/Bold/);
    }
  }
});

for (const viewport of [
  { width: 360, height: 780 },
  { width: 390, height: 844 },
  { width: 1366, height: 768 },
]) {
  test(`in the reading view at ${viewport.width} px every chart's text is inside its drawing`, async ({
    page,
    site,
  }) => {
    await page.setViewportSize(viewport);
    await page.goto(`${site}?view=read#/qi-trend`);
    const cut: string[] = [];
    for (const slide of Object.keys(CHART_SLIDES)) {
      const fig = figure(page, slide);
      await fig.scrollIntoViewIfNeeded();
      await expect(fig).toHaveAttribute('data-chart-state', 'final');
      cut.push(
        ...(await fig.locator('svg.chart-svg').evaluate((svg, id) => {
          const box = svg.getBoundingClientRect();
          return [...svg.querySelectorAll('text')]
            .map((t) => ({ t, b: t.getBoundingClientRect() }))
            .filter(({ b }) => b.width > 0 && (b.left < box.left - 1 || b.right > box.right + 1))
            .map(
              ({ t, b }) =>
                `${id}: "${t.textContent}" ${Math.round(b.left - box.left)}…${Math.round(b.right - box.right)}`,
            );
        }, slide)),
      );
    }
    expect(cut).toEqual([]);
  });
}

test.describe('on a touch phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('a finger on a point reads out that point, not a neighbour drawn over it', async ({ page, site }) => {
    await page.goto(`${site}?view=read#/qi-trend`);
    for (const slide of ['qi-trend', 'qi-population', 'qi-world', 'qi-hukou']) {
      const fig = figure(page, slide);
      await fig.scrollIntoViewIfNeeded();
      await expect(fig).toHaveAttribute('data-chart-state', 'final');
      const wrong: string[] = [];
      const points = fig.locator('.chart-point');
      // Every point's centre and readout, read at each tap (the page may have moved); two points
      // at one spot (a census and the year-end figure, equal) may answer for each other.
      const centres = (): Promise<{ x: number; y: number; label: string }[]> =>
        points.evaluateAll((els) =>
          els.map((el) => {
            const b = el.getBoundingClientRect();
            return { x: b.x + b.width / 2, y: b.y + b.height / 2, label: el.getAttribute('aria-label') ?? '' };
          }),
        );
      const count = await points.count();
      expect(count, slide).toBeGreaterThan(5);
      for (let i = 0; i < count; i++) {
        const all = await centres();
        const at = all[i]!;
        // Points hidden under the sticky toolbar or off screen are not for this finger.
        if (at.y < 80 || at.y > 830) continue;
        await page.touchscreen.tap(at.x, at.y);
        const said = await fig.locator('.chart-tooltip').textContent();
        const here = all.filter((p) => Math.hypot(p.x - at.x, p.y - at.y) < 0.5).map((p) => p.label);
        if (!here.includes(said ?? '')) wrong.push(`${at.label} → ${said}`);
      }
      expect(wrong, slide).toEqual([]);
    }
  });
});
