import { inspectPdf } from '../../src/export/inspect.ts';
import { waitForPrintState } from '../../src/export/pdf.ts';
import { expect, test } from './fixtures.ts';

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
