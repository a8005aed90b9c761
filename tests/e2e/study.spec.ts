import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { FILE_URL, expect, openDeck, test } from './fixtures.ts';
import { slideAtTop, storedSlide } from './reading.ts';

const SIZES = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'tablet', width: 768, height: 1024 },
  { name: 'desktop', width: 1920, height: 1080 },
] as const;

/**
 * Opens the deck, first letting the current page finish loading: navigating away from a page
 * whose favicon is still loading aborts that request, which the fixture counts as a failure.
 */
async function open(page: Page, url: string): Promise<void> {
  if (page.url() !== 'about:blank') await page.waitForLoadState('networkidle');
  await openDeck(page, url);
}

const reading = (page: Page) => page.evaluate(() => document.documentElement.classList.contains('reading-view'));
const currentId = (page: Page) => page.evaluate(() => window.deck!.getCurrentSlide()?.id ?? '');

/** The ids of all slides in deck order, and one slide deep in the deck with a chart. */
async function slideIds(page: Page): Promise<string[]> {
  return page.$$eval('.reveal .slides > section > section[id]', (els) => els.map((e) => e.id));
}

for (const size of SIZES) {
  test(`reading view at ${size.width}×${size.height} shows every slide and its full text, with no horizontal scrolling`, async ({
    page,
    site,
  }) => {
    await page.setViewportSize(size);
    await open(page, `${site}?view=read`);
    expect(await reading(page)).toBe(true);
    // Slides far from the screen are laid out only as the reader comes near them (study.css,
    // `content-visibility`), and their text is not rendered text until then: read each slide's
    // text as the reader does, with the slide on screen.
    const shownText = await page.evaluate(async () => {
      const chars: Record<string, number> = {};
      const frames = (): Promise<void> =>
        new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
      for (const s of document.querySelectorAll<HTMLElement>('.reveal .slides > section > section[id]')) {
        s.scrollIntoView({ block: 'start', behavior: 'instant' });
        await frames();
        chars[s.id] = s.querySelector<HTMLElement>(':scope > aside.notes')?.innerText.trim().length ?? 0;
      }
      window.scrollTo({ top: 0, behavior: 'instant' });
      return chars;
    });
    const report = await page.evaluate((shownText) => {
      const slides = [...document.querySelectorAll<HTMLElement>('.reveal .slides > section > section[id]')];
      const visible = (el: Element | null): boolean => {
        if (!el) return false;
        const r = el.getBoundingClientRect();
        const cs = getComputedStyle(el);
        return r.width > 0 && r.height > 0 && cs.visibility !== 'hidden' && Number(cs.opacity) > 0;
      };
      const notes = slides.map((s) => s.querySelector<HTMLElement>(':scope > aside.notes'));
      const paragraphs = notes.flatMap((n) => (n ? [...n.querySelectorAll('p')] : []));
      const fontSizes = paragraphs.map((p) => parseFloat(getComputedStyle(p).fontSize));
      const widest = Math.max(
        ...paragraphs.map((p) => p.getBoundingClientRect().width / parseFloat(getComputedStyle(p).fontSize)),
      );
      const clientWidth = document.documentElement.clientWidth;
      // Content may scroll sideways inside its own box (a wide chart or table on a phone), never the page.
      const inScrollBox = (el: Element): boolean => {
        for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
          if (getComputedStyle(p).overflowX !== 'visible') return true;
        }
        return false;
      };
      const outside = [...document.querySelectorAll<HTMLElement>('.reveal .slides *')]
        .filter((el) => {
          const r = el.getBoundingClientRect();
          return r.width > 0 && (r.right > clientWidth + 1 || r.left < -1) && !inScrollBox(el);
        })
        .map((el) => `${el.tagName}.${el.getAttribute('class') ?? ''}`);
      return {
        count: slides.length,
        hiddenSlides: slides
          .filter((s) => !visible(s) || s.hasAttribute('inert') || s.getAttribute('aria-hidden') === 'true')
          .map((s) => s.id),
        hiddenNotes: slides.filter((s, i) => !visible(notes[i]!) || !shownText[s.id]).map((s) => s.id),
        hiddenFragments: [...document.querySelectorAll('.reveal .slides .fragment')].filter((f) => !visible(f)).length,
        notesChars: Object.values(shownText).reduce((n, chars) => n + chars, 0),
        minFont: Math.min(...fontSizes),
        widest,
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth,
        outside: outside.slice(0, 5),
        // Each chart's source line, whole: a credit that ends in "…" is not a credit.
        cutSources: [...document.querySelectorAll<HTMLElement>('.chart-source')]
          .filter((el) => el.scrollWidth > el.clientWidth + 1)
          .map((el) => el.closest('figure')?.id ?? '?'),
      };
    }, shownText);
    expect(report.count).toBeGreaterThan(30);
    expect(report.hiddenSlides).toEqual([]);
    expect(report.hiddenNotes).toEqual([]);
    expect(report.hiddenFragments).toBe(0);
    expect(report.notesChars).toBeGreaterThan(3000);
    expect(report.scrollWidth).toBeLessThanOrEqual(report.clientWidth);
    expect(report.outside).toEqual([]);
    expect(report.cutSources).toEqual([]);
    // Readable Chinese: at least 16 px, at most ~40 characters a line.
    expect(report.minFont).toBeGreaterThanOrEqual(16);
    expect(report.widest).toBeLessThanOrEqual(40);
    // Touch targets of the toolbar.
    const buttons = await page.locator('.study-bar button:visible').evaluateAll((els) =>
      els.map((e) => {
        const r = e.getBoundingClientRect();
        return Math.min(r.width, r.height);
      }),
    );
    expect(buttons.length).toBeGreaterThanOrEqual(2);
    for (const b of buttons) expect(b).toBeGreaterThanOrEqual(44);
  });
}

for (const size of [SIZES[0], { name: 'laptop', width: 1366, height: 768 }]) {
  test(`reading view at ${size.width} px: a quotation's card gives the quote the column and a quieter attribution`, async ({
    page,
    site,
  }) => {
    await page.setViewportSize(size);
    await open(page, `${site}?view=read`);
    const cards = await page.$$eval('.reveal section[id] figure.quotation', (figs) =>
      figs.map((f) => {
        const quote = f.querySelector('blockquote')!;
        const by = f.querySelector('figcaption');
        const px = (el: Element): number => parseFloat(getComputedStyle(el).fontSize);
        return {
          id: f.closest('section[id]')!.id,
          share: quote.getBoundingClientRect().width / f.getBoundingClientRect().width,
          quote: px(quote),
          by: by ? px(by) : 0,
        };
      }),
    );
    expect(cards.length).toBeGreaterThanOrEqual(4);
    for (const c of cards) {
      // The slide's 40 and 64 px of padding left a phone's quote 220 of 358 px.
      expect(c.share, `${c.id}: the quote's share of its card`).toBeGreaterThan(0.8);
      expect(c.by, `${c.id}: the attribution is smaller than the quote`).toBeLessThan(c.quote);
      // No quote set at the slide's own size (40 px) in a column of reading text.
      expect(c.quote, `${c.id}: the quote's size`).toBeLessThan(26);
    }
  });
}

test("reading view: every slide's label (第 N 页 · part) is set alike, statement slides included", async ({
  page,
  site,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page, `${site}?view=read`);
  const styles = await page.$$eval('.reveal section[id] > .study-slide-label', (labels) =>
    labels.map((l) => {
      const cs = getComputedStyle(l);
      return `${cs.fontSize} ${cs.fontWeight}`;
    }),
  );
  expect(styles.length).toBeGreaterThan(40);
  // One style: a statement slide's rule for its big sentence once took its label too (20.4 px, bold).
  expect([...new Set(styles)]).toEqual(['14px 400']);
});

test('reading view: a pair of contrasts is two columns on a laptop, one under the other on a phone, at any text size', async ({
  page,
  site,
}) => {
  const lefts = (): Promise<number[]> =>
    page.$$eval('#cheng-market .contrast-pair > h3', (hs) => hs.map((h) => Math.round(h.getBoundingClientRect().left)));
  const h3Width = (): Promise<number> =>
    page.$eval(
      '#cheng-market .contrast-pair > h3',
      (h) => h.getBoundingClientRect().width / parseFloat(getComputedStyle(h).fontSize),
    );
  await page.setViewportSize({ width: 1366, height: 768 });
  await open(page, `${site}?view=read#/cheng-market`);
  const [a, b] = await lefts();
  expect(b!, 'side by side on a laptop').toBeGreaterThan(a! + 100);
  expect(await h3Width(), 'each column holds a dozen characters').toBeGreaterThanOrEqual(12);
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page, `${site}?view=read#/cheng-market`);
  await expect.poll(async () => new Set(await lefts()).size, 'stacked on a phone').toBe(1);
  // The largest text: still one under the other, and the heading has the column's width.
  await page.getByRole('button', { name: '阅读设置' }).click();
  const larger = page.getByRole('button', { name: '放大字号（A+）' });
  for (let i = 0; i < 8 && (await larger.isEnabled()); i++) await larger.click();
  await page.keyboard.press('Escape');
  expect(new Set(await lefts()).size).toBe(1);
  expect(await h3Width()).toBeGreaterThanOrEqual(9);
});

test('upright phones and tablets open in the reading view; ?view=slides and a tablet held sideways open the slides', async ({
  page,
  site,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page, site);
  expect(await reading(page)).toBe(true);
  await expect(page.getByRole('button', { name: '幻灯片视图' })).toBeVisible();

  await open(page, `${site}?view=slides`);
  expect(await reading(page)).toBe(false);
  // reveal's own phone scroll view never takes over: the slides stay slides.
  expect(await page.locator('.reveal .scroll-page').count()).toBe(0);
  await expect(page.locator('.reveal .slides section.present').first()).toBeVisible();
  await page.evaluate(() => window.deck!.next());
  await expect.poll(() => page.evaluate(() => window.deck!.getIndices().v)).toBe(1);
  await expect(page.locator('.reveal .slide-number')).toBeVisible();

  // A portrait tablet would show the slides at under half size: it reads instead.
  await page.setViewportSize({ width: 768, height: 1024 });
  await open(page, site);
  expect(await reading(page)).toBe(true);
  await page.setViewportSize({ width: 1024, height: 768 });
  await open(page, site);
  expect(await reading(page)).toBe(false);
});

test.describe('a shared link on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('lands with the linked slide at the top, under the bar, and keeps it there while its chart draws', async ({
    page,
    site,
  }) => {
    await open(page, `${site}#/qi-trend`);
    expect(await reading(page)).toBe(true);
    // The chart draws once near the screen: the slide grows below its title, and the browser's
    // scroll anchoring once moved the page 370 px with it.
    await expect(page.locator('section#qi-trend figure.chart')).toHaveAttribute('data-chart-state', 'final');
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const place = await page.evaluate(() => ({
      slide: document.getElementById('qi-trend')!.getBoundingClientRect().top,
      bar: document.querySelector('.study-bar')!.getBoundingClientRect().bottom,
    }));
    expect(Math.abs(place.slide - place.bar)).toBeLessThanOrEqual(2);
    // The reader moving the page lets go of the place.
    await page.mouse.wheel(0, 400);
    await expect
      .poll(() => page.evaluate(() => document.getElementById('qi-trend')!.getBoundingClientRect().top))
      .toBeLessThan(place.slide - 300);
  });
});

test('the view toggle keeps the place both ways (button and R)', async ({ page, site }) => {
  await open(page, site);
  const ids = await slideIds(page);
  const start = ids[Math.floor(ids.length / 2)]!;
  await page.goto(`${site}#/${start}`);
  await page.waitForFunction(() => document.documentElement?.classList.contains('deck-ready'));
  await page.keyboard.press('r');
  expect(await reading(page)).toBe(true);
  await expect(page.locator('.reveal')).toHaveAttribute('aria-label', '阅读视图：幻灯片与讲稿全文');
  expect(await slideAtTop(page)).toBe(start);
  await expect(page).toHaveURL(new RegExp(`view=read#/${start}$`));

  // Jump ahead with the table of contents (the structure diagram): the part 合.
  const part = page.locator('.study-toc g.structure-node[data-key^="part:"]').nth(4);
  const partId = (await part.getAttribute('data-key'))!.slice('part:'.length);
  const target = (await page.locator(`.reveal .slides section[data-part="${partId}"][id]`).first().getAttribute('id'))!;
  await part.click();
  expect(await slideAtTop(page)).toBe(target);
  await expect(page.locator(`.study-toc g.structure-node[data-key="${target}"]`)).toHaveAttribute(
    'aria-current',
    'location',
  );
  // Arrow keys scroll the page in the reading view; they do not move the deck.
  await page.keyboard.press('ArrowDown');
  expect(await reading(page)).toBe(true);
  await page.getByRole('button', { name: '幻灯片视图' }).click();
  expect(await reading(page)).toBe(false);
  await expect(page.locator('.reveal')).toHaveAttribute('aria-label', '演示文稿');
  expect(await currentId(page)).toBe(target);
  await expect(page.locator(`section#${target}`)).toBeVisible();

  // Scrolling by hand also counts.
  await page.keyboard.press('r');
  const other = ids[5]!;
  await page.evaluate((id) => document.getElementById(id)!.scrollIntoView({ block: 'start' }), other);
  await expect.poll(() => slideAtTop(page)).toBe(other);
  await page.keyboard.press('r');
  expect(await currentId(page)).toBe(other);
});

test('the reading view works from file://', async ({ page }) => {
  await open(page, `${FILE_URL}?view=read`);
  expect(await reading(page)).toBe(true);
  await expect(page.locator('.reveal .slides aside.notes').first()).toBeVisible();
});

/** Opens search with the key and returns the CDP session for input-method events. */
async function openSearch(page: Page) {
  await page.keyboard.press('/');
  const input = page.getByRole('combobox', { name: '搜索幻灯片和讲稿' });
  await expect(input).toBeFocused();
  return input;
}

test('search finds a phrase typed through an input method, lists it, and Enter goes there', async ({ page, site }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await open(page, site);
  const input = await openSearch(page);
  await expect(page.locator('.study-search-hint'), 'the key hint, with a keyboard').toBeVisible();
  const list = page.locator('#study-results');
  const cdp = await page.context().newCDPSession(page);
  // Half-typed pinyin: composing, nothing is searched yet.
  await cdp.send('Input.imeSetComposition', { text: 'chengshi', selectionStart: 8, selectionEnd: 8 });
  await cdp.send('Input.imeSetComposition', { text: '城市', selectionStart: 2, selectionEnd: 2 });
  await expect(input).toHaveValue('城市');
  expect(await list.getAttribute('data-query')).toBeNull();
  await expect(page.locator('#study-results [role="option"]')).toHaveCount(0);
  // Commit the composition.
  await cdp.send('Input.insertText', { text: '城市治理' });
  await expect(input).toHaveValue('城市治理');
  await expect(list).toHaveAttribute('data-query', '城市治理');
  const options = page.locator('#study-results [role="option"]');
  expect(await options.count()).toBeGreaterThan(3);
  await expect(page.locator('.study-search-status')).toContainText('找到');
  await expect(options.first().locator('mark')).toHaveText('城市治理');
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');

  // ↓ chooses the second result; Enter opens it.
  await page.keyboard.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(input).toHaveAttribute('aria-activedescendant', 'study-result-1');
  const wanted = (await options.nth(1).getAttribute('data-slide-id'))!;
  const field = await options.nth(1).getAttribute('data-field');
  await page.keyboard.press('Enter');
  await expect(page.locator('dialog.study-search')).not.toBeVisible();
  const hit = page.locator('mark.study-hit').first();
  await expect(hit).toBeVisible();
  // A heading may break the phrase between words (<wbr>), so one hit can span several marks.
  await expect
    .poll(async () => (await page.locator('mark.study-hit').allTextContents()).join(''))
    .toContain('城市治理');
  if (field === 'notes') expect(await reading(page)).toBe(true);
  else expect(await currentId(page)).toBe(wanted);
  expect(await hit.evaluate((m) => m.closest('section[id]')?.id)).toBe(wanted);
});

test('a match in the notes opens the reading view at the highlighted sentence', async ({ page, site }) => {
  await open(page, site);
  const input = await openSearch(page);
  await input.fill('同志们');
  const notesHit = page.locator('#study-results [role="option"][data-field="notes"]').first();
  await expect(notesHit).toBeVisible();
  const id = (await notesHit.getAttribute('data-slide-id'))!;
  await notesHit.click();
  expect(await reading(page)).toBe(true);
  const mark = page.locator(`section#${id} aside.notes mark.study-hit`);
  await expect(mark).toHaveText('同志们');
  await expect(mark).toBeInViewport();
});

test('regex-like queries are plain text and width differences are ignored', async ({ page, site }) => {
  await open(page, site);
  const input = await openSearch(page);
  const status = page.locator('.study-search-status');
  for (const q of ['.*', '(', '[', '\\', '*+?', '$^|']) {
    await input.fill(q);
    await expect(page.locator('#study-results')).toHaveAttribute('data-query', /.+/);
    await expect(status).not.toBeEmpty();
  }
  await input.fill('.*');
  await expect(status).toContainText('没有找到');
  // Half-width and full-width parentheses find the same places.
  await input.fill('(');
  const half = await status.textContent();
  await input.fill('（');
  await expect(status).toHaveText(half!);
  expect(half).toContain('找到');
});

test('Esc closes search and focus returns to the button that opened it', async ({ page, site }) => {
  await open(page, site);
  const button = page.getByRole('button', { name: '搜索' });
  // From the keyboard (a mouse click leaves no focus on the button, so Space still moves the deck).
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: '搜索全文' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: '搜索全文' })).not.toBeVisible();
  await expect(button).toBeFocused();
  // Ctrl+K opens it too, and Esc does not start reveal's overview.
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('dialog', { name: '搜索全文' })).toBeVisible();
  await page.keyboard.press('Escape');
  expect(await page.evaluate(() => window.deck!.isOverview())).toBe(false);
});

test('Esc on search or help gives the keys back to the deck at once: R right after it leaves the reading view', async ({
  page,
  site,
}) => {
  await open(page, site);
  // In one task: Esc where focus is, then R where focus is then. Left on the closed dialog's field
  // until the browser's next focus fix-up, the R would go to that hidden field and be lost.
  const escThenR = (): Promise<{ open: boolean; focusInside: boolean }> =>
    page.evaluate(() => {
      const d = document.querySelector<HTMLDialogElement>('dialog[open]')!;
      const key = (k: string): boolean =>
        (document.activeElement ?? document.body).dispatchEvent(
          new KeyboardEvent('keydown', { key: k, code: k === 'r' ? 'KeyR' : k, bubbles: true, cancelable: true }),
        );
      key('Escape');
      const focusInside = d.contains(document.activeElement);
      key('r');
      return { open: d.open, focusInside };
    });
  await page.keyboard.press('r');
  await expect(page.locator('html')).toHaveClass(/reading-view/);
  await page.getByRole('button', { name: '搜索' }).click();
  await page.getByRole('combobox', { name: '搜索幻灯片和讲稿' }).fill('城市');
  expect(await escThenR()).toEqual({ open: false, focusInside: false });
  await expect(page.locator('html')).not.toHaveClass(/reading-view/);

  await page.keyboard.press('Shift+?');
  await expect(page.locator('dialog.help-dialog[open]')).toBeVisible();
  await page.locator('dialog.help-dialog .dialog-close').focus();
  expect(await escThenR()).toEqual({ open: false, focusInside: false });
  await expect(page.locator('html')).toHaveClass(/reading-view/);
});

test.describe('pinyin search on a touch phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('full pinyin, initials and mixed input find the Chinese, exact matches first, and the match opens', async ({
    page,
    site,
  }) => {
    await open(page, site);
    const input = await openSearch(page);
    // The keyboard's hint (↑ / ↓, 回车, Esc) is not shown on a touch screen; it still describes the field.
    await expect(page.locator('.study-search-hint')).toBeHidden();
    await expect(input).toHaveAccessibleDescription(/回车打开/);
    const list = page.locator('#study-results');
    const options = list.locator('[role="option"]');
    for (const q of ['chengzhongcun', 'czc', 'cheng zhong cun']) {
      await input.fill(q);
      await expect(list).toHaveAttribute('data-query', q);
      await expect(options.first().locator('mark')).toHaveText('城中村');
      for (const mark of await options.locator('mark').allTextContents()) expect(mark).toBe('城中村');
    }
    // 韧 committed through the input method, then pinyin typed after it.
    await input.fill('');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'ren', selectionStart: 3, selectionEnd: 3 });
    await cdp.send('Input.insertText', { text: '韧' });
    await input.pressSequentially('xing');
    await expect(list).toHaveAttribute('data-query', '韧xing');
    await expect(options.first().locator('mark')).toHaveText('韧性');
    // The Chinese itself is found before readings that merely sound alike (城市 before 成氏…).
    await input.fill('城市');
    const exact = await options.count();
    await input.fill('chengshi');
    await expect(options.first().locator('mark')).toHaveText('城市');
    expect(await options.count()).toBeGreaterThanOrEqual(Math.min(exact, 80));
    // Opening a pinyin result marks the Chinese it matched and focuses it.
    await input.fill('czc');
    const wanted = (await options.first().getAttribute('data-slide-id'))!;
    await options.first().click();
    const hit = page.locator('mark.study-hit').first();
    await expect(hit).toHaveText('城中村');
    await expect(hit).toBeFocused();
    expect(await hit.evaluate((m) => m.closest('section[id]')?.id)).toBe(wanted);
    // The page carries the readings of its own characters, not a dictionary: 龘 (da) is not in the deck.
    const scripts = await page.evaluate(() => [...document.scripts].map((s) => s.src).filter(Boolean));
    const code = (await Promise.all(scripts.map((src) => page.request.get(src).then((r) => r.text())))).join('');
    expect(code).toContain('cheng');
    expect(code).not.toContain('龘');
  });
});

test.describe('the search box on a touch phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('stays still while typing, Esc closes it at once, and a huge query is not echoed', async ({ page, site }) => {
    await open(page, site);
    await page.getByRole('button', { name: '搜索' }).click();
    const input = page.getByRole('combobox', { name: '搜索幻灯片和讲稿' });
    await expect(input).toBeFocused();
    const top = (): Promise<number> => input.evaluate((el) => Math.round(el.getBoundingClientRect().top));
    const tops = [await top()];
    const cdp = await page.context().newCDPSession(page);
    for (const ch of ['韧', '性', '安']) {
      await cdp.send('Input.insertText', { text: ch });
      await expect(page.locator('#study-results')).toHaveAttribute('data-query', new RegExp(`${ch}$`));
      tops.push(await top());
    }
    // Anchored near the top of the screen, and never moved by the results.
    expect(new Set(tops).size).toBe(1);
    expect(tops[0]).toBeLessThan(150);
    // Esc closes it with text in the field (a search field's own Esc would only clear it).
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: '搜索全文' })).not.toBeVisible();

    await page.getByRole('button', { name: '搜索' }).click();
    await input.fill('无'.repeat(100_000));
    const status = page.locator('.study-search-status');
    await expect(status).toContainText('没有找到');
    expect((await status.textContent())!.length).toBeLessThan(60);
    const box = await status.boundingBox();
    expect(box!.height).toBeLessThan(80);
  });
});

test('resume offers the last slide after a reload without a hash, and a hash wins with no offer', async ({
  page,
  site,
}) => {
  await open(page, site);
  await expect(page.locator('.study-resume')).toHaveCount(0);
  const ids = await slideIds(page);
  const last = ids[12]!;
  const { h, v } = await page.evaluate((id) => window.deck!.getIndices(document.getElementById(id)!), last);
  await page.evaluate(([hh, vv]) => window.deck!.slide(hh, vv), [h, v ?? 0] as const);
  // Moved there without a key or a tap: the place is kept once the reader has stayed a while.
  await expect.poll(() => storedSlide(page)).toBe(last);

  await open(page, site);
  const offer = page.getByRole('region', { name: '继续上次的位置' });
  await expect(offer).toBeVisible();
  expect(await currentId(page)).toBe(ids[0]);
  const title = await page.locator(`section#${last}`).getAttribute('data-title');
  await expect(offer).toContainText(title!);
  // Keyboard reachable: it comes right after the toolbar.
  await offer.getByRole('button', { name: '继续' }).focus();
  await page.keyboard.press('Enter');
  await expect(offer).toHaveCount(0);
  expect(await currentId(page)).toBe(last);
  // 继续 is a jump: Back returns to where the page opened, within the deck.
  await page.goBack();
  await expect.poll(() => currentId(page)).toBe(ids[0]);
  expect(page.url()).toContain(new URL(site).pathname);

  // A link with a hash goes where it says, with no prompt.
  await open(page, `${site}#/${ids[2]}`);
  await expect(page.locator('.study-resume')).toHaveCount(0);
  expect(await currentId(page)).toBe(ids[2]);

  // 从头开始 dismisses it and stays at the start.
  await open(page, site);
  await page.getByRole('button', { name: '从头开始' }).click();
  await expect(page.locator('.study-resume')).toHaveCount(0);
  expect(await currentId(page)).toBe(ids[0]);
});

test('merely opening a #/ link does not replace the remembered place; staying there does', async ({ page, site }) => {
  await open(page, `${site}#/qi-trend`);
  await page.keyboard.press('PageDown');
  const kept = await currentId(page);
  await expect.poll(() => storedSlide(page)).toBe(kept);
  await page.waitForLoadState('networkidle');
  // Time stands still from here unless the test moves it, so "a few seconds" is exact.
  await page.clock.install();
  await page.clock.pauseAt(Date.now() + 60_000);
  // A new page load (not a hash change in the same page) that opens a link to another slide.
  await page.goto(`${site}?view=slides#/sources`);
  for (let i = 0; i < 400; i++) {
    if (await page.evaluate(() => document.documentElement.classList.contains('deck-ready'))) break;
    await page.clock.runFor(50);
  }
  expect(await currentId(page)).toBe('sources');
  await page.clock.runFor(1000);
  expect(await storedSlide(page)).toBe(kept);
  await page.clock.runFor(3000);
  expect(await storedSlide(page)).toBe('sources');
});

test('resume keeps the reading view scroll position, also past a chart drawn after the return', async ({
  page,
  site,
}) => {
  await open(page, `${site}?view=read`);
  const ids = await slideIds(page);
  const barHeight = (): Promise<number> =>
    page.evaluate(() => document.querySelector<HTMLElement>('.study-bar')!.offsetHeight);
  /** How far the page's top (under the bar) is into slide `id`. */
  const into = async (id: string): Promise<number> =>
    (await barHeight()) - (await page.locator(`section#${id}`).evaluate((s) => s.getBoundingClientRect().top));
  // A slide of text, 100 px in; and a chart's slide, read past its chart (drawn when near: on the
  // return it draws after the page is placed, and the place must not move with it).
  for (const target of [ids[20]!, 'qi-population']) {
    await page.locator(`section#${target}`).scrollIntoViewIfNeeded();
    const chart = page.locator(`section#${target} figure.chart`);
    if ((await chart.count()) > 0) await expect(chart).toHaveAttribute('data-chart-state', 'final');
    const offset =
      (await chart.count()) > 0
        ? Math.round(
            await chart.evaluate(
              (f) => f.getBoundingClientRect().bottom - f.closest('section')!.getBoundingClientRect().top + 40,
            ),
          )
        : 100;
    const bar = await barHeight();
    await page.evaluate(
      ({ id, offset, bar }) => {
        const el = document.getElementById(id)!;
        window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - bar + offset);
      },
      { id: target, offset, bar },
    );
    await expect.poll(() => slideAtTop(page)).toBe(target);
    // The position is written at most every 400 ms.
    await expect.poll(() => storedSlide(page)).toBe(target);
    await open(page, `${site}?view=read`);
    const offer = page.getByRole('region', { name: '继续上次的位置' });
    await offer.getByRole('button', { name: '继续' }).click();
    if ((await chart.count()) > 0) await expect(chart).toHaveAttribute('data-chart-state', 'final');
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    expect(await slideAtTop(page), target).toBe(target);
    expect(Math.abs((await into(target)) - offset), target).toBeLessThanOrEqual(4);
  }
});

for (const start of ['?view=read', '']) {
  test(`继续 into the reading view (opened ${start ? 'reading' : 'as slides'}) is a jump: Back returns to where the page opened`, async ({
    page,
    site,
  }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await open(page, `${site}?view=read#/qi-research`);
    await expect.poll(() => slideAtTop(page)).toBe('qi-research');
    await page.mouse.wheel(0, 40);
    await expect.poll(() => storedSlide(page)).toBe('qi-research');
    await open(page, `${site}${start}`);
    const first = await page.evaluate(() => document.querySelector('.reveal .slides section[id]')!.id);
    await page.getByRole('region', { name: '继续上次的位置' }).getByRole('button', { name: '继续' }).click();
    await expect(page.locator('html')).toHaveClass(/reading-view/);
    await expect.poll(() => slideAtTop(page)).toBe('qi-research');
    await page.goBack();
    expect(page.url(), 'still the deck').toContain(new URL(site).host);
    if (start) await expect.poll(() => slideAtTop(page)).toBe(first);
    else {
      await expect(page.locator('html')).not.toHaveClass(/reading-view/);
      await expect.poll(() => currentId(page)).toBe(first);
    }
  });
}

test('a stored position that no longer exists is dropped without error', async ({ page, site }) => {
  await open(page, site);
  await page.keyboard.press('PageDown');
  await expect.poll(() => storedSlide(page)).not.toBe('');
  const key = await page.evaluate(() => Object.keys(localStorage).find((k) => k.endsWith('.position')) ?? '');
  expect(key).toMatch(/^deck\.[0-9a-z]+\.position$/);
  await page.evaluate(
    (k) => localStorage.setItem(k, JSON.stringify({ slideId: 'removed-slide', view: 'slides', offset: 0 })),
    key,
  );
  await open(page, site);
  await expect(page.locator('.study-resume')).toHaveCount(0);
  const stored = await page.evaluate((k) => localStorage.getItem(k), key);
  expect(stored === null || !stored.includes('removed-slide')).toBe(true);
  // Corrupt JSON too.
  await page.evaluate((k) => localStorage.setItem(k, '{oops'), key);
  await open(page, site);
  await expect(page.locator('.study-resume')).toHaveCount(0);
});

test('with storage blocked the deck, reading view and search all work and nothing is logged', async ({
  page,
  site,
}) => {
  await page.addInitScript(() => {
    const w = window as unknown as { storageTries: number };
    w.storageTries = 0;
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        w.storageTries += 1;
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  const tries = (): Promise<number> =>
    page.evaluate(() => (window as unknown as { storageTries: number }).storageTries);
  await open(page, site);
  await page.evaluate(() => window.deck!.next());
  await page.keyboard.press('r');
  expect(await reading(page)).toBe(true);
  const before = await tries();
  await page.mouse.wheel(0, 1500);
  // The reading position is saved after the scroll: the deck tried the storage, which threw.
  await expect.poll(tries).toBeGreaterThan(before);
  const input = await openSearch(page);
  await input.fill('治理');
  await expect(page.locator('#study-results [role="option"]').first()).toBeVisible();
  await page.keyboard.press('Escape');
  await open(page, site);
  await expect(page.locator('.study-resume')).toHaveCount(0);
});

test('the keyboard help lists the reading view and search keys in Chinese', async ({ page, site }) => {
  await open(page, site);
  await page.keyboard.press('Shift+?');
  const help = page.locator('dialog.help-dialog');
  await expect(help).toBeVisible();
  await expect(help).toContainText('阅读视图 / 幻灯片视图');
  await expect(help).toContainText('搜索全文');
});

/** WCAG 2.1 A/AA violations on the page, as readable lines. */
async function axe(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  if (include) builder = builder.include(include);
  const result = await builder.analyze();
  return result.violations.map(
    (v) =>
      `${v.id}: ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(' | ')}`,
  );
}

test('no axe violations in the reading view, the search dialog and the resume offer', async ({ page, site }) => {
  // Six axe runs over the whole reading view: on a shared 2-core machine this takes minutes.
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page, `${site}#/opening-why`);
  expect(await reading(page)).toBe(true);
  await expect.poll(() => storedSlide(page)).toBe('opening-why');
  await page.getByRole('button', { name: '目录' }).click();
  await expect(page.locator('#study-toc')).toBeVisible();
  expect(await axe(page, '.study-bar')).toEqual([]);
  expect(await axe(page, '#study-toc')).toEqual([]);
  expect(await axe(page, '.reveal .slides')).toEqual([]);
  await page.getByRole('button', { name: '目录' }).click();
  await page.getByRole('button', { name: '搜索' }).click();
  await page.getByRole('combobox').fill('治理');
  await expect(page.locator('#study-results [role="option"]').first()).toBeVisible();
  expect(await axe(page, 'dialog.study-search')).toEqual([]);
  await page.keyboard.press('Escape');
  await open(page, `${site}?view=slides`);
  await expect(page.locator('.study-resume')).toBeVisible();
  expect(await axe(page, '.study-resume')).toEqual([]);
  expect(await axe(page, '.study-bar')).toEqual([]);
});

test.describe('on a touch phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  /** A horizontal swipe from right to left, as real touch events through CDP. */
  async function swipeLeft(page: Page): Promise<void> {
    const cdp = await page.context().newCDPSession(page);
    const y = 420;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: 330, y }] });
    for (const x of [280, 220, 160, 100, 60]) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y }] });
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  }

  test('the slide view swipes to the next step and shows the position indicator', async ({ page, site }) => {
    await open(page, `${site}?view=slides`);
    expect(await reading(page)).toBe(false);
    await swipeLeft(page);
    await expect.poll(() => page.evaluate(() => window.deck!.getSlidePastCount())).toBe(1);
    await expect(page.locator('.structure-ui')).toBeVisible();
  });

  test('in the reading view a swipe scrolls nothing sideways and never changes the slide', async ({ page, site }) => {
    await open(page, site);
    expect(await reading(page)).toBe(true);
    await page.evaluate(() => {
      const w = window as unknown as { touchEnds: number };
      w.touchEnds = 0;
      document.addEventListener('touchend', () => (w.touchEnds += 1), true);
    });
    await swipeLeft(page);
    // The page has handled the whole swipe and painted twice since (the same swipe moves the slide view).
    await expect.poll(() => page.evaluate(() => (window as unknown as { touchEnds: number }).touchEnds)).toBe(1);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(await page.evaluate(() => window.deck!.getIndices().h)).toBe(0);
    expect(await page.evaluate(() => window.scrollX)).toBe(0);
  });
});

test('the resume offer goes away when the deck goes full-screen', async ({ page, site }) => {
  await open(page, `${site}#/opening-why`);
  await expect.poll(() => storedSlide(page)).toBe('opening-why');
  await open(page, site);
  const offer = page.locator('.study-resume');
  await expect(offer).toBeVisible();
  await page.locator('.reveal').focus();
  await page.keyboard.press('f');
  await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
  await expect(offer).toHaveCount(0);
  await page.evaluate(() => document.exitFullscreen());
});

test('charts stay live in the reading view, and the toggle is announced to the page', async ({ page, site }) => {
  await open(page, site);
  await page.evaluate(() => {
    (window as unknown as { seen: boolean[] }).seen = [];
    document.addEventListener('deck:reading-view', (e) =>
      (window as unknown as { seen: boolean[] }).seen.push((e as CustomEvent<{ active: boolean }>).detail.active),
    );
  });
  await page.keyboard.press('r');
  const figure = page.locator('figure.chart[data-chart]').first();
  await figure.scrollIntoViewIfNeeded();
  // The chart is the live one: drawn in place (charts render ahead of time) and interactive.
  await expect(figure.locator('svg').first()).toBeVisible();
  const toggle = figure.getByRole('button', { name: '查看数据' });
  await toggle.click();
  await expect(figure.locator('.chart-table')).toBeVisible();
  await page.keyboard.press('r');
  expect(await page.evaluate(() => (window as unknown as { seen: boolean[] }).seen)).toEqual([true, false]);
});

test('the speaker view never shows the resume offer or the study toolbar', async ({ page, site }) => {
  await open(page, `${site}#/opening-why`);
  await page.waitForLoadState('networkidle');
  await page.goto(`${site}speaker.html`);
  // Ready: the previews (reveal instances with the deck's preview plugins) have started.
  await page.waitForFunction(() => document.documentElement?.classList.contains('speaker-ready'));
  await expect(page.locator('.study-resume')).toHaveCount(0);
  await expect(page.locator('.study-bar')).toHaveCount(0);
});

test('on a phone the offer shows in the reading view and reading on dismisses it', async ({ page, site }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page, `${site}#/opening-task`);
  await expect.poll(() => storedSlide(page)).toBe('opening-task');
  await open(page, site);
  expect(await reading(page)).toBe(true);
  const offer = page.getByRole('region', { name: '继续上次的位置' });
  await expect(offer).toBeVisible();
  const ids = await slideIds(page);
  await page.evaluate((id) => document.getElementById(id)!.scrollIntoView({ block: 'start' }), ids[8]!);
  await expect(offer).toHaveCount(0);
  // The new place is what is remembered now.
  await expect.poll(() => storedSlide(page)).toBe(ids[8]);
  await open(page, site);
  await expect(page.getByRole('region', { name: '继续上次的位置' })).toContainText(
    (await page.locator(`section#${ids[8]}`).getAttribute('data-title'))!,
  );
});
