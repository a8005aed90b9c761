import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { CHROMIUM_ARGS, findBrowser } from '../../src/export/browser.ts';
import { expect, openDeck, test } from './fixtures.ts';

/**
 * Highlights and notes without a mouse (issue 15, "keyboard for everything"): each speech
 * paragraph's menu button (复制链接 / 划线本段 / 为本段写笔记), a selection made from the keyboard
 * (caret browsing, F7 in Chrome: here the browser starts with it on), and the same menu by touch.
 */
const browser = await findBrowser();
test.use({
  launchOptions: { executablePath: browser.executablePath, args: [...CHROMIUM_ARGS, '--enable-caret-browsing'] },
});

const menuButton = (page: Page, n: number): Locator =>
  page.locator('section#cheng-three').getByRole('button', { name: `第 ${n} 段：复制链接、划线、写笔记` });
const paragraph = (page: Page, n: number): Locator => page.locator(`#para-cheng-three-${n}`);
const marks = (page: Page): Locator => page.locator('mark.study-note-mark');
const selectBar = (page: Page): Locator => page.getByRole('toolbar', { name: '划线和笔记' });

/** The words of a paragraph as the notes keep them (its text, spaces at the ends left out). */
const wordsOf = (p: Locator): Promise<string> => p.evaluate((el) => el.textContent!.trim());

/** The text of the marks inside `p`. */
const markedIn = (p: Locator): Promise<string> =>
  p.evaluate((el) => [...el.querySelectorAll('mark.study-note-mark')].map((m) => m.textContent).join(''));

test('keyboard only: a selection by caret browsing, a paragraph highlighted and another noted from its menu, both in 我的笔记', async ({
  page,
  site,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  // A paragraph's address opens the reading view with focus on that paragraph.
  await openDeck(page, `${site}?view=read#/cheng-three/p1`);
  await expect(paragraph(page, 1)).toBeFocused();

  // Caret browsing: → puts the caret in the text, Shift+→ selects; the toolbar comes.
  await page.keyboard.press('ArrowRight');
  for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowRight');
  await expect(selectBar(page)).toBeVisible();
  // Tab from the selection goes into the toolbar (one tab stop; ← → move inside it).
  await page.keyboard.press('Tab');
  await expect(selectBar(page).getByRole('button', { name: '划线' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(selectBar(page).getByRole('button', { name: '写笔记' })).toBeFocused();
  // Esc puts it away and gives focus back.
  await page.keyboard.press('Escape');
  await expect(selectBar(page)).toBeHidden();
  await expect(paragraph(page, 1)).toBeFocused();
  // A changed selection brings it again; 划线 keeps those words.
  await page.keyboard.press('Shift+ArrowRight');
  await expect(selectBar(page)).toBeVisible();
  const selected = await page.evaluate(() => window.getSelection()!.toString());
  expect(selected.length).toBeGreaterThan(1);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Home');
  await expect(selectBar(page).getByRole('button', { name: '划线' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(marks(page)).toHaveText([selected]);
  await expect(selectBar(page)).toBeHidden();
  await expect(paragraph(page, 1)).toBeFocused();

  // The paragraph's menu: one tab stop per paragraph.
  await page.keyboard.press('Tab');
  await expect(menuButton(page, 1)).toBeFocused();
  await page.keyboard.press('Tab');
  const second = menuButton(page, 2);
  await expect(second).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(second).toHaveAttribute('aria-expanded', 'true');
  const menu = page.getByRole('menu', { name: '第 2 段' });
  await expect(second).toHaveAttribute('aria-controls', (await menu.getAttribute('id'))!);
  await expect(menu.getByRole('menuitem', { name: '复制链接' })).toBeFocused();
  // ↓ and ↑ move through the items and wrap round.
  await page.keyboard.press('ArrowUp');
  await expect(menu.getByRole('menuitem', { name: '为本段写笔记' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: '划线本段' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(menu).toBeHidden();
  await expect(second).toHaveAttribute('aria-expanded', 'false');
  await expect(second).toBeFocused();
  expect(await markedIn(paragraph(page, 2))).toBe(await wordsOf(paragraph(page, 2)));
  await expect(page.getByRole('status').filter({ hasText: '已划线' })).toBeAttached();

  // Esc closes a menu and returns focus to its button; Tab closes it and goes on.
  const third = menuButton(page, 3);
  await page.keyboard.press('Tab');
  await expect(third).toBeFocused();
  await page.keyboard.press('ArrowUp');
  const menu3 = page.getByRole('menu', { name: '第 3 段' });
  await expect(menu3.getByRole('menuitem', { name: '为本段写笔记' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu3).toBeHidden();
  await expect(third).toBeFocused();
  // Esc went to the menu, not to the page: still the reading view.
  await expect(page.locator('html')).toHaveClass(/reading-view/);
  await page.keyboard.press('ArrowDown');
  await expect(menu3.getByRole('menuitem', { name: '复制链接' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(menu3).toBeHidden();
  await expect(third).toHaveAttribute('aria-expanded', 'false');
  await expect(menuButton(page, 4)).toBeFocused();

  // 为本段写笔记 on the third paragraph: the editor quotes it; saved, focus is back on the button.
  await page.keyboard.press('Shift+Tab');
  await expect(third).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  const editor = page.getByRole('dialog', { name: '写笔记' });
  await expect(editor.locator('.study-note-quote')).toHaveText(await wordsOf(paragraph(page, 3)));
  await expect(editor.getByRole('textbox', { name: '笔记' })).toBeFocused();
  await page.keyboard.type('三个方面一起抓');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(editor.getByRole('button', { name: '记下' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(editor).toBeHidden();
  await expect(third).toBeFocused();
  expect(await markedIn(paragraph(page, 3))).toBe(await wordsOf(paragraph(page, 3)));
  await expect(paragraph(page, 3).locator('mark.study-note-mark').first()).toHaveAttribute('title', '三个方面一起抓');
  // The message says the note was kept, not only the highlight.
  await expect(page.getByRole('status').filter({ hasText: '笔记已记下' })).toBeAttached();

  // 我的笔记, reached with Shift+Tab (it is in the toolbar at the top): all three, in speech order.
  const notesButton = page.getByRole('button', { name: '我的笔记' });
  for (let i = 0; i < 400 && !(await notesButton.evaluate((b) => b === document.activeElement)); i++)
    await page.keyboard.press('Shift+Tab');
  await expect(notesButton).toBeFocused();
  await page.keyboard.press('Enter');
  const panel = page.getByRole('dialog', { name: '我的笔记' });
  const items = panel.locator('.study-notes-list > li');
  await expect(items).toHaveCount(3);
  await expect(items.nth(0).locator('.study-notes-quote')).toHaveText(selected);
  await expect(items.nth(1).locator('.study-notes-quote')).toHaveText(await wordsOf(paragraph(page, 2)));
  await expect(items.nth(2).locator('.study-notes-quote')).toHaveText(await wordsOf(paragraph(page, 3)));
  await expect(items.nth(2)).toContainText('三个方面一起抓');
});

test.describe('the paragraph menu on a 390×844 phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('by touch: 划线本段 and 为本段写笔记, 44 px targets inside the screen, both in 我的笔记', async ({
    page,
    site,
  }) => {
    await openDeck(page, `${site}?view=read#/cheng-three`);
    const second = menuButton(page, 2);
    await second.scrollIntoViewIfNeeded();
    await second.tap();
    const menu = page.getByRole('menu', { name: '第 2 段' });
    await expect(menu).toBeVisible();
    const box = (await menu.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(box.y + box.height).toBeLessThanOrEqual(844);
    for (const item of await menu.getByRole('menuitem').all()) {
      const b = (await item.boundingBox())!;
      expect(b.height).toBeGreaterThanOrEqual(44);
      expect(b.width).toBeGreaterThanOrEqual(44);
    }
    await menu.getByRole('menuitem', { name: '划线本段' }).tap();
    await expect(menu).toBeHidden();
    expect(await markedIn(paragraph(page, 2))).toBe(await wordsOf(paragraph(page, 2)));

    // A tap elsewhere closes an open menu without acting. At the foot of the screen it opens above.
    const fourth = menuButton(page, 4);
    await fourth.evaluate((b) => b.scrollIntoView({ block: 'end' }));
    await fourth.tap();
    const menu4 = page.getByRole('menu', { name: '第 4 段' });
    await expect(menu4).toBeVisible();
    const above = (await menu4.boundingBox())!;
    expect(above.y + above.height).toBeLessThanOrEqual((await fourth.boundingBox())!.y + 1);
    expect(above.y).toBeGreaterThanOrEqual(0);
    await page.locator('section#cheng-three h2').tap();
    await expect(page.getByRole('menu')).toBeHidden();
    await expect(fourth).toHaveAttribute('aria-expanded', 'false');

    await fourth.tap();
    await page.getByRole('menu', { name: '第 4 段' }).getByRole('menuitem', { name: '为本段写笔记' }).tap();
    const editor = page.getByRole('dialog', { name: '写笔记' });
    await expect(editor.locator('.study-note-quote')).toHaveText(await wordsOf(paragraph(page, 4)));
    await editor.getByRole('textbox', { name: '笔记' }).fill('在手机上记下');
    await editor.getByRole('button', { name: '记下' }).tap();
    await expect(editor).toBeHidden();
    expect(await markedIn(paragraph(page, 4))).toBe(await wordsOf(paragraph(page, 4)));
    // No hover on a phone: a tap on the noted words shows the note, on screen.
    await paragraph(page, 4).locator('mark.study-note-mark').first().tap();
    const shown = page.getByRole('status').filter({ hasText: '笔记：在手机上记下' });
    await expect(shown).toBeVisible();
    const toast = (await shown.boundingBox())!;
    expect(toast.x).toBeGreaterThanOrEqual(0);
    expect(toast.x + toast.width).toBeLessThanOrEqual(390);

    await page.getByRole('button', { name: '我的笔记' }).tap();
    const items = page.getByRole('dialog', { name: '我的笔记' }).locator('.study-notes-list > li');
    await expect(items).toHaveCount(2);
    await expect(items.nth(1)).toContainText('在手机上记下');
    // A short screen: the list scrolls under its heading, and 关闭 stays in reach at its end.
    await page.setViewportSize({ width: 390, height: 420 });
    const panel = page.getByRole('dialog', { name: '我的笔记' });
    await panel.evaluate((d) => d.scrollTo(0, d.scrollHeight));
    expect(await panel.evaluate((d) => d.scrollTop), 'the panel scrolled').toBeGreaterThan(0);
    await expect(panel.getByRole('button', { name: '关闭' })).toBeInViewport({ ratio: 1 });
  });

  test('where copying is refused, 复制链接 shows the address selected in a field to copy by hand', async ({
    page,
    site,
  }) => {
    // A browser that refuses both ways of copying (the Clipboard API and execCommand).
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', { value: undefined });
      document.execCommand = () => false;
    });
    await openDeck(page, `${site}?view=read#/cheng-three`);
    const first = menuButton(page, 1);
    await first.scrollIntoViewIfNeeded();
    await first.tap();
    await page.getByRole('menuitem', { name: '复制链接' }).tap();
    const field = page.getByRole('textbox', { name: '这一段的链接（复制下来）' });
    await expect(field).toBeFocused();
    await expect(field).toHaveValue(`${site}?view=read#/cheng-three/p1`);
    expect(await field.evaluate((f: HTMLInputElement) => f.selectionEnd! - f.selectionStart!)).toBe(
      `${site}?view=read#/cheng-three/p1`.length,
    );
    await expect(page.getByRole('menu')).toBeHidden();
  });
});

/** Every axe rule (as tests/e2e/a11y.spec.ts runs them): WCAG A to AAA, best practices, experimental. */
const ALL_RULES = [
  'wcag2a',
  'wcag2aa',
  'wcag2aaa',
  'wcag21a',
  'wcag21aa',
  'wcag21aaa',
  'wcag22aa',
  'best-practice',
  'experimental',
];

async function violations(page: Page, include: string): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .include(include)
    .options({ runOnly: { type: 'tag', values: ALL_RULES } })
    .analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`every axe rule on an open paragraph menu (${scheme === 'light' ? 'day' : 'night'} theme)`, async ({
    page,
    site,
  }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 1366, height: 768 });
    await openDeck(page, `${site}?view=read#/cheng-three/p1`);
    // The paragraphs' buttons follow the speech text, in order.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(menuButton(page, 2)).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('menu', { name: '第 2 段' })).toBeVisible();
    expect(await violations(page, 'section#cheng-three')).toEqual([]);
    // The note editor it opens, in the same theme (the night theme keeps it a light island).
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog', { name: '写笔记' })).toBeVisible();
    expect(await violations(page, 'dialog.study-note-dialog')).toEqual([]);
  });
}

test('the projected slides never show the marks a paragraph menu made', async ({ page, site }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openDeck(page, `${site}?view=read#/cheng-three/p1`);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(menuButton(page, 2)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(paragraph(page, 2).locator('mark.study-note-mark').first()).toBeVisible();
  // Back to the slides (R), at the same slide: neither the marks nor the menu buttons show.
  await page.keyboard.press('r');
  await expect(page.locator('html')).not.toHaveClass(/reading-view/);
  expect(await page.evaluate(() => window.deck!.getCurrentSlide()?.id)).toBe('cheng-three');
  const shown = await page.evaluate(
    () =>
      [...document.querySelectorAll('mark.study-note-mark, .study-para-link, .study-para-menu')].filter((el) => {
        const style = getComputedStyle(el);
        const painted = el.tagName === 'MARK' ? style.backgroundColor !== 'rgba(0, 0, 0, 0)' : true;
        return el.getClientRects().length > 0 && style.visibility !== 'hidden' && painted;
      }).length,
  );
  expect(shown).toBe(0);
  expect(
    await marks(page)
      .first()
      .evaluate((m) => getComputedStyle(m).backgroundColor),
  ).toBe('rgba(0, 0, 0, 0)');
});

test('while the 划线/写笔记 toolbar shows, the page keeps its keys: / opens search and its Esc closes it', async ({
  page,
  site,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openDeck(page, `${site}?view=read#/cheng-three/p1`);
  await page.keyboard.press('ArrowRight');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowRight');
  await expect(selectBar(page)).toBeVisible();
  await page.keyboard.press('/');
  const search = page.locator('dialog.study-search');
  await expect(search).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(search).toBeHidden();
});
