import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright';
import { build, type Plugin } from 'vite';
import { loadTables } from '../../src/charts/data/load.ts';
import { chartPayload, validateChart } from '../../src/charts/validate.ts';
import { serveStatic } from '../../src/export/server.ts';
import { compileDeck } from '../../src/markdown/compile.ts';
import type { DeckFolder } from '../../src/deck-folder.ts';
import { readSlideFiles } from '../../src/vite/deck-plugin.ts';
import { kb, median, type BenchContext, type BenchRow } from './types.ts';

/** Longest main-thread task allowed while walking through the chart slides (ms). */
const LONG_TASK_TARGET = 50;

/**
 * Runs in the page (a string: tsx's helpers do not exist there). Walks through every chart slide
 * (waiting for each chart's final state), then through as many slides without a chart as a
 * reference, three rounds; returns the longest task seen in each walk. The first round includes
 * each chart's first showing.
 */
const WALK = `(async () => {
  let tasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) tasks.push(e.duration); })
    .observe({ type: 'longtask' });
  const walk = async (sections) => {
    tasks = [];
    for (const section of sections) {
      const { h, v } = window.deck.getIndices(section);
      window.deck.slide(h, v);
      const figure = section.querySelector('figure[data-chart]');
      await new Promise((resolve) => {
        const check = () => !figure || figure.dataset.chartState === 'final' ? resolve() : requestAnimationFrame(check);
        check();
      });
      await new Promise((r) => setTimeout(r, 1500));
    }
    return { slides: sections.length, longest: Math.max(0, ...tasks), count: tasks.length };
  };
  // Let the deck settle (fonts, charts rendered ahead of time) before measuring.
  await new Promise((r) => setTimeout(r, 2000));
  const chartSlides = [...document.querySelectorAll('figure[data-chart]')].map((f) => f.closest('section[id]'));
  const others = [...document.querySelectorAll('.slides section[id]')]
    .filter((s) => !s.querySelector('figure[data-chart]') && !s.querySelector('section'))
    .slice(1, 1 + chartSlides.length);
  // Alternate the walks so both meet the same machine load; keep each round's figures.
  const rounds = [];
  for (let i = 0; i < 3; i++) rounds.push({ charts: await walk(chartSlides), reference: await walk(others) });
  return rounds;
})()`;

interface Walk {
  slides: number;
  longest: number;
  count: number;
}

/** Resolves `virtual:deck` to empty data, so the chart code can be bundled on its own. */
function stubDeck(): Plugin {
  return {
    name: 'stub-deck',
    resolveId: (id) => (id === 'virtual:deck' ? '\0stub-deck' : null),
    load: (id) => (id === '\0stub-deck' ? 'export const deck = {}; export const chartData = {};' : null),
  };
}

/** The chart runtime (plugin, five kinds, the d3 submodules they import, CSS) bundled alone, minified. */
async function chartCodeBytes(): Promise<{ js: number; jsGzip: number; css: number; cssGzip: number }> {
  const out = mkdtempSync(path.join(tmpdir(), 'bench-charts-'));
  try {
    await build({
      configFile: false,
      logLevel: 'silent',
      plugins: [stubDeck()],
      build: {
        outDir: out,
        emptyOutDir: true,
        target: ['chrome109', 'firefox115', 'safari16'],
        lib: {
          entry: path.resolve('src/runtime/charts/plugin.ts'),
          formats: ['iife'],
          name: 'charts',
          fileName: 'charts',
        },
        minify: true,
        reportCompressedSize: false,
      },
    });
    const sizes = { js: 0, jsGzip: 0, css: 0, cssGzip: 0 };
    for (const f of readdirSync(out)) {
      const data = readFileSync(path.join(out, f));
      if (f.endsWith('.js')) [sizes.js, sizes.jsGzip] = [data.length, gzipSync(data).length];
      if (f.endsWith('.css')) [sizes.css, sizes.cssGzip] = [data.length, gzipSync(data).length];
    }
    return sizes;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** The chart data inlined into the bundle (`chartData` of virtual:deck), as JSON. */
function chartDataBytes(root: DeckFolder): { raw: number; gzip: number } {
  const tables = loadTables(root);
  const deck = compileDeck(readSlideFiles(root), { validateChart: (spec) => validateChart(spec, tables) });
  const json = JSON.stringify(Object.fromEntries(deck.charts.map((c) => [c.id, chartPayload(c, tables)])));
  return { raw: Buffer.byteLength(json), gzip: gzipSync(json).length };
}

/** `npm run bench` section "charts": main-thread cost of drawing the charts, and their bytes. */
export async function benchCharts(ctx: BenchContext): Promise<BenchRow[]> {
  const server = await serveStatic(ctx.dist, { basePath: '/deck/' });
  const browser = await chromium.launch({ executablePath: ctx.executablePath, args: ctx.args });
  let rounds: { charts: Walk; reference: Walk }[];
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(server.url);
    await page.waitForFunction(() => document.documentElement.classList.contains('deck-ready'));
    await page.evaluate('document.fonts.ready');
    rounds = (await page.evaluate(WALK)) as typeof rounds;
  } finally {
    await browser.close();
    await server.close();
  }
  const walk = {
    charts: { ...rounds[0]!.charts, longest: median(rounds.map((r) => r.charts.longest)) },
    reference: { ...rounds[0]!.reference, longest: median(rounds.map((r) => r.reference.longest)) },
  };
  const each = (k: 'charts' | 'reference'): string => rounds.map((r) => r[k].longest.toFixed(0)).join(' / ');
  const code = await chartCodeBytes();
  const data = chartDataBytes(ctx.deck);
  return [
    {
      area: 'charts',
      metric: `longest main-thread task walking through ${walk.charts.slides} chart slides, median of 3 rounds (${each('charts')} ms)`,
      value: `${walk.charts.longest.toFixed(0)} ms`,
      target: `≤ ${LONG_TASK_TARGET} ms`,
      ok: walk.charts.longest <= LONG_TASK_TARGET,
    },
    {
      area: 'charts',
      metric: `reference: the same walk through ${walk.reference.slides} slides without a chart (${each('reference')} ms)`,
      value: `${walk.reference.longest.toFixed(0)} ms`,
      target: '',
      ok: null,
    },
    {
      area: 'charts',
      metric: 'chart code in the bundle (plugin, 5 kinds, d3 submodules), minified',
      value: `${kb(code.js)} (gzip ${kb(code.jsGzip)})`,
      target: '',
      ok: null,
    },
    { area: 'charts', metric: 'chart CSS', value: `${kb(code.css)} (gzip ${kb(code.cssGzip)})`, target: '', ok: null },
    {
      area: 'charts',
      metric: 'chart data inlined (only the rows each chart draws)',
      value: `${kb(data.raw)} (gzip ${kb(data.gzip)})`,
      target: '',
      ok: null,
    },
  ];
}
