import type { Page } from '@playwright/test';
import { compileDeck, deckToHtml } from '../../src/markdown/compile.ts';
import { RESERVED_ID_PREFIXES } from '../../src/markdown/ids.ts';
import { readSlideFiles } from '../../src/vite/deck-plugin.ts';
import { expect, openDeck, test } from './fixtures.ts';

/** The ids the compiled slides declare (checked unique by the build). */
const compiledIds = new Set(
  [...deckToHtml(compileDeck(readSlideFiles(process.cwd()))).matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!),
);

/** Every id in the page now: duplicates, and ids the runtime added outside its reserved prefixes. */
async function idProblems(page: Page, when: string): Promise<string[]> {
  const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((el) => el.id));
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const id of ids) {
    if (seen.has(id)) problems.push(`${when}: duplicate id "${id}"`);
    seen.add(id);
    if (!compiledIds.has(id) && !RESERVED_ID_PREFIXES.some((p) => id.startsWith(p))) {
      problems.push(`${when}: the runtime made id "${id}" outside ${RESERVED_ID_PREFIXES.join(' ')}`);
    }
  }
  return problems;
}

test('every id in the page is unique, and the runtime names its own ids with the reserved prefixes', async ({
  page,
  context,
  site,
}) => {
  await openDeck(page, site);
  const problems = await idProblems(page, 'start');
  // Each step opens a part of the interface and waits until it is there.
  const steps: [string, () => Promise<void>][] = [
    [
      'help',
      async () => {
        await page.keyboard.press('Shift+?');
        await expect(page.getByRole('dialog')).toBeVisible();
      },
    ],
    [
      'structure map',
      async () => {
        await page.keyboard.press('Escape');
        await page.keyboard.press('m');
        await expect(page.locator('[role="tree"]').last()).toBeVisible();
      },
    ],
    [
      'search',
      async () => {
        await page.keyboard.press('Escape');
        await page.keyboard.press('/');
        await page.keyboard.type('城市');
        await expect(page.locator('#study-results li').first()).toBeVisible();
      },
    ],
    [
      'reading view',
      async () => {
        // In a search field with text, the first Esc clears it; the next closes the dialog.
        await page.keyboard.press('Escape');
        await page.keyboard.press('Escape');
        await expect(page.locator('#study-search-input')).toBeHidden();
        await page.keyboard.press('r');
        await expect(page.locator('html')).toHaveClass(/reading-view/);
      },
    ],
    [
      'chart slide',
      async () => {
        await page.keyboard.press('r');
        await openDeck(page, `${site}#/qi-trend`);
        await expect(page.locator('#qi-trend figure[data-chart]')).toHaveAttribute('data-chart-state', /.+/);
      },
    ],
  ];
  for (const [when, step] of steps) {
    await step();
    problems.push(...(await idProblems(page, when)));
  }
  const opened = context.waitForEvent('page');
  await page.keyboard.press('s');
  const speaker = await opened;
  await speaker.waitForFunction(() => document.documentElement?.classList.contains('speaker-ready'));
  problems.push(...(await idProblems(speaker, 'speaker view')));
  expect(problems).toEqual([]);
  await expect(page.locator('#qi-trend')).toHaveCount(1);
});
