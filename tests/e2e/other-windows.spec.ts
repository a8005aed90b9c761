import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from '@playwright/test';
import { preview } from 'vite';
import { compileDeck } from '../../src/markdown/compile.ts';
import { channelName, PROTOCOL } from '../../src/runtime/speaker/protocol.ts';
import { readSlideFiles } from '../../src/vite/deck-plugin.ts';
import { FILE_URL, expect, openDeck, test } from './fixtures.ts';

/**
 * Other windows may not drive the deck or read it: a page that frames or opens it, a window that
 * claims to be its speaker view, a page of the same origin on the speaker channel.
 */
const deck = compileDeck(readSlideFiles(process.cwd()));
const slides = deck.parts.flatMap((p) => p.slides);
const CHANNEL = channelName(deck.meta.title);

const indices = (page: Page) => page.evaluate(() => JSON.stringify(window.deck!.getIndices()));

/** A page of the deck's own origin that is not the deck (what a hostile same-origin page can do). */
async function sameOriginPage(context: BrowserContext, site: string): Promise<Page> {
  const url = `${site}hostile.html`;
  await context.route(url, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>hostile</title><p>hostile</p>' }),
  );
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

test('reveal’s postMessage API is off: a message cannot move the deck or call its methods', async ({ page, site }) => {
  await openDeck(page, site);
  const before = await indices(page);
  // Delivered in order: once the sentinel arrives, the deck has seen (and ignored) the commands.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        window.addEventListener('message', (e) => e.data === 'sentinel' && resolve());
        window.postMessage(JSON.stringify({ method: 'configure', args: [{ postMessageEvents: true }] }), '*');
        window.postMessage(JSON.stringify({ method: 'slide', args: [2, 0] }), '*');
        window.postMessage('sentinel', '*');
      }),
  );
  expect(await indices(page)).toBe(before);
  expect(await page.evaluate(() => window.deck!.getConfig().postMessageEvents)).toBe(false);
});

test('a page that frames the deck can neither drive it nor hear its events and notes', async ({ page }) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'deck-frame-'));
  try {
    const framer = path.join(dir, 'framer.html');
    writeFileSync(
      framer,
      `<!doctype html><title>framer</title><script>window.heard = []; addEventListener('message', (e) => { if (e.data !== 'back') window.heard.push(String(e.data)); });</script><iframe src="${FILE_URL}" width="1200" height="800"></iframe>`,
    );
    await page.goto(pathToFileURL(framer).href);
    const frame = page.frames().find((f) => f !== page.mainFrame())!;
    await frame.waitForFunction(() => document.documentElement?.classList.contains('deck-ready'));
    await frame.evaluate(() => {
      (window as unknown as { seen: Promise<void> }).seen = new Promise<void>((resolve) => {
        window.addEventListener('message', (e) => {
          if (e.data !== 'sentinel') return;
          parent.postMessage('back', '*');
          resolve();
        });
      });
    });
    const back = page.evaluate(
      () => new Promise<void>((resolve) => window.addEventListener('message', (e) => e.data === 'back' && resolve())),
    );
    await page.evaluate(() => {
      const deckWindow = document.querySelector('iframe')!.contentWindow!;
      for (const call of [
        { method: 'configure', args: [{ postMessageEvents: true }] },
        { method: 'slide', args: [1, 0] },
        { method: 'getSlideNotes' },
      ]) {
        deckWindow.postMessage(JSON.stringify(call), '*');
      }
      deckWindow.postMessage('sentinel', '*');
    });
    await frame.evaluate(() => (window as unknown as { seen: Promise<void> }).seen);
    await back;
    expect(await frame.evaluate(() => window.deck!.getIndices().h)).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { heard: string[] }).heard)).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a window that opened the deck cannot pose as its speaker view: S still opens one', async ({
  page,
  context,
  site,
}) => {
  const opener = await sameOriginPage(context, site);
  const popupEvent = context.waitForEvent('page');
  await opener.evaluate((url) => {
    (window as unknown as { deckWindow: Window | null }).deckWindow = window.open(url);
  }, site);
  const deckPage = await popupEvent;
  await deckPage.waitForFunction(() => document.documentElement?.classList.contains('deck-ready'));
  // The deck's own listener runs first: once this one hears the hello, the deck has handled it.
  const heard = deckPage.evaluate(
    (proto) =>
      new Promise<void>((resolve) =>
        window.addEventListener('message', (e) => {
          if ((e.data as { proto?: string; kind?: string } | null)?.kind === 'hello' && e.data.proto === proto) {
            resolve();
          }
        }),
      ),
    PROTOCOL,
  );
  await opener.evaluate((proto) => {
    (window as unknown as { deckWindow: Window }).deckWindow.postMessage({ proto, kind: 'hello' }, '*');
  }, PROTOCOL);
  await heard;

  const speakerEvent = context.waitForEvent('page');
  await deckPage.bringToFront();
  await deckPage.keyboard.press('s');
  const speaker = await speakerEvent;
  expect(speaker.url()).toMatch(/\/speaker\.html#\//);
  await speaker.waitForFunction(() => document.documentElement?.classList.contains('speaker-ready'));
  await speaker.close();
  await deckPage.close();
  await opener.close();
  void page;
});

test('a page on the speaker channel that did not complete the handshake cannot move the deck', async ({
  page,
  context,
  site,
}) => {
  await openDeck(page, site);
  const before = await indices(page);
  const hostile = await sameOriginPage(context, site);
  const reply = await hostile.evaluate(
    ({ channel, proto, target }) =>
      new Promise<string>((resolve) => {
        const bc = new BroadcastChannel(channel);
        let deckId: string | null = null;
        bc.onmessage = (e) => {
          const m = e.data as { kind?: string; deck?: string; state?: { slideId: string } };
          if (m.kind !== 'state' || !m.deck) return;
          if (deckId === null) {
            // Learned the deck's id from its state: send it commands, then ask for its state again.
            deckId = m.deck;
            for (const [i, action] of ['goto', 'next', 'last'].entries()) {
              bc.postMessage({ proto, kind: 'command', to: deckId, id: `hostile-${i}`, action, slideId: target });
            }
            bc.postMessage({ proto, kind: 'hello' });
          } else {
            // The deck handles messages in order: this answer comes after the commands.
            resolve(m.state!.slideId);
          }
        };
        bc.postMessage({ proto, kind: 'hello' });
      }),
    { channel: CHANNEL, proto: PROTOCOL, target: slides[5]!.id },
  );
  expect(reply).toBe(slides[0]!.id);
  expect(await indices(page)).toBe(before);
  await hostile.close();
});

test('npm run preview sends the headers that forbid framing (hosts are told to send them)', async () => {
  const server = await preview({
    configFile: path.resolve('vite.config.ts'),
    preview: { host: '127.0.0.1', port: 0 },
    logLevel: 'silent',
  });
  try {
    const url = server.resolvedUrls?.local[0];
    expect(url).toBeTruthy();
    for (const page of ['', 'speaker.html']) {
      const res = await fetch(new URL(page, url));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    }
  } finally {
    await server.close();
  }
});
