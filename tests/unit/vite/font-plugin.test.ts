import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { deckFolder } from '../../../src/deck-folder.ts';
import { collectText, fontDir, fontPlugin, screenText, writeDevFonts } from '../../../src/vite/font-plugin.ts';

const root = mkdtempSync(path.join(os.tmpdir(), 'deck-glyphs-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('collectText()', () => {
  it('takes page text from the runtime and the compiled deck, not the build’s messages to authors', () => {
    mkdirSync(path.join(root, 'slides'));
    cpSync('tests/fixtures/markdown/good-first.md', path.join(root, 'slides', '00-opening.md'));
    for (const dir of ['src/runtime', 'src/markdown', 'src/vite']) mkdirSync(path.join(root, dir), { recursive: true });
    writeFileSync(path.join(root, 'src/runtime/ui.ts'), "export const label = '界面鑫';");
    writeFileSync(path.join(root, 'src/markdown/errors.ts'), "throw new Error('作者淼');");
    writeFileSync(path.join(root, 'src/vite/assets.ts'), "throw new Error('构建森');");
    const text = collectText(root);
    expect(text).toContain('界面鑫');
    expect(text).toContain('测试讲话');
    expect(text).not.toContain('淼');
    expect(text).not.toContain('森');
  });

  it('keeps the compiler’s own text when the deck does not compile, so no glyph can be missing', () => {
    writeFileSync(path.join(root, 'slides', '01-broken.md'), 'no front matter');
    expect(collectText(root)).toContain('作者淼');
  });
});

describe('screenText()', () => {
  it('leaves out what only the notes say, so the first slide does not wait for the speech’s glyphs', () => {
    const deck = mkdtempSync(path.join(os.tmpdir(), 'deck-screen-'));
    try {
      mkdirSync(path.join(deck, 'slides'));
      mkdirSync(path.join(deck, 'assets', 'data'), { recursive: true });
      writeFileSync(
        path.join(deck, 'slides', '00-opening.md'),
        '---\nid: opening\nkind: opening\nlabel: 开篇\ntitle: 开篇\nminutes: 1\ndeck:\n  title: 测试\n---\n\n## 屏幕鑫\n\nNote:\n\n讲稿淼。\n',
      );
      writeFileSync(path.join(deck, 'assets', 'data', 'SOURCES.md'), '说明垚');
      const folder = deckFolder(project, deck);
      expect(screenText(folder)).toContain('屏幕鑫');
      expect(screenText(folder)).not.toContain('淼');
      // The notes are still in the deck's glyphs; the data folder's notes to people are not.
      expect(collectText(folder)).toContain('讲稿淼');
      expect(collectText(folder)).not.toContain('垚');
    } finally {
      rmSync(deck, { recursive: true, force: true });
    }
  });
});

const project = process.cwd();
const own = deckFolder(project);
const other = deckFolder(project, 'examples/three-parts');

/** Runs the plugin's configResolved and resolveId as Vite would, for `command`. */
function resolved(command: 'serve' | 'build', deck = own): string | null {
  const plugin = fontPlugin(deck);
  (plugin.configResolved as (c: unknown) => void)({ root: project, command });
  const resolve = plugin.resolveId as (source: string) => string | null;
  return resolve('../../assets/fonts/generated/fonts.css');
}

describe('fonts for dev and for builds, kept apart', () => {
  it('gives the dev server, this deck’s build and another deck’s build folders of their own', () => {
    const dirs = [fontDir(own, 'dev'), fontDir(own, 'build'), fontDir(other, 'build')];
    expect(new Set(dirs).size).toBe(3);
    for (const d of dirs) expect(d.startsWith(path.join(project, 'assets', 'fonts', 'generated'))).toBe(true);
  });

  it('resolves the runtime’s font import to the dev fonts when serving and the deck’s subset when building', () => {
    expect(resolved('serve')).toBe(path.join(fontDir(own, 'dev'), 'fonts.css'));
    expect(resolved('build')).toBe(path.join(fontDir(own, 'build'), 'fonts.css'));
    expect(resolved('build', other)).toBe(path.join(fontDir(other, 'build'), 'fonts.css'));
    const plugin = fontPlugin(own);
    expect((plugin.resolveId as (s: string) => string | null)('./other.css')).toBeNull();
  });

  it('writes dev fonts that point at the whole font files, which exist', () => {
    writeDevFonts(own);
    const dir = fontDir(own, 'dev');
    const css = readFileSync(path.join(dir, 'fonts.css'), 'utf8');
    const urls = [...css.matchAll(/url\('([^']+)'\)/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(existsSync(path.resolve(dir, url))).toBe(true);
  });
});
