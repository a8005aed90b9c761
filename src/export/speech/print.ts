import type { BrowserContext, Page } from 'playwright';
import { printHtml, type PrintedPdf } from '../print-page.ts';
import { fontCacheDir, fontUrl, SPEECH_FONTS, subsetFor, type FontSource } from './fonts.ts';
import { fontFamily, speechHtml, type PrintFace } from './html.ts';
import { layoutSpeech } from './layout.ts';
import { speechDocument, type Face, type PrintDeck, type SpeechDocument } from './text.ts';

/** Which open font, under which family name, prints each face of the 讲话稿. */
const FACE_FONTS: Record<Face | 'pageNumber', { font: keyof typeof SPEECH_FONTS; family: string }> = {
  title: { font: 'serifBold', family: 'Speech Title' },
  body: { font: 'serif', family: 'Speech Song' },
  pageNumber: { font: 'serif', family: 'Speech Song' },
  heading1: { font: 'sans', family: 'Speech Hei' },
  heading2: { font: 'kai', family: 'Speech Kai' },
  insert: { font: 'kai', family: 'Speech Kai' },
};

/** Everything but CJK and full-width punctuation, quotes and the ellipsis (set full-width by the body face). */
const KAI_RANGE = 'U+0-2017, U+201E-2025, U+2027-2FFF, U+3040-FEFF, U+FF66-10FFFF';

/** Installed fonts the front matter may name first, per face (e.g. 仿宋_GB2312 for the body). */
export type InstalledFonts = Partial<Record<Face, string>>;

function allText(doc: SpeechDocument): string {
  return [doc.title, ...doc.subtitle, ...doc.blocks.flatMap((b) => b.runs.map((r) => r.text))].join('');
}

/** Every character the 讲话稿 of `deck` prints (its fonts are cut to at least these). */
export function speechFontText(deck: PrintDeck, editorial: boolean): string {
  return allText(speechDocument(deck, { editorial }));
}

/**
 * Prints the 讲话稿 (speech.pdf) in a new tab of `where` (or in `where` itself, a tab; closed
 * after): builds the document from the deck, cuts the open fonts to its text (or to `fontText`,
 * which must hold it: the exporter gives the 讲话稿 and the script one cut of each font), measures
 * every glyph in the browser, lays the lines out on the GB/T grid (layout.ts) and prints the
 * pages. @returns the print (metadata is added by the caller).
 */
export async function printSpeech(
  where: BrowserContext | Page,
  deck: PrintDeck,
  options: {
    root: string;
    editorial: boolean;
    installed?: InstalledFonts;
    fontText?: string;
    /** Where the page gets a cut font from (default: inline, a data: URL). */
    fontUrl?: (bytes: Uint8Array) => string;
  },
): Promise<PrintedPdf & { pages: number }> {
  const doc = speechDocument(deck, { editorial: options.editorial });
  const text = options.fontText ?? allText(doc);
  const cacheDir = fontCacheDir(options.root);
  const fonts = Object.fromEntries(
    await Promise.all(
      (Object.entries(SPEECH_FONTS) as [string, FontSource][]).map(async ([name, source]) => [
        name,
        (options.fontUrl ?? fontUrl)(await subsetFor(options.root, source, text, cacheDir)),
      ]),
    ),
  ) as Record<keyof typeof SPEECH_FONTS, string>;
  const faces = Object.fromEntries(
    Object.entries(FACE_FONTS).map(([face, { font, family }]) => {
      const installed = options.installed?.[face as Face];
      const kai = font === 'kai';
      return [
        face,
        {
          family,
          installed: installed ? [installed] : [],
          url: fonts[font],
          weight: SPEECH_FONTS[font].weight,
          // 楷体's punctuation is proportional; the grid needs full-width marks: take them from the body face.
          ...(kai ? { unicodeRange: KAI_RANGE, fallback: 'Speech Song' } : {}),
        },
      ];
    }),
  ) as Record<Face | 'pageNumber', PrintFace>;

  const tab = 'newPage' in where ? await where.newPage() : where;
  try {
    // The faces first, with no pages: the glyphs are measured with the fonts that will print them.
    await tab.setContent(speechHtml({ pages: [] }, faces, doc.title), { waitUntil: 'load' });
    const chars: Record<string, string> = {};
    for (const b of [{ runs: [{ text: doc.title, face: 'title' as Face }] }, ...doc.blocks]) {
      for (const r of b.runs) chars[r.face] = (chars[r.face] ?? '') + r.text;
    }
    for (const line of doc.subtitle) chars.heading2 = (chars.heading2 ?? '') + line;
    const families = Object.fromEntries(
      Object.keys(chars).map((face) => {
        const f = faces[face as Face];
        return [face, `${fontFamily(f)}|${f.weight}`];
      }),
    );
    const widths = await tab.evaluate(
      async ({ chars, families }) => {
        const out: Record<string, Record<string, number>> = {};
        const ctx = document.createElement('canvas').getContext('2d')!;
        for (const [face, text] of Object.entries(chars)) {
          const [family, weight] = families[face]!.split('|');
          await document.fonts.load(`${weight} 100px ${family}`, text);
          ctx.font = `${weight} 100px ${family}`;
          out[face] = {};
          for (const ch of new Set(text)) out[face][ch] = ctx.measureText(ch).width / 100;
        }
        return out;
      },
      { chars, families },
    );
    const layout = layoutSpeech(doc, (ch, face) => widths[face]?.[ch] ?? 1);
    const printed = await printHtml(tab, speechHtml(layout, faces, doc.title));
    return { ...printed, pages: layout.pages.length };
  } finally {
    await tab.close();
  }
}
