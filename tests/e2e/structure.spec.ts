import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { FILE_URL, expect, openDeck, test } from './fixtures.ts';

/** The id of the slide reveal shows now. */
const currentId = (page: Page): Promise<string> => page.evaluate(() => window.deck!.getCurrentSlide().id);

/** The deck's parts as the built page has them: id and first slide, read from reveal's DOM. */
async function partsInPage(page: Page): Promise<{ id: string; first: string }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.reveal .slides > section.part')].map((p) => ({
      id: p.dataset.part!,
      first: p.querySelector('section')!.id,
    })),
  );
}

/** The first slide of a subsection, from the `data-section` attributes the compiler writes. */
async function firstSlideOfSection(page: Page, partId: string, heading: string): Promise<string> {
  return page.evaluate(
    ([p, h]) =>
      [...document.querySelectorAll<HTMLElement>(`.reveal .slides > section.part[data-part="${p}"] > section`)].find(
        (s) => s.dataset.section === h,
      )!.id,
    [partId, heading] as const,
  );
}

const overlay = (page: Page): Locator => page.locator('dialog.structure-dialog');
const focusedKey = (page: Page): Promise<string | null> =>
  page.evaluate(() => document.activeElement?.getAttribute('data-key') ?? null);

test.describe('structure map', () => {
  test('the agenda slide shows the diagram instead of the plain list; clicking each part lands on its first slide', async ({
    page,
    site,
  }) => {
    await openDeck(page, `${site}#/agenda`);
    const agenda = page.locator('section#agenda');
    const tree = agenda.getByRole('tree');
    await expect(tree).toBeVisible();
    // The fallback list under the placeholder is hidden once the diagram is drawn.
    await expect(agenda.locator('.structure-map + ul')).toBeHidden();
    const parts = await partsInPage(page);
    expect(parts.length).toBeGreaterThanOrEqual(6);
    for (const part of parts) {
      await page.evaluate(() => window.deck!.slide(0, 1));
      await expect.poll(() => currentId(page)).toBe('agenda');
      await agenda.locator(`g.structure-node[data-key="part:${part.id}"]`).click();
      await expect.poll(() => currentId(page), `part ${part.id}`).toBe(part.first);
    }
  });

  test('keyboard only: M opens the overlay at "you are here", arrows reach a subsection, Enter goes there, Esc returns focus', async ({
    page,
    site,
  }) => {
    await openDeck(page, `${site}#/title`);
    await page.keyboard.press('m');
    await expect(overlay(page)).toBeVisible();
    // Focus starts on "you are here".
    await expect(page.locator('dialog.structure-dialog [aria-current="location"]')).toBeFocused();
    expect(await focusedKey(page)).toBe('title');
    // Up to the speech, down to 开篇, along the chain to 承, down into its first subsection.
    await page.keyboard.press('Home');
    expect(await focusedKey(page)).toBe('speech:');
    await page.keyboard.press('ArrowDown');
    expect(await focusedKey(page)).toBe('part:opening');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await focusedKey(page)).toBe('part:cheng');
    let key = await focusedKey(page);
    for (let i = 0; i < 10 && !key?.startsWith('section:'); i++) {
      await page.keyboard.press('ArrowDown');
      key = await focusedKey(page);
    }
    expect(key).toBe('section:cheng/1');
    const focused = page.locator('dialog.structure-dialog g.structure-node:focus');
    await expect(focused).toHaveAttribute('aria-label', /第二部分 承，第1节/);
    await expect(focused).toHaveAttribute('aria-level', '3');
    // The focus ring is visible.
    await expect(focused.locator('.node-focus')).toHaveCSS('stroke-width', '4px');
    const heading = (await focused.getAttribute('aria-label'))!.split('，')[0]!;
    const expected = await firstSlideOfSection(page, 'cheng', heading);
    await page.keyboard.press('Enter');
    await expect(overlay(page)).toBeHidden();
    await expect.poll(() => currentId(page)).toBe(expected);

    // The visible button opens it too; Esc closes it and focus returns to the button.
    const button = page.getByRole('button', { name: '打开结构图（M）' });
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(overlay(page)).toBeVisible();
    expect(await focusedKey(page)).toBe(expected);
    await page.keyboard.press('Escape');
    await expect(overlay(page)).toBeHidden();
    await expect(button).toBeFocused();
    // Keys go to the deck again (the next step may be a fragment: compare reveal's indices).
    const indices = (): Promise<string> => page.evaluate(() => JSON.stringify(window.deck!.getIndices()));
    const before = await indices();
    await page.keyboard.press('ArrowDown');
    await expect.poll(indices).not.toBe(before);
  });

  test('closing the overlay hands the keys back to the deck at once', async ({ page, site }) => {
    await openDeck(page, `${site}#/title`);
    await page.keyboard.press('m');
    await expect(overlay(page)).toBeVisible();
    // In one task: Esc on the focused node, then where focus is. Left on a node of the hidden
    // diagram until the browser's next focus fix-up, the next arrow key would not reach reveal.
    const after = await page.evaluate(() => {
      const node = document.activeElement!;
      node.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
      const d = document.querySelector('dialog.structure-dialog')!;
      return { open: (d as HTMLDialogElement).open, focusInside: d.contains(document.activeElement) };
    });
    expect(after).toEqual({ open: false, focusInside: false });
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => currentId(page)).toBe('agenda');
  });

  test('the highlight follows slide changes by arrow keys, URL hash and overview', async ({ page, site }) => {
    const parts = await (async () => {
      await openDeck(page, `${site}#/title`);
      return partsInPage(page);
    })();
    const here = async (): Promise<string | null> => {
      await page.keyboard.press('m');
      await expect(overlay(page)).toBeVisible();
      const key = await page.locator('dialog.structure-dialog [aria-current="location"]').getAttribute('data-key');
      await page.keyboard.press('Escape');
      await expect(overlay(page)).toBeHidden();
      return key;
    };
    expect(await here()).toBe('title');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => currentId(page)).toBe('agenda');
    expect(await here()).toBe('agenda');
    await page.keyboard.press('Shift+ArrowRight');
    await expect.poll(() => currentId(page)).toBe(parts[1]!.first);
    expect(await here()).toBe(parts[1]!.first);
    // The indicator names the new part as current.
    await expect(page.locator(`.structure-ui li[data-part="${parts[1]!.id}"] button`)).toHaveAttribute(
      'aria-current',
      'step',
    );
    await expect(page.locator(`.structure-ui li[data-part="${parts[0]!.id}"] button`)).not.toHaveAttribute(
      'aria-current',
    );

    // URL hash.
    const last = parts[parts.length - 1]!;
    await page.evaluate((id) => {
      location.hash = `#/${id}`;
    }, last.first);
    await expect.poll(() => currentId(page)).toBe(last.first);
    expect(await here()).toBe(last.first);

    // Overview: pick another slide there.
    await page.keyboard.press('o');
    await expect(page.locator('.reveal.overview')).toBeVisible();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    await expect(page.locator('.reveal.overview')).toHaveCount(0);
    const picked = await currentId(page);
    expect(picked).not.toBe(last.first);
    expect(await here()).toBe(picked);
  });

  test('the position indicator shows the part and how far through it, and its parts are clickable', async ({
    page,
    site,
  }) => {
    await openDeck(page, `${site}#/title`);
    const parts = await partsInPage(page);
    const indicator = page.getByRole('navigation', { name: '讲话结构位置' });
    await expect(indicator).toBeVisible();
    const current = indicator.locator('button[aria-current="step"]');
    await expect(current).toHaveCount(1);
    const count = await page.evaluate(
      () => document.querySelectorAll('.reveal .slides > section.part:first-child > section').length,
    );
    await expect(current).toContainText(`1/${count}`);
    await expect(current).toHaveAttribute('aria-label', new RegExp(`第 1 页，共 ${count} 页`));
    await indicator.locator(`li[data-part="${parts[2]!.id}"] button`).click();
    await expect.poll(() => currentId(page)).toBe(parts[2]!.first);
  });

  test('on a 390×844 phone the overlay is a scrollable list and choosing a part lands on its slide', async ({
    page,
    site,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    // An upright phone opens in the reading view (whose table of contents is this same diagram);
    // `?view=slides` asks for the slides, where the indicator and the button live.
    await openDeck(page, `${site}?view=slides#/title`);
    const parts = await partsInPage(page);
    const button = page.getByRole('button', { name: '打开结构图（M）' });
    await expect(button).toBeVisible();
    await button.click();
    await expect(overlay(page)).toBeVisible();
    await expect(page.locator('dialog.structure-dialog svg')).toHaveAttribute('data-mode', 'list');
    // The dialog fits the screen and the diagram fits the dialog's width.
    const box = (await overlay(page).boundingBox())!;
    expect(box.width).toBeLessThanOrEqual(390);
    const svgBox = (await page.locator('dialog.structure-dialog svg').boundingBox())!;
    expect(svgBox.x + svgBox.width).toBeLessThanOrEqual(390);
    const target = parts[3]!;
    const node = page.locator(`dialog.structure-dialog g.structure-node[data-key="part:${target.id}"]`);
    await node.scrollIntoViewIfNeeded();
    await node.click();
    await expect(overlay(page)).toBeHidden();
    await expect.poll(() => currentId(page)).toBe(target.first);
  });

  test('a shortened label shows its full text on focus', async ({ page, site }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await openDeck(page, `${site}#/title`);
    await page.keyboard.press('m');
    const truncated = page.locator('dialog.structure-dialog g.structure-node.is-truncated').first();
    await expect(truncated).toHaveCount(1);
    await truncated.focus();
    const name = (await truncated.getAttribute('aria-label'))!.split('，')[0]!;
    await expect(page.locator('dialog.structure-dialog .structure-tip')).toBeVisible();
    await expect(page.locator('dialog.structure-dialog .structure-tip')).toHaveText(name);
  });

  test('axe finds no accessibility violations in the agenda diagram, the indicator and the overlay', async ({
    page,
    site,
  }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await openDeck(page, `${site}#/agenda`);
    const slide = await new AxeBuilder({ page }).include('section#agenda').include('.structure-ui').analyze();
    expect(slide.violations.map((v) => v.id)).toEqual([]);
    await page.keyboard.press('m');
    await expect(overlay(page)).toBeVisible();
    const dialog = await new AxeBuilder({ page }).include('dialog.structure-dialog').analyze();
    expect(dialog.violations.map((v) => v.id)).toEqual([]);
  });

  for (const [width, height] of [
    [1024, 768],
    [390, 844],
  ] as const) {
    test(`at ${width}×${height} every label, drawn in the deck font, stays inside its box and boxes do not overlap`, async ({
      page,
      site,
    }) => {
      await page.setViewportSize({ width, height });
      await openDeck(page, `${site}?view=slides#/title`);
      for (const scope of ['section#agenda', 'dialog.structure-dialog']) {
        if (scope.startsWith('dialog')) await page.keyboard.press('m');
        const problems = await page.evaluate((sel) => {
          const out: string[] = [];
          const nodes = [...document.querySelectorAll<SVGGElement>(`${sel} g.structure-node`)];
          const boxes = nodes.map((g) => g.querySelector<SVGRectElement>('rect.node-box')!.getBBox());
          nodes.forEach((g, i) => {
            const box = boxes[i]!;
            const text = g.querySelector<SVGTextElement>('text')!.getBBox();
            // 1 unit of slack for anti-aliasing.
            if (text.x < box.x - 1 || text.x + text.width > box.x + box.width + 1)
              out.push(`${g.dataset.key}: text ${text.x}+${text.width} outside ${box.x}+${box.width}`);
            for (let j = i + 1; j < boxes.length; j++) {
              const b = boxes[j]!;
              if (
                box.x < b.x + b.width &&
                b.x < box.x + box.width &&
                box.y < b.y + b.height &&
                b.y < box.y + box.height
              )
                out.push(`${g.dataset.key} overlaps ${nodes[j]!.dataset.key}`);
            }
          });
          return [nodes.length, out] as const;
        }, scope);
        expect(problems[0], scope).toBeGreaterThan(6);
        expect(problems[1], scope).toEqual([]);
      }
    });
  }

  test('works from file:// too', async ({ page }) => {
    await openDeck(page, `${FILE_URL}#/title`);
    const parts = await partsInPage(page);
    await page.keyboard.press('m');
    await expect(overlay(page)).toBeVisible();
    await page.locator(`dialog.structure-dialog g.structure-node[data-key="part:${parts[2]!.id}"]`).click();
    await expect(overlay(page)).toBeHidden();
    await expect.poll(() => currentId(page)).toBe(parts[2]!.first);
  });

  test('print view: the agenda holds the static diagram in its final state, no overlay controls', async ({
    page,
    site,
  }) => {
    await openDeck(page, `${site}?print-pdf`);
    const map = page.locator('section#agenda .structure-map-view');
    await expect(map).toHaveAttribute('data-structure-state', 'final');
    await expect(map.locator('[aria-current]')).toHaveCount(0);
    await expect(page.locator('.structure-ui')).toHaveCount(0);
    const parts = await page.evaluate(
      () => new Set([...document.querySelectorAll<HTMLElement>('section[data-part]')].map((s) => s.dataset.part)).size,
    );
    await expect(map.locator('g.structure-node.kind-part')).toHaveCount(parts);
  });
});
