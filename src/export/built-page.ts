import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * What the exporter reads of the built deck's page (dist/index.html) before the browser has it:
 * its style sheets, and the font files they declare.
 */
export interface BuiltPage {
  /** The page's HTML as built. */
  html: string;
  /** Its `<link rel="stylesheet">` hrefs, as the print extract reads them (relative to the page). */
  stylesheets: string[];
  /** The font files its style sheets' @font-face rules name, relative to the page. */
  fonts: string[];
}

/** Reads `dist`/index.html and its local style sheets. */
export function readBuiltPage(dist: string): BuiltPage {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const stylesheets: string[] = [];
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = /\brel\s*=\s*["']?([^"'\s>]+)/i.exec(tag)?.[1];
    const href = /\bhref\s*=\s*["']([^"']*)["']/i.exec(tag)?.[1];
    if (rel?.toLowerCase() === 'stylesheet' && href !== undefined) stylesheets.push(href);
  }
  const fonts = new Set<string>();
  for (const href of stylesheets) {
    if (/^[a-z]+:|^\/\//i.test(href)) continue;
    let css: string;
    try {
      css = readFileSync(path.join(dist, href), 'utf8');
    } catch {
      continue;
    }
    for (const m of css.matchAll(/url\(\s*["']?([^"')]+\.woff2)["']?\s*\)/g)) {
      fonts.add(path.posix.join(path.posix.dirname(href), m[1]!).replace(/^(?!\.{0,2}\/)/, './'));
    }
  }
  return { html, stylesheets, fonts: [...fonts] };
}

/**
 * The page with a preload of each of `fonts` first in its <head>: the print view's text is laid out
 * once with every face, instead of again as each face arrives (Chromium laid the whole deck out
 * five times more, some 0.2 s, while its fourteen faces came in one by one).
 */
export function withFontPreloads(html: string, fonts: readonly string[]): string {
  const links = fonts
    .map((href) => `<link rel="preload" href="${href}" as="font" type="font/woff2" crossorigin>`)
    .join('');
  return html.replace(/<\/head>/i, (end) => `${links}${end}`);
}
