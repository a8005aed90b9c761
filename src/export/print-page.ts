import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import type { Page } from 'playwright';

/**
 * A face whose file arrived within this time of being asked for is printed as it is: well inside
 * `font-display: block`'s 3 s. Binding every face again cost each tab a second fetch and decode of
 * all its fonts (the deck's page: 14 files; the 讲话稿: a megabyte).
 */
const IN_TIME_MS = 2000;

/**
 * Makes every font face the page declares in its stylesheets ready for print, and waits for them.
 *
 * Waiting for the faces to load is not enough. A face that arrives after its block period
 * (`font-display: block`: 3 s; a loaded machine gets there) is drawn on screen, but Chromium's
 * first print of the page then shows its text invisible, or in a system fallback (DroidSansFallback,
 * LiberationSans); only a second print is right. Seen with font responses held back 4 s
 * (tests/e2e/export-fonts.spec.ts). So each @font-face rule's file that did not arrive in time
 * (IN_TIME_MS; or was never asked for, or failed) is read once more (a data: URL decoded, any other
 * URL fetched from the page's own server) and added under the same family and descriptors as a
 * face made from bytes: such a face has no display timeline, and, added after the stylesheet's,
 * it is the one the print uses. Faces added by script are loaded as they are.
 * @throws Error naming the font file when one cannot be read (printing it would use a fallback).
 */
export async function loadAllFonts(page: Page): Promise<void> {
  // Plain JavaScript in a string: the page runs it as written (no transpiler helpers it lacks).
  const failed = (await page.evaluate(String.raw`(async function () {
    var rules = [];
    var collect = function (list, base) {
      Array.prototype.forEach.call(list, function (rule) {
        if (rule instanceof CSSFontFaceRule) rules.push({ rule: rule, base: base });
        else if (rule.cssRules) collect(rule.cssRules, base);
      });
    };
    Array.prototype.forEach.call(document.styleSheets, function (sheet) {
      collect(sheet.cssRules, sheet.href || document.baseURI);
    });
    var failed = [];
    var early = [];
    document.fonts.forEach(function (face) { early.push(face.load().catch(function () {})); });
    await Promise.all(early);
    // A file that came in well within the block period, whole: its face prints as it is.
    var inTime = function (url) {
      var entry = performance.getEntriesByName(url).filter(function (e) { return e.responseEnd > 0; }).pop();
      return !!entry && entry.responseStatus === 200 && entry.responseEnd - entry.startTime < ${IN_TIME_MS};
    };
    var faces = await Promise.all(rules.map(async function (r) {
      var style = r.rule.style;
      var match = /url\(\s*(["']?)([^"')]+)\1\s*\)/.exec(style.getPropertyValue('src'));
      if (!match) return null;
      var url = new URL(match[2], r.base).href;
      if (!url.startsWith('data:') && inTime(url)) return null;
      try {
        var bytes;
        if (url.startsWith('data:')) {
          var binary = atob(url.slice(url.indexOf(',') + 1));
          bytes = new Uint8Array(binary.length);
          for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
        } else {
          var response = await fetch(url);
          if (!response.ok) throw new Error(String(response.status));
          bytes = new Uint8Array(await response.arrayBuffer());
        }
        var descriptors = {};
        [['weight', 'font-weight'], ['style', 'font-style'], ['stretch', 'font-stretch'], ['unicodeRange', 'unicode-range']].forEach(function (d) {
          var value = style.getPropertyValue(d[1]);
          if (value) descriptors[d[0]] = value;
        });
        var face = new FontFace(style.getPropertyValue('font-family').replace(/^["']|["']$/g, ''), bytes, descriptors);
        await face.load();
        return face;
      } catch (error) {
        failed.push(url.startsWith('data:') ? url.slice(0, 40) + '…' : url);
        return null;
      }
    }));
    // Every face the page declares was loaded (or failed) above, before its arrival was judged.
    faces.forEach(function (face) { if (face) document.fonts.add(face); });
    await document.fonts.ready;
    return failed;
  })()`)) as string[];
  if (failed.length > 0) {
    throw new Error(
      `字体文件未能读取（font failed to load）：${failed.join('、')} — 打印会换成系统字体；请检查 dist/ 是否完整，重新运行 npm run build`,
    );
  }
}

/** A print from Chromium: its bytes, and the document pdf-lib read from them (read once, used by every step after). */
export interface PrintedPdf {
  bytes: Uint8Array;
  doc: PDFDocument;
}

/** What a print from Chromium must have before it is used: fonts (its text), and an outline when asked. */
export function printDefects(doc: PDFDocument, { outline }: { outline: boolean }): string[] {
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

/** Prints `page` and reads the PDF with pdf-lib. */
async function printOnce(page: Page, options: Parameters<Page['pdf']>[0]): Promise<PrintedPdf> {
  const bytes = await page.pdf(options);
  return { bytes, doc: await PDFDocument.load(bytes, { updateMetadata: false }) };
}

/**
 * Prints `page` to PDF, and prints it once more when Chromium's first print lacks what it must
 * have: its text (no fonts at all) or the outline it builds from the accessibility tree. Prints
 * without text came from fonts that arrived late (see `loadAllFonts`, which now prevents them);
 * the second print stays as a guard. The caller's checks still fail the export if the second
 * print is defective too. @returns the print with its parsed document, for the steps after
 * (named pages, finishing) to share one parse.
 */
export async function printPage(
  page: Page,
  options: Parameters<Page['pdf']>[0],
  { outline = false, onRetry = (_: string[]) => {} } = {},
): Promise<PrintedPdf> {
  const first = await printOnce(page, options);
  const defects = printDefects(first.doc, { outline });
  if (defects.length === 0) return first;
  onRetry(defects);
  return printOnce(page, options);
}

/**
 * Prints a self-contained print document (the 讲话稿, the speaker's script) in `tab`: its HTML set,
 * every font loaded, A4 from its own @page rule, tagged, with no outline from Chromium (the
 * exporter writes bookmarks itself).
 */
export async function printHtml(tab: Page, html: string): Promise<PrintedPdf> {
  await tab.setContent(html, { waitUntil: 'load' });
  await loadAllFonts(tab);
  return printPage(tab, { preferCSSPageSize: true, printBackground: true, tagged: true, outline: false });
}
