import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { compileDeck } from '../../src/markdown/compile.ts';
import { deckFolder } from '../../src/deck-folder.ts';
import { readSlideFiles } from '../../src/vite/deck-plugin.ts';
import { deckExtensions } from '../../src/vite/extensions.ts';
import { DIST, FILE_URL, expect, openDeck, test } from './fixtures.ts';

/**
 * Byte budgets of the built site. Sizes are deterministic, so they are checked here; times are
 * measured by `npm run bench`.
 */
export const BUDGETS = {
  /**
   * index.html + the scripts + the stylesheet + the fonts the first slide uses, gzip (woff2 as is).
   * It had grown to 319 KB (the presenter's keymap, presenting mode and speaker controls, the
   * learner's reading tools). Since the glyphs only the notes use left the preloaded regular face
   * (12 KB) and the charts (d3, every chart kind, the chart data: 48 KB gzip) load as a script of
   * their own when the deck is up (src/runtime/lazy.ts, issue 15), it is back under 300 KB.
   */
  firstSlideGzip: 300 * 1024,
  /** The deck's script alone, gzip. */
  scriptGzip: 150 * 1024,
  /** The first-paint head script (src/runtime/prepaint.ts), gzip: it blocks parsing, so tiny. */
  headScriptGzip: 2 * 1024,
  /** The stylesheet alone, gzip. */
  styleGzip: 30 * 1024,
  /** Each subset font face. */
  fontWeight: 120 * 1024,
  /** Everything in dist/ except exported PDFs, raw. */
  siteRaw: 2 * 1024 * 1024,
  /** The data one chart inlines into the bundle, raw JSON. */
  chartDataRaw: 40 * 1024,
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

const sent = (file: string): number => {
  const data = readFileSync(file);
  return /\.(woff2?|png|jpg|pdf)$/.test(file) ? data.length : gzipSync(data, { level: 9 }).length;
};

test('the built site stays inside its byte budgets', () => {
  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  // The deck script is named by the head script's `data-deck`, which adds it once the page is painted.
  const refs = [...html.matchAll(/(?:src|href|data-deck)="\.\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  const fonts = files(path.join(DIST, 'assets')).filter((f) => f.endsWith('.woff2'));
  // The fonts the first slide uses: those the head script preloads (the rest load when needed).
  const firstFonts = (/data-preload="([^"]*)"/.exec(html)?.[1] ?? '')
    .split(' ')
    .filter(Boolean)
    .map((f) => path.join(DIST, f));
  const scripts = refs.filter((r) => r.endsWith('.js')).map((r) => path.join(DIST, r));
  const head = scripts.filter((r) => path.basename(r).startsWith('prepaint-'));
  const script = scripts.filter((r) => !head.includes(r));
  const style = refs.filter((r) => r.endsWith('.css')).map((r) => path.join(DIST, r));
  expect(script).toHaveLength(1);
  expect(head).toHaveLength(1);
  expect(style).toHaveLength(1);

  const sizes = {
    firstSlideGzip: [path.join(DIST, 'index.html'), ...scripts, ...style, ...firstFonts].reduce(
      (n, f) => n + sent(f),
      0,
    ),
    scriptGzip: sent(script[0]!),
    headScriptGzip: sent(head[0]!),
    styleGzip: sent(style[0]!),
    fontWeight: Math.max(...fonts.map((f) => statSync(f).size)),
    siteRaw: files(DIST)
      .filter((f) => !f.endsWith('.pdf'))
      .reduce((n, f) => n + statSync(f).size, 0),
  };
  const over = Object.entries(sizes)
    .filter(([k, v]) => v > BUDGETS[k as keyof typeof BUDGETS])
    .map(
      ([k, v]) => `${k}: ${(v / 1024).toFixed(1)} KB > ${(BUDGETS[k as keyof typeof BUDGETS] / 1024).toFixed(0)} KB`,
    );
  expect(over).toEqual([]);
  // The deck's own glyphs, not the whole font: regular and bold, each split in two faces (what the
  // slides show, preloaded; what only the notes or other bold text use, loaded later); the few
  // glyphs the Chinese subset lacks (← →) in tiny faces of their own.
  const extra = fonts.filter((f) => /-extra-\d+-/.test(path.basename(f)));
  expect(fonts.length - extra.length).toBe(4);
  for (const f of extra) expect(statSync(f).size).toBeLessThan(2048);
  expect(firstFonts.map((f) => path.basename(f).replace(/-[\w-]{8}\.woff2$/, ''))).toEqual([
    'deck-sans-sc-400',
    'deck-sans-sc-700-heading',
  ]);
});

test('each chart inlines at most its budget of data', () => {
  const root = deckFolder(process.cwd());
  const options = Object.assign({}, ...deckExtensions.map((e) => e.compileOptions?.(root) ?? {}));
  const deck = compileDeck(readSlideFiles(root), options);
  const exported = Object.assign({}, ...deckExtensions.map((e) => e.exports?.(deck, root) ?? {})) as {
    chartData: Record<string, unknown>;
  };
  const sizes = Object.entries(exported.chartData).map(([id, data]) => [id, JSON.stringify(data).length] as const);
  expect(sizes.length).toBe(deck.charts.length);
  expect(sizes.filter(([, n]) => n > BUDGETS.chartDataRaw)).toEqual([]);
});

for (const where of ['served', 'from file://'] as const) {
  test(`the first slide loads no chart code; the charts load once the deck is up, ${where}`, async ({ page, site }) => {
    // Whether the deck was up when each feature script was added to the page.
    await page.addInitScript(() => {
      const w = window as unknown as { featuresAdded: { name: string; deckReady: boolean }[] };
      w.featuresAdded = [];
      new MutationObserver((records) => {
        for (const r of records)
          for (const n of r.addedNodes)
            if (n instanceof HTMLScriptElement && n.dataset.feature)
              w.featuresAdded.push({
                name: n.dataset.feature,
                deckReady: document.documentElement.classList.contains('deck-ready'),
              });
      }).observe(document, { childList: true, subtree: true });
    });
    const url = where === 'served' ? site : FILE_URL;
    await openDeck(page, url);
    // On the first idle moment, without any slide asking for it, so a chart slide draws at once.
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { featuresAdded: unknown[] }).featuresAdded))
      .toEqual([{ name: 'charts', deckReady: true }]);
    await openDeck(page, `${url}#/qi-population`);
    await expect(page.locator('section#qi-population figure.chart')).toHaveAttribute('data-chart-state', 'final');
  });
}
