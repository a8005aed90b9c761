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

test('a saved slide re-renders by itself, and every Markdown mistake shows in the overlay with file:line', async ({
  page,
  problems,
}) => {
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement?.classList.contains('deck-ready'), null, {
    timeout: 30_000,
  });
  await expect(page.locator('section#title h1')).toHaveText('测试讲话');

  const file = path.join(dir, 'slides/00-first.md');
  const original = readFileSync(file, 'utf8');
  // How fast is measured by `npm run bench` (section dev); here: that the page follows the file.
  writeFileSync(file, original.replace('# 测试讲话', '# 改过的标题'));
  await expect(page.locator('section#title h1')).toHaveText('改过的标题', { timeout: 10_000 });

  // Three mistakes at once: the overlay lists all three, each at its own line.
  writeFileSync(
    file,
    original
      .replace('minutes: 2', 'minutes: 2\ncolour: red')
      .replace('{#title layout=title}', '{#title layuot=title}')
      .replace('# 测试讲话', '＃ 测试讲话'),
  );
  const overlay = page.locator('vite-error-overlay');
  await expect(overlay).toHaveCount(1, { timeout: 15_000 });
  const body = overlay.locator('.message-body');
  await expect(body).toContainText('slides/00-first.md:7: 未知的字段“colour”（unknown field in front matter）');
  await expect(body).toContainText(
    'slides/00-first.md:13: 未知的幻灯片属性“layuot”（slide attribute） — 您是否想写 layout？',
  );
  await expect(body).toContainText(
    'slides/00-first.md:15: “＃”用了全角井号，这一行不会成为标题（heading） — 改成半角井号加空格：# 测试讲话',
  );

  // Once the file is mended the page shows the deck again.
  writeFileSync(file, original);
  await expect(page.locator('section#title h1')).toHaveText('测试讲话', { timeout: 10_000 });
  await expect(overlay).toHaveCount(0);
  // The page reported the broken module itself while it was broken (each reload asks for it again):
  // that is the point of this test, not a failure.
  problems.length = 0;
});

test('a CSV saved after the slide that names it: the overlay gives way to the chart by itself', async ({
  page,
  problems,
}) => {
  // The author writes the chart first: the page says the data is missing.
  writeFileSync(
    path.join(dir, 'slides/01-data.md'),
    [
      '---\nid: qi\nkind: part\nlabel: 起\ntitle: 数据\nminutes: 2\n---\n',
      '{#generic-line layout=chart}\n\n## 某市城镇化率\n',
      '```chart\nkind: line\ndataset: 某市城镇化\ny: [urban_pct, hukou_pct]\n```\n',
      'Note:\n\n讲稿。\n',
    ].join('\n'),
  );
  await page.goto(`${url}#/generic-line`);
  const overlay = page.locator('vite-error-overlay');
  await expect(overlay).toHaveCount(1, { timeout: 15_000 });
  await expect(overlay.locator('.message-body')).toContainText('某市城镇化');
  // Then saves the CSV and its sidecar into the data folder, files the server has never seen.
  const data = path.join(ROOT, 'tests/fixtures/charts/data');
  for (const f of ['某市城镇化.yaml', '某市城镇化.csv']) {
    writeFileSync(path.join(dir, 'assets/data', f), readFileSync(path.join(data, f)));
  }
  await expect(page.locator('section#generic-line figure.chart svg')).toBeVisible({ timeout: 15_000 });
  await expect(overlay).toHaveCount(0);
  await expect(page.locator('section#generic-line path.chart-point')).toHaveCount(15);
  problems.length = 0;
});
