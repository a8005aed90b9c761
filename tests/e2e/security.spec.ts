import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { DIST, FILE_URL, expect, openDeck, test } from './fixtures.ts';

const pages = readdirSync(DIST).filter((f) => f.endsWith('.html'));

test('every page carries a strict Content-Security-Policy and no inline script', () => {
  expect(pages).toEqual(expect.arrayContaining(['index.html', 'speaker.html']));
  for (const name of pages) {
    const html = readFileSync(path.join(DIST, name), 'utf8');
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp, name).toContain("script-src 'self'");
    expect(csp, name).toContain("default-src 'self'");
    expect(csp, name).toContain("object-src 'none'");
    expect(csp, name).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|https?:|\*/);
    expect(html.match(/<script(?![^>]*\ssrc=)[^>]*>/g), `${name}: inline <script>`).toBeNull();
    expect(html.match(/\son[a-z]+=/gi), `${name}: inline handler`).toBeNull();
  }
});

test('dist/ holds only the deck’s own files: no links that could lead outside it', () => {
  const links = readdirSync(DIST, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isSymbolicLink())
    .map((entry) => path.join(entry.parentPath, entry.name));
  expect(links).toEqual([]);
});

/** Reports every CSP violation as a console error, which the fixture turns into a failure. */
const REPORT_VIOLATIONS = `document.addEventListener('securitypolicyviolation', (e) => {
  console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI);
});`;

for (const where of ['served', 'file'] as const) {
  test(`no CSP violation while using the deck (${where})`, async ({ page, site }) => {
    await page.addInitScript(REPORT_VIOLATIONS);
    await openDeck(page, where === 'served' ? site : FILE_URL);
    const total = await page.evaluate(() => window.deck!.getTotalSlides());
    for (let i = 0; i < total + 5; i++) await page.keyboard.press('Space');
    await page.keyboard.press('o');
    await page.keyboard.press('o');
    await page.keyboard.press('Shift+?');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Home');
    expect(await page.evaluate(() => window.deck!.getIndices().h)).toBe(0);
  });
}
