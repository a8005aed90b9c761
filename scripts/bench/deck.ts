import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright';
import { build } from 'vite';
import { keepingNodeEnv } from '../../src/export/build.ts';
import { serveStatic } from '../../src/export/server.ts';
import type { DeckFolder } from '../../src/deck-folder.ts';
import { readSlideFiles } from '../../src/vite/deck-plugin.ts';
import { kb, median, type BenchContext, type BenchRow } from './types.ts';

const LOADS = 11;

interface FirstSlideLoad {
  /** ms from navigation start to the frame that first paints the first slide with its final font. */
  ms: number;
  /** How far the first slide's heading moved between that frame and the deck being ready (px). */
  shift: number;
  /** Files fetched for that frame (requests started before it), by path on the server. */
  files: string[];
}

/**
 * Injected before any of the page's own code (a string: tsx's helpers do not exist in the page).
 * The same rule for both decks: on every animation frame, the first slide (the first <section>
 * without nested sections) is looked at; the first frame in which its heading is visible inside
 * the viewport and every text element of the slide has its final font loaded is the frame that
 * paints it. Its timestamp is the figure. The heading's position then is kept, so the bench can
 * report whether the slide moved once the deck was ready (it must not: no layout shift).
 */
const WATCH_FIRST_SLIDE = `(() => {
  const w = window;
  w.__firstSlide = null;
  const fontOf = (el) => {
    const s = getComputedStyle(el);
    return s.fontStyle + ' ' + s.fontWeight + ' ' + s.fontSize + ' ' + s.fontFamily;
  };
  const painted = () => {
    const slide = [...document.querySelectorAll('.reveal .slides section')].find((s) => !s.querySelector('section'));
    const heading = slide && slide.querySelector('h1, h2');
    if (!heading || !heading.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return null;
    const r = heading.getBoundingClientRect();
    if (r.width === 0 || r.bottom <= 0 || r.right <= 0 || r.top >= innerHeight || r.left >= innerWidth) return null;
    for (const el of slide.querySelectorAll('h1, h2, h3, p, li, blockquote')) {
      const text = el.textContent.trim();
      if (text && el.checkVisibility() && !document.fonts.check(fontOf(el), text)) return null;
    }
    return { x: r.x, y: r.y, width: r.width };
  };
  const frame = (t) => {
    const rect = painted();
    if (rect) w.__firstSlide = { ms: t, rect };
    else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})()`;

/** After the page is ready: the first-slide frame, and how far the heading has moved since. */
const READ_FIRST_SLIDE = `(async () => {
  const w = window;
  while (!w.__firstSlide || !document.documentElement.classList.contains('deck-ready')) {
    await new Promise((r) => setTimeout(r, 20));
  }
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const slide = [...document.querySelectorAll('.reveal .slides section')].find((s) => !s.querySelector('section'));
  const r = slide.querySelector('h1, h2').getBoundingClientRect();
  const then = w.__firstSlide.rect;
  // What the first slide needed: the page and what it fetched before that frame, not the faces
  // loaded afterwards, when the deck is idle (src/runtime/start-deck.ts loadRemainingFonts).
  const files = [location.pathname, ...performance.getEntriesByType('resource')
    .filter((e) => e.startTime <= w.__firstSlide.ms)
    .map((e) => new URL(e.name).pathname)];
  return { ms: w.__firstSlide.ms, shift: Math.max(Math.abs(r.x - then.x), Math.abs(r.y - then.y), Math.abs(r.width - then.width)), files };
})()`;

/** One cold load (fresh context, nothing cached) of `url`. */
async function coldLoad(browser: Browser, url: string): Promise<FirstSlideLoad> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  await context.addInitScript(WATCH_FIRST_SLIDE);
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'commit' });
  const { ms, shift, files } = (await page.evaluate(READ_FIRST_SLIDE)) as FirstSlideLoad;
  await context.close();
  return { ms, shift, files };
}

function bytesOf(
  root: string,
  base: string,
  files: string[],
): { raw: number; gzip: number; byKind: Record<string, number> } {
  let raw = 0;
  let gzip = 0;
  const byKind: Record<string, number> = {};
  for (const f of new Set(files)) {
    const rel = decodeURIComponent(f.slice(base.length)) || 'index.html';
    const file = path.join(root, rel);
    let data: Buffer;
    try {
      if (!statSync(file).isFile()) continue;
      data = readFileSync(file);
    } catch {
      continue;
    }
    const kind = path.extname(file).slice(1) || 'other';
    raw += data.length;
    // Fonts are already compressed (woff2): a server sends them as they are.
    const sent = kind === 'woff2' || kind === 'woff' ? data.length : gzipSync(data, { level: 9 }).length;
    gzip += sent;
    byKind[kind] = (byKind[kind] ?? 0) + sent;
  }
  return { raw, gzip, byKind };
}

/**
 * The reference a user following reveal.js's docs would build: the same slide text parsed in the
 * browser by reveal's Markdown plugin, the default theme, and Noto Sans SC from @fontsource.
 */
async function buildReference(deck: DeckFolder, outDir: string): Promise<void> {
  const root = deck.project;
  const src = path.join(root, '.cache', 'bench-reference');
  rmSync(src, { recursive: true, force: true });
  mkdirSync(src, { recursive: true });
  const markdown = readSlideFiles(deck)
    .map(({ text }) => {
      const body = text.replace(/^---\n[\s\S]*?\n---\n/, '');
      return body
        .split(/\n---\s*\n/)
        .map((slide) =>
          slide
            .replace(/^\s*\{[^}\n]*\}\s*$/m, '')
            .replace(/ \{\.[^}]*\}$/gm, '')
            .replace(/^\+ /gm, '- '),
        )
        .map(
          (slide) =>
            `<section data-markdown><textarea data-template>\n${slide.replace(/<\/textarea>/g, '')}\n</textarea></section>`,
        )
        .join('\n');
    })
    .join('\n');
  writeFileSync(
    path.join(src, 'index.html'),
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>reference</title>
<script type="module" src="./main.js"></script></head>
<body><div class="reveal"><div class="slides">${markdown}</div></div></body></html>`,
  );
  writeFileSync(
    path.join(src, 'main.js'),
    `import Reveal from 'reveal.js';
import Markdown from 'reveal.js/plugin/markdown';
import 'reveal.js/reveal.css';
import 'reveal.js/theme/black.css';
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import './reference.css';
const deck = new Reveal({ plugins: [Markdown], hash: true });
deck.initialize().then(() => document.documentElement.classList.add('deck-ready'));
`,
  );
  writeFileSync(
    path.join(src, 'reference.css'),
    `.reveal, .reveal h1, .reveal h2, .reveal h3 { font-family: 'Noto Sans SC', sans-serif; }\n`,
  );
  await keepingNodeEnv(() =>
    build({
      root: src,
      base: './',
      logLevel: 'silent',
      configFile: false,
      build: { outDir, emptyOutDir: true, reportCompressedSize: false },
    }),
  );
}

async function measure(
  browser: Browser,
  dir: string,
): Promise<{ ms: number; shift: number; raw: number; gzip: number; byKind: Record<string, number> }> {
  const server = await serveStatic(dir, { basePath: '/site/' });
  try {
    await coldLoad(browser, server.url); // warm the OS file cache, not the browser's
    const loads: FirstSlideLoad[] = [];
    for (let i = 0; i < LOADS; i++) loads.push(await coldLoad(browser, server.url));
    const bytes = bytesOf(dir, '/site/', loads.at(-1)!.files);
    return { ms: median(loads.map((l) => l.ms)), shift: Math.max(...loads.map((l) => l.shift)), ...bytes };
  } finally {
    await server.close();
  }
}

/** First-slide bytes and time to first slide painted with its final font, against the reference. */
export async function benchDeck(ctx: BenchContext): Promise<BenchRow[]> {
  const root = process.cwd();
  const refDir = path.join(root, '.cache', 'bench-reference-dist');
  await buildReference(ctx.deck, refDir);
  const browser = await chromium.launch({ executablePath: ctx.executablePath, args: ctx.args, headless: true });
  try {
    const ours = await measure(browser, ctx.dist);
    const ref = await measure(browser, refDir);
    const kinds = Object.entries(ours.byKind)
      .map(([k, v]) => `${k} ${kb(v)}`)
      .join(', ');
    return [
      { area: 'deck', metric: 'first slide bytes, raw', value: kb(ours.raw), target: '', ok: null },
      {
        area: 'deck',
        metric: 'first slide bytes, gzip (fonts as sent)',
        value: `${kb(ours.gzip)} (${kinds})`,
        target: '≤ 300 KB',
        ok: ours.gzip <= 300 * 1024,
      },
      { area: 'deck', metric: 'reference first slide bytes, gzip', value: kb(ref.gzip), target: '', ok: null },
      {
        area: 'deck',
        metric: `first slide painted with final font (median of ${LOADS} cold loads)`,
        value: `${ours.ms.toFixed(0)} ms`,
        target: `≤ ${(ref.ms / 2).toFixed(0)} ms (half the reference)`,
        ok: ours.ms <= ref.ms / 2,
      },
      {
        area: 'deck',
        metric: 'reference: reveal Markdown plugin + default theme + @fontsource',
        value: `${ref.ms.toFixed(0)} ms`,
        target: '',
        ok: null,
      },
      {
        area: 'deck',
        metric: 'first slide moved between its first paint and the deck ready (max of loads)',
        value: `${ours.shift.toFixed(1)} px`,
        target: '≤ 1 px',
        ok: ours.shift <= 1,
      },
    ];
  } finally {
    await browser.close();
  }
}
