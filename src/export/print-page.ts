import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import type { Page } from 'playwright';

/**
 * Loads every font face the page declares, then waits for the document's fonts. `fonts.ready`
 * alone is not enough: a face starts loading only once layout asks for it.
 */
export async function loadAllFonts(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const loads: Promise<unknown>[] = [];
    document.fonts.forEach((face) => loads.push(face.load().catch(() => undefined)));
    await Promise.all(loads);
    await document.fonts.ready;
  });
}

/** What a print from Chromium must have before it is used: fonts (its text), and an outline when asked. */
export async function printDefects(bytes: Uint8Array, { outline }: { outline: boolean }): Promise<string[]> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const defects: string[] = [];
  let fonts = 0;
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (obj instanceof PDFDict && obj.get(PDFName.of('Type'))?.toString() === '/Font') fonts++;
  }
  if (fonts === 0) defects.push('no fonts');
  if (outline && !doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.has(PDFName.of('First'))) {
    defects.push('no outline');
  }
  return defects;
}

/**
 * Prints `page` to PDF, and prints it once more when Chromium's first print lacks what it must
 * have. On a loaded machine (several prints at once, load average > 15) Chromium now and then
 * writes a PDF without its text (no fonts at all) or without the outline it builds from the
 * accessibility tree; a second print of the same page has been whole. The caller's checks still
 * fail the export if the second print is defective too.
 */
export async function printPage(
  page: Page,
  options: Parameters<Page['pdf']>[0],
  { outline = false, onRetry = (_: string[]) => {} } = {},
): Promise<Uint8Array> {
  const first = await page.pdf(options);
  const defects = await printDefects(first, { outline });
  if (defects.length === 0) return first;
  onRetry(defects);
  return page.pdf(options);
}

/**
 * Prints a self-contained print document (the 讲话稿, the speaker's script) in `tab`: its HTML set,
 * every font loaded, A4 from its own @page rule, tagged, with no outline from Chromium (the
 * exporter writes bookmarks itself).
 */
export async function printHtml(tab: Page, html: string): Promise<Uint8Array> {
  await tab.setContent(html, { waitUntil: 'load' });
  await loadAllFonts(tab);
  return printPage(tab, { preferCSSPageSize: true, printBackground: true, tagged: true, outline: false });
}
