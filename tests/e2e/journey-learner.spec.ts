import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openDeck, test, watchPage } from './fixtures.ts';
import { slideAtTop, storedSlide } from './reading.ts';

/**
 * Journey 2 (the learner), whole: a shared link to a chart slide opened on a 390×844 touch phone,
 * (1) landing in the reading view at that slide; (2) reading without ever scrolling sideways,
 * tapping a chart point (its readout on screen) and opening 查看数据 to read the published number;
 * (3) searching in Chinese and in pinyin, opening a result and going Back to where they were;
 * (4) a sentence highlighted (划线) and a note written (写笔记) on a paragraph, exported as
 * Markdown from 我的笔记, and the phone closed; (5) the next day on a 1366×768 laptop (a fresh
 * browser profile): the file imported and the notes listed in 我的笔记, a note followed back to
 * the text and read on, the deck reopened without a hash and the offer 继续上次的位置 accepted,
 * and the part being read printed (打印本部分). Every step is asserted in the order the learner
 * takes it, and neither page logs an error.
 *
 * JOURNEY_SHOTS=/some/dir saves a screenshot of each step there (for a person to look at).
 */

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1366, height: 768 };

test.use({ viewport: PHONE, hasTouch: true, isMobile: true });

/** A screenshot of the step, only when JOURNEY_SHOTS names a directory. */
async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.JOURNEY_SHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`) });
}

/** How far below the sticky toolbar's bottom the top of slide `id` is (negative: scrolled past). */
const underBar = (page: Page, id: string): Promise<number> =>
  page.evaluate((slide) => {
    const bar = document.querySelector<HTMLElement>('.study-bar')!.getBoundingClientRect().bottom;
    return Math.round(document.getElementById(slide)!.getBoundingClientRect().top - bar);
  }, id);

const reading = (page: Page): Promise<boolean> =>
  page.evaluate(() => document.documentElement.classList.contains('reading-view'));

/** How far the page can scroll sideways beyond the screen (0: not at all). */
const sideways = (page: Page): Promise<number> =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** Waits until every chart is drawn: a chart drawn late above the text moves the text down. */
const chartsDrawn = (page: Page): Promise<unknown> =>
  page.waitForFunction(() =>
    [...document.querySelectorAll('figure.chart')].every((f) => f.getAttribute('data-chart-state') === 'final'),
  );

/** The published value of `measure` in `year` in a CSV under assets/data (as written there). */
function published(file: string, measure: string, year: string): string {
  const [head, ...lines] = readFileSync(path.join('assets/data', file), 'utf8').trim().split('\n');
  const cols = head!.split(',');
  const rows = lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])));
  const hits = rows.filter((r) => r.year === year && r.measure === measure);
  expect(hits, `${file}: one ${measure} row for ${year}`).toHaveLength(1);
  return hits[0]!.urban_pct!;
}

/** Selects the first sentence (up to and with the first 。) of a slide's first speech paragraph. */
async function selectFirstSentence(page: Page, slide: string): Promise<string> {
  return page.evaluate((id) => {
    const p = document.querySelector(`section#${id} aside.notes [data-role="speech"] > p`)!;
    p.scrollIntoView({ block: 'center' });
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let first: Text | null = null;
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      first ??= node;
      const end = node.data.indexOf('。');
      if (end >= 0) {
        range.setStart(first, 0);
        range.setEnd(node, end + 1);
        break;
      }
    }
    const sel = window.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
    return range.toString();
  }, slide);
}

test('a learner opens a shared chart link on a phone, reads, taps the chart, searches, goes Back, highlights and notes, exports; next day on a laptop imports, resumes and prints one part', async ({
  page,
  context,
  browser,
  site,
  problems,
}, testInfo) => {
  test.setTimeout(120_000);

  // ── 1. A shared link on the phone: the reading view, at the linked slide.
  const linked = 'qi-trend';
  await openDeck(page, `${site}#/${linked}`);
  expect(await reading(page), 'an upright phone opens the reading view').toBe(true);
  await chartsDrawn(page);
  await expect.poll(() => slideAtTop(page), 'the linked slide at the top of the screen').toBe(linked);
  // Its top edge at the toolbar (within a line's height), its label and title whole below the
  // toolbar: not scrolled past by charts drawn late above or in it.
  await expect
    .poll(async () => Math.abs(await underBar(page, linked)), 'the linked slide’s top edge, px from the toolbar')
    .toBeLessThanOrEqual(24);
  const barBottom = await page.locator('.study-bar').evaluate((b) => b.getBoundingClientRect().bottom);
  for (const part of [`section#${linked} .study-slide-label`, `section#${linked} h2`]) {
    const top = (await page.locator(part).boundingBox())!.y;
    expect(top, `${part}: below the toolbar`).toBeGreaterThanOrEqual(barBottom);
    await expect(page.locator(part)).toBeInViewport({ ratio: 1 });
  }
  expect(await sideways(page), 'no sideways scrolling on arrival').toBeLessThanOrEqual(0);
  await shot(page, '01-phone-landed');

  // ── 2. Reads: taps the chart's latest point; the readout is on screen and says the published value.
  const fig = page.locator(`section#${linked} figure[data-chart]`);
  await expect(fig).toHaveAttribute('data-chart-state', 'final');
  // The main line's latest point (the first point drawn is on the main line): at the right edge.
  const series = (await fig.locator('.chart-point').first().getAttribute('data-series'))!;
  const point = fig.locator(`.chart-point[data-series="${series}"]`).last();
  const year = (await point.getAttribute('data-year'))!;
  const value = published('china_urbanisation_nbs.csv', series, year);
  // A finger on the point (the latest point's annotation leader crosses it: the chart answers a
  // touch by the point nearest to it, not by the element under the finger).
  await point.scrollIntoViewIfNeeded();
  const dot = (await point.boundingBox())!;
  await page.touchscreen.tap(dot.x + dot.width / 2, dot.y + dot.height / 2);
  const readout = fig.locator('.chart-tooltip');
  await expect(readout).toBeVisible();
  await expect(readout).toContainText(`${year}年：${value}%`);
  const box = (await readout.boundingBox())!;
  expect(box.x, 'readout: left edge on screen').toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, 'readout: right edge on screen').toBeLessThanOrEqual(PHONE.width);
  expect(box.y, 'readout: top on screen').toBeGreaterThanOrEqual(0);
  expect(box.y + box.height, 'readout: bottom on screen').toBeLessThanOrEqual(PHONE.height);
  expect(box.y, 'readout: not under the sticky toolbar').toBeGreaterThanOrEqual(barBottom);
  expect(await sideways(page)).toBeLessThanOrEqual(0);
  await shot(page, '02-phone-chart-readout');

  // 查看数据: the table lists the same year with the published figure.
  await fig.getByRole('button', { name: '查看数据' }).tap();
  const table = fig.locator('.chart-table table');
  await expect(table).toBeVisible();
  // The row headed by the year (one row a year); its cells hold the figures as published.
  const row = table.locator('tbody tr').filter({ has: page.getByRole('rowheader', { name: year, exact: true }) });
  await expect(row).toHaveCount(1);
  await row.scrollIntoViewIfNeeded();
  await expect(row.getByRole('cell').first()).toHaveText(value);
  await expect(row).toBeInViewport();
  await expect(fig.getByRole('button', { name: '隐藏数据' })).toHaveAttribute('aria-expanded', 'true');
  expect(await sideways(page), 'the open table does not widen the page').toBeLessThanOrEqual(0);
  await shot(page, '03-phone-data-table');

  // ── 3. Search in Chinese, then the same word in pinyin; open a result; Back to where the reader was.
  const before = await slideAtTop(page);
  expect(before).toBe(linked);
  await page.getByRole('button', { name: '搜索' }).tap();
  const input = page.getByRole('combobox', { name: '搜索幻灯片和讲稿' });
  await expect(input).toBeFocused();
  const list = page.locator('#study-results');
  const options = list.locator('[role="option"]');
  await input.fill('城中村');
  await expect(list).toHaveAttribute('data-query', '城中村');
  await expect(options.first().locator('mark')).toHaveText('城中村');
  const chineseHits = await options.evaluateAll((els) => els.map((e) => e.getAttribute('data-slide-id')));
  await shot(page, '04-phone-search-chinese');
  await input.fill('chengzhongcun');
  await expect(list).toHaveAttribute('data-query', 'chengzhongcun');
  await expect(options.first().locator('mark')).toHaveText('城中村');
  for (const m of await options.locator('mark').allTextContents()) expect(m).toBe('城中村');
  expect(await options.evaluateAll((els) => els.map((e) => e.getAttribute('data-slide-id')))).toEqual(chineseHits);
  const searchBox = (await page.getByRole('dialog', { name: '搜索全文' }).boundingBox())!;
  expect(searchBox.x).toBeGreaterThanOrEqual(0);
  expect(searchBox.x + searchBox.width).toBeLessThanOrEqual(PHONE.width);
  await shot(page, '05-phone-search-pinyin');
  const target = (await options.first().getAttribute('data-slide-id'))!;
  expect(target, 'the result is elsewhere in the speech').not.toBe(before);
  await options.first().tap();
  await expect(page.getByRole('dialog', { name: '搜索全文' })).toBeHidden();
  const hit = page.locator(`section#${target} mark.study-hit`).first();
  await expect(hit).toHaveText('城中村');
  await expect(hit).toBeInViewport();
  await expect(page).toHaveURL(new RegExp(`#/${target}$`));
  await shot(page, '06-phone-search-result');
  await page.goBack();
  await expect.poll(() => slideAtTop(page), 'Back: where the reader was').toBe(before);
  await expect(page).toHaveURL(new RegExp(`#/${before}$`));
  expect(await sideways(page)).toBeLessThanOrEqual(0);
  await shot(page, '07-phone-back');

  // ── 4. 划线 a sentence (reading on, two slides down), 写笔记 on a paragraph from its menu.
  const sentenceSlide = 'qi-national';
  const noteSlide = 'qi-respect';
  const sentence = await selectFirstSentence(page, sentenceSlide);
  expect(sentence.endsWith('。')).toBe(true);
  expect(sentence.length).toBeGreaterThan(10);
  const selectBar = page.getByRole('toolbar', { name: '划线和笔记' });
  await expect(selectBar).toBeVisible();
  const barBox = (await selectBar.boundingBox())!;
  expect(barBox.x).toBeGreaterThanOrEqual(0);
  expect(barBox.x + barBox.width).toBeLessThanOrEqual(PHONE.width);
  await shot(page, '08-phone-selection');
  await selectBar.getByRole('button', { name: '划线' }).tap();
  const marks = page.locator('mark.study-note-mark');
  await expect(marks).toHaveText([sentence]);
  await expect(page.locator(`section#${sentenceSlide} mark.study-note-mark`)).toHaveCount(1);

  const menuButton = page
    .locator(`section#${noteSlide}`)
    .getByRole('button', { name: '第 1 段：复制链接、划线、写笔记' });
  await menuButton.scrollIntoViewIfNeeded();
  await menuButton.tap();
  const menu = page.getByRole('menu', { name: '第 1 段' });
  await expect(menu).toBeVisible();
  await menu.getByRole('menuitem', { name: '为本段写笔记' }).tap();
  const editor = page.getByRole('dialog', { name: '写笔记' });
  const paragraph = page.locator(`#para-${noteSlide}-1`);
  const paragraphWords = await paragraph.evaluate((el) => el.textContent!.trim());
  await expect(editor.locator('.study-note-quote')).toHaveText(paragraphWords);
  const noteText = '规律、生态、文化、诉求：四个尊重';
  await editor.getByRole('textbox', { name: '笔记' }).fill(noteText);
  await shot(page, '09-phone-note-editor');
  await editor.getByRole('button', { name: '记下' }).tap();
  await expect(editor).toBeHidden();
  await expect(paragraph.locator('mark.study-note-mark').first()).toHaveAttribute('title', noteText);
  await expect(marks).toHaveText([sentence, paragraphWords]);
  expect(await sideways(page)).toBeLessThanOrEqual(0);
  await shot(page, '10-phone-noted');

  // 我的笔记 lists both in speech order; 导出为 Markdown downloads them.
  await page.getByRole('button', { name: '我的笔记' }).tap();
  const panel = page.getByRole('dialog', { name: '我的笔记' });
  const items = panel.locator('.study-notes-list > li');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0).locator('.study-notes-quote')).toHaveText(sentence);
  await expect(items.nth(1).locator('.study-notes-quote')).toHaveText(paragraphWords);
  await expect(items.nth(1)).toContainText(noteText);
  await shot(page, '11-phone-my-notes');
  const downloading = page.waitForEvent('download');
  await panel.getByRole('button', { name: '导出为 Markdown' }).tap();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.md$/);
  // Saved out of the browser profile: the phone's own copy goes when its browser closes.
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  const markdown = readFileSync(file, 'utf8');
  expect(markdown).toContain(`> ${sentence}`);
  expect(markdown).toContain(`> ${paragraphWords}`);
  expect(markdown).toContain(noteText);
  expect(problems, 'the phone: console errors, page errors or failed requests').toEqual([]);
  // The phone's browser is closed.
  await context.close();

  // ── 5. The next day on a laptop: a new browser profile, nothing shared with the phone.
  const laptopContext = await browser.newContext({ viewport: LAPTOP, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const laptop = await laptopContext.newPage();
  const laptopProblems = watchPage(laptop).problems;
  await openDeck(laptop, site);
  expect(await reading(laptop), 'a laptop opens the slides').toBe(false);
  await expect(laptop.locator('.study-resume'), 'nothing to resume in a new profile').toHaveCount(0);
  await laptop.getByRole('button', { name: '阅读视图' }).click();
  expect(await reading(laptop)).toBe(true);
  await chartsDrawn(laptop);
  await expect(laptop.locator('mark.study-note-mark')).toHaveCount(0);

  // Imports the phone's file: both listed in 我的笔记, and marked in the text.
  await laptop.getByRole('button', { name: '我的笔记' }).click();
  const laptopPanel = laptop.getByRole('dialog', { name: '我的笔记' });
  await expect(laptopPanel).toContainText('还没有笔记');
  await laptopPanel.locator('input[type="file"]').setInputFiles(file);
  await expect(laptop.getByRole('status').filter({ hasText: '已导入 2 条笔记' })).toBeAttached();
  const laptopItems = laptopPanel.locator('.study-notes-list > li');
  await expect(laptopItems).toHaveCount(2);
  await expect(laptopItems.nth(0).locator('.study-notes-quote')).toHaveText(sentence);
  await expect(laptopItems.nth(1).locator('.study-notes-quote')).toHaveText(paragraphWords);
  await expect(laptopItems.nth(1)).toContainText(noteText);
  await expect(laptop.locator('mark.study-note-mark')).toHaveText([sentence, paragraphWords]);
  await shot(laptop, '12-laptop-imported');

  // Follows the note back to the text, and reads on a little (the mouse wheel).
  await laptopItems.nth(1).getByRole('button', { name: paragraphWords }).click();
  await expect(laptopPanel).toBeHidden();
  await expect(laptop.locator('mark.study-note-mark[title]')).toBeFocused();
  await expect(laptop).toHaveURL(new RegExp(`#/${noteSlide}$`));
  await laptop.mouse.move(LAPTOP.width / 2, LAPTOP.height / 2);
  for (let i = 0; i < 3; i++) await laptop.mouse.wheel(0, 400);
  await expect.poll(() => slideAtTop(laptop)).not.toBe(noteSlide);
  const readTo = await slideAtTop(laptop);
  expect(readTo).not.toBe('');
  await expect.poll(() => storedSlide(laptop), 'the place read to is remembered').toBe(readTo);
  const readToTop = await underBar(laptop, readTo);
  await shot(laptop, '13-laptop-read-on');

  // Reopens the deck without a hash: the offer names the place; 继续 goes back there, in the reading view.
  await laptop.waitForLoadState('networkidle');
  await openDeck(laptop, site);
  const offer = laptop.getByRole('region', { name: '继续上次的位置' });
  await expect(offer).toBeVisible();
  const readToTitle = (await laptop.locator(`section#${readTo}`).getAttribute('data-title'))!;
  await expect(offer).toContainText(readToTitle);
  await shot(laptop, '14-laptop-resume-offer');
  await offer.getByRole('button', { name: '继续' }).click();
  await expect(offer).toHaveCount(0);
  expect(await reading(laptop)).toBe(true);
  await expect.poll(() => slideAtTop(laptop), 'resumed at the slide read to').toBe(readTo);
  // At the same line of it (the place is kept to the pixel, charts drawn meanwhile or not).
  await expect
    .poll(async () => Math.abs((await underBar(laptop, readTo)) - readToTop), 'resumed at the line read to (px off)')
    .toBeLessThanOrEqual(4);
  await expect(laptop.locator('mark.study-note-mark')).toHaveCount(2);
  await shot(laptop, '15-laptop-resumed');

  // 打印本部分: the part being read, alone, with its full text; the page is whole again afterwards.
  const part = await laptop.evaluate((id) => {
    const stack = document.getElementById(id)!.parentElement!;
    const other = document.querySelector<HTMLElement>(
      `.reveal .slides > section:not([data-label="${stack.dataset.label ?? ''}"]) > section[id]`,
    );
    return { label: stack.dataset.label ?? '', other: other?.id ?? '' };
  }, readTo);
  expect(part.label).not.toBe('');
  expect(part.other).not.toBe('');
  await laptop.evaluate(() => {
    const w = window as unknown as { printed: { classes: string; parts: string[] }[] };
    w.printed = [];
    window.print = () =>
      w.printed.push({
        classes: document.documentElement.className,
        parts: [...document.querySelectorAll<HTMLElement>('.study-print-this')].map((s) => s.dataset.label ?? ''),
      });
  });
  await laptop.getByRole('button', { name: '阅读设置' }).click();
  const print = laptop.getByRole('button', { name: /^打印本部分/ });
  await expect(print).toHaveText(`打印本部分（${part.label}）`);
  await shot(laptop, '16-laptop-print-button');
  await print.click();
  const printed = await laptop.evaluate(
    () => (window as unknown as { printed: { classes: string; parts: string[] }[] }).printed,
  );
  expect(printed, 'window.print called once').toHaveLength(1);
  expect(printed[0]!.classes.split(' ')).toContain('study-print-part');
  expect(printed[0]!.parts).toEqual([part.label]);
  await laptop.emulateMedia({ media: 'print' });
  await expect(laptop.locator(`section#${readTo}`)).toBeVisible();
  await expect(laptop.locator(`section#${readTo} aside.notes`)).toBeVisible();
  await expect(laptop.locator(`section#${part.other}`)).toBeHidden();
  await expect(laptop.locator('.study-bar')).toBeHidden();
  await shot(laptop, '17-laptop-print-preview');
  await laptop.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await laptop.emulateMedia({ media: 'screen' });
  await expect(laptop.locator('html')).not.toHaveClass(/study-print-part/);
  await expect(laptop.locator(`section#${part.other}`)).toBeAttached();
  expect(await laptop.locator(`section#${part.other}`).evaluate((s) => getComputedStyle(s).display)).not.toBe('none');

  expect(laptopProblems, 'the laptop: console errors, page errors or failed requests').toEqual([]);
  await laptopContext.close();
});
