import { compileDeck } from '../../src/markdown/compile.ts';
import { readSlideFiles } from '../../src/vite/deck-plugin.ts';
import { expect, test } from './fixtures.ts';

/** What the speaker view restores from storage is untrusted: a forged value falls back to a default. */
const deck = compileDeck(readSlideFiles(process.cwd()));
const prefix = `${deck.meta.title}:speaker:`;

test('the speaker view ignores a forged clock (1e300 ms) and notes size in storage', async ({ page, site }) => {
  // Written before the page's own script runs (a reload would first save the live clock over it).
  await page.addInitScript((p) => {
    sessionStorage.setItem(
      `${p}clock`,
      JSON.stringify({ banked: 1e300, since: null, parts: { qi: 1e300 }, part: 'qi', started: true }),
    );
    localStorage.setItem(`${p}notes-size`, '1e300');
  }, prefix);
  await page.goto(`${site}speaker.html`);
  await page.waitForFunction(() => document.documentElement?.classList.contains('speaker-ready'));
  await expect(page.locator('.speaker-elapsed')).toHaveText('0:00');
  const size = await page.evaluate(() =>
    getComputedStyle(document.querySelector('.speaker-app') ?? document.body).getPropertyValue('--speaker-notes-size'),
  );
  // The default size (NOTES_FONT.initial in src/runtime/speaker/speaker-view.ts).
  expect(size.trim()).toBe('28px');
});
