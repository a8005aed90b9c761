import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { startScratchDev, type ScratchDev } from '../../scripts/scratch-dev.ts';
import { expect, test } from './fixtures.ts';

/**
 * A chart from a new CSV, without code: a scratch copy of the project gets a CSV and its YAML
 * sidecar in assets/data/ and a slide file declaring a generic `line` and `bar` chart by naming the
 * file and its columns; the dev server draws them with their data, source line, table and stops,
 * and credits the data on the deck's 资料来源 slide.
 */
const ROOT = process.cwd();
const DATA = path.join(ROOT, 'tests/fixtures/charts/data');
let dev: ScratchDev | undefined;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  dev = await startScratchDev(
    ROOT,
    [
      { from: path.join(ROOT, 'tests/fixtures/charts/good-generic.md'), as: '00-generic.md' },
      { from: path.join(ROOT, 'tests/fixtures/charts/good-sources.md'), as: '99-sources.md' },
    ],
    ['某市城镇化.csv', '某市城镇化.yaml'].map((f) => path.join(DATA, f)),
  );
});

test.afterAll(async () => {
  await dev?.close();
});

test('a generic line chart from a CSV and its sidecar is drawn with its data, source line and table', async ({
  page,
}) => {
  await page.goto(`${dev!.url}#/generic-line`);
  const figure = page.locator('section#generic-line figure.chart');
  await expect(figure.locator('svg')).toBeVisible({ timeout: 30_000 });
  await expect(figure).toHaveClass(/chart-kind-line/);
  const points = figure.locator('path.chart-point');
  // Eight years of one column and seven of the other (2024's registration rate is not published).
  await expect(points).toHaveCount(15);
  await expect(figure.locator('path.chart-point[data-series="urban_pct"][data-year="2020"]')).toHaveAttribute(
    'data-value',
    '61.9',
  );
  await expect(figure.locator('path.chart-point[data-series="urban_pct"][data-year="2020"]')).toHaveAttribute(
    'aria-label',
    /2020.*61\.9.*%.*常住人口城镇化率|常住人口城镇化率.*2020.*61\.9/,
  );
  await expect(figure.locator('.chart-source')).toContainText('某市统计局，统计公报（测试数据）');
  await expect(figure.locator('.chart-footnote')).toContainText('2024 年户籍人口城镇化率未公布。');
  await expect(figure.locator('svg')).toHaveAttribute('aria-label', /某市城镇化率/);
  await figure.locator('.chart-data-toggle').click();
  await expect(figure.locator('.chart-table table')).toContainText('63.7');
});

test('a generic bar chart draws a bar per year in its years', async ({ page }) => {
  await page.goto(`${dev!.url}#/generic-bar`);
  const figure = page.locator('section#generic-bar figure.chart');
  await expect(figure.locator('svg')).toBeVisible({ timeout: 30_000 });
  await expect(figure.locator('rect.chart-bar')).toHaveCount(4);
  await expect(figure.locator('path.chart-point[data-year="2022"]')).toHaveAttribute('data-value', '63.7');
  await expect(figure.locator('.chart-source')).toContainText('某市统计局');
});

test('a stacked-area chart stacks its columns and a ranked-bar chart ranks its rows, each value a stop', async ({
  page,
}) => {
  await page.goto(`${dev!.url}#/generic-stack`);
  const stack = page.locator('section#generic-stack figure.chart');
  await expect(stack.locator('svg')).toBeVisible({ timeout: 30_000 });
  await expect(stack.locator('path.chart-area')).toHaveCount(2);
  // Seven years both columns have, two values each.
  await expect(stack.locator('path.chart-point')).toHaveCount(14);
  await page.goto(`${dev!.url}#/generic-ranked`);
  const ranked = page.locator('section#generic-ranked figure.chart');
  await expect(ranked.locator('svg')).toBeVisible({ timeout: 30_000 });
  await expect(ranked.locator('.chart-point')).toHaveCount(8);
  await expect(ranked.locator('.chart-point').first()).toHaveAttribute('aria-label', /^第 1 名，2024：65\.3%/);
  await ranked.locator('.chart-data-toggle').click();
  await expect(ranked.locator('.chart-table tbody tr').first()).toContainText('2024');
});

test('the 资料来源 slide credits the new CSV by itself: its name and source line, no web address', async ({ page }) => {
  await page.goto(`${dev!.url}#/sources`);
  const credits = page.locator('section#sources .data-sources');
  await expect(credits).toBeVisible({ timeout: 30_000 });
  // The one dataset this deck's charts draw, once, though four charts draw it.
  await expect(credits.locator('li')).toHaveText(['某市城镇化率：某市统计局，统计公报（测试数据）']);
  // Its sidecar gives no licence: the slide says so rather than leaving it out.
  await expect(credits.locator('.data-licences')).toContainText('许可：某市城镇化率：未注明');
  const projected = await page.locator('section#sources').evaluate((s) => {
    const copy = s.cloneNode(true) as HTMLElement;
    copy.querySelector('aside.notes')?.remove();
    return copy.textContent ?? '';
  });
  expect(projected).not.toMatch(/https?:|example\.com/);
});

test('a misspelt column stops with its line and the nearest name, in the overlay', async ({ page, problems }) => {
  const file = path.join(dev!.dir, 'slides/00-generic.md');
  writeFileSync(
    file,
    (await import('node:fs'))
      .readFileSync(path.join(ROOT, 'tests/fixtures/charts/good-generic.md'), 'utf8')
      .replace('y: urban_pct', 'y: urban_pc'),
  );
  await page.goto(dev!.url);
  const overlay = page.locator('vite-error-overlay');
  await expect(overlay).toHaveCount(1, { timeout: 15_000 });
  await expect(overlay.locator('.message-body')).toContainText(
    'slides/00-generic.md:45:1: y 里的“urban_pc”不是 某市城镇化.csv 里的数值列（y column） — 您是否想写 urban_pct？',
  );
  problems.length = 0;
});
