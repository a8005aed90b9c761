import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { asDeck, type DeckFolder } from '../../deck-folder.ts';
import { loadDeckData, type DeckData } from './deck-data.ts';

/** Everything the charts read from a deck's data folder (src/charts/data/deck-data.ts). */
export type Tables = DeckData;

/** Absolute paths of every data file the charts read (for the dev watcher): any .csv or .yaml, new ones too. */
export function dataFiles(folder: DeckFolder | string): string[] {
  const deck = asDeck(folder);
  const own = existsSync(deck.data)
    ? readdirSync(deck.data)
        .filter((f) => /\.(csv|ya?ml)$/i.test(f))
        .map((f) => path.join(deck.data, f))
    : [];
  return [...new Set([...own, path.join(deck.data, 'SOURCES.md')])];
}

/**
 * Reads and validates every CSV in the deck's data folder against its sidecar, and the dataset
 * files over them (the I/O shell around `parseTable`, `parseSidecar` and `parseDatasetFile`).
 * @param folder the deck, or a project root for its own deck.
 * @throws DeckError with `file:line:column` for a bad file.
 */
export function loadTables(folder: DeckFolder | string): Tables {
  return loadDeckData(folder);
}
