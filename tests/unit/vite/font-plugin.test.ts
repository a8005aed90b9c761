import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collectText } from '../../../src/vite/font-plugin.ts';

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
