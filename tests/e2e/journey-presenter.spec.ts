import type { Page } from '@playwright/test';
import { t } from '../../src/common/i18n.ts';
import { compileDeck } from '../../src/markdown/compile.ts';
import { readSlideFiles } from '../../src/vite/deck-plugin.ts';
import { FILE_URL, expect, openDeck, screenColours, test, watchPage } from './fixtures.ts';

/**
 * Journey 1 (the presenter, a meeting room), whole: the deck opened from a USB stick (file://) at
 * 1920×1080, the speaker view opened with S, and the talk given from the first step to the last
 * with nothing but a clicker's PageDown, pressed in the deck window and in the speaker window,
 * with a blank screen (B, W), the structure map (M), the help (?), search (/) and the jump field
 * (G) used on the way. Every step is asserted in reading order, and at every step what the room
 * sees: only the slide.
 */

const deck = compileDeck(readSlideFiles(process.cwd()));
const slides = deck.parts.flatMap((p) => p.slides);
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

/**
 * What the room must not see, visible on the projected page: the page's controls, the study bar,
 * the resume offer, chart hints and buttons, and the current slide's notes (speech text, stage
 * directions, editorial working notes, provenance).
 */
const shownToTheRoom = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const seen = (el: Element): boolean => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    const slide = window.deck!.getCurrentSlide();
    const selectors = [
      '.reveal .controls',
      '.reveal .progress',
      '.reveal .slide-number',
      '.deck-ui:not(.speaker-notice)',
      '.study-resume',
      '.handout-link',
    ];
    const page = selectors.flatMap((s) => [...document.querySelectorAll(s)].filter(seen).map(() => s));
    const onSlide = ['aside.notes', '.chart-hint', '.chart-data-toggle', '[data-role]'].flatMap((s) =>
      [...slide.querySelectorAll(s)].filter(seen).map(() => `#${slide.id} ${s}`),
    );
    return [...page, ...onSlide];
  });

test('a presenter gives the whole talk from file:// at 1920×1080 with the speaker view open, by PageDown alone from either window, using B, W, M, ?, / and G on the way', async ({
  page,
  context,
}) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openDeck(page, FILE_URL);
  expect(await position(page)).toBe(STEPS[0]);

  // S opens the speaker view; once it is connected the deck is in presenting mode by itself.
  const opened = context.waitForEvent('page');
  await page.keyboard.press('s');
  const speaker = await opened;
  const speakerProblems = watchPage(speaker).problems;
  await speaker.waitForFunction(() => document.documentElement?.classList.contains('speaker-ready'));
  await expect(speaker.locator('.speaker-connection')).toHaveText(t('speakerConnected'));
  await expect(page.locator('html')).toHaveClass(/\bpresenting\b/);
  expect(await shownToTheRoom(page)).toEqual([]);

  const windows: Record<'deck' | 'speaker', Page> = { deck: page, speaker };
  const press = async (where: 'deck' | 'speaker', key: string): Promise<void> => {
    await windows[where].bringToFront();
    await windows[where].keyboard.press(key);
  };
  const paused = (): Promise<boolean> => page.evaluate(() => window.deck!.isPaused());

  /** Detours taken before the step of that index: each ends with the clicker going on. */
  const n = STEPS.length;
  const at = (fraction: number): number => Math.max(1, Math.round(n * fraction));
  const detours = new Map<number, (next: () => Promise<void>) => Promise<void>>([
    [
      // A question from the floor: B from the deck, then the clicker in the speaker window lifts it
      // without moving, and the next press moves on.
      at(0.1),
      async (next) => {
        const here = await position(page);
        await press('deck', 'b');
        await expect.poll(paused).toBe(true);
        await page.bringToFront();
        expect(await screenColours(page), 'B: the whole screen black').toEqual(['0,0,0']);
        await press('speaker', 'PageDown');
        await expect.poll(paused).toBe(false);
        expect(await position(page), 'B, then PageDown: lifted, not moved').toBe(here);
        await next();
      },
    ],
    [
      at(0.25),
      // The structure map shown to the room; PageDown (deck) closes it and continues the talk.
      async () => {
        await press('deck', 'm');
        await expect(page.locator('dialog.structure-dialog[open]')).toHaveCount(1);
        await press('deck', 'PageDown');
        await expect(page.locator('dialog.structure-dialog[open]')).toHaveCount(0);
      },
    ],
    [
      at(0.35),
      // W for a white screen; PageDown from the deck lifts it without moving.
      async (next) => {
        const here = await position(page);
        await press('deck', 'w');
        await expect(page.locator('.reveal.paused.blank-white')).toHaveCount(1);
        expect(await screenColours(page), 'W: the whole screen white').toEqual(['255,255,255']);
        await press('deck', 'PageDown');
        await expect.poll(paused).toBe(false);
        expect(await position(page), 'W, then PageDown: lifted, not moved').toBe(here);
        await next();
      },
    ],
    [
      at(0.45),
      // The help, opened on the deck; the clicker in the speaker window closes it and moves.
      async () => {
        await press('deck', 'Shift+?');
        await expect(page.locator('dialog.help-dialog[open]')).toHaveCount(1);
        await press('speaker', 'PageDown');
        await expect(page.locator('dialog.help-dialog[open]')).toHaveCount(0);
      },
    ],
    [
      at(0.6),
      // Search, opened on the deck; PageDown closes it and moves.
      async () => {
        await press('deck', '/');
        await expect(page.locator('dialog.study-search[open]')).toHaveCount(1);
        await press('deck', 'PageDown');
        await expect(page.locator('dialog.study-search[open]')).toHaveCount(0);
      },
    ],
    [
      at(0.75),
      // The jump field; PageDown closes it and moves.
      async () => {
        await press('deck', 'g');
        await expect(page.locator('.reveal .jump-to-slide')).toHaveCount(1);
        await press('deck', 'PageDown');
        await expect(page.locator('.reveal .jump-to-slide')).toHaveCount(0);
      },
    ],
    [
      at(0.85),
      // The map again, this time with the clicker in the speaker window.
      async () => {
        await press('deck', 'm');
        await expect(page.locator('dialog.structure-dialog[open]')).toHaveCount(1);
        await press('speaker', 'PageDown');
        await expect(page.locator('dialog.structure-dialog[open]')).toHaveCount(0);
      },
    ],
  ]);

  for (let i = 1; i < n; i++) {
    // The clicker is in the deck window for the first half of the talk, in the speaker window after.
    const where = i < n / 2 ? 'deck' : 'speaker';
    const step = (): Promise<void> => press(where, 'PageDown');
    const detour = detours.get(i);
    if (detour) await detour(step);
    else await step();
    await expect.poll(() => position(page), `step ${i} of ${n - 1} (PageDown in the ${where} window)`).toBe(STEPS[i]);
    // The speaker view follows: the same slide, its position in the talk.
    const id = STEPS[i]!.split('/')[0]!;
    const index = slides.findIndex((s) => s.id === id);
    await expect(speaker.locator('.speaker-current .reveal section.present:not(.stack)')).toHaveAttribute('id', id);
    await expect(speaker.locator('.speaker-position')).toContainText(
      t('speakerPosition', { n: index + 1, total: slides.length }),
    );
    await expect(page.locator('html')).toHaveClass(/\bpresenting\b/);
    expect(await shownToTheRoom(page), `step ${STEPS[i]}`).toEqual([]);
  }
  // The end of the talk: the clicker goes no further, from either window.
  await press('speaker', 'PageDown');
  await press('deck', 'PageDown');
  expect(await position(page)).toBe(STEPS.at(-1));
  await expect(speaker.locator('.speaker-end')).toBeVisible();
  expect(speakerProblems).toEqual([]);
});
