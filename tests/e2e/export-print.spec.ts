import { createHash } from 'node:crypto';
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, findBrowser } from '../../src/export/browser.ts';
import { inspectPdf } from '../../src/export/inspect.ts';
import { finishPdf, PRINT_EXTRACT, waitForPrintState, type Extracted } from '../../src/export/pdf.ts';
import { printScript } from '../../src/export/script/print.ts';
import { completeGlyphs } from '../../src/export/glyphs.ts';
import { handoutHtml } from '../../src/export/handout.ts';
import { fitHandout } from '../../src/export/handout-fit.ts';
import { openHandoutTab } from '../../src/export/handout-tab.ts';
import { loadAllFonts, printPage } from '../../src/export/print-page.ts';
import type { Page } from 'playwright';
import { expect, test } from './fixtures.ts';

/**
 * What printing waits for and what may not vary: the PDFs come out whole and the same however
 * busy the machine is and whatever else the browser prints beside them.
 */

/**
 * Fonts that arrive late still print. Under load the deck's font files can take longer than their
 * block period (font-display: block, 3 s); Chromium then drew the text on screen, but its first
 * print of the page had the text invisible or in a system fallback (DroidSansFallback,
 * LiberationSans) — the exporter printed before the fonts were ready for print. Here every font
 * response is held back 4 s, and the page is printed once, as the exporter prints it.
 */
test('the deck’s print view prints in the deck’s fonts when every font file arrives after its block period', async ({
  page,
  site,
}) => {
  test.setTimeout(120_000);
  await page.route('**/*.woff2', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    await route.continue();
  });
  await page.goto(`${site}index.html?print-pdf`, { waitUntil: 'load', timeout: 60_000 });
  await waitForPrintState(page, 60_000);
  const report = await inspectPdf(
    await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: false }),
  );
  const fonts = [...new Set(report.fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')))];
  expect(fonts.length, 'fonts embedded (none: the text printed invisible)').toBeGreaterThan(0);
  expect(fonts.filter((name) => !/^NotoSansSC/.test(name))).toEqual([]);
  // The text is there on every page, not only in the fonts' list.
  report.text.forEach((text, i) => expect(text.trim(), `page ${i + 1}`).not.toBe(''));
});

/**
 * The charts script may arrive while reveal lays out its print view: reveal holds the slides
 * outside the page between placing them on their PDF pages and its 'pdf-ready'. Started in that
 * window, the charts plugin found no figure and none was ever drawn: the export waited for "charts
 * not in their final state" until it timed out (seen under load once each plugin started in a task
 * of its own). Here the charts script is held until the slides are out of the page, and reveal's
 * next frame until the plugin has started, so it starts in that window every time.
 */
test('print: the charts plugin starting while reveal lays out the print view still draws every chart', async ({
  page,
  site,
}) => {
  let slidesOut: () => void = () => {};
  const out = new Promise<void>((resolve) => (slidesOut = resolve));
  await page.exposeFunction('deckTestSlidesOut', () => slidesOut());
  await page.route('**/assets/charts-*.js', async (route) => {
    await out;
    await route.continue();
  });
  await page.addInitScript(() => {
    const w = window as unknown as { deckFeatures?: { charts?: unknown }; deckTestSlidesOut: () => void };
    const raf = window.requestAnimationFrame.bind(window);
    const held: FrameRequestCallback[] = [];
    let state: 'waiting' | 'holding' | 'done' = 'waiting';
    // Decided when the frame comes: reveal asks for its next frame before the slides are out.
    window.requestAnimationFrame = (cb) => raf((time) => (state === 'holding' ? held.push(cb) : cb(time)));
    new MutationObserver(() => {
      const html = document.documentElement;
      if (state !== 'waiting' || !html.classList.contains('print-pdf')) return;
      if (document.querySelector('figure[data-chart]')) return;
      state = 'holding';
      w.deckTestSlidesOut();
      const release = (): void => {
        if (!w.deckFeatures?.charts) return void setTimeout(release, 20);
        // The plugin starts in the script's load event; reveal's frame comes well after.
        setTimeout(() => {
          state = 'done';
          for (const cb of held.splice(0)) raf(cb);
        }, 200);
      };
      release();
    }).observe(document, { subtree: true, childList: true, attributes: true });
  });
  await page.goto(`${site}index.html?print-pdf`, { waitUntil: 'load' });
  await waitForPrintState(page, 20_000);
  const charts = page.locator('figure.chart');
  expect(await charts.count()).toBeGreaterThan(0);
  for (const chart of await charts.all()) {
    await expect(chart).toHaveAttribute('data-chart-state', 'final');
    // Drawn once, and sized to its PDF page.
    await expect(chart.locator(':scope > .chart-body > svg')).toHaveCount(1);
    await expect(chart.locator(':scope > .chart-body > svg')).toHaveAttribute('data-fitted', 'true');
  }
});

test('script.pdf comes out byte for byte the same printed six times, three at once, in one busy browser', async ({
  site,
}) => {
  test.setTimeout(180_000);
  // The exporter prints its four PDFs at once in tabs of one browser. Chromium numbers the
  // script's table cells (the structure tree's /ID) from accessibility nodes; with every tab
  // slowed to a sixth of the CPU, as on a loaded machine, the numbers varied from print to print
  // (this test failed before the exporter renumbered them).
  const browser = await chromium.launch({
    executablePath: (await findBrowser()).executablePath,
    args: CHROMIUM_ARGS,
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    context.on('page', (tab) => {
      void context
        .newCDPSession(tab)
        .then((cdp) => cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 }))
        .catch(() => {});
    });
    const page = await context.newPage();
    await page.goto(`${site}index.html?print-pdf`, { waitUntil: 'load' });
    await waitForPrintState(page, 60_000);
    const data = (await page.evaluate(PRINT_EXTRACT)) as Extracted;
    const deck = {
      meta: data.meta,
      parts: data.parts.map((p) => ({ ...p, slides: data.slides.filter((s) => s.part === p.id) })),
    };
    const date = new Date(Date.UTC(2026, 10, 29));
    const print = async (): Promise<string> => {
      const { bytes } = await printScript(context, deck, { root: process.cwd() });
      return createHash('sha256')
        .update(await finishPdf(bytes, data, 'script', date, []))
        .digest('hex');
    };
    const printed = [
      ...(await Promise.all([print(), print(), print()])),
      ...(await Promise.all([print(), print(), print()])),
    ];
    expect(new Set(printed).size, printed.join(' ')).toBe(1);
  } finally {
    await browser.close();
  }
});

test('the handout put into a page opened before its slides existed prints the same bytes as the handout loaded as a page', async ({
  page,
  context,
  site,
}) => {
  test.setTimeout(120_000);
  // The exporter opens the handout's page and loads its fonts while the deck still lays out, then
  // puts the handout in (handout-tab.ts). Whatever that leaves of the empty page, or misses of the
  // handout's own (its styles, its root's and body's attributes, its title), shows in the PDF.
  await page.goto(`${site}index.html?print-pdf`, { waitUntil: 'load' });
  await waitForPrintState(page, 60_000);
  const data = (await page.evaluate(PRINT_EXTRACT)) as Extracted;
  const html = handoutHtml({ ...data, layout: 'notes', printedOn: '2026年11月29日' });
  const url = `${site}handout-print.html`;
  const date = new Date(Date.UTC(2026, 10, 29));
  const print = async (tab: Page): Promise<string> => {
    await completeGlyphs(tab, process.cwd());
    await fitHandout(tab, 'notes', { contents: true });
    const { doc } = await printPage(tab, {
      preferCSSPageSize: true,
      printBackground: true,
      tagged: true,
      format: 'A4',
    });
    return createHash('sha256')
      .update(await finishPdf(doc, data, 'handout', date, []))
      .digest('hex');
  };
  // As a page of its own.
  const own = await context.newPage();
  await own.route(url, (route) => route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }));
  await own.goto(url, { waitUntil: 'load' });
  await loadAllFonts(own);
  // Put into the empty page, and into one whose stylesheets differ from the handout's (loaded anew).
  const early = await openHandoutTab(await context.newPage(), url, data.stylesheets);
  const other = await openHandoutTab(await context.newPage(), url, ['./assets/missing.css']);
  await Promise.all([early.ready, other.ready]);
  await Promise.all([early.show(html), other.show(html)]);
  const titles = await Promise.all(
    context
      .pages()
      .slice(-3)
      .map((tab) => tab.title()),
  );
  expect(new Set(titles).size, titles.join(' | ')).toBe(1);
  const [a, b, c] = [await print(own), await print(context.pages().at(-2)!), await print(context.pages().at(-1)!)];
  expect(b, 'put in place').toBe(a);
  expect(c, 'other stylesheets: loaded as a page').toBe(a);
});
