import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { compileDeck } from '../../../src/markdown/compile.ts';
import type { Deck, SourceFile } from '../../../src/markdown/types.ts';

/** The structure fixtures: a small deck with every shape the outline meets. */
export const FIXTURE_DIR = 'tests/fixtures/structure';

/** Reads every Markdown file of `dir` in name order, as the build does. */
export function readSources(dir: string): SourceFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => ({ file: `${dir}/${f}`, text: readFileSync(path.join(dir, f), 'utf8') }));
}

/** Compiles the fixture deck, after `edit` changes its sources (e.g. renames a heading). */
export function fixtureDeck(edit: (sources: SourceFile[]) => SourceFile[] = (s) => s): Deck {
  return compileDeck(edit(readSources(FIXTURE_DIR)));
}

/** Compiles the project's real slides/ (charts accepted unvalidated: only the outline matters). */
export function realDeck(): Deck {
  return compileDeck(readSources('slides'));
}

/** Compiles the example deck in three parts (examples/three-parts/slides/). */
export function exampleDeck(): Deck {
  return compileDeck(readSources('examples/three-parts/slides'));
}
