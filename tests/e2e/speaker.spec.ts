import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { compileDeck } from '../../src/markdown/compile.ts';
import { t } from '../../src/common/i18n.ts';
import { readSlideFiles } from '../../src/vite/deck-plugin.ts';
import { FILE_URL, expect, openDeck, test } from './fixtures.ts';

/** The compiled deck (same sources as the built site): parts, minutes, slide order. */
const deck = compileDeck(readSlideFiles(process.cwd()));
const slides = deck.parts.flatMap((p) => p.slides);
const partOf = (slideId: string) => deck.parts.find((p) => p.slides.some((s) => s.id === slideId))!;

/** Console errors, page errors and failed requests of a popup (the fixture watches only `page`). */
function watch(popup: Page): string[] {
  const problems: string[] = [];
  popup.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  popup.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  popup.on('requestfailed', (req) => problems.push(`requestfailed: ${req.url()}`));
  return problems;
}

/** Presses S on the deck and returns the speaker window once it is running. */
async function openSpeaker(page: Page, context: BrowserContext, how: 'key' | 'button' = 'key') {
  const opened = context.waitForEvent('page');
  if (how === 'key') await page.keyboard.press('s');
  else await page.getByRole('button', { name: t('speakerOpen') }).click();
  const popup = await opened;
  const problems = watch(popup);
  // `?.`: polled while the new window swaps its first blank document for the speaker view, it can
  // meet a document with no root element yet (a TypeError that ended the wait, not a retry).
  await popup.waitForFunction(() => document.documentElement?.classList.contains('speaker-ready'));
  await expect(popup.locator('.speaker-connection')).toHaveText(t('speakerConnected'));
  return { popup, problems };
}

const squash = (s: string | null): string => (s ?? '').replace(/\s+/g, '');
const currentId = (page: Page) => page.evaluate(() => window.deck!.getCurrentSlide()!.id);
const deckNotes = (page: Page, id: string) =>
  page.evaluate((sid) => document.querySelector(`section[id="${sid}"] > aside.notes`)?.textContent ?? '', id);

/** Asserts the speaker view shows the notes of the deck's current slide and the next slide. */
async function expectFollowing(page: Page, popup: Page): Promise<void> {
  const id = await currentId(page);
  const index = slides.findIndex((s) => s.id === id);
  const notes = squash(await deckNotes(page, id));
  expect(notes.length).toBeGreaterThan(0);
  await expect.poll(async () => squash(await popup.locator('.speaker-notes-body').textContent())).toBe(notes);
  await expect(popup.locator('.speaker-notes-title')).toHaveText(slides[index]!.title);
  const upcoming = slides[index + 1];
  if (upcoming) {
    await expect(popup.locator('.speaker-next .speaker-caption')).toHaveText(upcoming.title);
    await expect(popup.locator('.speaker-next .reveal section.present:not(.stack)')).toHaveAttribute(
      'data-speaker-id',
      upcoming.id,
    );
  } else {
    await expect(popup.locator('.speaker-end')).toBeVisible();
  }
  await expect(popup.locator('.speaker-current .reveal section.present:not(.stack)')).toHaveAttribute('id', id);
  await expect(popup.locator('.speaker-position')).toContainText(
    t('speakerPosition', { n: index + 1, total: slides.length }),
  );
}

for (const where of ['served', 'file'] as const) {
  test(`${where}: S opens the speaker view, which follows the deck and drives it`, async ({ page, context, site }) => {
    await openDeck(page, where === 'served' ? `${site}#/${slides[1]!.id}` : `${FILE_URL}#/${slides[1]!.id}`);
    const { popup, problems } = await openSpeaker(page, context, where === 'served' ? 'key' : 'button');
    expect(popup.url()).toMatch(new RegExp(`/speaker\\.html#/${slides[1]!.id}$`));
    if (where === 'file') expect(popup.url()).toMatch(/^file:\/\//);
    await expectFollowing(page, popup);

    // The deck moves (PageDown is a clicker's "next"): the speaker view follows.
    const before = await currentId(page);
    await page.bringToFront();
    do await page.keyboard.press('PageDown');
    while ((await currentId(page)) === before);
    await expectFollowing(page, popup);

    // Keys in the speaker window drive the deck.
    await popup.bringToFront();
    const state = () => page.evaluate(() => JSON.stringify(window.deck!.getIndices()));
    const was = await state();
    await popup.keyboard.press('ArrowRight');
    await expect.poll(state).not.toBe(was);
    await expectFollowing(page, popup);

    await popup.keyboard.press('End');
    await expect.poll(() => currentId(page)).toBe(slides.at(-1)!.id);
    await expectFollowing(page, popup);
    await expect(popup.locator('.speaker-end')).toHaveText(t('speakerEnd'));

    await popup.keyboard.press('Home');
    await expect.poll(() => currentId(page)).toBe(slides[0]!.id);
    await expectFollowing(page, popup);

    await popup.keyboard.press('PageDown');
    await expect.poll(() => currentId(page)).not.toBe(slides[0]!.id);
    await popup.keyboard.press('PageUp');
    await expect.poll(() => currentId(page)).toBe(slides[0]!.id);

    // A slide id typed into the speaker window's address bar moves the deck there.
    await popup.evaluate((id) => (location.hash = `#/${id}`), slides[5]!.id);
    await expect.poll(() => currentId(page)).toBe(slides[5]!.id);
    await expectFollowing(page, popup);
    await popup.keyboard.press('Home');
    await expect.poll(() => currentId(page)).toBe(slides[0]!.id);

    // B blacks out the deck and says so in the speaker view; B again brings it back.
    await popup.keyboard.press('b');
    await expect.poll(() => page.evaluate(() => window.deck!.isPaused())).toBe(true);
    await expect(popup.locator('.speaker-deck-state')).toHaveText(t('speakerPausedState'));
    await popup.keyboard.press('b');
    await expect.poll(() => page.evaluate(() => window.deck!.isPaused())).toBe(false);
    await expect(popup.locator('.speaker-deck-state')).toBeEmpty();

    // Pressing S again brings the same window forward instead of opening or reloading one.
    await popup.evaluate(() => document.body.setAttribute('data-test-marker', 'kept'));
    await page.bringToFront();
    await page.keyboard.press('s');
    const beforeRoundTrip = await state();
    await popup.keyboard.press('PageDown');
    await expect.poll(state).not.toBe(beforeRoundTrip);
    await expectFollowing(page, popup);
    expect(context.pages()).toHaveLength(2);
    await expect(popup.locator('body')).toHaveAttribute('data-test-marker', 'kept');

    // A reloaded deck is found again: the speaker window still drives it.
    await openDeck(page, page.url());
    await expect(popup.locator('.speaker-connection')).toHaveText(t('speakerConnected'));
    const afterReload = await state();
    await popup.keyboard.press('PageDown');
    await expect.poll(state).not.toBe(afterReload);
    await expectFollowing(page, popup);

    // Closing the deck disconnects the speaker view.
    await page.close();
    await expect(popup.locator('.speaker-connection')).toHaveText(t('speakerDisconnected'));
    expect(problems).toEqual([]);
  });
}

test('the timers tick; pacing shows the current part’s planned minutes and ahead/behind', async ({
  page,
  context,
  site,
}) => {
  await context.clock.install({ time: new Date('2026-03-02T01:00:00Z') });
  await openDeck(page, site);
  const { popup, problems } = await openSpeaker(page, context);
  // From here on, time moves only when the test says so.
  await context.clock.pauseAt(new Date('2026-03-02T02:00:00Z'));
  const elapsed = popup.locator('.speaker-elapsed');
  const part = deck.parts[0]!;
  await expect(elapsed).toHaveText('0:00');
  await expect(popup.locator('.speaker-part-plan')).toHaveText(
    t('speakerPartPlan', { part: part.label, planned: part.minutes, used: '0:00' }),
  );
  const total = deck.parts.reduce((sum, p) => sum + p.minutes, 0);
  await expect(popup.locator('.speaker-total-plan')).toContainText(`计划 ${total} 分钟`);

  // Not started: time passes, the elapsed time stays.
  await context.clock.runFor(3000);
  await expect(elapsed).toHaveText('0:00');
  await expect(popup.locator('.speaker-pace-status')).toHaveText(t('speakerNotStarted'));

  await popup.getByRole('button', { name: t('speakerStart') }).click();
  await context.clock.runFor(5000);
  await expect(elapsed).toHaveText('0:05');
  await expect(popup.locator('.speaker-part-plan')).toHaveText(
    t('speakerPartPlan', { part: part.label, planned: part.minutes, used: '0:05' }),
  );

  // Still on the first slide after two minutes: behind the plan.
  await context.clock.runFor(120_000);
  await expect(elapsed).toHaveText('2:05');
  await expect(popup.locator('.speaker-pace-status')).toHaveText(t('speakerBehind', { t: '2:05' }));
  await expect(popup.locator('.speaker-pace-status')).toHaveAttribute('data-status', 'behind');

  // Jump to the last part: far ahead of the plan, and the part's own clock starts at zero.
  await popup.keyboard.press('End');
  const last = deck.parts.at(-1)!;
  const lastSlide = last.slides.at(-1)!;
  await expect(popup.locator('.speaker-part-plan')).toHaveText(
    t('speakerPartPlan', { part: last.label, planned: last.minutes, used: '0:00' }),
  );
  const expected =
    deck.parts.slice(0, -1).reduce((sum, p) => sum + p.minutes, 0) * 60 +
    (last.minutes * 60 * lastSlide.v) / last.slides.length;
  const delta = 125 - expected;
  const status = delta > 30 ? 'behind' : delta < -30 ? 'ahead' : 'on-time';
  await expect(popup.locator('.speaker-pace-status')).toHaveAttribute('data-status', status);

  // Pause holds the time; continue goes on; reset goes back to zero.
  await popup.getByRole('button', { name: t('speakerPause') }).click();
  await context.clock.runFor(10_000);
  await expect(elapsed).toHaveText('2:05');
  await popup.getByRole('button', { name: t('speakerContinue') }).click();
  await context.clock.runFor(1000);
  await expect(elapsed).toHaveText('2:06');
  await popup.getByRole('button', { name: t('speakerReset') }).click();
  await expect(elapsed).toHaveText('0:00');
  await expect(popup.locator('.speaker-pace-status')).toHaveText(t('speakerNotStarted'));
  await expect(popup.getByRole('button', { name: t('speakerStart') })).toBeVisible();

  // The wall clock shows the (fake) local time.
  const now = await popup.evaluate(() => new Date().toTimeString().slice(0, 8));
  await expect(popup.locator('.speaker-clock')).toHaveText(now);
  expect(problems).toEqual([]);
});

test('the elapsed time starts by itself when the deck first moves, and ticks in real time', async ({
  page,
  context,
  site,
}) => {
  await openDeck(page, site);
  const { popup, problems } = await openSpeaker(page, context);
  const elapsed = popup.locator('.speaker-elapsed');
  await expect(elapsed).toHaveText('0:00');
  await page.bringToFront();
  await page.keyboard.press('PageDown');
  await expect(popup.getByRole('button', { name: t('speakerPause') })).toBeVisible();
  // Waits for the display to change (up to the expect timeout), no fixed sleep.
  await expect(elapsed).not.toHaveText('0:00');
  const shown = await elapsed.textContent();

  // Reloading the speaker window keeps the running timer and reconnects to the deck.
  await popup.reload();
  await popup.waitForFunction(() => document.documentElement?.classList.contains('speaker-ready'));
  await expect(popup.locator('.speaker-connection')).toHaveText(t('speakerConnected'));
  await expect(popup.getByRole('button', { name: t('speakerPause') })).toBeVisible();
  expect(await elapsed.textContent()).not.toBe('0:00');
  expect((await elapsed.textContent())! >= shown!).toBe(true);
  expect(problems).toEqual([]);
});

test('opened directly, the speaker view says it is not connected and pages through the notes', async ({
  page,
  site,
}) => {
  const start = slides[2]!;
  await page.goto(`${site}speaker.html#/${start.id}`);
  await page.waitForFunction(() => document.documentElement?.classList.contains('speaker-ready'));
  await expect(page.locator('.speaker-connection')).toHaveText(t('speakerDisconnected'));
  await expect(page.locator('.speaker-notes-title')).toHaveText(start.title);
  await expect
    .poll(async () => squash(await page.locator('.speaker-notes-body').textContent()))
    .toBe(squash(start.notesText));
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.speaker-notes-title')).toHaveText(slides[3]!.title);
  await expect(page).toHaveURL(new RegExp(`#/${slides[3]!.id}$`));
  await expect(page.locator('.speaker-part-plan')).toContainText(`${partOf(slides[3]!.id).label}：计划`);
});

test('the notes font size changes with the buttons and the keyboard, and is kept', async ({ page, site }) => {
  await page.goto(`${site}speaker.html`);
  await page.waitForFunction(() => document.documentElement?.classList.contains('speaker-ready'));
  const size = () => page.locator('.speaker-notes-body').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const initial = await size();
  await page.getByRole('button', { name: t('speakerFontBigger') }).click();
  expect(await size()).toBe(initial + 4);
  await page.keyboard.press('+');
  expect(await size()).toBe(initial + 8);
  await page.getByRole('button', { name: t('speakerFontSmaller') }).click();
  expect(await size()).toBe(initial + 4);
  await page.reload();
  await page.waitForFunction(() => document.documentElement?.classList.contains('speaker-ready'));
  expect(await size()).toBe(initial + 4);
});

test('a blocked popup is explained on the deck, in Chinese', async ({ page, site }) => {
  await page.addInitScript(() => {
    window.open = () => null;
  });
  await openDeck(page, site);
  await page.keyboard.press('s');
  await expect(page.getByRole('status').filter({ hasText: t('speakerBlocked') })).toBeVisible();
});

test('the speaker view has landmarks, headings, Chinese names and no axe violations', async ({
  page,
  context,
  site,
}) => {
  await openDeck(page, site);
  const { popup, problems } = await openSpeaker(page, context);
  await expect(popup.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(popup.getByRole('banner')).toBeVisible();
  await expect(popup.getByRole('main')).toBeVisible();
  await expect(popup.getByRole('heading', { level: 1 })).toHaveText(t('speakerTitle'));
  for (const name of ['speakerCurrent', 'speakerNext', 'speakerNotes'] as const) {
    await expect(popup.getByRole('heading', { level: 2, name: t(name) })).toBeVisible();
  }
  await expect(popup.locator('.speaker-clock')).toHaveAttribute('aria-live', 'off');
  await expect(popup.locator('.speaker-elapsed')).toHaveAttribute('aria-live', 'off');
  // Tab reaches the deck controls first, with a visible focus ring.
  await popup.keyboard.press('Tab');
  const focused = popup.locator(':focus');
  await expect(focused).toContainText(t('speakerKeyPrev'));
  expect(await focused.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
  const results = await new AxeBuilder({ page: popup }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  expect(problems).toEqual([]);
});

for (const [width, height] of [
  [1920, 1080],
  [1280, 800],
] as const) {
  test(`the speaker view fits ${width}×${height} without overflow`, async ({ page, context, site }) => {
    await openDeck(page, site);
    const { popup } = await openSpeaker(page, context);
    await popup.setViewportSize({ width, height });
    const box = await popup.evaluate(() => {
      const r = (sel: string) => document.querySelector(sel)!.getBoundingClientRect();
      return {
        scrollW: document.documentElement.scrollWidth,
        scrollH: document.documentElement.scrollHeight,
        current: r('.speaker-current .speaker-preview'),
        notes: r('.speaker-notes-body'),
        footer: r('.speaker-footer'),
      };
    });
    expect(box.scrollW).toBeLessThanOrEqual(width);
    expect(box.scrollH).toBeLessThanOrEqual(height);
    expect(box.footer.bottom).toBeLessThanOrEqual(height);
    expect(box.current.width).toBeGreaterThan(width * 0.3);
    expect(box.notes.height).toBeGreaterThan(height * 0.4);
  });
}

test('the previews draw slide content like the audience sees it: the agenda diagram and the charts', async ({
  page,
  site,
}) => {
  const agenda = slides.findIndex((s) => s.html.includes('data-structure-map'));
  const chart = slides.findIndex((s) => s.charts.length > 0);
  expect(agenda).toBeGreaterThan(0);
  expect(chart).toBeGreaterThan(0);
  // The slide before the agenda: the agenda is the next slide.
  await page.goto(`${site}speaker.html#/${slides[agenda - 1]!.id}`);
  await page.waitForFunction(() => document.documentElement?.classList.contains('speaker-ready'));
  const next = page.locator('.speaker-next .reveal section.present:not(.stack)');
  await expect(next).toHaveAttribute('data-speaker-id', slides[agenda]!.id);
  await expect(next.locator('[data-structure-map] svg')).toBeVisible();
  await expect(next.locator('.structure-fallback-hidden').first()).toBeHidden();
  // On the chart slide the current preview draws the chart to its final state. (Only the hash
  // changes: the speaker view follows its address bar without a reload.)
  await page.goto(`${site}speaker.html#/${slides[chart]!.id}`);
  await page.waitForFunction(() => document.documentElement?.classList.contains('speaker-ready'));
  const current = page.locator('.speaker-current .reveal section.present:not(.stack)');
  await expect(current.locator('figure[data-chart] svg').first()).toBeVisible();
  await expect(current.locator('figure[data-chart]').first()).toHaveAttribute('data-chart-state', 'final');
  expect(await current.locator('figure[data-chart] svg .chart-point').count()).toBeGreaterThan(0);
  // The next preview (a copy of the slides with renamed ids) draws its chart too.
  await page.goto(`${site}speaker.html#/${slides[chart - 1]!.id}`);
  const upcoming = page.locator('.speaker-next .reveal section.present:not(.stack)');
  await expect(upcoming).toHaveAttribute('data-speaker-id', slides[chart]!.id);
  await expect(upcoming.locator('figure[data-chart] svg').first()).toBeVisible();
  await expect(upcoming.locator('figure[data-chart]').first()).toHaveAttribute('data-chart-state', 'final');
  expect(await upcoming.locator('figure[data-chart] svg .chart-point').count()).toBeGreaterThan(0);
  // Every id in the page is unique.
  const duplicates = await page.evaluate(() => {
    const seen = new Map<string, number>();
    for (const el of document.querySelectorAll('[id]')) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
    return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
  });
  expect(duplicates).toEqual([]);
});
