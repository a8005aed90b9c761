import { FILE_URL, expect, openDeck, test } from './fixtures.ts';

test('the built deck starts from file:// and from a sub-path', async ({ page, site }) => {
  await openDeck(page, FILE_URL);
  await expect(page.locator('.reveal .slides section.present').first()).toBeVisible();
  await openDeck(page, site);
  await expect(page.locator('.reveal .slides section.present').first()).toBeVisible();
});
