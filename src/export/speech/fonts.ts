import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { decodedFont } from '../font-source.ts';

/** An open font for the printed documents: the npm package, the file in it, its weight. */
export interface FontSource {
  pkg: string;
  file: string;
  weight: number;
}

/** The 讲话稿's open fonts (DECISIONS: 宋/仿宋 role, 楷体 role, 黑体 role, 小标宋-like title). */
export const SPEECH_FONTS = {
  serif: { pkg: '@fontsource/noto-serif-sc', file: 'noto-serif-sc-chinese-simplified-400-normal.woff2', weight: 400 },
  serifBold: {
    pkg: '@fontsource/noto-serif-sc',
    file: 'noto-serif-sc-chinese-simplified-700-normal.woff2',
    weight: 700,
  },
  kai: { pkg: '@fontsource/lxgw-wenkai', file: 'lxgw-wenkai-latin-500-normal.woff2', weight: 500 },
  sans: { pkg: '@fontsource/noto-sans-sc', file: 'noto-sans-sc-chinese-simplified-500-normal.woff2', weight: 500 },
} as const satisfies Record<string, FontSource>;

/** Where cut fonts are kept between exports (the project's own node_modules cache). */
export const fontCacheDir = (root: string): string => path.join(root, 'node_modules', '.cache', 'deck-print-fonts');

/** The source font's TrueType bytes (decoded once per process: font-source.ts). */
function sourceFont(root: string, source: FontSource): Promise<Uint8Array> {
  const require = createRequire(path.join(root, 'package.json'));
  return decodedFont(path.join(path.dirname(require.resolve(`${source.pkg}/package.json`)), 'files', source.file));
}

/** Cuts under way in this process, by cache file: the same cut asked for twice is made once. */
const cutting = new Map<string, Promise<Uint8Array>>();

/**
 * A font cut to the characters of `text`, as TrueType bytes (woff2's brotli would only be undone by
 * the browser a moment later, and compressing it cost seconds). Cut fonts are kept in `cacheDir`
 * by the hash of font and characters, so a second export with the same text does not cut again;
 * the same characters always give the same bytes (reproducible PDFs).
 */
export function subsetFor(root: string, source: FontSource, text: string, cacheDir: string): Promise<Uint8Array> {
  const chars = [...new Set([...text, ...'— 0123456789'])].sort().join('');
  const key = createHash('sha256').update(`${source.pkg}/${source.file}\0${chars}`).digest('hex').slice(0, 16);
  const cached = path.join(cacheDir, `${path.basename(source.file, '.woff2')}-${key}.ttf`);
  let cut = cutting.get(cached);
  if (!cut) {
    cut = cutFont(root, source, chars, cached);
    cutting.set(cached, cut);
    // Kept only while it runs: the file is the cache from then on.
    void cut.finally(() => cutting.delete(cached)).catch(() => {});
  }
  return cut;
}

async function cutFont(root: string, source: FontSource, chars: string, cached: string): Promise<Uint8Array> {
  if (existsSync(cached)) return readFileSync(cached);
  const font = await sourceFont(root, source);
  // Loaded only on a cache miss: its wasm costs every start otherwise.
  const { default: subsetFont } = await import('subset-font');
  const bytes = await subsetFont(Buffer.from(font), chars, { targetFormat: 'truetype' });
  mkdirSync(path.dirname(cached), { recursive: true });
  const tmp = `${cached}.${process.pid}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, cached);
  return bytes;
}

/** A data: URL for a TrueType font (the print documents' @font-face rules say `format('truetype')`). */
export const fontUrl = (bytes: Uint8Array): string => `data:font/ttf;base64,${Buffer.from(bytes).toString('base64')}`;
