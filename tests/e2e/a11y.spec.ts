import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openDeck, test } from './fixtures.ts';

/** WCAG 2.1 A and AA rules, plus best practices that matter for a deck. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function violations(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(TAGS);
  if (include) builder = builder.include(include);
  const result = await builder.analyze();
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(' | ')}`,
  );
}

test('no axe violations on every slide (print layout shows them all) and in the slide-view chrome', async ({
  page,
  site,
}) => {
  test.setTimeout(180_000);
  // reveal's print layout lays every slide out at once, charts in their final state: one audit
  // covers the content of all slides.
  await openDeck(page, `${site}?print-pdf`);
  await page.waitForFunction(() =>
    [...document.querySelectorAll('figure.chart')].every((f) => f.getAttribute('data-chart-state') === 'final'),
  );
  // reveal's print view can leave slides aria-hidden, which would hide them from the audit.
  await page.evaluate(() =>
    document.querySelectorAll('.reveal .slides section[aria-hidden]').forEach((s) => s.removeAttribute('aria-hidden')),
  );
  expect(await violations(page)).toEqual([]);
  // The slide view: controls, progress, position indicator, on a content slide.
  await openDeck(page, site);
  await page.keyboard.press('ArrowRight');
  expect(await violations(page)).toEqual([]);
});

/**
 * Every axe rule: each rule carries one of these tags (WCAG A to AAA, best practices), and
 * `experimental` turns on the rules axe leaves off by default.
 */
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

async function allRuleViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).options({ runOnly: { type: 'tag', values: ALL_RULES } }).analyze();
  return result.violations.map(
    (v) =>
      `${v.id}: ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(' | ')}`,
  );
}

test('every axe rule, best practices and experimental included, walking the deck with its controls', async ({
  page,
  site,
}) => {
  // Every rule over the whole deck's DOM, five times: minutes on a busy machine.
  test.setTimeout(360_000);
  await openDeck(page, site);
  const settled = () => page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  // A presenter's first steps: the title, the structure, the first part's slides and charts.
  for (let step = 0; step < 5; step++) {
    await settled();
    await page.mouse.move(900 + step * 10, 500);
    await expect(page.locator('.reveal .controls .navigate-right').first()).toBeVisible();
    expect(await allRuleViolations(page), `step ${step}`).toEqual([]);
    await page.keyboard.press('ArrowRight');
  }
});

test('no axe violations with the keyboard help open', async ({ page, site }) => {
  await openDeck(page, site);
  await page.keyboard.press('Shift+?');
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('slide transitions are off under prefers-reduced-motion', async ({ page, site }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openDeck(page, site);
  expect(await page.evaluate(() => window.deck!.getConfig().transition)).toBe('none');
});

test('the deck stays usable at 200% zoom (a 960×540 CSS viewport)', async ({ page, site }) => {
  await page.setViewportSize({ width: 960, height: 540 });
  await openDeck(page, site);
  // → is the next step: the second slide, in the same part.
  await page.keyboard.press('ArrowRight');
  expect(await page.evaluate(() => window.deck!.getSlidePastCount())).toBe(1);
  await expect(page.locator('.reveal .controls .navigate-left')).toBeVisible();
  const overflowX = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  expect(overflowX).toBe(false);
});

for (const device of [
  { name: 'phone', viewport: { width: 390, height: 844 } },
  { name: 'tablet', viewport: { width: 768, height: 1024 } },
]) {
  test.describe(`on a ${device.name} (touch)`, () => {
    test.use({ viewport: device.viewport, isMobile: true, hasTouch: true });

    test('every axe rule in the reading view it opens in, with search and contents open', async ({ page, site }) => {
      test.setTimeout(360_000);
      await openDeck(page, `${site}#/qi-trend`);
      await expect(page.locator('html')).toHaveClass(/reading-view/);
      expect(await allRuleViolations(page), 'reading view').toEqual([]);
      await page.getByRole('button', { name: '目录' }).click();
      await expect(page.locator('#study-toc')).toBeVisible();
      expect(await allRuleViolations(page), 'contents').toEqual([]);
      await page.getByRole('button', { name: '目录' }).click();
      await page.getByRole('button', { name: '搜索' }).click();
      await page.getByRole('combobox', { name: '搜索幻灯片和讲稿' }).fill('城市');
      await expect(page.locator('#study-results [role="option"]').first()).toBeVisible();
      expect(await allRuleViolations(page), 'search').toEqual([]);
    });
  });
}

test('contrast holds while a slide enters and the controls fade (transitions frozen half way)', async ({
  page,
  site,
}) => {
  test.setTimeout(180_000);
  await openDeck(page, `${site}#/opening-structure`);
  for (let step = 0; step < 6; step++) {
    await page.mouse.move(900 + step * 10, 500);
    await page.keyboard.press('ArrowRight');
    // Every running transition and animation, paused at its midpoint: what a camera would catch.
    const frozen = await page.evaluate(() => {
      const running = document.getAnimations().filter((a) => a.playState === 'running');
      for (const a of running) {
        a.pause();
        const duration = Number(a.effect?.getComputedTiming().duration ?? 0);
        a.currentTime = duration / 2;
      }
      return running.length;
    });
    const result = await new AxeBuilder({ page }).withRules(['color-contrast', 'color-contrast-enhanced']).analyze();
    const low = result.violations
      .filter((v) => v.id === 'color-contrast')
      .flatMap((v) => v.nodes.map((n) => `${n.target.join(' ')}: ${n.any[0]?.message ?? ''}`));
    expect(low, `step ${step} (${frozen} transitions frozen)`).toEqual([]);
    await page.evaluate(() => document.getAnimations().forEach((a) => a.finish()));
  }
});

test('the 编者概括 tag never sits under the page toolbar or another control', async ({ page, site }) => {
  for (const viewport of [
    { width: 1024, height: 768 },
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(viewport);
    await openDeck(page, `${site}#/zhuan-professional-summary`);
    await page.mouse.move(viewport.width / 2, viewport.height / 2);
    const tag = page.locator('section#zhuan-professional-summary .editorial-tag');
    await expect(tag).toBeVisible();
    const overlaps = await tag.evaluate((el) => {
      const t = el.getBoundingClientRect();
      const controls = document.querySelectorAll<HTMLElement>(
        '.study-bar button, .reveal .controls button, .structure-indicator button, .reveal .slide-number',
      );
      return [...controls]
        .filter((c) => c.offsetParent !== null)
        .filter((c) => {
          const r = c.getBoundingClientRect();
          return r.left < t.right && t.left < r.right && r.top < t.bottom && t.top < r.bottom;
        })
        .map((c) => c.getAttribute('aria-label') ?? c.className);
    });
    expect(overlaps, `${viewport.width}×${viewport.height}`).toEqual([]);
  }
});
