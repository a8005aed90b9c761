import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { asDeck, shownPath, type DeckFolder } from '../deck-folder.ts';
import type { SourceFile } from './types.ts';

/**
 * Reads a deck's `slides/*.md` in name order, each named as messages show it (`slides/01-qi.md`,
 * `examples/three-parts/slides/01-part-1.md`): the I/O shell around `compileDeck` (as
 * charts/data/load.ts is around the CSV parser), below every output that compiles the deck (the
 * Vite plugin, the fonts, the PowerPoint export).
 * @param folder the deck, or a project root for its own deck.
 */
export function readSlideFiles(folder: DeckFolder | string): SourceFile[] {
  const deck = asDeck(folder);
  return readdirSync(deck.slides)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => path.join(deck.slides, f))
    .map((abs) => ({ file: shownPath(deck, abs), text: readFileSync(abs, 'utf8') }));
}
