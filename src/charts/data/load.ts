import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { asDeck, shownPath, type DeckFolder } from '../../deck-folder.ts';
import { parseTable } from './csv.ts';
import { TABLES, type TableName, type Tables } from './datasets.ts';

/** Absolute paths of every data file the charts read (for the dev watcher). */
export function dataFiles(folder: DeckFolder | string): string[] {
  const deck = asDeck(folder);
  // The CSVs with sidecars too, and new ones: any .csv or .yaml that appears in the folder.
  const own = existsSync(deck.data)
    ? readdirSync(deck.data)
        .filter((f) => /\.(csv|ya?ml)$/i.test(f))
        .map((f) => path.join(deck.data, f))
    : [];
  return [
    ...new Set([
      ...Object.keys(TABLES).map((f) => path.join(deck.data, f)),
      ...own,
      path.join(deck.data, 'SOURCES.md'),
    ]),
  ];
}

/**
 * Reads and validates every table in the deck's `assets/data/` (the I/O shell around `parseTable`).
 * @param folder the deck, or a project root for its own deck.
 * @throws DeckError with `file:line:column` for a bad file.
 */
export function loadTables(folder: DeckFolder | string): Tables {
  const deck = asDeck(folder);
  const tables = {} as Tables;
  for (const name of Object.keys(TABLES) as TableName[]) {
    const abs = path.join(deck.data, name);
    let text: string;
    try {
      text = readFileSync(abs, 'utf8');
    } catch {
      text = '';
    }
    tables[name] = parseTable(shownPath(deck, abs), text, TABLES[name]);
  }
  return tables;
}
