import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { DIST, expect, openDeck, test } from './fixtures.ts';

/**
 * The W3C Nu Html Checker (vnu, the `vnu-jar` package; Java from the system, which .ci/run installs
 * when missing) finds no error in the built HTML nor in the document as the browser shows it, in
 * each of the deck's views: reveal, the plugins and the views add markup the built file never had.
 */

const VNU_JAR = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');

interface VnuMessage {
  type: string;
  url: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

/** The checker's errors for `files`, one line each (file:line: message). */
async function vnuErrors(files: string[]): Promise<string[]> {
  const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  const run = promisify(execFile);
  // vnu exits 1 when it finds errors; its JSON report is on stderr either way.
  const { stderr } = await run(java, ['-jar', VNU_JAR, '--errors-only', '--format', 'json', ...files], {
    maxBuffer: 64 * 1024 * 1024,
  }).catch((e: { stderr?: string; code?: unknown; message: string }) => {
    if (typeof e.stderr === 'string' && e.stderr.trimStart().startsWith('{')) return { stderr: e.stderr };
    throw new Error(`the Nu Html Checker did not run (is Java installed? .ci/run installs it): ${e.message}`);
  });
  const report = JSON.parse(stderr) as { messages: VnuMessage[] };
  return report.messages
    .filter((m) => m.type === 'error')
    .map(
      (m) => `${path.basename(m.url)}:${m.lastLine ?? '?'}: ${m.message} — ${(m.extract ?? '').trim().slice(0, 120)}`,
    );
}

/** The document as the browser holds it now, as an HTML file. */
async function snapshot(page: Page, dir: string, name: string): Promise<string> {
  const html = await page.evaluate(() => `<!doctype html>\n${document.documentElement.outerHTML}`);
  const file = path.join(dir, `${name}.html`);
  writeFileSync(file, html);
  return file;
}

test('the built HTML has no Nu Html Checker error', async () => {
  test.setTimeout(120_000);
  const pages = readdirSync(DIST)
    .filter((f) => f.endsWith('.html'))
    .map((f) => path.join(DIST, f));
  expect(pages.length).toBeGreaterThanOrEqual(2);
  expect(await vnuErrors(pages)).toEqual([]);
});

test('the rendered documents have no Nu Html Checker error: slides, map, help, search, reading view, phone, speaker view', async ({
  page,
  context,
  site,
  browser,
}) => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'deck-vnu-'));
  try {
    const files: string[] = [];
    await page.setViewportSize({ width: 1366, height: 768 });
    await openDeck(page, `${site}#/qi-trend`);
    files.push(await snapshot(page, dir, 'slides'));
    await page.keyboard.press('m');
    await expect(page.locator('dialog.structure-dialog')).toBeVisible();
    files.push(await snapshot(page, dir, 'map'));
    await page.keyboard.press('Escape');
    await page.keyboard.press('?');
    await expect(page.locator('dialog[open]')).toBeVisible();
    files.push(await snapshot(page, dir, 'help'));
    await page.keyboard.press('Escape');
    await expect(page.locator('dialog[open]')).toHaveCount(0);
    await page.keyboard.press('r');
    await expect(page.locator('html')).toHaveClass(/reading-view/);
    await page.getByRole('button', { name: '搜索' }).click();
    await page.getByRole('combobox', { name: '搜索幻灯片和讲稿' }).fill('城市');
    await expect(page.locator('#study-results [role="option"]').first()).toBeVisible();
    files.push(await snapshot(page, dir, 'reading-search'));

    const opened = context.waitForEvent('page');
    await page.keyboard.press('Escape');
    await page.keyboard.press('r');
    await page.keyboard.press('s');
    const speaker = await opened;
    await speaker.waitForFunction(() => document.documentElement?.classList.contains('speaker-ready'));
    files.push(await snapshot(speaker, dir, 'speaker'));

    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const small = await phone.newPage();
    await openDeck(small, `${site}#/qi-trend`);
    files.push(await snapshot(small, dir, 'phone'));
    await phone.close();

    expect(await vnuErrors(files)).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
