import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deckFolder } from '../../src/deck-folder.ts';
import { compileDeck } from '../../src/markdown/compile.ts';
import { buildOutline } from '../../src/structure/outline.ts';
import { readSlideFiles } from '../../src/vite/deck-plugin.ts';

/** Every .ts and .css file under src/, with its comments removed (comments may cite an example). */
function sources(dir: string): { file: string; code: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    if (!/\.(ts|css)$/.test(name)) return [];
    const code = readFileSync(p, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
    return [{ file: p.split(path.sep).join('/'), code }];
  });
}

/**
 * What would tie the engine to the default deck's speech: its title, its frame as a label, its part
 * ids. The importer (src/import/) knows frames such as 起承转合 by design.
 */
const SPEECH_WORDS = [
  /在提升城市治理现代化水平推进会上的讲话/,
  /起承转合/,
  /['"`](?:qi|cheng|zhuan|he)(?:-[a-z-]+)?['"`]/,
  /['"`][起承转合]['"`]/,
];

describe('the engine builds any deck', () => {
  it('nothing in src/ names this speech, its frame or its part ids', () => {
    const found = sources('src')
      .filter((s) => !s.file.startsWith('src/import/'))
      .flatMap((s) => SPEECH_WORDS.filter((w) => w.test(s.code)).map((w) => `${s.file}: ${w}`));
    expect(found).toEqual([]);
  });

  it('nothing in src/ names a data file or dataset of this deck: they are described in its data folder', () => {
    const data = path.join('assets', 'data');
    const names = readdirSync(data)
      .filter((f) => /\.(csv|ya?ml)$/.test(f))
      .map((f) => f.replace(/\.(csv|ya?ml)$/, ''));
    expect(names).toContain('china_urbanisation_nbs');
    expect(names).toContain('nbs-urbanisation');
    const found = sources('src').flatMap((s) => names.filter((n) => s.code.includes(n)).map((n) => `${s.file}: ${n}`));
    expect(found).toEqual([]);
  });

  it('the example deck compiles, and its outline labels the parts 第一部分…第三部分 without saying them twice', () => {
    const deck = compileDeck(readSlideFiles(deckFolder(process.cwd(), 'examples/three-parts')));
    const outline = buildOutline(deck);
    expect(outline.children.map((p) => [p.label, p.position])).toEqual([
      ['开篇', '开篇'],
      ['第一部分', '第一部分'],
      ['第二部分', '第二部分'],
      ['第三部分', '第三部分'],
      ['结语', '结语'],
    ]);
    expect(deck.charts).toEqual([]);
  });
});
