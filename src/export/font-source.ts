import { readFileSync } from 'node:fs';

/**
 * The open fonts' woff2 files decoded to TrueType, each once per process: decoding (brotli) is most
 * of the cost of cutting a font (LXGW WenKai is 7 MB of woff2), and the 讲话稿, the script and the
 * glyphs the deck's font lacks cut the same files. Cutting from TrueType (subset-font) is fast.
 */
const decoded = new Map<string, Promise<Uint8Array>>();

/**
 * One decode at a time: wawoff2 returns a view of its wasm memory, which a second decode started
 * before the first was copied out grows and moves (the first font came back empty: "Unrecognized
 * font signature").
 */
let queue: Promise<unknown> = Promise.resolve();

/** The TrueType bytes of the woff2 (or TrueType) font `file`; decoded once per process. */
export function decodedFont(file: string): Promise<Uint8Array> {
  let font = decoded.get(file);
  if (!font) {
    font = queue.then(async () => {
      // Loaded when a font is decoded (wawoff2 compiles its wasm as it loads).
      const { default: fontverter } = await import('fontverter');
      return new Uint8Array(await fontverter.convert(readFileSync(file), 'truetype'));
    });
    queue = font.catch(() => {});
    font.catch(() => decoded.delete(file));
    decoded.set(file, font);
  }
  return font;
}
