import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { type Result } from 'lighthouse';
import { chromium, type Browser } from 'playwright';
import { preview } from 'vite';
import { serveStatic } from '../../src/export/server.ts';
import { median, type BenchContext, type BenchRow } from './types.ts';

/** Lighthouse runs per server; the run with the median performance score is reported. */
const RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
/** Cold phone loads for the time to the first speech paragraph. */
const PHONE_LOADS = 7;
/** The phone: an upright 390×844 touch screen, its CPU slowed 4× as Lighthouse does. */
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };
const CPU_SLOWDOWN = 4;

/** Issue 15's targets, per server. */
const TARGETS = { preview: 95, static: 90 } as const;
const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;

/** The load average now (1 minute), printed with each figure: the machine is shared. */
const load = (): string => loadavg()[0]!.toFixed(1);

interface Audit {
  performance: number;
  accessibility: number;
  bestPractices: number;
  lcp: number;
  fcp: number;
  tbt: number;
  unusedJs: number;
  /** Audits of the accessibility and best-practices categories that did not pass. */
  failing: string[];
  /**
   * Audits Lighthouse could not run. Lighthouse 12 parses some of a newer Chromium's trace events
   * wrongly (`frame_sequence`), which costs the informative ones (LCP element, layout shifts);
   * the scores do not depend on them.
   */
  errored: string[];
  load: string;
}

function summarise(lhr: Result, loadNow: string): Audit {
  const score = (id: string): number => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const value = (id: string): number => lhr.audits[id]?.numericValue ?? NaN;
  const unused = lhr.audits['unused-javascript']?.details as { overallSavingsBytes?: number } | undefined;
  const failing = (['accessibility', 'best-practices'] as const).flatMap((c) =>
    (lhr.categories[c]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
      .map((ref) => ref.id),
  );
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    lcp: value('largest-contentful-paint'),
    fcp: value('first-contentful-paint'),
    tbt: value('total-blocking-time'),
    unusedJs: unused?.overallSavingsBytes ?? 0,
    failing,
    errored: Object.entries(lhr.audits)
      .filter(([, a]) => a.scoreDisplayMode === 'error')
      .map(([id]) => id),
    load: loadNow,
  };
}

/**
 * Lighthouse's default (mobile) run against `url`: a Moto G Power screen, simulated slow 4G and a
 * 4× slower CPU. Each run gets a fresh Chromium, so nothing is cached between runs.
 */
async function audit(ctx: BenchContext, name: string, url: string): Promise<Audit> {
  mkdirSync(path.join(ctx.deck.project, '.cache'), { recursive: true });
  const audits: Audit[] = [];
  for (let i = 0; i < RUNS; i++) {
    const chrome = await chromeLauncher.launch({
      chromePath: ctx.executablePath,
      chromeFlags: ['--headless=new', ...ctx.args],
      logLevel: 'silent',
    });
    try {
      const loadNow = load();
      const result = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
      if (result.lhr.runtimeError) throw new Error(`Lighthouse: ${result.lhr.runtimeError.message}`);
      const run = summarise(result.lhr, loadNow);
      // Kept for a closer look (which audit failed, what is unused), and said at once: runs are slow.
      writeFileSync(
        path.join(ctx.deck.project, '.cache', `lighthouse-${name}-${i + 1}.json`),
        JSON.stringify(result.lhr),
      );
      process.stderr.write(`bench: phone: Lighthouse ${name} run ${i + 1}: ${JSON.stringify(run)}\n`);
      audits.push(run);
    } finally {
      chrome.kill();
    }
  }
  audits.sort((a, b) => a.performance - b.performance);
  return audits[Math.floor(audits.length / 2)]!;
}

/**
 * Injected before the page's own code: the first frame in which the first paragraph of the speech
 * text (the reading view's main text, `aside.notes > [data-role=speech] > p`) is laid out with its
 * final font, ready to be read: an upright phone opens in the reading view (first-view.ts), where
 * the paragraph follows the title slide, a scroll below the first screen (Lighthouse's LCP covers
 * that first screen).
 */
const WATCH_FIRST_PARAGRAPH = `(() => {
  const w = window;
  w.__firstParagraph = null;
  const painted = () => {
    const p = document.querySelector('.reveal aside.notes > [data-role="speech"] > p');
    if (!p || !p.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
    const r = p.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return false;
    const s = getComputedStyle(p);
    return document.fonts.check(s.fontStyle + ' ' + s.fontWeight + ' ' + s.fontSize + ' ' + s.fontFamily, p.textContent.trim());
  };
  const frame = (t) => {
    if (painted()) w.__firstParagraph = t;
    else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})()`;

/** One cold phone load of `url` with the CPU slowed: ms to the first speech paragraph painted. */
async function phoneLoad(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext(PHONE);
  await context.addInitScript(WATCH_FIRST_PARAGRAPH);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  await page.goto(url, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(() => (window as { __firstParagraph?: number }).__firstParagraph, null, {
    timeout: 60_000,
    polling: 50,
  });
  const ms = (await handle.jsonValue()) as number;
  await context.close();
  return ms;
}

const row = (metric: string, value: string, target = '', ok: boolean | null = null): BenchRow => ({
  area: 'phone',
  metric,
  value,
  target,
  ok,
});

function rowsFor(server: keyof typeof TARGETS, label: string, a: Audit): BenchRow[] {
  const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
  return [
    row(
      `Lighthouse performance, ${label} (median of ${RUNS}, load ${a.load})`,
      String(a.performance),
      `≥ ${TARGETS[server]}`,
      a.performance >= TARGETS[server],
    ),
    row(`Lighthouse accessibility, ${label}`, String(a.accessibility), '100', a.accessibility === 100),
    row(`Lighthouse best practices, ${label}`, String(a.bestPractices), '100', a.bestPractices === 100),
    row(`  LCP / FCP / total blocking time, ${label}`, `${s(a.lcp)} / ${s(a.fcp)} / ${a.tbt.toFixed(0)} ms`),
    row(`  unused JavaScript, ${label}`, `${(a.unusedJs / 1024).toFixed(0)} KiB`),
    ...(a.failing.length ? [row(`  audits not passed, ${label}`, a.failing.join(', '))] : []),
    ...(a.errored.length ? [row(`  audits Lighthouse could not run, ${label}`, a.errored.join(', '))] : []),
  ];
}

/**
 * Issue 15, "fast on a phone": Lighthouse 12's mobile audit of the built site served by `vite
 * preview` (gzip) and by a plain static server without compression (src/export/server.ts), and the
 * time an upright phone with a 4× slower CPU takes to show the first paragraph of the speech.
 */
export async function benchPhone(ctx: BenchContext): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const vite = await preview({
    configFile: path.join(ctx.deck.project, 'vite.config.ts'),
    logLevel: 'silent',
    build: { outDir: ctx.dist },
    preview: { port: 0, host: '127.0.0.1', open: false },
  });
  try {
    const url = vite.resolvedUrls?.local[0];
    if (!url) throw new Error('vite preview did not say where it listens');
    rows.push(...rowsFor('preview', 'vite preview', await audit(ctx, 'preview', url)));
  } finally {
    await vite.close();
  }
  const server = await serveStatic(ctx.dist, { basePath: '/site/' });
  try {
    rows.push(...rowsFor('static', 'plain server', await audit(ctx, 'static', server.url)));
    const browser = await chromium.launch({ executablePath: ctx.executablePath, args: ctx.args, headless: true });
    try {
      await phoneLoad(browser, server.url); // warm the OS file cache, not the browser's
      const loadNow = load();
      const times: number[] = [];
      for (let i = 0; i < PHONE_LOADS; i++) times.push(await phoneLoad(browser, server.url));
      rows.push(
        row(
          `first speech paragraph painted, 390×844 phone, CPU ${CPU_SLOWDOWN}× slower (median of ${PHONE_LOADS} cold loads, load ${loadNow})`,
          `${median(times).toFixed(0)} ms`,
        ),
      );
    } finally {
      await browser.close();
    }
  } finally {
    await server.close();
  }
  return rows;
}
