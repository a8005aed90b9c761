import type { Page } from 'playwright';
import { PRINT_SCALE_EVENT, type PrintScaleDetail } from '../common/print.ts';

/**
 * Draws the print view's charts for the scale a document prints its slides at (printed px per
 * slide px; null: the slides' own size, as slides.pdf prints them), by the charts plugin's
 * `PRINT_SCALE_EVENT` (src/runtime/charts/plugin.ts), and waits until every chart is final again.
 * Each chart is then laid out at the width it prints at (draw.ts `printWidth`), its text at print
 * size instead of a slide-sized chart shrunk. @returns how many charts were drawn again
 */
export async function drawChartsForPrint(page: Page, scale: number | null, timeout: number): Promise<number> {
  const redrawn = await page.evaluate(
    ([name, scale]) => {
      const detail: PrintScaleDetail = { scale };
      document.dispatchEvent(new CustomEvent(name, { detail }));
      return detail.redrawn ?? 0;
    },
    [PRINT_SCALE_EVENT, scale] as const,
  );
  await page.waitForFunction(
    () => [...document.querySelectorAll('figure.chart')].every((f) => f.getAttribute('data-chart-state') === 'final'),
    undefined,
    { timeout, polling: 'raf' },
  );
  return redrawn;
}

/**
 * Runs `work` (e.g. taking the slides for the handout) with the charts drawn for `scale`, then
 * draws them back at the slides' own size, also when `work` fails: the same page prints slides.pdf.
 * @returns what `work` gave, or null when no chart prints at another width (nothing to take again)
 */
export async function atPrintScale<T>(
  page: Page,
  scale: number,
  timeout: number,
  work: () => Promise<T>,
): Promise<T | null> {
  if ((await drawChartsForPrint(page, scale, timeout)) === 0) return null;
  try {
    return await work();
  } finally {
    await drawChartsForPrint(page, null, timeout);
  }
}
