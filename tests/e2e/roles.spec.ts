import type { Page } from '@playwright/test';
import type { ContentRole, Slide } from '../../src/markdown/types.ts';
import { t } from '../../src/common/i18n.ts';
import { deckFolder } from '../../src/deck-folder.ts';
import { compileFolder } from '../../src/vite/deck-plugin.ts';
import { deckExtensions } from '../../src/vite/extensions.ts';
import { expect, openDeck, test } from './fixtures.ts';

/**
 * Who sees what: each output shows its set of content roles (docs/authoring.md, Content roles).
 * The PDFs are checked in export.spec.ts; here the projected deck, the speaker view and the
 * reading view, as their users meet them.
 */
// Compiled as the build compiles it: with the charts, whose data credits fill the 资料来源 slide.
const deck = compileFolder(deckFolder(process.cwd()), deckExtensions);
const slides = deck.parts.flatMap((p) => p.slides);
const squash = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, '');
const blocks = (s: Slide, ...roles: ContentRole[]) => s.notes.filter((b) => roles.includes(b.role));
/** Text of a role block worth searching for: its first 16 characters. */
const probe = (text: string): string => squash(text).slice(0, 16);
const withRole = (role: ContentRole) => slides.filter((s) => blocks(s, role).length > 0);

test('the projected deck shows the slides as written: never a direction, a note, provenance or 缺失/中断/请演讲者', async ({
  page,
  site,
}) => {
  // Every slide of the talk, one after another: more than the default minute on a busy machine.
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openDeck(page, site);
  for (const role of ['direction', 'note', 'editorial', 'source'] as const)
    expect(withRole(role).length).toBeGreaterThan(0);
  for (const s of slides) {
    await page.evaluate((id) => {
      const { h, v } = window.deck!.getIndices(document.getElementById(id)!);
      window.deck!.slide(h, v);
    }, s.id);
    await expect(page.locator(`section#${s.id}`)).toHaveClass(/present/);
    // What the room sees: the visible text of the current slide, without its notes.
    const shown = squash(await page.locator(`section#${s.id}`).evaluate((el) => (el as HTMLElement).innerText));
    for (const b of blocks(s, 'direction', 'note', 'source')) {
      expect(shown, `${s.id}: ${b.role} “${probe(b.text)}”`).not.toContain(probe(b.text));
    }
    // Charts speak of their data (a year with no value is 缺失 there); the rule is about the speech.
    const wording = squash(
      await page.locator(`section#${s.id}`).evaluate((el) => {
        const copy = el.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('figure.chart, aside.notes').forEach((c) => c.remove());
        return copy.textContent ?? '';
      }),
    );
    expect(wording, s.id).not.toMatch(/缺失|中断|请演讲者|feels123|精选讲稿/);
    expect(shown, s.id).not.toMatch(/feels123|精选讲稿/);
    await expect(page.locator(`section#${s.id} > aside.notes`)).toBeHidden();
    const tag = page.locator(`section#${s.id} > .editorial-tag`);
    if (s.editorial) {
      // A small, quiet 概括 mark; screen readers hear 编者概括 (编者 is visually hidden).
      await expect(tag).toBeVisible();
      await expect(tag).toHaveText('编者概括');
      expect(
        await tag.locator('.editorial-tag-who').evaluate((el) => el.getBoundingClientRect().width),
      ).toBeLessThanOrEqual(2);
      // The smallest size of the type scale (--deck-size-min: 23 px of the slide, 14 px at 1024×768).
      expect(await tag.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeLessThanOrEqual(23);
    } else {
      await expect(tag).toHaveCount(0);
    }
  }
  // One Chinese 资料来源 slide credits the data; the chart slides carry their own credits.
  const sources = page.locator('section[data-title="资料来源"]');
  await expect(sources).toHaveCount(1);
  expect(await page.locator('figure.chart .chart-source').count()).toBeGreaterThan(0);
});

test('the speaker view shows the speech, directions and notes open and styled apart, editorial summaries marked', async ({
  page,
  site,
}) => {
  const direction = withRole('direction')[0]!;
  const note = withRole('note').find((s) => s.editorial)!;
  await page.goto(`${site}speaker.html#/${note.id}`);
  await page.waitForFunction(() => document.documentElement?.classList.contains('speaker-ready'));
  const body = page.locator('.speaker-notes-body');
  for (const b of note.notes) {
    if (b.role === 'source') continue;
    await expect(body.locator(`[data-role="${b.role}"]`).first()).toBeVisible();
    expect(squash(await body.innerText())).toContain(probe(b.text));
  }
  await expect(body.locator('[data-role="editorial"] .role-label')).toHaveText('【编者概括】');
  await expect(body.locator('details[data-role="note"]')).toHaveAttribute('open', '');

  await page.goto(`${site}speaker.html#/${direction.id}`);
  await expect(page.locator('.speaker-notes-title')).toHaveText(direction.title);
  const directionBlock = body.locator('[data-role="direction"]').first();
  await expect(directionBlock).toBeVisible();
  await expect(directionBlock.locator('summary')).toHaveText('演讲提示');
  // Styled as a direction: set apart from the speech by its own colour and rule.
  const style = await directionBlock.evaluate((el) => {
    const cs = getComputedStyle(el);
    return { color: cs.color, rule: cs.borderLeftStyle };
  });
  expect(style.rule).toBe('solid');
  expect(style.color).not.toBe('rgb(29, 29, 31)');

  // Provenance is for readers, not for the lectern.
  await page.goto(`${site}speaker.html#/sources`);
  await expect(page.locator('.speaker-notes-title')).toHaveText('资料来源');
  await expect(body.locator('[data-role="source"]').first()).toBeHidden();
});

test('the reading view: directions and notes collapsed, editorial summaries marked, provenance in full and in Chinese', async ({
  page,
  site,
}) => {
  await openDeck(page, `${site}?view=read#/sources`);
  await expect(page.locator('html')).toHaveClass(/reading-view/);
  for (const role of ['direction', 'note'] as const) {
    const details = page.locator(`aside.notes details[data-role="${role}"]`);
    expect(await details.count()).toBe(slides.reduce((n, s) => n + blocks(s, role).length, 0));
    expect(await details.evaluateAll((els) => els.filter((d) => (d as HTMLDetailsElement).open).length)).toBe(0);
    const first = withRole(role)[0]!;
    const summary = page.locator(`section#${first.id} aside.notes details[data-role="${role}"] > summary`).first();
    await expect(summary).toBeVisible();
    // Collapsed: the text itself is not shown until the reader opens it.
    const text = page.locator(`section#${first.id} aside.notes details[data-role="${role}"] > :not(summary)`).first();
    await expect(text).toBeHidden();
    await summary.click();
    await expect(text).toBeVisible();
  }
  for (const s of slides.filter((x) => x.editorial)) {
    const tag = page.locator(`section#${s.id} > .editorial-tag`);
    await expect(tag).toBeVisible();
    // A slide far from the screen is laid out only as the reader comes near it (content-visibility).
    await tag.scrollIntoViewIfNeeded();
    expect(squash(await tag.innerText())).toBe('编者概括');
    expect(await tag.locator('.editorial-tag-who').evaluate((el) => el.getBoundingClientRect().width)).toBeGreaterThan(
      8,
    );
  }
  const sources = page.locator('section#sources aside.notes [data-role="source"]');
  expect(await sources.count()).toBe(
    blocks(
      slides.find((s) => s.id === 'sources')!,
      'source',
    ).length,
  );
  for (const b of blocks(
    slides.find((s) => s.id === 'sources')!,
    'source',
  )) {
    const shown = squash((await sources.allInnerTexts()).join(''));
    expect(shown).toContain(probe(b.text));
  }
  const all = (await sources.allInnerTexts()).join('');
  expect(all).toContain('本文链接');
  expect(all).toContain('来源编号');
  // In Chinese: the notes speak Chinese; what stays in Latin letters is addresses, names and codes.
  expect(all).not.toMatch(/\b(?:via|citing|Pages?|Copies|Records from|found in|could not be identified)\b/);
});

/** The current slide of the deck window. */
const currentId = (page: Page) => page.evaluate(() => window.deck!.getCurrentSlide()!.id);

test('the speaker view can skip editorial summaries on the projector, and remembers it', async ({
  page,
  context,
  site,
}) => {
  const before = slides.findIndex((s, i) => !s.editorial && slides[i + 1]?.editorial);
  const after = slides.findIndex((s, i) => i > before && !s.editorial);
  await openDeck(page, `${site}#/${slides[before]!.id}`);
  const opened = context.waitForEvent('page');
  await page.keyboard.press('s');
  const popup = await opened;
  await popup.waitForFunction(() => document.documentElement?.classList.contains('speaker-ready'));
  const toggle = popup.getByRole('button', { name: t('speakerSkipEditorial') });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  // The next-slide preview already names the slide a step will show.
  await expect(popup.locator('.speaker-next .speaker-caption')).toHaveText(slides[after]!.title);

  await page.bringToFront();
  const start = await currentId(page);
  do await page.keyboard.press('PageDown');
  while ((await currentId(page)) === start);
  expect(await currentId(page)).toBe(slides[after]!.id);
  await page.keyboard.press('PageUp');
  await expect.poll(() => currentId(page)).toBe(slides[before]!.id);
  // A jump still reaches a summary, even the one next door.
  const summary = slides[before + 1]!;
  await page.evaluate((id) => (window.location.hash = `#/${id}`), summary.id);
  await expect.poll(() => currentId(page)).toBe(summary.id);

  // Remembered: the speaker view opens with the setting on and tells the deck again.
  await popup.reload();
  await popup.waitForFunction(() => document.documentElement?.classList.contains('speaker-ready'));
  await expect(popup.getByRole('button', { name: t('speakerSkipEditorial') })).toHaveAttribute('aria-pressed', 'true');
  await popup.getByRole('button', { name: t('speakerSkipEditorial') }).click();
  await page.bringToFront();
  await page.evaluate((id) => (window.location.hash = `#/${id}`), slides[before]!.id);
  await expect.poll(() => currentId(page)).toBe(slides[before]!.id);
  await page.keyboard.press('PageDown');
  await expect.poll(() => currentId(page)).toBe(slides[before + 1]!.id);
});
