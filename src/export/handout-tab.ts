import type { Page } from 'playwright';
import { handoutShellHtml } from './handout.ts';
import { loadAllFonts } from './print-page.ts';

/**
 * The handout's tab, made ready before its slides exist.
 *
 * The handout is the export's longest chain: it waits for the deck's print layout (its slides are
 * taken from it), then loaded its own page and every font face again (about 1 s of a loaded
 * machine's time). The fonts don't depend on the slides, so the tab loads an empty handout with
 * the deck's stylesheets and their faces while the deck is still laying out, and the handout is
 * then put into that page in place: the faces the page made ready stay with it.
 */
export interface HandoutTab {
  /** Settles when the empty page and its fonts are loaded. */
  ready: Promise<void>;
  /** Shows `html` (a whole handout document) in the tab; its fonts are ready when this resolves. */
  show(html: string): Promise<void>;
}

/**
 * Opens the handout's empty page at `url` in `tab` with `stylesheets` (as `<link href>` values,
 * relative to `url`) and loads their fonts. A handout whose stylesheets differ is loaded as a page of
 * its own instead, its fonts then (the same result, later).
 */
export async function openHandoutTab(tab: Page, url: string, stylesheets: readonly string[]): Promise<HandoutTab> {
  let body = handoutShellHtml(stylesheets);
  await tab.route(url, (route) => route.fulfill({ body, contentType: 'text/html; charset=utf-8' }));
  const warm = (async () => {
    // Styled for print from the start: the handout is measured (handout-fit.ts) and printed so.
    await tab.emulateMedia({ media: 'print' });
    await tab.goto(url, { waitUntil: 'load' });
    await loadAllFonts(tab);
  })();
  warm.catch(() => {});
  return {
    ready: warm,
    async show(html) {
      await warm;
      if (await tab.evaluate(putInPlace, html)) return;
      body = html;
      await tab.goto(url, { waitUntil: 'load' });
      await loadAllFonts(tab);
    },
  };
}

/**
 * In the page: replaces the document's title, inline styles, root and body attributes and body with
 * those of `html`, when `html` links the same stylesheets (else returns false and changes nothing),
 * and waits for its images as a page load would. No named functions inside: the code is
 * serialised into the page as it is.
 */
async function putInPlace(html: string): Promise<boolean> {
  const next = new DOMParser().parseFromString(html, 'text/html');
  const links = [next, document].map((doc) =>
    [...doc.querySelectorAll('link[rel="stylesheet"]')].map((l) => l.getAttribute('href')).join('\n'),
  );
  if (links[0] !== links[1]) return false;
  document.title = next.title;
  for (const style of document.head.querySelectorAll('style')) style.remove();
  for (const style of next.head.querySelectorAll('style')) document.head.append(document.adoptNode(style));
  const root = document.documentElement;
  for (const a of [...root.attributes]) root.removeAttribute(a.name);
  for (const a of next.documentElement.attributes) root.setAttribute(a.name, a.value);
  document.body.replaceWith(document.adoptNode(next.body));
  await Promise.all(
    [...document.images].map((img) =>
      img.complete
        ? null
        : new Promise((done) => {
            img.addEventListener('load', done);
            img.addEventListener('error', done);
          }),
    ),
  );
  return true;
}
