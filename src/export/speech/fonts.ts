import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import subsetFont from 'subset-font';

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

/**
 * A font cut to the characters of `text`, as woff2 bytes. Cut fonts are kept in `cacheDir` by the
 * hash of font and text, so a second export with the same text does not cut again.
 */
export async function subsetFor(root: string, source: FontSource, text: string, cacheDir: string): Promise<Uint8Array> {
  const chars = [...new Set([...text, ...'— 0123456789'])].sort().join('');
  const key = createHash('sha256').update(`${source.pkg}/${source.file}\0${chars}`).digest('hex').slice(0, 16);
  const cached = path.join(cacheDir, `${path.basename(source.file, '.woff2')}-${key}.woff2`);
  if (existsSync(cached)) return readFileSync(cached);
  const require = createRequire(path.join(root, 'package.json'));
  const dir = path.dirname(require.resolve(`${source.pkg}/package.json`));
  const bytes = await subsetFont(readFileSync(path.join(dir, 'files', source.file)), chars, { targetFormat: 'woff2' });
  mkdirSync(cacheDir, { recursive: true });
  const tmp = `${cached}.${process.pid}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, cached);
  return bytes;
}

/** A data: URL for a woff2 font. */
export const fontUrl = (bytes: Uint8Array): string => `data:font/woff2;base64,${Buffer.from(bytes).toString('base64')}`;
