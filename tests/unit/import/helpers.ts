import { readdirSync } from 'node:fs';
import path from 'node:path';
import { compileDeck } from '../../../src/markdown/compile.ts';
import type { Deck } from '../../../src/markdown/types.ts';
import { importSpeech, type ImportResult } from '../../../src/import/import.ts';
import { readSpeech } from '../../../src/import/read.ts';
import { foldWidth } from '../../../src/import/text.ts';
import type { ImportInput } from '../../../src/import/types.ts';

export const FIXTURES = 'tests/fixtures/import';

/** Every importer fixture file. */
export function fixtureFiles(): string[] {
  return readdirSync(FIXTURES)
    .filter((f) => /\.(txt|md)$/.test(f))
    .sort();
}

/** Reads and imports a fixture (or any speech file). */
export async function importFile(file: string): Promise<{ input: ImportInput; result: ImportResult }> {
  const input = await readSpeech(file.includes('/') ? file : path.join(FIXTURES, file));
  return { input, result: importSpeech(input, { outDir: 'decks/test' }) };
}

/** Compiles the generated slide files as the build does. */
export function compileImported(result: ImportResult): Deck {
  const sources = result.files.filter((f) => f.path.startsWith('slides/')).sort((a, b) => a.path.localeCompare(b.path));
  return compileDeck(sources.map((f) => ({ file: f.path, text: f.text })));
}

/**
 * The notes of a compiled deck in the roles that hold the input (speech, and provenance for what
 * is not speech), without what the importer adds (directions, notes): what the input said, in order.
 */
export function notesWithoutEditor(deck: Deck): string {
  return deck.parts
    .flatMap((p) => p.slides)
    .flatMap((s) => s.notes.filter((n) => n.role === 'speech' || n.role === 'source').map((n) => n.text))
    .join('\n');
}

/** How texts are compared: whitespace dropped, punctuation width folded (typography, not wording). */
export function same(text: string): string {
  return foldWidth(text).replace(/\s+/g, '');
}
