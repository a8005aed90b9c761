import { execFile, spawn } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { NoBrowserError } from '../../src/export/browser.ts';
import { BuildError } from '../../src/export/build.ts';
import { inspectPdf, type OutlineEntry, type PdfReport } from '../../src/export/inspect.ts';
import { exportPdf, OutputNotWritableError, type ExportResult } from '../../src/export/pdf.ts';
import { PortUnavailableError, serveStatic } from '../../src/export/server.ts';
import { DIST, expect, openDeck, test } from './fixtures.ts';
import { handoutText, pdfTextSizes, squash } from './pdf-read.ts';

/** The deck's structure as built into dist/index.html: parts with their slides' ids and titles. */
interface BuiltPart {
  label: string;
  slides: { id: string; title: string }[];
}

function decode(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function builtParts(dist: string): BuiltPart[] {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const parts: BuiltPart[] = [];
  const tag =
    /<section (?:class="part[^"]*" data-part="[^"]*" data-label="([^"]*)"|id="([^"]*)"[^>]*? data-title="([^"]*)")/g;
  for (const m of html.matchAll(tag)) {
    if (m[1] !== undefined) parts.push({ label: decode(m[1]), slides: [] });
    else parts.at(-1)!.slides.push({ id: m[2]!, title: decode(m[3]!) });
  }
  return parts;
}

/** A line of text in a PDF page, from pdf.js: its text, font size and box, in points from the page's top left. */
interface PdfLine {
  text: string;
  size: number;
  left: number;
  right: number;
  top: number;
  baseline: number;
}

/** The lines of each page of a PDF (glyph runs grouped by baseline), top to bottom. */
async function pdfLines(bytes: Uint8Array): Promise<PdfLine[][]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false }).promise;
  const pages: PdfLine[][] = [];
  try {
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const height = page.view[3]!;
      const rows = new Map<number, PdfLine>();
      for (const item of (await page.getTextContent()).items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const [size, , , , x, y] = item.transform as number[];
        const baseline = height - y!;
        const key = Math.round(baseline * 2);
        const row = rows.get(key) ?? { text: '', size: size!, left: x!, right: x!, top: baseline - size!, baseline };
        row.text += item.str.replace(/\s+/g, '');
        row.left = Math.min(row.left, x!);
        row.right = Math.max(row.right, x! + item.width);
        row.size = Math.max(row.size, size!);
        row.top = Math.min(row.top, baseline - size!);
        rows.set(key, row);
      }
      pages.push([...rows.values()].sort((a, b) => a.baseline - b.baseline));
    }
  } finally {
    await pdf.destroy();
  }
  return pages;
}
const tmp = (name: string): string => mkdtempSync(path.join(os.tmpdir(), `deck-${name}-`));

/**
 * Pairs of text runs on a PDF's chart pages (those with a data source, "来源：") whose boxes overlap:
 * a legend, a direct label or an annotation printed over another. Runs on one baseline are one
 * line (full-width punctuation may tuck into its neighbour) and are not compared.
 */
async function overlappingTexts(bytes: Uint8Array): Promise<string[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false }).promise;
  const out: string[] = [];
  let charts = 0;
  try {
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const items = (await page.getTextContent()).items.filter(
        (i): i is typeof i & { str: string; width: number; transform: number[] } => 'str' in i && i.str.trim() !== '',
      );
      // A line of text is several runs where its glyphs come from different faces (src/config.ts
      // FONT_FACES): the page's text is read whole.
      if (
        !items
          .map((i) => i.str)
          .join('')
          .includes('来源：')
      )
        continue;
      charts++;
      // Ink boxes, about: from 0.8 em above the baseline (a Chinese glyph's top) to 0.1 em below.
      const boxes = items.map((i) => {
        const [a, b, , , x, y] = i.transform;
        const size = Math.hypot(a!, b!);
        const baseline = page.view[3]! - y!;
        return {
          text: i.str,
          baseline,
          left: x!,
          right: x! + i.width,
          top: baseline - 0.8 * size,
          bottom: baseline + 0.1 * size,
        };
      });
      boxes.forEach((p, i) =>
        boxes.slice(i + 1).forEach((q) => {
          if (Math.abs(p.baseline - q.baseline) < 0.5) return;
          const wide = Math.min(p.right, q.right) - Math.max(p.left, q.left);
          const high = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
          if (wide > 0.5 && high > 0.5) out.push(`p${n}: "${p.text.slice(0, 14)}" over "${q.text.slice(0, 14)}"`);
        }),
      );
    }
  } finally {
    await pdf.destroy();
  }
  // No chart page found would make this check pass for nothing.
  if (charts === 0) out.push('no chart page (来源：) found');
  return out;
}

/** The pages whose text (all runs, in order) includes `text`. */
function pagesWith(runs: { page: number; text: string }[], text: string): number[] {
  const byPage = new Map<number, string>();
  for (const r of runs) byPage.set(r.page, (byPage.get(r.page) ?? '') + r.text);
  return [...byPage].filter(([, all]) => all.includes(text)).map(([page]) => page);
}

/** A rendered page in grey (luminance 0–1 per pixel, as printed in greyscale), with its text boxes. */
interface GreyPage {
  width: number;
  height: number;
  /** Relative luminance (WCAG) of each pixel, row by row. */
  grey: Float32Array;
  /** Pixels per point. */
  scale: number;
  texts: { text: string; size: number; left: number; top: number; width: number; height: number }[];
}

/** Renders PDF pages with pdf.js (its canvas) and turns them grey. */
async function greyPages(bytes: Uint8Array, pages: number[], scale: number): Promise<Map<number, GreyPage>> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false }).promise;
  const out = new Map<number, GreyPage>();
  const linear = (c: number): number => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  try {
    for (const n of pages) {
      const page = await pdf.getPage(n);
      const viewport = page.getViewport({ scale });
      // pdf.js draws on @napi-rs/canvas in Node (its own optional dependency); typed as Object.
      const factory = pdf.canvasFactory as {
        create(w: number, h: number): { canvas: HTMLCanvasElement; context: CanvasRenderingContext2D };
      };
      const { canvas, context } = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
      await page.render({ canvasContext: context, viewport, canvas }).promise;
      const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
      const grey = new Float32Array(width * height);
      for (let i = 0; i < grey.length; i++) {
        grey[i] =
          0.2126 * linear(data[i * 4]! / 255) +
          0.7152 * linear(data[i * 4 + 1]! / 255) +
          0.0722 * linear(data[i * 4 + 2]! / 255);
      }
      const texts: GreyPage['texts'] = [];
      for (const item of (await page.getTextContent()).items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const [a, b, , , x, y] = item.transform as number[];
        const size = Math.hypot(a!, b!);
        texts.push({ text: item.str, size, left: x!, top: page.view[3]! - y! - size, width: item.width, height: size });
      }
      out.set(n, { width, height, grey, scale, texts });
    }
  } finally {
    await pdf.destroy();
  }
  return out;
}

/** The share of a page's text area (between its top and bottom margins, in mm) below its last mark. */
function blankBelow(page: GreyPage, marginTop: number, marginBottom: number): number {
  const mm = (72 / 25.4) * page.scale;
  const from = Math.round(marginTop * mm);
  const to = Math.round(page.height - marginBottom * mm);
  let last = from;
  for (let y = from; y < to; y++) {
    for (let x = 0; x < page.width; x++) {
      if (page.grey[y * page.width + x]! < 0.8) {
        last = y;
        break;
      }
    }
  }
  return (to - last) / (to - from);
}

test.describe.serial('npm run pdf', () => {
  const parts = builtParts(DIST);
  const slideCount = parts.reduce((n, p) => n + p.slides.length, 0);
  let site = '';
  let result: ExportResult;
  let slides: PdfReport;
  let handout: PdfReport;
  let speech: PdfReport;
  let script: PdfReport;

  test.beforeAll(async () => {
    // Three PDFs in one browser: about 15 s on a quiet 2-core machine, past two minutes when other
    // builds share it. The export has no timer of its own to trip; only this wait can run out.
    test.setTimeout(300_000);
    // --into-dist changes dist/: work on a copy.
    site = tmp('site');
    cpSync(DIST, site, { recursive: true });
    result = await exportPdf({ dist: site, out: path.join(tmp('out'), 'pdf'), build: 'never', intoDist: true });
    slides = await inspectPdf(readFileSync(result.files[0]!.path));
    handout = await inspectPdf(readFileSync(result.files[1]!.path));
    speech = await inspectPdf(readFileSync(result.files[2]!.path));
    script = await inspectPdf(readFileSync(result.files[3]!.path));
  });

  test('slides.pdf has one 16:9 page per slide, in deck order, each with its heading as text', () => {
    expect(parts.length).toBeGreaterThanOrEqual(2);
    expect(slides.pages).toBe(slideCount);
    for (const size of slides.sizes) expect(size.width / size.height).toBeCloseTo(16 / 9, 2);
    const titles = parts.flatMap((p) => p.slides.map((s) => s.title));
    titles.forEach((title, i) => expect(squash(slides.text[i]!), `page ${i + 1}`).toContain(squash(title)));
    expect(result.cutOff, 'slides whose content runs past the page edge').toEqual([]);
  });

  test('the outline has the parts and, under each, its slides with their titles and pages', () => {
    const top = slides.outline;
    expect(top.map((e) => e.title.split(/ · |（/)[0])).toEqual(parts.map((p) => p.label));
    let page = 1;
    top.forEach((entry: OutlineEntry, i) => {
      // No doubled words ("开篇 · 开篇：…"), and the first child does not repeat its parent.
      const { label } = parts[i]!;
      const rest = entry.title.split(' · ')[1];
      if (rest) expect(rest.startsWith(label), entry.title).toBe(false);
      expect(entry.page).toBe(page);
      const listed = parts[i]!.slides.map((s) => s.title);
      if (entry.items[0]?.title !== listed[0]) {
        const [first] = listed;
        expect(first === entry.title || first!.startsWith(label), `${entry.title} / ${first}`).toBe(true);
        listed.shift();
        page++;
      }
      expect(entry.items.map((s) => s.title)).toEqual(listed);
      for (const s of entry.items) expect(s.page).toBe(page++);
    });
    expect(top.find((e) => e.title.startsWith('起'))!.items[0]!.title).not.toContain('起 · ');
    expect(handout.outline.map((e) => e.title.split(/ · |（/)[0])).toEqual(parts.map((p) => p.label));
  });

  test('the handout’s bookmarks: the parts, and under each its slides at the pages they print on; no doubled words, no first child repeating its part', () => {
    const top = handout.outline;
    expect(top.map((e) => e.title.split(/ · |（/)[0])).toEqual(parts.map((p) => p.label));
    top.forEach((entry, i) => {
      const { label } = parts[i]!;
      const rest = entry.title.split(' · ')[1];
      if (rest) expect(rest.startsWith(label), entry.title).toBe(false);
      const [first] = entry.items;
      expect(first, entry.title).toBeDefined();
      expect(squash(first!.title)).not.toBe(squash(entry.title));
      expect(first!.title.startsWith(`${label} · `), first!.title).toBe(false);
      // The part's slides in order (less its title slide, which is the part's own bookmark).
      const listed = parts[i]!.slides.map((s) => s.title);
      expect(entry.items.map((s) => s.title)).toEqual(listed.slice(listed.length - entry.items.length));
      expect(listed.length - entry.items.length).toBeLessThanOrEqual(1);
      // Slides only: no headings inside a slide (Chromium's own outline had 市场 · “看不见的手” there).
      expect(entry.items.flatMap((s) => s.items.map((x) => x.title))).toEqual([]);
      // The part opens at its first slide's page, its running head and heading there.
      expect(entry.page).toBeLessThanOrEqual(first!.page!);
      expect(squash(handout.text[entry.page! - 1]!)).toContain(squash(entry.title));
      let page = entry.page!;
      for (const s of entry.items) {
        // Each slide's bookmark opens the page its frame (and so its title) prints on.
        expect(s.page!, s.title).toBeGreaterThanOrEqual(page);
        expect(squash(handout.text[s.page! - 1]!), `${s.title} on page ${s.page}`).toContain(squash(s.title));
        page = s.page!;
      }
    });
  });

  test('both PDFs embed real font subsets (no Type 3), are tagged, and carry metadata in zh-CN', () => {
    for (const report of [slides, handout, speech]) {
      expect(report.fonts.filter((f) => f.subtype === 'Type3')).toEqual([]);
      expect(report.fonts.some((f) => f.subtype === 'Type0' && /NotoSansSC/.test(f.name))).toBe(true);
      expect(report.tagged).toBe(true);
      expect(report.info.language).toBe('zh-CN');
      expect(report.info.title).toContain('在提升城市治理现代化水平推进会上的讲话');
      expect(report.info.subject).not.toBe('');
      expect(report.info.keywords).toContain('起');
    }
    expect(handout.info.title).toContain('讲义');
  });

  test('the handout: a cover, every page numbered "第 x 页 / 共 y 页", and the notes of every slide', () => {
    expect(handout.pages).toBeGreaterThan(parts.length);
    expect(handout.sizes[0]!.width).toBeCloseTo(595.3, 0);
    expect(handout.sizes[0]!.height).toBeCloseTo(841.9, 0);
    handout.text.forEach((text, i) =>
      expect(squash(text), `page ${i + 1}`).toContain(squash(`第 ${i + 1} 页 / 共 ${handout.pages} 页`)),
    );
    expect(handout.text[0]).toContain('提升城市治理现代化水平推进会');
    // The text read across pages, so a paragraph that runs on over a page break reads whole.
    const all = handoutText(handout);
    const index = readFileSync(path.join(DIST, 'index.html'), 'utf8');
    // What the audience may read: the speech and the editorial summaries (marked), never the rest.
    const blocks = [...index.matchAll(/<(div|details) class="role role-(\w+)" data-role="\w+">([\s\S]*?)<\/\1>/g)].map(
      (m) => ({
        role: m[2]!,
        text: squash(decode(m[3]!.replace(/<summary[\s\S]*?<\/summary>/, '').replace(/<[^>]+>/g, ''))),
      }),
    );
    expect(new Set(blocks.map((b) => b.role))).toEqual(new Set(['speech', 'direction', 'note', 'editorial', 'source']));
    for (const b of blocks) {
      const shown = b.role === 'speech' || b.role === 'editorial';
      expect(all.includes(b.text.replace(/^【[^】]+】/, '').slice(0, 24)), `${b.role}: ${b.text.slice(0, 24)}`).toBe(
        shown,
      );
    }
    // The 讲话稿: the speech and the marked editorial inserts, never directions, notes or provenance.
    const speechText = squash(speech.text.join(''));
    for (const b of blocks) {
      const probe = b.text.replace(/^【[^】]+】/, '').slice(0, 12);
      const shown = b.role === 'speech' || b.role === 'editorial';
      expect(speechText.includes(probe), `speech.pdf ${b.role}: ${probe}`).toBe(shown);
    }
    expect(speechText).toContain('【编者概括】');
    const editorial = blocks.filter((b) => b.role === 'editorial').length;
    expect((all.match(/【编者概括】/g) ?? []).length).toBe(editorial);
  });

  test('the handout: a cover with title, occasion, date and contents with page numbers; the part atop every later page', async () => {
    const cover = squash(handout.text[0]!);
    expect(cover).toContain('在提升城市治理现代化水平推进会上的讲话');
    expect(cover).toContain('提升城市治理现代化水平推进会');
    expect(cover).toMatch(/日期\d{4}年\d{1,2}月\d{1,2}日/);
    // The contents: a row per part, its label first and the page its bookmark opens last.
    const rows = (await pdfLines(readFileSync(result.files[1]!.path)))[0]!.map((l) => l.text);
    for (const [i, entry] of handout.outline.entries()) {
      const row = rows.find((r) => r.startsWith(parts[i]!.label) && /\d+$/.test(r) && !r.includes('页'));
      expect(row, parts[i]!.label).toBeDefined();
      expect(Number(/(\d+)$/.exec(row!)![1]), entry.title).toBe(entry.page);
    }
    // Every page after the cover names its part at the top (running head).
    for (let n = 2; n <= handout.pages; n++) {
      const part = handout.outline.filter((e) => e.page! <= n).at(-1)!;
      expect(squash(handout.text[n - 1]!), `page ${n}`).toContain(squash(part.title));
    }
  });

  test('the handout: no text under 6 pt (slide text and charts raised to print size), the speech in 10.5 pt', async () => {
    const sizes = await pdfTextSizes(readFileSync(result.files[1]!.path));
    const small = sizes.filter((t) => t.size < 6);
    expect(small.map((t) => `p${t.page} ${t.size.toFixed(1)} pt: ${t.text.slice(0, 12)}`)).toEqual([]);
    // The speech is printed at its own size, not shrunk with the page (Chromium once scaled it all to 2/3).
    // By line, not by text item: a word whose glyphs come from two faces of the font (the glyphs only
    // the notes use have a face of their own) is two items.
    const lines = (await pdfLines(readFileSync(result.files[1]!.path))).flat();
    const speech = lines.filter((t) => t.text.startsWith('同志们'));
    expect(speech.length).toBeGreaterThan(0);
    for (const t of speech) expect(t.size).toBeCloseTo(10.5, 1);
    // Charts keep their own text: the tick years of the trend chart are there, at 6 pt or more.
    expect(sizes.some((t) => t.text === '1978' || t.text === '1980')).toBe(true);
    // Nothing on a chart page prints over anything else (legends, direct labels, annotations).
    expect(await overlappingTexts(readFileSync(result.files[1]!.path))).toEqual([]);
  });

  test('the handout: no page more than a quarter blank unless its part ends there; every slide with its number', async () => {
    test.setTimeout(120_000);
    const bytes = readFileSync(result.files[1]!.path);
    const starts = handout.outline.map((e) => e.page!);
    // The pages a part ends on: the one before each part's first page, and the last.
    const ends = new Set([...starts.slice(1).map((p) => p - 1), handout.pages]);
    const pages = Array.from({ length: handout.pages - 1 }, (_, i) => i + 2);
    const rendered = await greyPages(bytes, pages, 0.5);
    const blank = pages
      .filter((n) => !ends.has(n))
      .map((n) => ({ n, blank: blankBelow(rendered.get(n)!, 16, 16) }))
      .filter((p) => p.blank > 0.25)
      .map((p) => `page ${p.n}: ${Math.round(p.blank * 100)} % blank`);
    expect(blank).toEqual([]);
    // Every slide's number is printed (the tab on its frame), in order.
    const numbers = [...rendered.values()].flatMap((p) =>
      // The tab is set in exactly 8 pt; a chart's or the agenda's numbers, scaled with their slide,
      // may come near it but not to it.
      p.texts.filter((t) => /^\d+$/.test(t.text) && Math.abs(t.size - 8) < 0.01).map((t) => Number(t.text)),
    );
    expect(numbers).toEqual(Array.from({ length: slideCount }, (_, i) => i + 1));
  });

  test('the handout in greyscale: every text on the chart pages keeps 4.5:1 contrast, measured on the rendered page', async () => {
    test.setTimeout(120_000);
    const bytes = readFileSync(result.files[1]!.path);
    const chartPages = [
      // A line is several runs where its glyphs come from different faces: each page read whole.
      ...pagesWith(await pdfTextSizes(bytes), '来源：'),
    ];
    expect(chartPages.length).toBeGreaterThan(0);
    const rendered = await greyPages(bytes, chartPages, 3);
    const faint: string[] = [];
    for (const [n, page] of rendered) {
      for (const t of page.texts) {
        // The darkest ink in the text's box against the lightest ground around it.
        const s = page.scale;
        const [x0, y0] = [Math.max(0, Math.floor(t.left * s)), Math.max(0, Math.floor(t.top * s))];
        const [x1, y1] = [
          Math.min(page.width, Math.ceil((t.left + t.width) * s)),
          Math.min(page.height, Math.ceil((t.top + t.height * 1.2) * s)),
        ];
        let ink = 1;
        let ground = 0;
        for (let y = y0; y < y1; y++) {
          for (let x = x0; x < x1; x++) {
            const g = page.grey[y * page.width + x]!;
            ink = Math.min(ink, g);
            ground = Math.max(ground, g);
          }
        }
        const ratio = (ground + 0.05) / (ink + 0.05);
        if (x1 > x0 && y1 > y0 && ratio < 4.5) faint.push(`p${n} ${t.text.slice(0, 10)}: ${ratio.toFixed(1)}:1`);
      }
    }
    expect(faint).toEqual([]);
  });

  test('speech.pdf is laid out after GB/T 9704-2012: margins, 22 lines of 28 characters, sizes, page numbers, 避头尾', async () => {
    const lines = await pdfLines(readFileSync(result.files[2]!.path));
    const pt = 72 / 25.4;
    const pages = lines.length;
    expect(pages).toBeGreaterThan(3);
    const NO_START = /^[，。、；：？！）》」』】〕〉”’…%,.;:?!)]/;
    const NO_END = /[（《「『【〔〈“‘(]$/;
    for (const [i, page] of lines.entries()) {
      const body = page.filter((l) => l.top < (37 + 225) * pt);
      const number = page.filter((l) => l.top >= (37 + 225) * pt);
      // The page number: "— n —" in 14 pt, its rule 7 mm below the type area, right on odd pages, left on even.
      expect(
        number.map((l) => l.text),
        `page ${i + 1}`,
      ).toEqual([`—${i + 1}—`]);
      expect(number[0]!.size).toBeCloseTo(14, 1);
      expect(number[0]!.top / pt).toBeGreaterThan(37 + 225 + 7 - 1);
      if ((i + 1) % 2 === 1) expect(210 - number[0]!.right / pt).toBeCloseTo(26 + 14 / pt, 0);
      else expect(number[0]!.left / pt).toBeCloseTo(28 + 14 / pt, 0);
      // 22 lines a page (the last page may end early), 225 mm / 22 apart, inside the type area.
      if (i < pages - 1) expect(body.length, `page ${i + 1}`).toBe(i === 0 ? 22 - 1 : 22);
      for (const [j, l] of body.entries()) {
        if (j > 0 && !(i === 0 && j === 1)) {
          expect((l.baseline - body[j - 1]!.baseline) / pt, `page ${i + 1} line ${j + 1}`).toBeCloseTo(225 / 22, 1);
        }
        expect(l.left / pt).toBeGreaterThanOrEqual(28 - 0.2);
        expect(l.right / pt).toBeLessThanOrEqual(28 + 156 + 0.6);
        expect(l.top / pt).toBeGreaterThanOrEqual(37 - 0.5);
        if (l.size > 17) continue;
        expect(l.size, l.text).toBeCloseTo(16, 1);
        expect([...l.text.replace(/[\x20-\x7e]/g, '')].length, l.text).toBeLessThanOrEqual(28);
        expect(l.text, `避头: page ${i + 1} line ${j + 1}`).not.toMatch(NO_START);
        expect(l.text, `避尾: page ${i + 1} line ${j + 1}`).not.toMatch(NO_END);
        expect(
          [...l.text.replace(/[，。、；：？！）》”’…（《“‘]/g, '')].length,
          `no orphan: ${l.text}`,
        ).toBeGreaterThanOrEqual(2);
      }
    }
    // The title: 二号 (22 pt), centred on the type area; the body's full lines fill 28 characters at the margins.
    const title = lines[0]![0]!;
    expect(title.size).toBeCloseTo(22, 1);
    expect((title.left + title.right) / 2 / pt).toBeCloseTo(28 + 156 / 2, 0);
    const full = lines.flat().filter((l) => l.size < 17 && l.size > 15 && /^[^\x20-\x7e]{28}$/.test(l.text));
    expect(full.length).toBeGreaterThan(50);
    for (const l of full) {
      expect(l.left / pt).toBeCloseTo(28, 0);
      // pdf.js ends a run at its last glyph's origin or advance: the right edge lies within the last cell.
      expect(l.right / pt).toBeGreaterThan(28 + 156 - 156 / 28 - 0.3);
      expect(l.right / pt).toBeLessThanOrEqual(28 + 156 + 0.6);
    }
    const body = lines.flat().filter((l) => l.size < 17 && l.size > 15);
    expect(
      body.filter((l) => [...l.text].length + (l.left / pt > 30 ? 2 : 0) === 28).length / body.length,
    ).toBeGreaterThan(0.5);
  });

  test('script.pdf, for the lectern: speech in 20 pt, directions and notes in their own style, editorial marked, no provenance; a part a page with its minutes; the slide number where to advance', async () => {
    const lines = await pdfLines(readFileSync(result.files[3]!.path));
    const all = squash(script.text.join(''));
    const index = readFileSync(path.join(DIST, 'index.html'), 'utf8');
    const blocks = [...index.matchAll(/<(div|details) class="role role-(\w+)" data-role="\w+">([\s\S]*?)<\/\1>/g)].map(
      (m) => ({
        role: m[2]!,
        text: squash(decode(m[3]!.replace(/<summary[\s\S]*?<\/summary>/, '').replace(/<[^>]+>/g, ''))),
      }),
    );
    // Sizes of the text lines (not the cover, not the small slide titles and labels) that hold a probe.
    const body = lines
      .slice(1)
      .flat()
      .filter((l) => l.size > 12);
    const sizeOf = (probe: string): number[] =>
      body.filter((l) => l.text.includes(probe)).map((l) => Math.round(l.size));
    const sizes: Record<string, Set<number>> = {};
    for (const b of blocks) {
      const probe = b.text.replace(/^【[^】]+】/, '').slice(0, 10);
      expect(all.includes(probe), `script.pdf ${b.role}: ${probe}`).toBe(b.role !== 'source');
      // Probes that a line break cuts are not measured.
      if (b.role !== 'source') for (const size of sizeOf(probe.slice(0, 6))) (sizes[b.role] ??= new Set()).add(size);
    }
    // The speech in 20 pt; directions and notes each in a style of their own, labelled.
    expect([...sizes.speech!]).toEqual([20]);
    expect([...sizes.direction!]).toContain(16);
    expect([...sizes.note!]).toContain(13);
    expect((all.match(/【演讲提示】/g) ?? []).length).toBe(blocks.filter((b) => b.role === 'direction').length);
    expect((all.match(/【编者备注】/g) ?? []).length).toBe(blocks.filter((b) => b.role === 'note').length);
    expect((all.match(/【编者概括】/g) ?? []).length).toBe(blocks.filter((b) => b.role === 'editorial').length);
    const fonts = new Set(script.fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')));
    expect(
      [...fonts].some((f) => /WenKai/.test(f)),
      [...fonts].join(),
    ).toBe(true);
    // Each part from a new page: its bookmark's page starts with its heading and its planned minutes.
    expect(script.outline.map((e) => e.title.split(/ · |（/)[0])).toEqual(parts.map((p) => p.label));
    let clock = 0;
    script.outline.forEach((entry, i) => {
      const page = lines[entry.page! - 1]!;
      // The heading (on one line or two) opens the page, then the plan.
      const at = page.findIndex((l) => l.text.startsWith('计划'));
      expect(at).toBeGreaterThan(0);
      expect(
        page
          .slice(0, at)
          .map((l) => l.text)
          .join(''),
        entry.title,
      ).toBe(squash(entry.title));
      expect(page[0]!.size).toBeGreaterThan(20);
      // 计划 5 分钟（第 2 至 7 分钟）: the minutes of the part, and where the clock should stand.
      const plan = /^计划(\d+)分钟（第(\d+)至(\d+)分钟）$/.exec(page[at]!.text);
      expect(plan, page[at]!.text).not.toBeNull();
      const [, minutes, from, to] = plan!.map(Number);
      expect([from, to]).toEqual([clock, clock + minutes!]);
      clock = to!;
      if (i > 0) expect(entry.page!).toBeGreaterThan(script.outline[i - 1]!.page!);
    });
    // The slide numbers, in order, in the left column beside the text, big enough to find at a glance.
    const numbers = lines
      .flat()
      .filter((l) => /^\d+$/.test(l.text) && l.left < 36 * (72 / 25.4))
      .map((l) => ({ n: Number(l.text), size: l.size }));
    expect(numbers.map((x) => x.n)).toEqual(Array.from({ length: slideCount }, (_, i) => i + 1));
    for (const x of numbers) expect(x.size).toBeGreaterThanOrEqual(20);
  });

  test('every PDF: a structure tree pdfinfo accepts, XMP metadata, only the deck’s fonts, and the same bytes from the same sources', async () => {
    test.setTimeout(120_000);
    const run = promisify(execFile);
    for (const f of result.files) {
      const struct = await run('pdfinfo', ['-struct', f.path], { maxBuffer: 64 * 1024 * 1024 });
      expect(struct.stderr.trim(), `pdfinfo -struct ${path.basename(f.path)}`).toBe('');
      const info = await run('pdfinfo', ['-meta', f.path]);
      expect(info.stdout, path.basename(f.path)).toContain('<x:xmpmeta');
      expect(info.stdout).toContain('<dc:language><rdf:Bag><rdf:li>zh-CN</rdf:li>');
      // Every glyph from the deck's fonts (Noto Sans SC for the deck; Noto Serif SC and LXGW WenKai
      // for the 讲话稿 and the script): no system fallback such as LiberationSans or DejaVuSansMono.
      const fonts = f.report.fonts.map((x) => x.name.replace(/^[A-Z]{6}\+/, ''));
      expect(
        fonts.filter((name) => !/^(NotoSansSC|NotoSerifSC|LXGWWenKai)/.test(name)),
        path.basename(f.path),
      ).toEqual([]);
    }
    // Exported again from the same sources (another server port, another temp folder): the same bytes.
    const again = await exportPdf({ dist: DIST, out: tmp('again'), build: 'never' });
    for (const [i, f] of again.files.entries()) {
      const first = readFileSync(result.files[i]!.path);
      expect(Buffer.compare(readFileSync(f.path), first), path.basename(f.path)).toBe(0);
    }
  });

  test('--into-dist puts the PDFs beside the deck, which then offers "下载讲义"; without them, no link', async ({
    page,
    site: plainSite,
  }) => {
    expect(existsSync(path.join(site, 'handout.pdf'))).toBe(true);
    expect(existsSync(path.join(site, 'slides.pdf'))).toBe(true);
    const server = await serveStatic(site, { basePath: '/copy/' });
    try {
      await openDeck(page, server.url);
      const link = page.getByRole('link', { name: '下载讲义' });
      await expect(link).toBeVisible();
      const href = await link.getAttribute('href');
      expect(new URL(href!, server.url).pathname).toBe('/copy/handout.pdf');
      const response = await page.request.get(new URL(href!, server.url).href);
      expect(response.headers()['content-type']).toBe('application/pdf');
      await link.focus();
      await expect(link).toBeFocused();
    } finally {
      await server.close();
    }
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await openDeck(page, plainSite);
    await expect(page.getByRole('link', { name: '下载讲义' })).toHaveCount(0);
    expect(requests.filter((u) => u.endsWith('.pdf'))).toEqual([]);
  });

  test('--fragments gives a page per fragment step; --handout-layout 3up puts three slides a page', async () => {
    test.setTimeout(120_000);
    const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
    const r = await exportPdf({ dist: DIST, out: tmp('frag'), build: 'never', fragments: true, handoutLayout: '3up' });
    const [s, h] = r.files;
    expect(s!.pages).toBeGreaterThanOrEqual(slideCount);
    if (/class="[^"]*\bfragment\b/.test(html)) expect(s!.pages).toBeGreaterThan(slideCount);
    // Still one bookmark per slide, not per step: a part's own title slide is its part's bookmark
    // (pointing at another page than its first child), every other slide a child.
    const outline = s!.report.outline;
    const folded = outline.filter((p) => p.items[0]?.page !== p.page).length;
    expect(outline.flatMap((p) => p.items).length + folded).toBe(slideCount);
    // Three slides on every page (parts run on), after the cover.
    expect(h!.pages).toBe(1 + Math.ceil(slideCount / 3));
    const sizes = await pdfTextSizes(readFileSync(h!.path));
    expect(sizes.filter((t) => t.size < 6).map((t) => `p${t.page}: ${t.text.slice(0, 12)}`)).toEqual([]);
    // The charts are drawn for the size they print at, not a slide's chart shrunk and its text
    // raised in place: their years (axes) print at about 7 pt, and nothing on their pages overlaps.
    const years = sizes.filter((t) => /^(19|20)\d0$/.test(t.text.trim()));
    expect(years.length).toBeGreaterThan(10);
    expect(years.filter((t) => t.size < 6.5).map((t) => `p${t.page} ${t.size.toFixed(2)} pt: ${t.text}`)).toEqual([]);
    expect(await overlappingTexts(readFileSync(h!.path))).toEqual([]);
    // Every page but the last is full: three slide numbers (the 8 pt tabs on the frames), in order.
    const numbers = sizes.filter((t) => /^\d+$/.test(t.text.trim()) && Math.abs(t.size - 8) < 0.1);
    expect(numbers.map((t) => Number(t.text))).toEqual(Array.from({ length: slideCount }, (_, i) => i + 1));
    for (let page = 2; page < h!.pages; page++) {
      expect(
        numbers.filter((t) => t.page === page),
        `page ${page}`,
      ).toHaveLength(3);
    }
  });
});

test.describe('npm run pdf errors', () => {
  test('no usable browser: says what to install', async () => {
    const error = await exportPdf({
      dist: DIST,
      out: tmp('nobrowser'),
      build: 'never',
      env: { DECK_NO_BROWSER_INSTALL: '1' },
      browserSearch: { playwright: false, systemPaths: ['/nonexistent/chromium'] },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NoBrowserError);
    expect(String((error as Error).message)).toMatch(/apt-get install chromium/);
    expect(String((error as Error).message)).toMatch(/npx playwright install chromium/);
  });

  test('output folder not writable: names the folder and --out', async () => {
    const file = path.join(tmp('notdir'), 'a-file');
    writeFileSync(file, 'not a folder');
    const error = await exportPdf({ dist: DIST, out: path.join(file, 'pdf'), build: 'never' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutputNotWritableError);
    expect((error as Error).message).toContain(path.join(file, 'pdf'));
    expect((error as Error).message).toContain('--out');
  });

  test('port unavailable: says so and suggests --port', async () => {
    const busy = await serveStatic(DIST);
    try {
      const error = await exportPdf({ dist: DIST, out: tmp('port'), build: 'never', port: busy.port }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(PortUnavailableError);
      expect((error as Error).message).toContain(String(busy.port));
      expect((error as Error).message).toContain('--port');
    } finally {
      await busy.close();
    }
  });

  test('build failure: reports the file:line from the build', async () => {
    test.setTimeout(90_000);
    const root = tmp('root');
    const project = process.cwd();
    for (const entry of [
      'index.html',
      'vite.config.ts',
      'package.json',
      'tsconfig.json',
      'src',
      'assets',
      'public',
      'slides',
    ]) {
      if (existsSync(path.join(project, entry)))
        cpSync(path.join(project, entry), path.join(root, entry), { recursive: true });
    }
    symlinkSync(path.join(project, 'node_modules'), path.join(root, 'node_modules'));
    writeFileSync(
      path.join(root, 'slides', '98-broken.md'),
      '---\nid: broken\nkind: part\nlabel: 坏\ntitle: 坏\nminutes: 1\n---\n\n## 标题\n\n[看](#no-such-slide)\n',
    );
    try {
      const error = await exportPdf({ root, out: path.join(root, 'export') }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BuildError);
      // The build's own message (in Chinese since the messages were translated), at the link's line.
      expect((error as Error).message).toMatch(/^slides\/98-broken\.md:11: 找不到链接指向的幻灯片“#no-such-slide”/);
      expect(existsSync(path.join(root, 'export', 'slides.pdf'))).toBe(false);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('the CLI prints its help and rejects bad options with exit code 2', async () => {
    const run = promisify(execFile);
    const help = await run('node', ['bin/deck-pdf.js', '--help']);
    expect(help.stdout).toContain('--handout-layout');
    expect(help.stdout).toContain('--into-dist');
    const bad = await run('node', ['bin/deck-pdf.js', '--handout-layout', '4up']).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect((bad as { code: number }).code).toBe(2);
    expect((bad as { stderr: string }).stderr).toContain('expected one of: notes, 3up');
  });

  test('--out: an empty value, a file, a missing parent and a read-only folder print what the guide’s table says', async () => {
    // The guide's error table, rows about --out, in this order.
    const guide = readFileSync('docs/guide.md', 'utf8');
    const rows = [...guide.matchAll(/^\| `--out`[^|]*\| `([^`]+)` \| (\d+) \|$/gm)].map((m) => ({
      pieces: m[1]!.split('…').map((p) => p.trim()),
      exit: Number(m[2]),
    }));
    expect(rows.length).toBe(4);
    const base = tmp('outcheck');
    const file = path.join(base, 'a-file');
    writeFileSync(file, 'x');
    const readOnly = path.join(base, 'read-only');
    mkdirSync(readOnly);
    chmodSync(readOnly, 0o555);
    chmodSync(base, 0o755);
    const cases = ['', file, path.join(base, 'missing', 'pdf'), readOnly];
    const run = promisify(execFile);
    for (const [i, out] of cases.entries()) {
      const args = ['bin/deck-pdf.js', '--no-build', '--dist', DIST, `--out=${out}`];
      // Root writes anywhere: the read-only case runs without root's power to override file
      // permissions, as a colleague would. (Still root's uid, so a checkout only root may enter —
      // a clone in a private temp folder — stays readable.)
      const noOverride = '-dac_override,-dac_read_search';
      const [cmd, argv] =
        i === 3 && process.getuid?.() === 0
          ? ['setpriv', [`--bounding-set=${noOverride}`, `--inh-caps=${noOverride}`, 'node', ...args]]
          : ['node', args];
      const done = await run(cmd, argv).then(
        () => ({ code: 0, stderr: '' }),
        (e: { code: number; stderr: string }) => e,
      );
      expect(done.code, `case ${i}: ${done.stderr}`).toBe(rows[i]!.exit);
      let at = 0;
      for (const piece of rows[i]!.pieces) {
        const found = done.stderr.indexOf(piece, at);
        expect(found, `case ${i}: “${piece}” in ${done.stderr}`).toBeGreaterThanOrEqual(0);
        at = found + piece.length;
      }
    }
  });

  test('a font file missing from dist/: stops naming it, as the guide’s table says, and writes no PDF', async () => {
    test.setTimeout(120_000);
    const row = /^\| `dist\/` 里缺字体文件 \| `([^`]+)` \| (\d+) \|$/m.exec(readFileSync('docs/guide.md', 'utf8'));
    expect(row).not.toBeNull();
    const site = tmp('nofont');
    cpSync(DIST, site, { recursive: true });
    const font = readdirSync(path.join(site, 'assets')).find(
      (f) => f.startsWith('deck-sans-sc-400-') && !f.includes('-extra-'),
    )!;
    expect(font).toBeDefined();
    rmSync(path.join(site, 'assets', font));
    const out = tmp('nofont-out');
    const done = await promisify(execFile)('node', [
      'bin/deck-pdf.js',
      '--no-build',
      '--dist',
      site,
      '--out',
      out,
    ]).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(done.code, done.stderr).toBe(Number(row![2]));
    let at = 0;
    for (const piece of row![1]!.split('…').map((p) => p.trim())) {
      const found = done.stderr.indexOf(piece, at);
      expect(found, `“${piece}” in ${done.stderr}`).toBeGreaterThanOrEqual(0);
      at = found + piece.length;
    }
    expect(done.stderr).toContain(font);
    expect(readdirSync(out)).toEqual([]);
  });

  /** Temporary Chromium profiles (ours are named deck-chromium-*) in a temp folder. */
  const profiles = (dir: string): string[] => readdirSync(dir).filter((f) => f.startsWith('deck-chromium-'));

  test('Ctrl-C at any moment, through npm run pdf: the old complete set stays, nothing is left, the message shows', async () => {
    test.setTimeout(180_000);
    const out = tmp('sigint');
    writeFileSync(path.join(out, 'slides.pdf'), 'old slides');
    writeFileSync(path.join(out, 'handout.pdf'), 'old handout');
    // The command's own temp folder: other tests export at the same time, with their own profiles.
    const temp = tmp('sigint-tmp');
    for (const moment of ['[2/8] start', '[3/8] layout', '[5/8] handout.pdf 0', '[8/8] check 0']) {
      // npm and the command in one process group, as in a terminal: Ctrl-C reaches both, and npm
      // forwards its copy to the command too.
      const child = spawn('npm', ['run', '--silent', 'pdf', '--', '--no-build', '--dist', DIST, '--out', out], {
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, TMPDIR: temp },
      });
      let output = '';
      let sent = false;
      const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
        child.on('exit', (code, signal) => resolve({ code, signal })),
      );
      const listen = (chunk: Buffer): void => {
        output += chunk.toString();
        if (!sent && output.includes(moment)) {
          sent = true;
          process.kill(-child.pid!, 'SIGINT');
        }
      };
      child.stdout.on('data', listen);
      child.stderr.on('data', listen);
      const { code, signal } = await exited;
      expect(sent, `${moment} was reached`).toBe(true);
      // npm re-raises the signal (the shell shows 130); the command itself exits with 130.
      expect(code === 130 || signal === 'SIGINT', `${moment}: ${code} ${signal}`).toBe(true);
      // The checks take no time now (each PDF is checked as it is written): Ctrl-C at "check"
      // may come after the new set is in place. Either complete set, never a mix, and a message.
      if (moment.startsWith('[8/8]') && output.includes('新文件已全部写入并通过检查')) {
        expect(readdirSync(out).sort(), moment).toEqual(['handout.pdf', 'script.pdf', 'slides.pdf', 'speech.pdf']);
        for (const f of readdirSync(out))
          expect(readFileSync(path.join(out, f)).subarray(0, 5).toString()).toBe('%PDF-');
        for (const f of readdirSync(out)) rmSync(path.join(out, f));
        writeFileSync(path.join(out, 'slides.pdf'), 'old slides');
        writeFileSync(path.join(out, 'handout.pdf'), 'old handout');
      } else {
        expect(output, moment).toContain('已中断导出（export interrupted）');
        expect(readdirSync(out).sort(), moment).toEqual(['handout.pdf', 'slides.pdf']);
        expect(readFileSync(path.join(out, 'slides.pdf'), 'utf8')).toBe('old slides');
        expect(readFileSync(path.join(out, 'handout.pdf'), 'utf8')).toBe('old handout');
      }
      await expect.poll(() => profiles(temp), { timeout: 5_000 }).toEqual([]);
    }
  });
});
