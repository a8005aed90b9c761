import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright';
import { FONT_FAMILY } from '../config.ts';
import { decodedFont } from './font-source.ts';

/**
 * The deck's font is cut from Noto Sans SC's simplified-Chinese file, which lacks a few marks the
 * slides use (→, –): on screen and in print they came from a system font (LiberationSans). For
 * the PDFs, the exporter finds the characters the page shows that the deck's font lacks and adds
 * them from Noto Sans SC's other files, under the deck's family name, so every glyph printed is
 * the deck's.
 */

/** Characters of the page's text that `family` has no glyph for (they would print in a fallback). */
export async function missingGlyphs(page: Page, family: string = FONT_FAMILY): Promise<string[]> {
  // No named functions inside: the code is serialised into the page as it is.
  return page.evaluate((family) => {
    const chars = new Set([...(document.body.textContent ?? '')].filter((c) => c.trim() !== ''));
    const ctx = document.createElement('canvas').getContext('2d')!;
    const missing: string[] = [];
    // A glyph the family has measures the same whatever comes after it in the list.
    for (const c of chars) {
      ctx.font = `100px '${family}', monospace`;
      const mono = ctx.measureText(c).width;
      ctx.font = `100px '${family}', serif`;
      if (ctx.measureText(c).width !== mono) missing.push(c);
    }
    return missing.sort();
  }, family);
}

interface Slice {
  file: string;
  ranges: [number, number][];
}

/** Noto Sans SC's files of one weight and the code points each covers, from the package's CSS. */
function slices(root: string, weight: number): { dir: string; slices: Slice[] } {
  const require = createRequire(path.join(root, 'package.json'));
  const dir = path.dirname(require.resolve('@fontsource/noto-sans-sc/package.json'));
  const css = readFileSync(path.join(dir, `${weight}.css`), 'utf8');
  const out: Slice[] = [];
  for (const m of css.matchAll(/url\(\.\/files\/([^)]+\.woff2)\)[^;]*;\s*unicode-range:\s*([^;]+);/g)) {
    const ranges = m[2]!.split(',').map((r): [number, number] => {
      const [a, b] = r.trim().replace(/^U\+/i, '').split('-');
      return [parseInt(a!, 16), parseInt(b ?? a!, 16)];
    });
    out.push({ file: m[1]!, ranges });
  }
  return { dir: path.join(dir, 'files'), slices: out };
}

/** A face to add under the deck's family: its weight, the characters it is for, the TrueType bytes (base64). */
export interface GlyphFace {
  weight: number;
  unicodeRange: string;
  base64: string;
}

/** Faces already cut, by root, weights and characters: the handout lacks what the deck's page lacked. */
const cut = new Map<string, Promise<GlyphFace[]>>();

/**
 * Faces with `chars` cut from the Noto Sans SC files that have them, for each of `weights`; the
 * same request twice (the deck's page, then the handout's) cuts once.
 */
export function glyphFaces(root: string, chars: string[], weights: readonly number[]): Promise<GlyphFace[]> {
  const key = `${root}\0${weights.join(',')}\0${[...chars].sort().join('')}`;
  let faces = cut.get(key);
  if (!faces) {
    faces = cutFaces(root, chars, weights);
    faces.catch(() => cut.delete(key));
    cut.set(key, faces);
  }
  return faces;
}

async function cutFaces(root: string, chars: string[], weights: readonly number[]): Promise<GlyphFace[]> {
  // Most exports lack nothing: then subset-font (some 0.1 s to load its wasm) is not loaded at all.
  if (chars.length === 0) return [];
  const { default: subsetFont } = await import('subset-font');
  const faces: GlyphFace[] = [];
  for (const weight of weights) {
    const { dir, slices: all } = slices(root, weight);
    const byFile = new Map<string, string[]>();
    for (const c of chars) {
      const cp = c.codePointAt(0)!;
      const slice = all.find((s) => s.ranges.some(([a, b]) => cp >= a && cp <= b));
      if (slice) byFile.set(slice.file, [...(byFile.get(slice.file) ?? []), c]);
    }
    for (const [file, these] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
      const font = await decodedFont(path.join(dir, file));
      // A Buffer: subset-font reads the format from the first bytes with Buffer's toString.
      const bytes = await subsetFont(Buffer.from(font), these.join(''), { targetFormat: 'truetype' });
      faces.push({
        weight,
        unicodeRange: these.map((c) => `U+${c.codePointAt(0)!.toString(16)}`).join(','),
        base64: Buffer.from(bytes).toString('base64'),
      });
    }
  }
  return faces;
}

/** Adds the faces to the page's fonts under `family` and waits until they are loaded. */
export async function addGlyphFaces(page: Page, faces: GlyphFace[], family: string = FONT_FAMILY): Promise<void> {
  if (faces.length === 0) return;
  await page.evaluate(
    async ({ faces, family }) => {
      for (const f of faces) {
        const data = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
        const face = new FontFace(family, data.buffer, { weight: String(f.weight), unicodeRange: f.unicodeRange });
        await face.load();
        document.fonts.add(face);
      }
    },
    { faces, family },
  );
}

/** Finds what the deck's font lacks on the page and adds it (see above). @returns the characters added. */
export async function completeGlyphs(page: Page, root: string): Promise<string[]> {
  const missing = await missingGlyphs(page);
  await addGlyphFaces(page, await glyphFaces(root, missing, [400, 700]));
  return missing;
}
