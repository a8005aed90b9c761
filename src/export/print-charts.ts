import type { Page } from 'playwright';
import { PRINT_SCALE_EVENT } from '../common/print.ts';

/**
 * Draws the print view's charts for the scale a document prints its slides at (printed px per
 * slide px; null: the slides' own size, as slides.pdf prints them), by the charts plugin's
 * `PRINT_SCALE_EVENT` (src/runtime/charts/plugin.ts), and waits until every chart is final again.
 * Each chart is then laid out at the width it prints at (draw.ts `printWidth`), its text at print
 * size instead of a slide-sized chart shrunk.
 */
export async function drawChartsForPrint(page: Page, scale: number | null, timeout: number): Promise<void> {
  await page.evaluate(([name, detail]) => document.dispatchEvent(new CustomEvent(name, { detail })), [
    PRINT_SCALE_EVENT,
    scale,
  ] as const);
  await page.waitForFunction(
    () => [...document.querySelectorAll('figure.chart')].every((f) => f.getAttribute('data-chart-state') === 'final'),
    undefined,
    { timeout, polling: 'raf' },
  );
}

/**
 * Runs `work` (e.g. taking the slides for the handout) with the charts drawn for `scale`, then
 * draws them back at the slides' own size, also when `work` fails: the same page prints slides.pdf.
 */
export async function atPrintScale<T>(page: Page, scale: number, timeout: number, work: () => Promise<T>): Promise<T> {
  await drawChartsForPrint(page, scale, timeout);
  try {
    return await work();
  } finally {
    await drawChartsForPrint(page, null, timeout);
  }
}
