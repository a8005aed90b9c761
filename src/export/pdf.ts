import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { BrowserContext, Page } from 'playwright';
import { SLIDE_GEOMETRY } from '../config.ts';
import { PRINT_DATA_ID, PRINT_READY_ATTR, type PrintData } from '../markdown/views.ts';
import { t } from '../common/i18n.ts';
import { CHROMIUM_ARGS, findBrowser, type BrowserSearch } from './browser.ts';
import { deckFolder } from '../deck-folder.ts';
import { ensureBuilt, InterruptedError, prepareOutDir, stageFiles, type BuildMode, type Progress } from './command.ts';
import { chineseDate, handoutHtml, handoutItemId, type HandoutLayout, type PrintedSlide } from './handout.ts';
import { namedPages } from './destinations.ts';
import { scriptPartId } from './script/html.ts';
import { fitHandout, handoutSlideScale } from './handout-fit.ts';
import { atPrintScale } from './print-charts.ts';
import { openHandoutTab } from './handout-tab.ts';
import { readBuiltPage, withFontPreloads } from './built-page.ts';
import { inspectDocument, pdfProblems, type PdfReport } from './inspect.ts';
import { loadAllFonts, printPage, type PrintedPdf } from './print-page.ts';
import { completeGlyphs } from './glyphs.ts';
import { printSpeech, speechFontText } from './speech/print.ts';
import { printScript, scriptFontText } from './script/print.ts';
import { s as scriptString } from './script/strings.ts';
import { writeOutline, type Bookmark } from './outline.ts';
import { repairStructure, sourceDate, stableStructIds, stampMetadata } from './finish.ts';
import { partHeadingText, repeatsPart } from '../common/part-heading.ts';
import type { PrintDeck, PrintSlide } from './speech/text.ts';
import { serveStatic, type StaticServer } from './server.ts';

/** Options of `exportPdf`; every field has a default. */
export interface ExportOptions {
  /** Project root (src/, vite.config.ts, and the default deck's slides/). Default: the current directory. */
  root?: string;
  /** Another deck folder (its own slides/, dist/, export/), as `--deck` gives. Default: the project's deck. */
  deck?: string | null;
  /** The built site. Default the deck's `dist/`. */
  dist?: string;
  /** Output folder. Default the deck's `export/`. */
  out?: string;
  /** `auto` builds when dist/ is missing or older than its sources; `never` requires it built. Default `auto`. */
  build?: BuildMode;
  /** One slides.pdf page per fragment step instead of complete slides. Default false. */
  fragments?: boolean;
  /** Handout layout: each slide with its notes, or three slides a page with ruled space. Default `notes`. */
  handoutLayout?: HandoutLayout;
  /** speech.pdf shows the editorial summaries as marked inserts; false leaves them out. Default true. */
  editorial?: boolean;
  /** Also copy the PDFs into dist/ and add the "下载讲义" marker to dist/index.html. Default false. */
  intoDist?: boolean;
  /** Loopback port to serve dist/ on. Default 0: a free port. */
  port?: number;
  /** Chromium to use; default: found by `findBrowser` (CHROME_PATH, Playwright's, system, apt). */
  executablePath?: string;
  /** Environment and search list for `findBrowser` (tests make "no browser" happen with these). */
  env?: NodeJS.ProcessEnv;
  browserSearch?: BrowserSearch;
  /** Longest wait for the print layout, every chart's final state and fonts, in ms. Default 30 000. */
  readyTimeout?: number;
  /** Progress reports (steps, pages). */
  onProgress?: (event: ExportProgress) => void;
  /** Abort the export (the CLI aborts on Ctrl-C); browser and server are still closed. */
  signal?: AbortSignal;
}

/** A progress report (see `progressPrinter`). */
export type ExportProgress = Progress;

/** One written and checked file. */
export interface ExportedFile {
  kind: 'slides' | 'handout' | 'speech' | 'script';
  path: string;
  pages: number;
  bytes: number;
  report: PdfReport;
}

/** A finished PDF as written to its temporary file, and what reading it back found. */
interface Printed {
  bytes: Uint8Array;
  report: PdfReport;
}

/** What `exportPdf` did. */
export interface ExportResult {
  files: ExportedFile[];
  /** True when dist/ was (re)built first; `buildMs` is its duration. */
  built: boolean;
  buildMs: number;
  /** Time spent exporting (server, browser, both PDFs, checks), without the build. */
  exportMs: number;
  slides: number;
  /** Ids of slides whose content is taller or wider than the slide: cut off at the page edge. */
  cutOff: string[];
}

export { OutputNotWritableError } from './command.ts';

/** A written PDF failed its checks (page count, fonts, outline, metadata). */
export class PdfCheckError extends Error {
  constructor(file: string, problems: string[]) {
    super(`${file} failed its checks: ${problems.join('; ')}`);
    this.name = 'PdfCheckError';
  }
}

/** The deck did not reach its print state in time (names what it waited for). */
export class PrintTimeoutError extends Error {
  constructor(what: string, ms: number) {
    super(
      `The deck's print view was not ready after ${ms} ms: ${what} — open dist/index.html?print-pdf in a browser to see why.`,
    );
    this.name = 'PrintTimeoutError';
  }
}

/** The export was interrupted (Ctrl-C) before its files were put in place: the output folder is as it was. */
export class ExportAbortedError extends InterruptedError {
  constructor() {
    super('已中断导出（export interrupted）：浏览器和本地服务器已停止，输出文件夹里仍是上一次的完整文件。');
    this.name = 'ExportAbortedError';
  }
}

const STEPS = ['build', 'start', 'layout', 'slides.pdf', 'handout.pdf', 'speech.pdf', 'script.pdf', 'check'] as const;

/** The marker --into-dist adds to dist/index.html; src/runtime/handout-link.ts reads it. */
export const HANDOUT_MARKER = `<link rel="alternate" type="application/pdf" href="./handout.pdf" title="${t('handoutDownload')}" data-handout />`;

/** Chromium's profile folder: ours, so it is removed after every run, interrupted or not. */
const PROFILE_PREFIX = 'deck-chromium-';

/**
 * Waits for reveal's print layout (`?print-pdf`, structured by src/runtime/print-plugin.ts), every
 * chart's final state (`figure.chart[data-chart-state="final"]`) and the fonts. No fixed sleeps.
 */
export async function waitForPrintState(page: Page, timeout: number): Promise<void> {
  await waitForPrintLayout(page, timeout);
  await loadAllFonts(page);
}

/**
 * Waits for reveal's print layout and every chart's final state: what the other documents take from
 * the deck's page (PRINT_EXTRACT) is there then; its fonts (`loadAllFonts`) matter to its own print.
 */
export async function waitForPrintLayout(page: Page, timeout: number): Promise<void> {
  // Function predicates, not strings: Playwright evaluates string predicates with `new Function`,
  // which the deck's CSP (script-src 'self') forbids.
  try {
    await page.waitForFunction((attr) => document.documentElement.dataset[attr] === 'ready', PRINT_READY_ATTR, {
      timeout,
      polling: 'raf',
    });
  } catch {
    throw new PrintTimeoutError('reveal\'s print layout (html[data-print-layout="ready"])', timeout);
  }
  try {
    await page.waitForFunction(
      () => [...document.querySelectorAll('figure.chart')].every((f) => f.getAttribute('data-chart-state') === 'final'),
      undefined,
      { timeout, polling: 'raf' },
    );
  } catch {
    const ids = await page.evaluate(() =>
      [...document.querySelectorAll('figure.chart')]
        .filter((f) => f.getAttribute('data-chart-state') !== 'final')
        .map((f) => f.id || f.closest('section')?.id || '?'),
    );
    throw new PrintTimeoutError(`charts not in their final state: ${ids.join(', ')}`, timeout);
  }
}

/** Ids of the slides whose content runs past the slide's edge (measured with the fonts that print). */
const CUT_OFF = `Array.prototype.filter.call(
    document.querySelectorAll('.pdf-page:not([data-fragment-copy]) > section[data-part]'),
    function (s) { return s.scrollHeight > s.clientHeight + 2 || s.scrollWidth > s.clientWidth + 2; }
  ).map(function (s) { return s.id; })`;

/** What the handout needs from the laid-out print view (one entry per slide, not per fragment step). */
export const PRINT_EXTRACT = `(function () {
  var data = JSON.parse(document.getElementById(${JSON.stringify(PRINT_DATA_ID)}).textContent);
  var pages = Array.prototype.slice.call(document.querySelectorAll('.pdf-page'));
  var slides = Array.prototype.map.call(
    document.querySelectorAll('.pdf-page:not([data-fragment-copy]) > section[data-part]'),
    function (s) {
      var copy = s.cloneNode(true);
      var notes = copy.querySelector('aside.notes');
      // Every block of the notes with its role, as text a paragraph a line (the 讲话稿 and the script).
      var blocks = notes ? Array.prototype.map.call(notes.querySelectorAll(':scope > [data-role]'), function (b) {
        var parts = Array.prototype.filter.call(b.querySelectorAll('p, li, h1, h2, h3, h4, h5, h6'), function (e) {
          return !e.closest('summary') && !e.classList.contains('role-label') && !e.querySelector('p');
        });
        return { role: b.getAttribute('data-role'), text: parts.map(function (e) { return e.textContent.trim(); }).join('\\n') };
      }) : [];
      // The audience handout shows the speech and marked editorial summaries: never directions,
      // notes to the speaker or the full provenance (the sources slide itself is the short list).
      if (notes) Array.prototype.forEach.call(notes.querySelectorAll('[data-role="direction"], [data-role="note"], [data-role="source"]'), function (b) { b.remove(); });
      var notesHtml = notes ? notes.innerHTML : '';
      if (notes) notes.remove();
      copy.removeAttribute('style');
      copy.removeAttribute('hidden');
      copy.classList.add('present');
      copy.classList.remove('past', 'future');
      return { id: s.id, part: s.getAttribute('data-part'), title: s.getAttribute('data-title') || '', section: s.getAttribute('data-section') || '', editorial: s.classList.contains('editorial'), notes: blocks, html: copy.outerHTML, notesHtml: notesHtml, page: pages.indexOf(s.closest('.pdf-page')) + 1 };
    });
  var stylesheets = Array.prototype.map.call(document.querySelectorAll('link[rel="stylesheet"]'), function (l) { return l.getAttribute('href'); });
  var cutOff = ${CUT_OFF};
  return { meta: data.meta, parts: data.parts, slides: slides, stylesheets: stylesheets, pages: document.querySelectorAll('.pdf-page').length, cutOff: cutOff };
})()`;

export interface Extracted extends PrintData {
  /** Each slide with the 1-based page of slides.pdf it starts on. */
  slides: (PrintedSlide & PrintSlide & { page: number })[];
  stylesheets: string[];
  pages: number;
  cutOff: string[];
}

/**
 * Everything Chromium's print lacks, added with pdf-lib: the outline (`bookmarks`, from pages the
 * exporter knows; Chromium's own is never used), a structure tree
 * PDF 1.7 readers accept, title, author/organiser, subject, keywords and language in the Info
 * dictionary and as XMP, and the sources' date and content-derived ids (byte-identical output).
 */
export async function finishPdf(
  print: Uint8Array | PDFDocument,
  data: Extracted,
  kind: ExportedFile['kind'],
  date: Date,
  bookmarks?: Bookmark[],
): Promise<Uint8Array> {
  // The exporter hands over the document it read to check the print (one parse per PDF).
  const doc = print instanceof PDFDocument ? print : await PDFDocument.load(print, { updateMetadata: false });
  if (bookmarks) writeOutline(doc, bookmarks);
  repairStructure(doc);
  stableStructIds(doc);
  const { meta } = data;
  const titles = {
    slides: meta.title,
    handout: t('handoutTitle', { title: meta.title }),
    speech: `${meta.title}（讲话稿）`,
    script: scriptString('title', { title: meta.title }),
  };
  const subject = [
    {
      slides: t('slidesSubject'),
      handout: t('handoutSubject'),
      speech: '讲话稿（GB/T 9704-2012 版式）',
      script: scriptString('subject'),
    }[kind],
    meta.occasion,
  ]
    .filter(Boolean)
    .join(' · ');
  const keywords = [...new Set(data.parts.flatMap((p) => [p.label, p.theme]).filter(Boolean))];
  stampMetadata(
    doc,
    {
      title: titles[kind],
      author: [meta.speaker, meta.organiser]
        .map((s) => s.trim())
        .filter(Boolean)
        .join('；'),
      subject,
      keywords: keywords.join('；'),
      language: 'zh-CN',
      creator: 'npm run pdf (reveal.js print view, Chromium)',
    },
    date,
  );
  return doc.save();
}

/** The page each part starts on: the page of the first of its items that printed (by item id). */
function partPages(
  parts: readonly { id: string }[],
  itemsOf: (part: string) => readonly string[],
  pages: ReadonlyMap<string, number>,
): Record<string, number> {
  const found: Record<string, number> = {};
  for (const part of parts) {
    const page = itemsOf(part.id)
      .map((id) => pages.get(id))
      .find((p) => p !== undefined);
    if (page) found[part.id] = page;
  }
  return found;
}

/**
 * The bookmarks of slides.pdf and handout.pdf: each part (its heading) at its first slide, and
 * under it its slides by title at their pages, less a first slide that only repeats the part's
 * heading (the part's title slide). Slides with no page (0) are left out.
 */
export function slideBookmarks(data: {
  parts: { id: string; label: string; title: string }[];
  slides: { part: string; title: string; page: number }[];
}): Bookmark[] {
  return data.parts
    .map((part) => {
      const slides = data.slides.filter((s) => s.part === part.id);
      const [first] = slides;
      const listed = first && repeatsPart(first.title, part) ? slides.slice(1) : slides;
      return {
        title: partHeadingText(part),
        page: first?.page ?? 0,
        items: listed.filter((s) => s.page > 0).map((s) => ({ title: s.title, page: s.page, items: [] })),
      };
    })
    .filter((b) => b.page > 0);
}

/** Puts the PDFs beside dist/index.html and adds the marker the deck's "下载讲义" link reads. */
function placeIntoDist(dist: string, files: ExportedFile[]): void {
  for (const f of files) copyFileSync(f.path, path.join(dist, path.basename(f.path)));
  const index = path.join(dist, 'index.html');
  const html = readFileSync(index, 'utf8');
  if (!html.includes('data-handout')) writeFileSync(index, html.replace('</head>', `  ${HANDOUT_MARKER}\n  </head>`));
}

/**
 * Exports the deck to `slides.pdf` (one 16:9 page per slide, or per fragment step) and
 * `handout.pdf` (A4, each slide with its notes, or 3 a page), then reads both back and checks them.
 * Builds dist/ first when needed. Always stops the browser and server it started, also on failure
 * and when `signal` aborts.
 * @throws NoBrowserError, BuildError, OutputNotWritableError, PortUnavailableError,
 *   PrintTimeoutError, PdfCheckError, ExportAbortedError.
 */
export async function exportPdf({
  root = process.cwd(),
  deck: deckDir = null,
  dist: distOption,
  out: outOption,
  build = 'auto',
  fragments = false,
  handoutLayout = 'notes',
  editorial = true,
  intoDist = false,
  port = 0,
  executablePath,
  env = process.env,
  browserSearch = {},
  readyTimeout = 30_000,
  onProgress = () => {},
  signal,
}: ExportOptions = {}): Promise<ExportResult> {
  const folder = deckFolder(root, deckDir);
  const dist = distOption ?? folder.dist;
  const out = outOption ?? folder.export;
  const timing = process.env.DECK_PDF_TIMING === '1';
  const t0 = performance.now();
  const progress = (step: (typeof STEPS)[number], done = 0, total = 0): void => {
    if (timing) process.stderr.write(`[${(performance.now() - t0).toFixed(0)} ms] ${step} ${done}/${total}\n`);
    onProgress({ step: STEPS.indexOf(step) + 1, steps: STEPS.length, label: step, done, total });
  };
  /** With DECK_PDF_TIMING=1, where the time goes between the steps (what `npm run bench` profiles). */
  const mark = (what: string): void => {
    if (timing) process.stderr.write(`[${(performance.now() - t0).toFixed(0)} ms]   ${what}\n`);
  };
  // Promises, not values: a browser still launching when the export is aborted is closed too.
  let serving: Promise<StaticServer> | null = null;
  let launching: Promise<BrowserContext> | null = null;
  let profile: string | null = null;
  const aborted = new Promise<never>((_, reject) => {
    const fail = (): void => reject(new ExportAbortedError());
    if (signal?.aborted) fail();
    signal?.addEventListener('abort', fail, { once: true });
  });
  aborted.catch(() => {});
  /** Runs one step, giving up at once when the export is aborted. */
  const guard = <T>(work: Promise<T>): Promise<T> => {
    work.catch(() => {});
    return Promise.race([work, aborted]);
  };

  prepareOutDir(out, out);
  // Every PDF carries the sources' date, never the clock's: the same sources give the same bytes.
  const date = sourceDate(root);
  const staged = stageFiles(out, ['slides.pdf', 'handout.pdf', 'speech.pdf', 'script.pdf']);
  progress('build');
  const { built, buildMs } = await ensureBuilt(folder, dist, build, guard);
  const start = performance.now();

  try {
    progress('start');
    const found = executablePath ? { executablePath } : await guard(findBrowser(env, browserSearch));
    const { chromium } = await import('playwright');
    // Server and browser start together; whichever started is stopped in `finally`.
    // The 讲话稿's and the script's fonts, served by URL: inline, each tab's megabyte of base64 went
    // through Playwright's pipe and was decoded again in the page.
    const printFonts = new Map<string, Uint8Array>();
    serving = serveStatic(dist, { port, memory: printFonts });
    profile = mkdtempSync(path.join(os.tmpdir(), PROFILE_PREFIX));
    launching = chromium.launchPersistentContext(profile, {
      executablePath: found.executablePath,
      args: CHROMIUM_ARGS,
      handleSIGINT: false,
      handleSIGTERM: false,
      viewport: { width: SLIDE_GEOMETRY.width, height: SLIDE_GEOMETRY.height },
      locale: 'zh-CN',
    });
    const [served, launched] = await guard(Promise.allSettled([serving, launching]));
    if (served.status === 'rejected') throw served.reason;
    if (launched.status === 'rejected') throw launched.reason;
    const site = served.value.url;
    const context = launched.value;
    mark('browser and server up');
    // Navigations and waits get the same patience as the print state: a loaded machine (load
    // average 25 seen) took the handout's page past Playwright's default 30 s.
    context.setDefaultTimeout(readyTimeout);
    // The deck prints in the tab the browser opened with; the handout's tab opens (it starts a
    // renderer) before the deck loads, to load its page and fonts meanwhile (handout-tab.ts).
    const page = context.pages()[0] ?? (await guard(context.newPage()));
    const openTab = (): Promise<Page> => {
      const tab = context.newPage();
      tab.catch(() => {});
      return tab;
    };
    const tabs = { handout: openTab() };
    // A new tab opens over the others: a headless Chromium lets the covered deck page's print
    // layout wait about 3 s longer (measured: 1.2 s in front, 4.1 s behind three new tabs). The
    // 讲话稿's and the script's tabs, which need the deck's text, open once its layout is done.
    await guard(Promise.allSettled(Object.values(tabs)));
    await guard(page.bringToFront());
    mark('tabs open');
    // The handout's page and fonts load while the deck lays out (handout-tab.ts).
    const handoutUrl = new URL('handout-print.html', site).href;
    const deckPage = readBuiltPage(dist);
    const handoutTab = tabs.handout.then((tab) => openHandoutTab(tab, handoutUrl, deckPage.stylesheets));
    handoutTab.catch(() => {});
    if (timing)
      void handoutTab
        .then((h) => h.ready)
        .then(
          () => mark('handout page and fonts loaded'),
          () => {},
        );

    progress('layout');
    const query = fragments ? '?print-pdf&pdfSeparateFragments=true' : '?print-pdf';
    const deckUrl = `${site}index.html${query}`;
    // The print view with every font face asked for at once (built-page.ts).
    const deckHtml = withFontPreloads(deckPage.html, deckPage.fonts);
    await page.route(deckUrl, (route) => route.fulfill({ body: deckHtml, contentType: 'text/html; charset=utf-8' }));
    await guard(page.goto(deckUrl, { waitUntil: 'load' }));
    mark('deck page loaded');
    await guard(waitForPrintLayout(page, readyTimeout));
    mark('print layout and charts ready');
    const data = (await guard(page.evaluate(PRINT_EXTRACT))) as Extracted;
    // The handout prints its slides smaller: its slides are taken with the charts drawn for the
    // size they print at (text at print size, not a slide's chart shrunk).
    const handoutSlides =
      (
        (await guard(
          atPrintScale(page, handoutSlideScale(handoutLayout), readyTimeout, () => page.evaluate(PRINT_EXTRACT)),
        )) as Extracted | null
      )?.slides ?? data.slides;
    mark('charts drawn for the handout');
    progress('layout', data.slides.length, data.slides.length);
    // The other documents start from the extract; the deck's own fonts and glyphs, which only its
    // print needs, are made ready meanwhile (the handout's chain is the export's longest).
    const deckFonts = (async () => {
      await loadAllFonts(page);
      mark('deck fonts ready');
      await completeGlyphs(page, root);
      mark('missing glyphs added');
      // Measured with the fonts that print.
      data.cutOff = (await page.evaluate(CUT_OFF)) as string[];
    })();
    deckFonts.catch(() => {});

    // The four prints run at once, each in its own tab: Chromium lays out one while another is written.
    // No outline from Chromium: the exporter writes every PDF's bookmarks (outline.ts).
    const pdfOptions = { preferCSSPageSize: true, printBackground: true, tagged: true, outline: false } as const;
    const slidesPath = path.join(out, 'slides.pdf');
    const handoutPath = path.join(out, 'handout.pdf');
    /** Finishes a print (`doc`, with `finish`), writes it to its temporary file and reports on it for the checks. */
    const finishAndCheck = async (
      name: 'slides.pdf' | 'handout.pdf' | 'speech.pdf' | 'script.pdf',
      doc: PDFDocument,
      finish: (doc: PDFDocument) => Promise<Uint8Array>,
    ): Promise<Printed> => {
      mark(`${name} printed`);
      const bytes = await finish(doc);
      staged.write(name, bytes);
      mark(`${name} finished and written`);
      // From the document just saved: parsing the bytes again cost Node some 0.4 s of an export.
      const report = inspectDocument(doc);
      mark(`${name} checked`);
      return { bytes, report };
    };
    const printSlides = async (): Promise<Printed> => {
      progress('slides.pdf', 0, data.pages);
      await deckFonts;
      const printed = await printPage(page, pdfOptions);
      // Bookmarks from the pages we know, not from Chromium (see outline.ts).
      const done = await finishAndCheck('slides.pdf', printed.doc, (doc) =>
        finishPdf(doc, data, 'slides', date, slideBookmarks(data)),
      );
      progress('slides.pdf', data.pages, data.pages);
      return done;
    };
    const printHandout = async (): Promise<Printed> => {
      progress('handout.pdf', 0, data.slides.length);
      const tab = await tabs.handout;
      const shown = await handoutTab;
      const input = { ...data, slides: handoutSlides, layout: handoutLayout, printedOn: chineseDate(date) };
      let html = handoutHtml(input);
      const print = async (contents: boolean): Promise<{ printed: PrintedPdf; expected: Record<string, number> }> => {
        await shown.show(html);
        mark('handout shown, fonts loaded');
        await completeGlyphs(tab, root);
        mark('handout fonts ready');
        const expected = await fitHandout(tab, handoutLayout, { contents });
        mark('handout laid out for paper');
        return { printed: await printPage(tab, { ...pdfOptions, format: 'A4' }), expected };
      };
      // The contents carry the pages the layout plan expects each part to start on; the print says
      // where every slide went (its named destinations), and is printed again with the pages it
      // found should the plan have been wrong.
      const itemsOf = (part: string): string[] =>
        data.slides.filter((s) => s.part === part).map((s) => handoutItemId(s.id));
      const first = await print(true);
      let printed = first.printed;
      let pages = namedPages(printed.doc);
      const found = partPages(data.parts, itemsOf, pages);
      if (data.parts.some((p) => found[p.id] !== first.expected[p.id])) {
        if (timing) process.stderr.write('handout.pdf: parts start elsewhere than planned; printed again\n');
        html = handoutHtml({ ...input, partPages: found });
        printed = (await print(false)).printed;
        pages = namedPages(printed.doc);
      }
      const bookmarks = slideBookmarks({
        parts: data.parts,
        slides: data.slides.map((s) => ({ ...s, page: pages.get(handoutItemId(s.id)) ?? 0 })),
      });
      const done = await finishAndCheck('handout.pdf', printed.doc, (doc) =>
        finishPdf(doc, data, 'handout', date, bookmarks),
      );
      progress('handout.pdf', data.slides.length, data.slides.length);
      return done;
    };
    const speechPath = path.join(out, 'speech.pdf');
    const deck: PrintDeck = {
      meta: data.meta,
      parts: data.parts.map((p) => ({ ...p, slides: data.slides.filter((s) => s.part === p.id) })),
    };
    // One cut of each open font serves the 讲话稿 and the script: cut to the text of both.
    const fontText = speechFontText(deck, editorial) + scriptFontText(deck);
    // The print documents are written into pages of the server's origin, so that their fonts are
    // the page's own (a blank page may not load from a local address).
    printFonts.set('print-fonts/blank.html', new TextEncoder().encode('<!doctype html><title></title>'));
    const onSite = async (tab: Promise<Page>): Promise<Page> => {
      const page = await tab;
      await page.goto(new URL('print-fonts/blank.html', site).href);
      return page;
    };
    const fontUrl = (bytes: Uint8Array): string => {
      const name = `print-fonts/${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.ttf`;
      printFonts.set(name, bytes);
      return new URL(name, site).href;
    };
    const printSpeechPdf = async (): Promise<Printed> => {
      progress('speech.pdf');
      const printed = await printSpeech(await onSite(openTab()), deck, { root, editorial, fontText, fontUrl });
      const done = await finishAndCheck('speech.pdf', printed.doc, (doc) => finishPdf(doc, data, 'speech', date));
      progress('speech.pdf', printed.pages, printed.pages);
      return done;
    };
    const scriptPath = path.join(out, 'script.pdf');
    const printScriptPdf = async (): Promise<Printed> => {
      progress('script.pdf');
      const printed = await printScript(await onSite(openTab()), deck, { root, fontText, fontUrl });
      // A bookmark per part at the page its heading starts (each part starts a page).
      const starts = partPages(data.parts, (part) => [scriptPartId(part)], namedPages(printed.doc));
      const bookmarks = data.parts
        .filter((p) => starts[p.id])
        .map((p) => ({ title: partHeadingText(p), page: starts[p.id]!, items: [] }));
      const done = await finishAndCheck('script.pdf', printed.doc, (doc) =>
        finishPdf(doc, data, 'script', date, bookmarks),
      );
      progress('script.pdf', 1, 1);
      return done;
    };
    const [
      { bytes: slidesBytes, report: slidesReport },
      { bytes: handoutBytes, report: handoutReport },
      { bytes: speechBytes, report: speechReport },
      { bytes: scriptBytes, report: scriptReport },
    ] = await guard(Promise.all([printSlides(), printHandout(), printSpeechPdf(), printScriptPdf()]));

    progress('check', 0, 4);
    const bookmarks = new Set(data.slides.map((s) => s.part)).size;
    const slideProblems = pdfProblems(slidesReport, { pages: data.pages, bookmarks });
    if (slideProblems.length > 0) throw new PdfCheckError(slidesPath, slideProblems);
    // The cover, then each part from a new page (notes), or three slides a page (3up).
    const handoutProblems = pdfProblems(handoutReport, {
      minPages: 1 + (handoutLayout === '3up' ? Math.ceil(data.slides.length / 3) : bookmarks),
      bookmarks,
    });
    if (handoutProblems.length > 0) throw new PdfCheckError(handoutPath, handoutProblems);
    const speechProblems = pdfProblems(speechReport, { minPages: 1, bookmarks: 0 });
    if (speechProblems.length > 0) throw new PdfCheckError(speechPath, speechProblems);
    // A first page, then each part from a new page.
    const scriptProblems = pdfProblems(scriptReport, { minPages: 1 + bookmarks, bookmarks });
    if (scriptProblems.length > 0) throw new PdfCheckError(scriptPath, scriptProblems);
    progress('check', 4, 4);
    // Every file passed: the new set replaces the old in one synchronous step.
    if (signal?.aborted) throw new ExportAbortedError();
    staged.commit();

    const files: ExportedFile[] = [
      { kind: 'slides', path: slidesPath, pages: slidesReport.pages, bytes: slidesBytes.length, report: slidesReport },
      {
        kind: 'handout',
        path: handoutPath,
        pages: handoutReport.pages,
        bytes: handoutBytes.length,
        report: handoutReport,
      },
      { kind: 'speech', path: speechPath, pages: speechReport.pages, bytes: speechBytes.length, report: speechReport },
      { kind: 'script', path: scriptPath, pages: scriptReport.pages, bytes: scriptBytes.length, report: scriptReport },
    ];
    if (intoDist) placeIntoDist(dist, files);
    return {
      files,
      built,
      buildMs,
      exportMs: performance.now() - start,
      slides: data.slides.length,
      cutOff: data.cutOff,
    };
  } finally {
    if (!staged.committed) staged.discard();
    await launching?.then((b) => b.close()).catch(() => {});
    await serving?.then((s) => s.close()).catch(() => {});
    if (profile) rmSync(profile, { recursive: true, force: true });
  }
}
