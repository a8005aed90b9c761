import { test as base, expect, type ConsoleMessage, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { serveStatic, type StaticServer } from '../../src/export/server.ts';

/** The built site under test. */
export const DIST = path.resolve(process.env.DECK_DIST ?? 'dist');
if (!existsSync(path.join(DIST, 'index.html'))) {
  throw new Error(`${DIST}/index.html is missing: run "npm run build" first`);
}
/** file:// URL of the built index.html. */
export const FILE_URL = pathToFileURL(path.join(DIST, 'index.html')).href;

interface Fixtures {
  /** Base URL of dist/ served on loopback under a sub-path (e.g. http://127.0.0.1:1234/deck/). */
  site: string;
  /** Console errors, page errors and failed requests seen by `page`; asserted empty after each test. */
  problems: string[];
}

/**
 * What a page reports that a test must see: console errors, page errors, refused responses and
 * failed requests (`problems`); requests still unanswered and those cut off, for a failure's report.
 * The `problems` fixture watches `page`; a test watches its other windows with this.
 */
export function watchPage(page: Page): { problems: string[]; pending: Set<string>; aborted: string[] } {
  const problems: string[] = [];
  page.on('console', (msg: ConsoleMessage) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  // Chromium's console line for a refused request names no address: say which it was.
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`response ${res.status()}: ${res.url()}`);
  });
  const pending = new Set<string>();
  const aborted: string[] = [];
  page.on('request', (req) => pending.add(req.url()));
  page.on('requestfinished', (req) => pending.delete(req.url()));
  page.on('requestfailed', (req) => {
    pending.delete(req.url());
    // A request cut off because the test navigated away (e.g. the favicon) is not a failure.
    if (req.failure()?.errorText === 'net::ERR_ABORTED') return void aborted.push(req.url());
    problems.push(`requestfailed: ${req.url()} (${req.failure()?.errorText ?? ''})`);
  });
  return { problems, pending, aborted };
}

export const test = base.extend<Fixtures, { server: StaticServer }>({
  server: [
    async ({}, use) => {
      const server = await serveStatic(DIST, { basePath: '/deck/' });
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  site: async ({ server }, use) => {
    await use(server.url);
  },
  problems: [
    async ({ page }, use, testInfo) => {
      const { problems, pending, aborted } = watchPage(page);
      await use(problems);
      // A test that failed first never reaches the assertion below: say what the page reported, the
      // likeliest cause of a chart that never drew (a module the server refused or never answered).
      if (testInfo.status !== testInfo.expectedStatus) {
        const report = [
          ...problems,
          ...[...pending].map((u) => `never answered: ${u}`),
          ...aborted.map((u) => `aborted: ${u}`),
        ];
        console.log(
          `${testInfo.title}: what the page reported before failing:\n  ${report.join('\n  ') || '(nothing)'}`,
        );
      }
      expect(problems, 'console errors, page errors or failed requests').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Opens the deck and waits until reveal.js is ready and fonts are loaded. */
export async function openDeck(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement?.classList.contains('deck-ready'));
  await page.evaluate(() => document.fonts.ready);
}

/** The fonts Chromium drew each element matching `selector` with (CSS.getPlatformFontsForNode). */
export async function platformFonts(
  page: Page,
  selector: string,
): Promise<{ familyName: string; postScriptName: string; isCustomFont: boolean }[][]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector });
  const fonts = [];
  for (const nodeId of nodeIds) fonts.push((await cdp.send('CSS.getPlatformFontsForNode', { nodeId })).fonts);
  await cdp.detach();
  return fonts;
}

/**
 * The distinct colours (`r,g,b`) of every pixel of the page's screenshot. Decoded in
 * a blank page of the same browser, where no Content-Security-Policy forbids a data: image.
 */
export async function screenColours(page: Page): Promise<string[]> {
  const png = (await page.screenshot()).toString('base64');
  const scratch = await page.context().newPage();
  try {
    return await scratch.evaluate(async (data) => {
      const img = new Image();
      img.src = `data:image/png;base64,${data}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const { data: px } = ctx.getImageData(0, 0, img.width, img.height);
      const seen = new Set<string>();
      for (let i = 0; i < px.length && seen.size < 64; i += 4) seen.add(`${px[i]},${px[i + 1]},${px[i + 2]}`);
      return [...seen];
    }, png);
  } finally {
    await scratch.close();
  }
}
