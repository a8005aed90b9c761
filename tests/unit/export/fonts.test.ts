import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodedFont } from '../../../src/export/font-source.ts';
import { glyphFaces } from '../../../src/export/glyphs.ts';
import { subsetFor } from '../../../src/export/speech/fonts.ts';

const FILES = path.join(process.cwd(), 'node_modules', '@fontsource', 'noto-sans-sc', 'files');
/** TrueType's version tag (00 01 00 00) or OpenType CFF's (OTTO). */
const sfnt = (b: Uint8Array): boolean =>
  (b[0] === 0 && b[1] === 1 && b[2] === 0 && b[3] === 0) || Buffer.from(b.subarray(0, 4)).toString('latin1') === 'OTTO';

const cache = mkdtempSync(path.join(os.tmpdir(), 'deck-fonts-test-'));
afterAll(() => rmSync(cache, { recursive: true, force: true }));

describe('decodedFont()', () => {
  it('decodes woff2 files asked for at once, each whole (wawoff2 decodes one at a time)', async () => {
    const files = [
      'noto-sans-sc-97-400-normal.woff2',
      'noto-sans-sc-98-400-normal.woff2',
      'noto-sans-sc-99-400-normal.woff2',
    ];
    const fonts = await Promise.all(files.map((f) => decodedFont(path.join(FILES, f))));
    for (const font of fonts) {
      expect(font.length).toBeGreaterThan(1000);
      expect(sfnt(font)).toBe(true);
    }
  });

  it('decodes a file once per process', () => {
    const file = path.join(FILES, 'noto-sans-sc-97-400-normal.woff2');
    expect(decodedFont(file)).toBe(decodedFont(file));
  });
});

describe('subsetFor()', () => {
  const source = {
    pkg: '@fontsource/noto-sans-sc',
    file: 'noto-sans-sc-chinese-simplified-500-normal.woff2',
    weight: 500,
  };

  it('cuts TrueType, the same bytes for the same characters in any order, and cuts them once', async () => {
    const [a, b] = await Promise.all([
      subsetFor(process.cwd(), source, '城市治理', cache),
      subsetFor(process.cwd(), source, '理治市城城', cache),
    ]);
    expect(sfnt(a)).toBe(true);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(readdirSync(cache).filter((f) => f.endsWith('.ttf'))).toHaveLength(1);
    const again = await subsetFor(process.cwd(), source, '市城治理', cache);
    expect(Buffer.from(again).equals(Buffer.from(a))).toBe(true);
    const more = await subsetFor(process.cwd(), source, '城市治理现代化', cache);
    expect(more.length).toBeGreaterThan(a.length);
  });
});

describe('glyphFaces()', () => {
  it('cuts the characters the deck font lacks from the Noto Sans SC files that have them, as TrueType, per weight', async () => {
    const faces = await glyphFaces(process.cwd(), ['→', '–'], [400, 700]);
    for (const weight of [400, 700]) {
      const ranges = faces.filter((f) => f.weight === weight).flatMap((f) => f.unicodeRange.split(','));
      expect(ranges.sort()).toEqual(['U+2013', 'U+2192']);
    }
    for (const f of faces) expect(sfnt(Buffer.from(f.base64, 'base64'))).toBe(true);
  });

  it('cuts nothing when nothing is missing', async () => {
    expect(await glyphFaces(process.cwd(), [], [400, 700])).toEqual([]);
  });
});
