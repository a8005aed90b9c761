import type { Page } from 'playwright';

/**
 * Loads every font face the page declares, then waits for the document's fonts. `fonts.ready`
 * alone is not enough: a face starts loading only once layout asks for it, so on a busy machine
 * a page could print while its text was still invisible (font-display: block) — a PDF with no
 * text at all.
 */
export async function loadAllFonts(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const loads: Promise<unknown>[] = [];
    document.fonts.forEach((face) => loads.push(face.load().catch(() => undefined)));
    await Promise.all(loads);
    await document.fonts.ready;
  });
}
