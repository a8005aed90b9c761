import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { inspectPdf } from '../../src/export/inspect.ts';
import { serveStatic, type StaticServer } from '../../src/export/server.ts';
import { expect, openDeck, test } from './fixtures.ts';

/**
 * The second deck in the repository (examples/three-parts: a short speech in three parts, no
 * frame, no charts), built by `npm test` with `npm run build -- --deck examples/three-parts`: the
 * engine must not depend on the speech of the default deck.
 */
const EXAMPLE_DIST = path.resolve('examples/three-parts/dist');
if (!existsSync(path.join(EXAMPLE_DIST, 'index.html'))) {
  throw new Error(`${EXAMPLE_DIST}/index.html is missing: run "npm run build -- --deck examples/three-parts" first`);
}

let server: StaticServer;
test.beforeAll(async () => {
  server = await serveStatic(EXAMPLE_DIST, { basePath: '/example/' });
});
test.afterAll(async () => {
  await server.close();
});

const labels = (page: Page): Promise<string[]> =>
  page
    .locator('.structure-indicator li')
    .evaluateAll((lis) => lis.map((li) => li.querySelector('button')!.firstChild!.textContent!));

test.describe('the example deck (examples/three-parts)', () => {
  test('is its own deck: its title, its parts 第一部分…第三部分, no chart, every slide with notes', async ({
    page,
  }) => {
    await openDeck(page, server.url);
    await expect(page).toHaveTitle('在社区志愿服务表彰会上的讲话');
    const parts = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.reveal .slides > section.part')].map((p) => p.dataset.label),
    );
    expect(parts).toEqual(['开篇', '第一部分', '第二部分', '第三部分', '结语']);
    await expect(page.locator('figure.chart')).toHaveCount(0);
    const withoutNotes = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.reveal .slides section[id]')]
        .filter((s) => (s.querySelector('aside.notes')?.textContent ?? '').trim() === '')
        .map((s) => s.id),
    );
    expect(withoutNotes).toEqual([]);
  });

  test('the position indicator shows 第一部分…第三部分 and where the talk is', async ({ page }) => {
    await openDeck(page, `${server.url}#/part-2-2`);
    expect(await labels(page)).toEqual(['开篇', '第一部分', '第二部分', '第三部分', '结语']);
    const current = page.locator('.structure-indicator li.is-current button');
    await expect(current).toContainText('第二部分');
    await expect(current).toContainText('2/3');
    await expect(current).toHaveAttribute('aria-label', /^第二部分/);
    await expect(current).not.toHaveAttribute('aria-label', /第二部分 第二部分/);
    await page.locator('.structure-indicator li', { hasText: '第三部分' }).locator('button').click();
    await expect.poll(() => page.evaluate(() => window.deck!.getCurrentSlide().id)).toBe('part-3-1');
  });

  test('the structure map (M) and the agenda slide show the three parts', async ({ page }) => {
    await openDeck(page, `${server.url}#/part-1-5`);
    await page.keyboard.press('m');
    const dialog = page.locator('dialog.structure-dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog.locator('.structure-dialog-here')).toContainText('第一部分，第2节');
    for (const label of ['第一部分', '第二部分', '第三部分']) {
      await expect(dialog.locator('g.structure-node[data-key^="part:"]', { hasText: label })).toHaveCount(1);
    }
    await page.keyboard.press('Escape');
    await openDeck(page, `${server.url}#/agenda`);
    const tree = page.locator('section#agenda').getByRole('tree');
    await expect(tree).toBeVisible();
    await expect(tree.getByRole('treeitem', { name: /第三部分/ }).first()).toBeVisible();
  });

  test('every slide fits at 1920×1080 and from file://, with the quotation as a quote slide', async ({ page }) => {
    await openDeck(page, `file://${EXAMPLE_DIST}/index.html#/part-1-3`);
    await expect(page.locator('section#part-1-3 figure.quotation figcaption')).toHaveText('一位老志愿者');
    const overflowing = await page.evaluate(() => {
      const out: string[] = [];
      const slides = [...document.querySelectorAll<HTMLElement>('.reveal .slides section[id]')];
      for (const [h, part] of [...document.querySelectorAll('.reveal .slides > section.part')].entries()) {
        part.querySelectorAll<HTMLElement>(':scope > section').forEach((s, v) => {
          window.deck!.slide(h, v);
          if (s.scrollHeight > s.clientHeight + 2 || s.scrollWidth > s.clientWidth + 2) out.push(s.id);
        });
      }
      return slides.length > 10 ? out : ['too few slides'];
    });
    expect(overflowing).toEqual([]);
  });

  test('npm run pdf -- --deck exports its PDFs with bookmarks 开篇, 第一部分…第三部分, 结语', async () => {
    test.setTimeout(180_000);
    const out = mkdtempSync(path.join(os.tmpdir(), 'deck-example-pdf-'));
    try {
      const run = await promisify(execFile)(
        'npx',
        ['tsx', 'src/export/cli.ts', '--deck', 'examples/three-parts', '--no-build', '--out', out],
        { timeout: 150_000 },
      );
      expect(run.stdout).toMatch(/slides\.pdf\s+18 pages/);
      const slides = await inspectPdf(readFileSync(path.join(out, 'slides.pdf')));
      expect(slides.outline.map((e) => e.title.split(' · ')[0])).toEqual([
        '开篇',
        '第一部分',
        '第二部分',
        '第三部分',
        '结语',
      ]);
      expect(slides.info.title).toBe('在社区志愿服务表彰会上的讲话');
      // Every glyph from the deck's fonts, also where this deck's text lacks a character the
      // print adds (the script's "计划 0.4 分钟" needs a '.' the example's text has none of).
      for (const name of ['slides.pdf', 'handout.pdf', 'speech.pdf', 'script.pdf']) {
        const { fonts } = await inspectPdf(readFileSync(path.join(out, name)), { text: false });
        expect(
          fonts
            .map((f) => f.name.replace(/^[A-Z]{6}\+/, ''))
            .filter((n) => !/^(NotoSansSC|NotoSerifSC|LXGWWenKai)/.test(n)),
          name,
        ).toEqual([]);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
