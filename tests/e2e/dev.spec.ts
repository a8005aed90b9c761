import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { expect, test } from './fixtures.ts';

/**
 * `npm run dev` for authors: a saved slide shows within a second; a Markdown error shows in
 * Vite's overlay with file:line. Runs a real dev server on a scratch copy of the project whose
 * slides are fixtures, so the real slides are never touched.
 */
const ROOT = process.cwd();
let dir = '';
let server: ViteDevServer;
let url = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'deck-dev-'));
  for (const name of ['src', 'node_modules', 'public']) {
    symlinkSync(path.join(ROOT, name), path.join(dir, name));
  }
  // The dev server writes its font CSS into assets/: a copy, so the real tree is not touched.
  cpSync(path.join(ROOT, 'assets'), path.join(dir, 'assets'), { recursive: true });
  cpSync(path.join(ROOT, 'index.html'), path.join(dir, 'index.html'));
  cpSync(path.join(ROOT, 'vite.config.ts'), path.join(dir, 'vite.config.ts'));
  cpSync(path.join(ROOT, 'tests/fixtures/markdown/good-first.md'), path.join(dir, 'slides/00-first.md'), {
    recursive: true,
  });
  server = await createServer({
    root: dir,
    configFile: path.join(dir, 'vite.config.ts'),
    logLevel: 'silent',
    server: {
      port: 0,
      host: '127.0.0.1',
      strictPort: false,
      // src/ and node_modules/ are links into the project: let the dev server read them.
      fs: { allow: [dir, ROOT] },
    },
  });
  await server.listen();
  const address = server.httpServer!.address() as { port: number };
  url = `http://127.0.0.1:${address.port}/`;
});

test.afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
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
