import type { BrowserContext, Page } from 'playwright';
import { printHtml, type PrintedPdf } from '../print-page.ts';
import { fontCacheDir, fontUrl, SPEECH_FONTS, subsetFor } from '../speech/fonts.ts';
import type { PrintDeck } from '../speech/text.ts';
import { scriptChrome, scriptHtml } from './html.ts';
import { scriptDocument, scriptText } from './text.ts';

/** Every character the script of `deck` prints (its fonts are cut to at least these). */
export function scriptFontText(deck: PrintDeck): string {
  const doc = scriptDocument(deck);
  return scriptText(doc, scriptChrome(doc));
}

/**
 * Prints the speaker's script (script.pdf) in a new tab of `where` (or in `where` itself, a tab;
 * closed after): the open fonts of the 讲话稿 cut to the script's text (or to `fontText`, which
 * must hold it: see printSpeech), one print document. @returns the print (bookmarks and metadata
 * are added by the caller).
 */
export async function printScript(
  where: BrowserContext | Page,
  deck: PrintDeck,
  options: { root: string; fontText?: string; fontUrl?: (bytes: Uint8Array) => string },
): Promise<PrintedPdf> {
  const doc = scriptDocument(deck);
  const text = options.fontText ?? scriptText(doc, scriptChrome(doc));
  const cacheDir = fontCacheDir(options.root);
  const [serif, kai, sans] = await Promise.all(
    [SPEECH_FONTS.serif, SPEECH_FONTS.kai, SPEECH_FONTS.sans].map(async (f) =>
      (options.fontUrl ?? fontUrl)(await subsetFor(options.root, f, text, cacheDir)),
    ),
  );
  const tab = 'newPage' in where ? await where.newPage() : where;
  try {
    // No outline from Chromium: its outline comes from the accessibility tree, which a loaded
    // machine may leave incomplete; the exporter writes the script's bookmarks itself.
    return await printHtml(tab, scriptHtml(doc, { serif: serif!, kai: kai!, sans: sans! }));
  } finally {
    await tab.close();
  }
}
