import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startScratchDev, type ScratchDev } from '../../scripts/scratch-dev.ts';
import { expect, test } from './fixtures.ts';

/**
 * `npm run dev` for authors: a saved slide shows by itself; a Markdown error shows in
 * Vite's overlay with file:line. Runs a real dev server on a scratch copy of the project whose
 * slides are fixtures, so the real slides are never touched.
 */
const ROOT = process.cwd();
let dev: ScratchDev | undefined;
let dir = '';
let url = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  dev = await startScratchDev(ROOT, [
    { from: path.join(ROOT, 'tests/fixtures/markdown/good-first.md'), as: '00-first.md' },
  ]);
  ({ dir, url } = dev);
});

test.afterAll(async () => {
  await dev?.close();
});

test('a saved slide re-renders by itself, and a Markdown error shows with file:line', async ({ page, problems }) => {
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.classList.contains('deck-ready'), null, {
    timeout: 30_000,
  });
  await expect(page.locator('section#title h1')).toHaveText('测试讲话');

  const file = path.join(dir, 'slides/00-first.md');
  const original = readFileSync(file, 'utf8');
  // How fast is measured by `npm run bench` (section dev); here: that the page follows the file.
  writeFileSync(file, original.replace('# 测试讲话', '# 改过的标题'));
  await expect(page.locator('section#title h1')).toHaveText('改过的标题', { timeout: 10_000 });

  writeFileSync(file, original.replace('minutes: 2', 'minutes: 2\ncolour: red'));
  const overlay = page.locator('vite-error-overlay');
  await expect(overlay).toHaveCount(1, { timeout: 5_000 });
  await expect(overlay.locator('.message-body')).toContainText('slides/00-first.md:7: unknown field "colour"');

  // The page reports the broken module itself; that is the point of this test, not a failure.
  problems.length = 0;
  writeFileSync(file, original);
});
