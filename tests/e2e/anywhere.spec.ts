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

    test('the trend table: the figures of a column line up, a bracketed note (非官方汇编) sits under its figure', async ({
      page,
      site,
    }) => {
      await openDeck(page, `${site}?view=read#/qi-trend`);
      const section = page.locator('section#qi-trend');
      await section.getByRole('button', { name: '查看数据' }).click();
      const box = section.locator('.chart-table');
      await expect(box).toBeVisible();
      const cells = await box.evaluate((el) =>
        [...el.querySelectorAll('tbody tr')].flatMap((tr) =>
          [...tr.querySelectorAll('td')].flatMap((td, column) => {
            const figure = td.firstChild;
            if (!figure || figure.nodeType !== Node.TEXT_NODE || !figure.textContent) return [];
            const range = document.createRange();
            range.selectNodeContents(figure);
            const line = range.getBoundingClientRect();
            const note = td.querySelector('.chart-cell-note')?.getBoundingClientRect();
            return [{ column, right: line.right, bottom: line.bottom, text: td.textContent!, noteTop: note?.top }];
          }),
        ),
      );
      const noted = cells.filter((c) => c.noteTop !== undefined);
      expect(noted.map((c) => c.text)).toContain('54.77（非官方汇编）');
      for (const c of noted) expect(c.noteTop!, c.text).toBeGreaterThanOrEqual(c.bottom - 1);
      for (const column of new Set(cells.map((c) => c.column))) {
        const rights = cells.filter((c) => c.column === column).map((c) => c.right);
        expect(Math.max(...rights) - Math.min(...rights), `column ${column + 2}`).toBeLessThanOrEqual(1);
      }
    });
  });
}

for (const size of [SIZES[0]!, SIZES[2]!]) {
  test.describe(`paragraph links at ${size.width}×${size.height}`, () => {
    test.use({ viewport: { width: size.width, height: size.height }, hasTouch: size.touch, isMobile: size.touch });

    test('the paragraph menu: 复制链接 copies a stable address; opening it scrolls to the paragraph and highlights it', async ({
      page,
      context,
      site,
    }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await openDeck(page, `${site}?view=read#/qi-world`);
      const paragraph = page.locator('section#qi-national aside.notes p').first();
      // The element id takes the compiler's reserved prefix; the address stays readable.
      await expect(paragraph).toHaveAttribute('id', 'para-qi-national-1');
      // The button is beside the notes, never in them: the speaker view and print read them as they are.
      await expect(page.locator('aside.notes button, aside.notes .study-para-links')).toHaveCount(0);
      const button = page
        .locator('section#qi-national')
        .getByRole('button', { name: '第 1 段：复制链接、划线、写笔记' });
      await button.scrollIntoViewIfNeeded();
      const box = (await button.boundingBox())!;
      expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(size.touch ? 44 : 32);
      // Level with the paragraph's first line, right of its text, inside the screen.
      const para = (await paragraph.boundingBox())!;
      const text = await paragraph.evaluate((p) => {
        const r = document.createRange();
        r.selectNodeContents(p);
        return Math.max(...[...r.getClientRects()].map((c) => c.right));
      });
      expect(box.y).toBeLessThan(para.y + 20);
      expect(box.y + box.height).toBeGreaterThan(para.y + 10);
      expect(box.x + 9).toBeGreaterThanOrEqual(text);
      expect(box.x + box.width).toBeLessThanOrEqual(size.width);
      await expect(button).toHaveAttribute('aria-haspopup', 'menu');
      await expect(button).toHaveAttribute('aria-expanded', 'false');
      if (size.touch) await button.tap();
      else await button.click();
      await expect(button).toHaveAttribute('aria-expanded', 'true');
      const menu = page.getByRole('menu', { name: '第 1 段' });
      await expect(menu.getByRole('menuitem')).toHaveText(['复制链接', '划线本段', '为本段写笔记']);
      // Under the button, inside the screen, its items big enough to tap on a phone.
      const menuBox = (await menu.boundingBox())!;
      expect(menuBox.x).toBeGreaterThanOrEqual(0);
      expect(menuBox.x + menuBox.width).toBeLessThanOrEqual(size.width);
      expect(menuBox.y).toBeGreaterThanOrEqual(box.y + box.height - 1);
      for (const item of await menu.getByRole('menuitem').all())
        expect((await item.boundingBox())!.height).toBeGreaterThanOrEqual(size.touch ? 44 : 32);
      await expect(menu.getByRole('menuitem', { name: '复制链接' })).toBeFocused();
      if (size.touch) await menu.getByRole('menuitem', { name: '复制链接' }).tap();
      else await menu.getByRole('menuitem', { name: '复制链接' }).click();
      await expect(menu).toBeHidden();
      await expect(button).toBeFocused();
      await expect(page.getByRole('status').filter({ hasText: '已复制链接' })).toBeVisible();
      const link = await page.evaluate(() => navigator.clipboard.readText());
      expect(link).toBe(`${site}?view=read#/qi-national/p1`);
      // The menu's words are not part of the speech a search finds.
      await page.getByRole('button', { name: '搜索' }).click();
      for (const words of ['复制链接', '划线本段']) {
        await page.getByRole('combobox').fill(words);
        await expect(page.locator('.study-search-status')).toContainText('没有找到');
      }

      await page.goto('about:blank');
      // The highlight is brief and may be over before the page is ready: record the moment it comes.
      await page.addInitScript(() => {
        new MutationObserver((records) => {
          for (const r of records)
            if (r.target instanceof Element && r.target.classList.contains('study-para-flash'))
              document.documentElement.dataset.flashed = r.target.id;
        }).observe(document, { attributes: true, attributeFilter: ['class'], subtree: true });
      });
      await openDeck(page, link);
      await expect(paragraph).toBeFocused();
      await expect(page.locator('html')).toHaveAttribute('data-flashed', 'para-qi-national-1');
      const top = await paragraph.evaluate((p) => p.getBoundingClientRect().top);
      const bar = await page.locator('.study-bar').evaluate((b) => b.getBoundingClientRect().bottom);
      expect(top).toBeGreaterThanOrEqual(bar - 1);
      expect(top).toBeLessThan(bar + 40);
      // The highlight is brief.
      await expect(paragraph).not.toHaveClass(/study-para-flash/, { timeout: 5000 });
      // A later jump to another paragraph (pasted into the address bar) highlights that one.
      await page.evaluate(() => (window.location.hash = '#/cheng-three/p3'));
      await expect(page.locator('#para-cheng-three-3')).toBeFocused();
      await expect(page.locator('html')).toHaveAttribute('data-flashed', 'para-cheng-three-3');
    });
  });
}

/** The WCAG contrast ratio of two CSS `rgb()` colours. */
function contrastRatio(a: string, b: string): number {
  const lum = (c: string): number => {
    const [r, g, bl] = (c.match(/[\d.]+/g) ?? []).map((v) => {
      const s = Number(v) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [x, y] = [lum(a), lum(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

/** The lowest contrast ratio of any reading text against the background behind it, and where. */
async function lowestContrast(page: Page): Promise<{ ratio: number; where: string }> {
  return page.evaluate(() => {
    const rgb = (c: string): number[] => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]: number[]): number => {
      const f = (v: number): number => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
    };
    const background = (el: Element | null): number[] => {
      for (let e = el; e; e = e.parentElement) {
        const c = rgb(getComputedStyle(e).backgroundColor);
        if (c.length === 3 || (c.length === 4 && c[3]! > 0.9)) return c.slice(0, 3);
      }
      return [255, 255, 255];
    };
    const islands = 'figure.chart, .study-toc, dialog, .study-resume, .structure-map-view';
    let lowest = { ratio: 99, where: '' };
    const texts = document.querySelectorAll('.reveal .slides *, .study-bar *');
    for (const el of texts) {
      if (el.closest(islands) || !(el instanceof HTMLElement)) continue;
      const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
      if (!own || el.getClientRects().length === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      const a = lum(rgb(getComputedStyle(el).color));
      const b = lum(background(el));
      const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      if (ratio < lowest.ratio)
        lowest = {
          ratio,
          where: `${el.tagName}.${el.className} ${getComputedStyle(el).color} on ${background(el).join(',')}: ${el.textContent!.slice(0, 20)}`,
        };
    }
    return lowest;
  });
}

for (const size of SIZES) {
  test.describe(`reading comfort at ${size.width}×${size.height}`, () => {
    test.use({ viewport: { width: size.width, height: size.height }, hasTouch: size.touch, isMobile: size.touch });

    test('the night theme follows the system, every reading text is at least 7:1, and the toggle is remembered', async ({
      page,
      site,
    }) => {
      await page.emulateMedia({ colorScheme: 'dark' });
      await openDeck(page, `${site}?view=read#/qi-world`);
      await expect(page.locator('html')).toHaveClass(/study-night/);
      const night = await lowestContrast(page);
      expect(night.ratio, night.where).toBeGreaterThanOrEqual(7);
      // The contents keep the day palette whole: every label of its diagram, the deck's own box
      // included (it drew dark text on the night's near-black), reads at 7:1 on its box. A phone
      // or tablet draws the contents when they are first opened.
      const contents = page.getByRole('button', { name: '目录' });
      if (await contents.isVisible()) await contents.click();
      await expect(page.locator('.study-toc .structure-node').first()).toBeVisible();
      const labels = await page.locator('.study-toc .structure-node').evaluateAll((nodes) =>
        nodes.flatMap((node) => {
          const box = node.querySelector('.node-box');
          if (!box) return [];
          const fill = getComputedStyle(box).fill;
          const back = fill === 'none' ? 'rgb(255, 255, 255)' : fill;
          return [...node.querySelectorAll('text, tspan')]
            .filter((t) => t.textContent?.trim())
            .map((t) => ({ fg: getComputedStyle(t).fill, bg: back, text: t.textContent!.slice(0, 12) }));
        }),
      );
      expect(labels.length).toBeGreaterThan(10);
      for (const l of labels) expect(contrastRatio(l.fg, l.bg), l.text).toBeGreaterThanOrEqual(7);
      // The card's padding stays inside the column: nothing scrolls sideways.
      await expect(page.locator('section#qi-world figure.chart')).toHaveAttribute('data-chart-state', 'final');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
      // Charts keep their light card: the chart's own text is dark on light.
      const card = await page
        .locator('section#qi-world figure.chart')
        .evaluate((f) => [getComputedStyle(f).backgroundColor, getComputedStyle(f).color]);
      expect(card).toEqual(['rgb(255, 255, 255)', 'rgb(29, 29, 31)']);

      // The reader's own choice wins over the system and survives a reload.
      await page.getByRole('button', { name: '阅读设置' }).click();
      const toggle = page.getByRole('switch', { name: '深色模式' });
      await expect(toggle).toBeChecked();
      await toggle.uncheck();
      await expect(page.locator('html')).not.toHaveClass(/study-night/);
      await page.reload();
      await page.waitForFunction(() => document.documentElement?.classList.contains('deck-ready'));
      await expect(page.locator('html')).not.toHaveClass(/study-night/);
      const day = await lowestContrast(page);
      expect(day.ratio, day.where).toBeGreaterThanOrEqual(7);
    });

    test('A− / A+ change the reading text in rem steps, remembered, and honour a larger browser font', async ({
      page,
      site,
    }) => {
      const speech = page.locator('section#qi-national aside.notes p').first();
      const px = () => speech.evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
      await openDeck(page, `${site}?view=read#/qi-national`);
      const base = await px();
      await page.getByRole('button', { name: '阅读设置' }).click();
      const larger = page.getByRole('button', { name: '放大字号（A+）' });
      await larger.click();
      await larger.click();
      await expect(page.locator('.study-comfort-size')).toHaveText('125%');
      expect(await px()).toBeCloseTo(base * 1.25, 1);
      await page.reload();
      await page.waitForFunction(() => document.documentElement?.classList.contains('deck-ready'));
      expect(await px()).toBeCloseTo(base * 1.25, 1);
      await page.getByRole('button', { name: '阅读设置' }).click();
      await page.getByRole('button', { name: '缩小字号（A−）' }).click();
      await expect(page.locator('.study-comfort-size')).toHaveText('113%');
      // The reader's browser set to a larger default font (20 px instead of 16): the text follows.
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Page.setFontSizes', { fontSizes: { standard: 20 } });
      await page.reload();
      await page.waitForFunction(() => document.documentElement?.classList.contains('deck-ready'));
      expect(await px()).toBeCloseTo(((base * 1.125) / 16) * 20, 0);
    });
  });
}

/** The slides with a chart, one of each kind. */
const CHART_SLIDES = ['opening-megacities', 'qi-trend', 'qi-world', 'qi-population', 'qi-hukou'];

/** What a chart looks like on screen: its box, what scrolls sideways in it, its smallest shown text. */
async function chartLayout(page: Page, id: string) {
  return page.locator(`section#${id} figure.chart`).evaluate((figure) => {
    const svg = figure.querySelector('svg.chart-svg') as SVGSVGElement;
    // The drawing is fitted into the SVG's box (preserveAspectRatio): by its width or its height.
    const box = svg.getBoundingClientRect();
    const scale = Math.min(box.width / svg.viewBox.baseVal.width, box.height / svg.viewBox.baseVal.height);
    const sizes = [...svg.querySelectorAll('text')]
      .filter((t) => t.getClientRects().length > 0 && (t.textContent ?? '').trim())
      .map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
    const scrolls = [...figure.querySelectorAll('*')]
      .filter((e) => !e.closest('.chart-table') && e.scrollWidth > e.clientWidth + 1)
      .filter((e) => ['auto', 'scroll'].includes(getComputedStyle(e).overflowX))
      .map((e) => e.className);
    const r = figure.getBoundingClientRect();
    const s = svg.getBoundingClientRect();
    return {
      figure: { left: r.left, right: r.right },
      svg: { left: s.left, right: s.right },
      page: document.documentElement.scrollWidth,
      scrolls,
      smallest: Math.min(...sizes),
    };
  });
}

for (const size of [
  { width: 390, height: 844 },
  { width: 360, height: 640 },
]) {
  test.describe(`charts on a ${size.width}×${size.height} phone`, () => {
    test.use({ viewport: size, hasTouch: true, isMobile: true });

    for (const id of CHART_SLIDES) {
      test(`${id}: fits the column with text of at least 12 px; a tap reads a point on screen; 查看数据 opens below`, async ({
        page,
        site,
      }) => {
        await openDeck(page, `${site}?view=read#/${id}`);
        const figure = page.locator(`section#${id} figure.chart`);
        await expect(figure).toHaveAttribute('data-chart-state', 'final');
        const layout = await chartLayout(page, id);
        expect(layout.scrolls, 'nothing in the chart scrolls sideways').toEqual([]);
        expect(layout.page).toBeLessThanOrEqual(size.width);
        expect(layout.svg.left).toBeGreaterThanOrEqual(layout.figure.left - 1);
        expect(layout.svg.right).toBeLessThanOrEqual(Math.min(layout.figure.right, size.width) + 1);
        expect(layout.smallest).toBeGreaterThanOrEqual(12);

        // A tap on the last point (the rightmost, where a readout is likeliest to run off) reads it on screen.
        const point = figure.locator('.chart-point').last();
        await point.scrollIntoViewIfNeeded();
        await point.tap({ force: true });
        const readout = figure.locator('.chart-tooltip');
        await expect(readout).toBeVisible();
        await expect(readout).toHaveText((await point.getAttribute('aria-label'))!);
        const tip = (await readout.boundingBox())!;
        expect(tip.x).toBeGreaterThanOrEqual(0);
        expect(tip.x + tip.width).toBeLessThanOrEqual(size.width);

        const toggle = figure.getByRole('button', { name: '查看数据' });
        await toggle.scrollIntoViewIfNeeded();
        await toggle.tap();
        const table = figure.locator('.chart-table');
        await expect(table).toBeVisible();
        await table.scrollIntoViewIfNeeded();
        const box = (await table.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(size.width);
        await expect(table.locator('tbody th').first()).toBeInViewport();
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
      });
    }
  });
}

test.describe('charts in the reading view on a laptop', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test('each chart uses the column and keeps its text at least 14 px', async ({ page, site }) => {
    await openDeck(page, `${site}?view=read#/qi-trend`);
    const column = await page.locator('section#qi-trend aside.notes').evaluate((n) => n.getBoundingClientRect().width);
    for (const id of CHART_SLIDES) {
      const figure = page.locator(`section#${id} figure.chart`);
      await figure.scrollIntoViewIfNeeded();
      await expect(figure).toHaveAttribute('data-chart-state', 'final');
      const layout = await chartLayout(page, id);
      expect(layout.svg.right - layout.svg.left, id).toBeGreaterThan(column * 0.9);
      expect(layout.smallest, id).toBeGreaterThanOrEqual(14);
      // Its source and notes are small print: at least 14 px, smaller than the speech beside it.
      const sizes = await page.locator(`section#${id}`).evaluate((s) => {
        const px = (sel: string): number[] =>
          [...s.querySelectorAll(sel)].map((e) => parseFloat(getComputedStyle(e).fontSize));
        return { print: px('.chart-source, .chart-footnote'), speech: px('aside.notes p')[0] ?? 0 };
      });
      expect(sizes.print.length, id).toBeGreaterThan(0);
      for (const size of sizes.print) {
        expect(size, id).toBeGreaterThanOrEqual(14);
        expect(size, id).toBeLessThan(sizes.speech);
      }
    }
  });
});

for (const size of [
  { width: 390, height: 844, touch: true },
  { width: 360, height: 640, touch: true },
  { width: 1366, height: 768, touch: false },
]) {
  test.describe(`the structure diagram in the reading view at ${size.width}×${size.height}`, () => {
    test.use({ viewport: { width: size.width, height: size.height }, hasTouch: size.touch, isMobile: size.touch });

    test('is a vertical tree at the column width: text at least 14 px, nodes 44 px targets, named, by key and by touch', async ({
      page,
      site,
    }) => {
      await openDeck(page, `${site}?view=read#/agenda`);
      const view = page.locator('section#agenda .structure-map-view');
      await view.scrollIntoViewIfNeeded();
      const shape = await view.evaluate((v) => {
        const svg = v.querySelector('svg')!;
        const box = svg.getBoundingClientRect();
        const scale = Math.min(box.width / svg.viewBox.baseVal.width, box.height / svg.viewBox.baseVal.height);
        const texts = [...svg.querySelectorAll('text')].filter(
          (t) => t.getClientRects().length && t.textContent?.trim(),
        );
        const nodes = [...svg.querySelectorAll('.structure-node .node-box')].map((b) => b.getBoundingClientRect());
        const lefts = new Set(
          [...svg.querySelectorAll('.structure-node.kind-part .node-box')].map((b) => b.getBoundingClientRect().left),
        );
        return {
          column: v.parentElement!.getBoundingClientRect().width,
          width: box.width,
          right: box.right,
          smallest: Math.min(...texts.map((t) => parseFloat(getComputedStyle(t).fontSize) * scale)),
          narrowest: Math.min(...nodes.map((r) => r.width)),
          lowest: Math.min(...nodes.map((r) => r.height)),
          partColumns: lefts.size,
        };
      });
      expect(shape.width).toBeLessThanOrEqual(shape.column + 1);
      expect(shape.right).toBeLessThanOrEqual(size.width);
      // Parts top to bottom (one column of parts), not side by side.
      expect(shape.partColumns).toBe(1);
      expect(shape.smallest).toBeGreaterThanOrEqual(14);
      expect(shape.narrowest).toBeGreaterThanOrEqual(44);
      expect(shape.lowest).toBeGreaterThanOrEqual(44);

      // A text alternative: a named tree of named items.
      const tree = view.getByRole('tree');
      await expect(tree).toHaveAccessibleName(/.+/);
      const cheng = view.locator('[role="treeitem"][data-key="part:cheng"]');
      await expect(cheng).toHaveAccessibleName(/理顺关系.*承/);

      // The keyboard: the arrows walk the nodes, Enter goes to the part.
      await view.getByRole('treeitem').first().focus();
      await page.keyboard.press('ArrowDown');
      await expect(view.getByRole('treeitem').nth(1)).toBeFocused();
      await cheng.focus();
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(/#\/cheng/);

      // Touch (or a click): a tap on a part goes there too.
      await page.goto('about:blank');
      await openDeck(page, `${site}?view=read#/agenda`);
      const zhuan = view.locator('[role="treeitem"][data-key="part:zhuan"]');
      await zhuan.scrollIntoViewIfNeeded();
      if (size.touch) await zhuan.tap();
      else await zhuan.click();
      await expect(page).toHaveURL(/#\/zhuan/);
    });
  });
}

test('the agenda slide keeps its scaled 起承转合 chain after the reading view', async ({ page, site }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openDeck(page, `${site}?view=read#/agenda`);
  await page.keyboard.press('r');
  await expect(page.locator('html')).not.toHaveClass(/reading-view/);
  const view = page.locator('section#agenda .structure-map-view');
  await expect(view).toHaveClass(/is-scaled/);
  const lefts = await view.evaluate(
    (v) =>
      new Set([...v.querySelectorAll('.structure-node.kind-part .node-box')].map((b) => b.getBoundingClientRect().left))
        .size,
  );
  expect(lefts).toBeGreaterThan(3);
});

test('in forced colours a chart keeps its series apart and its labels readable', async ({ page, site }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.emulateMedia({ forcedColors: 'active', colorScheme: 'dark' });
  await openDeck(page, `${site}#/qi-world`);
  const svg = page.locator('section#qi-world svg.chart-svg');
  await expect(page.locator('section#qi-world figure.chart')).toHaveAttribute('data-chart-state', 'final');
  const look = await svg.evaluate((s) => {
    const fills = new Set(
      [...s.querySelectorAll('.chart-legend path, .chart-point:not(.chart-point-hollow)')].map(
        (p) => getComputedStyle(p).fill,
      ),
    );
    const label = s.querySelector('.chart-label, .chart-axis text')!;
    return { fills: fills.size, label: getComputedStyle(label).fill, background: getComputedStyle(s).backgroundColor };
  });
  // Six countries: six marker colours, not one system colour.
  expect(look.fills).toBeGreaterThanOrEqual(6);
  expect(look.background).toBe('rgb(255, 255, 255)');
  expect(look.label).not.toBe('rgb(255, 255, 255)');
});

test('打印本部分 prints the part being read, with its full text, and nothing of the other parts', async ({
  page,
  site,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openDeck(page, `${site}?view=read#/cheng-relations`);
  await page.evaluate(() => {
    window.print = () => document.documentElement.setAttribute('data-printed', 'yes');
  });
  await page.getByRole('button', { name: '阅读设置' }).click();
  await page.getByRole('button', { name: '打印本部分（承）' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-printed', 'yes');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('section#cheng-relations')).toBeVisible();
  await expect(page.locator('section#cheng-relations aside.notes')).toBeVisible();
  await expect(page.locator('section#qi-trend')).toBeHidden();
  await expect(page.locator('section#zhuan-four')).toBeHidden();
  await expect(page.locator('.study-bar')).toBeHidden();
  // After the print dialog, the page is whole again.
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.emulateMedia({ media: 'screen' });
  await expect(page.locator('html')).not.toHaveClass(/study-print-part/);
  await expect(page.locator('section#qi-trend')).toBeVisible();
});
