import type { Page } from '@playwright/test';
import { compileDeck } from '../../src/markdown/compile.ts';
import { t } from '../../src/common/i18n.ts';
import { DECK_KEYS, rowKeys } from '../../src/runtime/keymap.ts';
import { readSlideFiles } from '../../src/vite/deck-plugin.ts';
import { FILE_URL, expect, openDeck, platformFonts, screenColours, test } from './fixtures.ts';

/**
 * The presenter's navigation, as a presenter meets it: every "next" input one step in reading
 * order, part jumps only on explicit inputs, a clicker that never goes dead, PowerPoint habits,
 * and browser history that Back can use.
 */

const deck = compileDeck(readSlideFiles(process.cwd()));
const slides = deck.parts.flatMap((p) => p.slides);
/** Steps of a slide: its fragments, each its own step (the compiled HTML, not the page). */
const fragmentsOf = (id: string): number =>
  (slides.find((s) => s.id === id)!.html.match(/class="[^"]*\bfragment\b/g) ?? []).length;
/** Every step of the talk in reading order: `slide/-1` on arrival, then `slide/0` … per fragment. */
const STEPS: string[] = slides.flatMap((s) =>
  [-1, ...Array.from({ length: fragmentsOf(s.id) }, (_, i) => i)].map((f) => `${s.id}/${f}`),
);

const position = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const f = window.deck!.getIndices().f;
    return `${window.deck!.getCurrentSlide().id}/${typeof f === 'number' ? f : -1}`;
  });
const slideId = (page: Page): Promise<string> => page.evaluate(() => window.deck!.getCurrentSlide().id);
const stepAfter = (step: string, by = 1): string => STEPS[STEPS.indexOf(step) + by]!;

test('every "next" input is the next step in reading order, every "previous" input one step back', async ({
  page,
  site,
}) => {
  await openDeck(page, `${site}#/qi-law`);
  let here = await position(page);
  expect(here).toBe('qi-law/-1');
  for (const key of ['ArrowRight', 'ArrowDown', 'Space', 'PageDown', 'n', 'Enter']) {
    await page.keyboard.press(key);
    await expect.poll(() => position(page), key).toBe(stepAfter(here));
    here = await position(page);
  }
  // The on-screen › control is "next" too; the ˄ ˅ of a 2-D deck are gone.
  await page.locator('.reveal .controls .navigate-right').click();
  await expect.poll(() => position(page)).toBe(stepAfter(here));
  here = await position(page);
  await expect(page.locator('.reveal .controls .navigate-down')).toBeHidden();
  for (const key of ['ArrowLeft', 'ArrowUp', 'Shift+Space', 'PageUp', 'p']) {
    await page.keyboard.press(key);
    await expect.poll(() => position(page), key).toBe(stepAfter(here, -1));
    here = await position(page);
  }
  await page.locator('.reveal .controls .navigate-left').click();
  await expect.poll(() => position(page)).toBe(stepAfter(here, -1));
});

test('parts are jumped only on purpose: Shift+→ / Shift+← and the part indicator', async ({ page, site }) => {
  await openDeck(page, `${site}#/qi-law`);
  await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(() => slideId(page)).toBe(deck.parts[2]!.slides[0]!.id);
  await page.keyboard.press('Shift+ArrowLeft');
  await expect.poll(() => slideId(page)).toBe(deck.parts[1]!.slides[0]!.id);
  await page.locator('.structure-ui li[data-part="zhuan"] button').click();
  await expect.poll(() => slideId(page)).toBe('zhuan-title');
  // Home and End: the first and the very last slide (not the first of the last part).
  await page.locator('.reveal').focus();
  await page.keyboard.press('End');
  await expect.poll(() => slideId(page)).toBe(slides.at(-1)!.id);
  await page.keyboard.press('Home');
  await expect.poll(() => slideId(page)).toBe(slides[0]!.id);
});

test('a swipe on a tablet is one step, not a part', async ({ browser, site }) => {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true });
  const page = await context.newPage();
  await openDeck(page, `${site}#/qi-law`);
  const cdp = await context.newCDPSession(page);
  const swipe = async (from: number, to: number): Promise<void> => {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: from, y: 400 }] });
    for (let i = 1; i <= 5; i++)
      await cdp.send('Input.dispatchTouchEvent', {
        type: 'touchMove',
        touchPoints: [{ x: from + ((to - from) * i) / 5, y: 400 }],
      });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  };
  await swipe(800, 200);
  await expect.poll(() => position(page)).toBe(stepAfter('qi-law/-1'));
  await swipe(200, 800);
  await expect.poll(() => position(page)).toBe('qi-law/-1');
  await context.close();
});

test('during a black or white screen the clicker lifts it without moving; B and W are fully black and white', async ({
  page,
  site,
}) => {
  await openDeck(page, `${site}#/qi-gather`);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const here = await position(page);
  const colours = async (): Promise<string[]> => screenColours(page);
  for (const [key, colour] of [
    ['b', '0,0,0'],
    ['.', '0,0,0'],
    ['w', '255,255,255'],
    [',', '255,255,255'],
  ] as const) {
    await page.keyboard.press(key);
    await expect(page.locator('.reveal.paused')).toHaveCount(1);
    expect(await colours(), `${key}: the screen is one colour`).toEqual([colour]);
    await page.keyboard.press(key === 'b' || key === '.' ? 'PageDown' : 'PageUp');
    await expect(page.locator('.reveal.paused')).toHaveCount(0);
    expect(await position(page), `${key} then a clicker key: no move`).toBe(here);
  }
  // B then W switches to white; W again lifts it.
  await page.keyboard.press('b');
  await page.keyboard.press('w');
  await expect(page.locator('.reveal.paused.blank-white')).toHaveCount(1);
  await page.keyboard.press('w');
  await expect(page.locator('.reveal.paused')).toHaveCount(0);
  expect(await position(page)).toBe(here);
  // The mouse lifts it too, anywhere on the screen.
  await page.keyboard.press('b');
  await page.mouse.click(400, 300);
  await expect(page.locator('.reveal.paused')).toHaveCount(0);
});

test('with the structure map, help, search or the jump field open, PageDown and PageUp close it and move', async ({
  page,
  site,
}) => {
  await openDeck(page, `${site}#/qi-law`);
  let here = await position(page);
  const open = {
    m: page.locator('dialog.structure-dialog[open]'),
    'Shift+?': page.locator('dialog.help-dialog[open]'),
    '/': page.locator('dialog.study-search[open]'),
    g: page.locator('.reveal .jump-to-slide'),
  };
  for (const [key, overlay] of Object.entries(open)) {
    await page.keyboard.press(key);
    await expect(overlay, key).toHaveCount(1);
    if (key === 'g') {
      // reveal makes the field on this first G, after other keys: it is named in Chinese all the same.
      const field = page.getByRole('textbox', { name: t('jumpToSlide'), exact: true });
      await expect(field).toBeFocused();
      await expect(field).toHaveAttribute('placeholder', t('jumpToSlide'));
    }
    await page.keyboard.press('PageDown');
    await expect(overlay, key).toHaveCount(0);
    await expect.poll(() => position(page), `${key} then PageDown`).toBe(stepAfter(here));
    here = await position(page);
  }
  await page.keyboard.press('m');
  await page.keyboard.press('PageUp');
  await expect(open.m).toHaveCount(0);
  await expect.poll(() => position(page)).toBe(stepAfter(here, -1));
});

test('the key right after the clicker reaches the deck: PageDown closes an overlay, G in the same task opens the jump field', async ({
  page,
  site,
}) => {
  await openDeck(page, `${site}#/qi-law`);
  // In one task: PageDown where focus is, then G where focus is then. Left on the closed dialog's
  // field or button until the browser's next focus fix-up, the G would be lost there.
  const pageDownThenG = (): Promise<{ closed: boolean; jump: boolean }> =>
    page.evaluate(() => {
      const key = (k: string, keyCode: number): boolean =>
        (document.activeElement ?? document.body).dispatchEvent(
          new KeyboardEvent('keydown', {
            key: k,
            code: k === 'g' ? 'KeyG' : k,
            keyCode,
            bubbles: true,
            cancelable: true,
          }),
        );
      key('PageDown', 34);
      const closed = !document.querySelector('dialog[open]');
      key('g', 71);
      const jump = Boolean(document.querySelector('.reveal .jump-to-slide'));
      return { closed, jump };
    });
  for (const [key, overlay] of [
    ['m', 'dialog.structure-dialog[open]'],
    ['Shift+?', 'dialog.help-dialog[open]'],
    ['/', 'dialog.study-search[open]'],
  ] as const) {
    await page.keyboard.press(key);
    await expect(page.locator(overlay), key).toHaveCount(1);
    expect(await pageDownThenG(), key).toEqual({ closed: true, jump: true });
    await page.keyboard.press('Escape');
    await expect(page.locator('.reveal .jump-to-slide'), key).toHaveCount(0);
  }
});

test('digits then Enter go to that slide number; a stray digit is forgotten', async ({ page, site }) => {
  await openDeck(page, site);
  await page.keyboard.type('12');
  await page.keyboard.press('Enter');
  await expect.poll(() => slideId(page)).toBe(slides[11]!.id);
  await expect(page.locator('.reveal .slide-number')).toContainText('12');
  await page.keyboard.type('999');
  await page.keyboard.press('Enter');
  expect(await slideId(page)).toBe(slides[11]!.id);
  // Enter alone is "next" again.
  const here = await position(page);
  await page.keyboard.press('Enter');
  await expect.poll(() => position(page)).toBe(stepAfter(here));
});

test('Back returns to where a jump started; steps do not fill the history', async ({ page, site }) => {
  await openDeck(page, `${site}#/opening-why`);
  const length = (): Promise<number> => page.evaluate(() => history.length);
  const before = await length();
  for (let i = 0; i < 6; i++) await page.keyboard.press('PageDown');
  await expect.poll(() => slideId(page)).not.toBe('opening-why');
  const stepped = await slideId(page);
  expect(await length()).toBe(before);
  // A jump through the structure map adds one entry …
  await page.keyboard.press('m');
  await page.locator(`dialog.structure-dialog g.structure-node[data-key="part:cheng"]`).click();
  await expect.poll(() => slideId(page)).toBe('cheng-title');
  await expect.poll(length).toBe(before + 1);
  await page.keyboard.press('PageDown');
  await expect.poll(() => slideId(page)).toBe('cheng-relations');
  expect(await length()).toBe(before + 1);
  // … so Back returns to the slide the jump left, at once (within the second in which reveal
  // would still write the address of the step before) …
  await page.goBack();
  await expect.poll(() => slideId(page)).toBe(stepped);
  // … and stays there: no late write renames the entry Back returned to.
  const due = await page.evaluate(() => performance.now() + 1200);
  await page.waitForFunction((at) => performance.now() > at, due);
  await expect(page).toHaveURL(new RegExp(`#/${stepped}(/\\d+)?$`));
  expect(await slideId(page)).toBe(stepped);
  // Forward returns to where Back was pressed: the step after the jump.
  await page.goForward();
  await expect.poll(() => slideId(page)).toBe('cheng-relations');
});

test('a click on the slide is "next" when the deck asks for it (?click=next), never on a link', async ({
  page,
  site,
}) => {
  await openDeck(page, `${site}?click=next#/qi-gather`);
  const here = await position(page);
  await page.locator('#qi-gather h2').click();
  await expect.poll(() => position(page)).toBe(stepAfter(here));
  await openDeck(page, `${site}#/qi-gather`);
  await page.locator('#qi-gather h2').click();
  expect(await position(page)).toBe('qi-gather/-1');
});

test('the help lists every key of the key table, in the bundled font', async ({ page }) => {
  await openDeck(page, FILE_URL);
  await page.keyboard.press('Shift+?');
  const rows = page.locator('dialog.help-dialog tr');
  await expect(rows).toHaveCount(DECK_KEYS.length);
  for (const [i, row] of DECK_KEYS.entries()) {
    await expect(rows.nth(i).locator('th')).toHaveText(rowKeys(row));
    await expect(rows.nth(i).locator('td')).toHaveText(t(row.label));
  }
  // Every glyph, arrows included, from the bundled font: no tofu on a machine without CJK fonts.
  for (const fonts of await platformFonts(
    page,
    'dialog.help-dialog th, dialog.help-dialog td, dialog.help-dialog h2',
  )) {
    for (const f of fonts) expect(f.isCustomFont, `${f.familyName} is a system font`).toBe(true);
  }
});
