import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { deckFolder, deckFolderProblem, deckFromEnv, shownPath, takeDeckOption } from '../../src/deck-folder.ts';
import { staleReason } from '../../src/export/build.ts';
import { readSlideFiles } from '../../src/vite/deck-plugin.ts';

const project = process.cwd();
const tmp = mkdtempSync(path.join(tmpdir(), 'deck-folder-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('deck folders', () => {
  it('the default deck is the project: slides/, assets/data/, public/, dist/, export/ at its root', () => {
    expect(deckFolder(project)).toEqual({
      project,
      root: project,
      slides: path.join(project, 'slides'),
      data: path.join(project, 'assets', 'data'),
      public: path.join(project, 'public'),
      dist: path.join(project, 'dist'),
      export: path.join(project, 'export'),
    });
  });

  it('another deck mirrors that layout inside its folder, so the default deck’s outputs are untouched', () => {
    const deck = deckFolder(project, 'examples/three-parts');
    expect(deck.slides).toBe(path.join(project, 'examples', 'three-parts', 'slides'));
    expect(deck.dist).toBe(path.join(project, 'examples', 'three-parts', 'dist'));
    expect(deck.export).toBe(path.join(project, 'examples', 'three-parts', 'export'));
    expect(readSlideFiles(deck).map((f) => f.file)).toEqual([
      'examples/three-parts/slides/00-opening.md',
      'examples/three-parts/slides/01-part-1.md',
      'examples/three-parts/slides/02-part-2.md',
      'examples/three-parts/slides/03-part-3.md',
      'examples/three-parts/slides/99-closing.md',
    ]);
    expect(shownPath(deck, path.join(tmp, 'x.md'))).toBe(path.join(tmp, 'x.md'));
  });

  it('takes --deck <dir> and --deck=<dir> out of the arguments, leaving the rest in order', () => {
    expect(takeDeckOption(['build', '--deck', 'decks/next', '--mode', 'x'])).toEqual({
      deck: 'decks/next',
      rest: ['build', '--mode', 'x'],
    });
    expect(takeDeckOption(['--deck=decks/a', 'charts'])).toEqual({ deck: 'decks/a', rest: ['charts'] });
    expect(takeDeckOption(['preview'])).toEqual({ deck: null, rest: ['preview'] });
  });

  it('says what to do when the folder is missing, is a file, or has no slides/*.md', () => {
    expect(deckFolderProblem(path.join(tmp, 'nope'))).toMatch(
      /^找不到演示文稿文件夹 .* — 检查路径，或先用 npm run import 生成$/,
    );
    writeFileSync(path.join(tmp, 'file.txt'), 'x');
    expect(deckFolderProblem(path.join(tmp, 'file.txt'))).toMatch(/不是文件夹 — --deck 后面写演示文稿文件夹/);
    mkdirSync(path.join(tmp, 'empty', 'slides'), { recursive: true });
    expect(deckFolderProblem(path.join(tmp, 'empty'))).toMatch(
      /里没有 slides\/\*\.md.* — 演示文稿文件夹里要有 slides\//,
    );
    expect(deckFolderProblem('examples/three-parts')).toBeNull();
    expect(() => deckFromEnv(project, { DECK_DIR: path.join(tmp, 'empty') })).toThrow(/没有 slides/);
    expect(deckFromEnv(project, {}).root).toBe(project);
  });

  it('a deck is stale when its own slides changed after its build', () => {
    const root = path.join(tmp, 'deck');
    mkdirSync(path.join(root, 'slides'), { recursive: true });
    mkdirSync(path.join(root, 'dist'));
    const deck = deckFolder(project, root);
    expect(staleReason(deck, deck.dist)).toMatch(/index\.html is missing/);
    writeFileSync(path.join(root, 'dist', 'index.html'), 'x');
    writeFileSync(path.join(root, 'slides', '00.md'), 'x');
    const later = new Date(Date.now() + 60_000);
    utimesSync(path.join(root, 'slides', '00.md'), later, later);
    expect(staleReason(deck, deck.dist)).toMatch(/slides changed after the last build$/);
  });
});
