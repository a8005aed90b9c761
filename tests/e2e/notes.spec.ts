import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, openDeck, test } from './fixtures.ts';

/** Selects the first `length` characters of the first speech paragraph of slide `id`, as a reader would. */
async function selectWords(page: Page, id: string, length: number): Promise<string> {
  // The reading view draws its charts one per task after the deck is ready: a chart drawn above the
  // words moves them (and the toolbar that follows them) down, off a phone's screen.
  await page.waitForFunction(() =>
    [...document.querySelectorAll('figure.chart')].every((f) => f.getAttribute('data-chart-state') === 'final'),
  );
  return page.evaluate(
    ([slide, n]) => {
      const p = document.querySelector(`section#${slide} aside.notes [data-role="speech"] > p`)!;
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      const node = walker.nextNode() as Text;
      const range = document.createRange();
      range.setStart(node, 0);
      range.setEnd(node, n);
      p.scrollIntoView({ block: 'center' });
      const sel = window.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
      return range.toString();
    },
    [id, length] as const,
  );
}

const mark = (page: Page) => page.locator('mark.study-note-mark');

for (const size of [
  { width: 390, height: 844, touch: true },
  { width: 1366, height: 768, touch: false },
]) {
  test.describe(`highlights and notes at ${size.width}×${size.height}`, () => {
    test.use({ viewport: { width: size.width, height: size.height }, hasTouch: size.touch, isMobile: size.touch });

    test('select → 写笔记 keeps a highlight with its note; 我的笔记 lists it and jumps to it; it survives a reload', async ({
      page,
      site,
    }) => {
      await openDeck(page, `${site}?view=read#/qi-national`);
      const quote = await selectWords(page, 'qi-national', 10);
      const bar = page.getByRole('toolbar', { name: '划线和笔记' });
      await expect(bar).toBeVisible();
      const box = (await bar.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(size.width);
      await bar.getByRole('button', { name: '写笔记' }).click();
      const editor = page.getByRole('dialog', { name: '写笔记' });
      await expect(editor).toContainText(quote);
      await editor.getByRole('textbox', { name: '笔记' }).fill('城市问题的普遍性');
      // 取消 and 记下 stand side by side on one line.
      const [cancelBox, saveBox] = [
        (await editor.getByRole('button', { name: '取消' }).boundingBox())!,
        (await editor.getByRole('button', { name: '记下' }).boundingBox())!,
      ];
      expect(Math.abs(cancelBox.y - saveBox.y)).toBeLessThanOrEqual(1);
      await editor.getByRole('button', { name: '记下' }).click();
      await expect(mark(page)).toHaveText(quote);
      await expect(mark(page)).toHaveAttribute('title', '城市问题的普遍性');

      await page.reload();
      await page.waitForFunction(() => document.documentElement?.classList.contains('deck-ready'));
      await expect(mark(page)).toHaveText(quote);

      // A plain 划线 on another slide, earlier in the speech: the list is in speech order.
      await selectWords(page, 'qi-trend', 6);
      await page.getByRole('toolbar', { name: '划线和笔记' }).getByRole('button', { name: '划线' }).click();
      await expect(mark(page)).toHaveCount(2);

      await page.getByRole('button', { name: '我的笔记' }).click();
      const panel = page.getByRole('dialog', { name: '我的笔记' });
      const items = panel.locator('.study-notes-list > li');
      await expect(items).toHaveCount(2);
      await expect(items.nth(1)).toContainText('城市问题的普遍性');
      await items.nth(1).getByRole('button', { name: quote }).click();
      await expect(panel).toBeHidden();
      await expect(page.locator('mark.study-note-mark[title]')).toBeFocused();
      await expect(page).toHaveURL(/#\/qi-national/);
    });
  });
}

test('the highlights show only in the reading view, never on the slides', async ({ page, site }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openDeck(page, `${site}?view=read#/qi-national`);
  await selectWords(page, 'qi-national', 4);
  await page.getByRole('toolbar', { name: '划线和笔记' }).getByRole('button', { name: '划线' }).click();
  await expect(mark(page)).toHaveCount(1);
  await page.keyboard.press('r');
  await expect(page.locator('html')).not.toHaveClass(/reading-view/);
  expect(await mark(page).evaluate((m) => getComputedStyle(m).backgroundColor)).toBe('rgba(0, 0, 0, 0)');
  await expect(page.getByRole('button', { name: '我的笔记' })).toBeHidden();
  await expect(page.getByRole('button', { name: '阅读设置' })).toBeHidden();
});

test('notes export as Markdown, import on another device, list 未能定位 when the text changed, and clear after asking', async ({
  page,
  browser,
  site,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openDeck(page, `${site}?view=read#/qi-national`);
  const quote = await selectWords(page, 'qi-national', 8);
  await page.getByRole('toolbar', { name: '划线和笔记' }).getByRole('button', { name: '写笔记' }).click();
  await page.getByRole('textbox', { name: '笔记' }).fill('带到电脑上');
  await page.getByRole('button', { name: '记下' }).click();
  await page.getByRole('button', { name: '我的笔记' }).click();
  const panel = page.getByRole('dialog', { name: '我的笔记' });
  const downloading = page.waitForEvent('download');
  await panel.getByRole('button', { name: '导出为 Markdown' }).click();
  const file = await (await downloading).path();
  const markdown = readFileSync(file, 'utf8');
  expect(markdown).toContain(`> ${quote}`);
  expect(markdown).toContain('带到电脑上');
  expect(markdown).toMatch(/\[回到原文\]\(http[^)]*view=read#\/qi-national\)/);

  // Another device: a fresh browser profile imports the file.
  const other = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const phone = await other.newPage();
  await openDeck(phone, `${site}?view=read#/qi-national`);
  await phone.getByRole('button', { name: '我的笔记' }).click();
  const otherPanel = phone.getByRole('dialog', { name: '我的笔记' });
  await expect(otherPanel).toContainText('还没有笔记');
  await otherPanel.locator('input[type="file"]').setInputFiles(file);
  await expect(phone.getByRole('status').filter({ hasText: '已导入 1 条笔记' })).toBeAttached();
  await expect(otherPanel.locator('.study-notes-list > li')).toContainText('带到电脑上');
  await expect(phone.locator('mark.study-note-mark')).toHaveText(quote);
  // Importing the same file again adds nothing.
  await otherPanel.locator('input[type="file"]').setInputFiles(file);
  await expect(otherPanel.locator('.study-notes-list > li')).toHaveCount(1);
  await other.close();

  // The text changed in a rebuild: the note is kept and listed as 未能定位.
  await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.endsWith('notes'))!;
    const notes = JSON.parse(localStorage.getItem(key)!) as { quote: string }[];
    notes[0]!.quote = '这段文字已经不在讲稿里';
    localStorage.setItem(key, JSON.stringify(notes));
  });
  await page.reload();
  await page.waitForFunction(() => document.documentElement?.classList.contains('deck-ready'));
  await expect(mark(page)).toHaveCount(0);
  await page.getByRole('button', { name: '我的笔记' }).click();
  await expect(panel.getByRole('heading', { name: /未能定位/ })).toBeVisible();
  await expect(panel.locator('.study-notes-lost > li')).toContainText('这段文字已经不在讲稿里');

  // 全部清除 asks first: declined, nothing goes; accepted, all go.
  page.once('dialog', (d) => void d.dismiss());
  await panel.getByRole('button', { name: '全部清除' }).click();
  await expect(panel.locator('.study-notes-lost > li')).toHaveCount(1);
  page.once('dialog', (d) => void d.accept());
  await panel.getByRole('button', { name: '全部清除' }).click();
  await expect(panel).toContainText('还没有笔记');
});
