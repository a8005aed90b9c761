import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PATHS } from '../../config.ts';
import type { Tables } from '../prepare.ts';
import { parseTable } from './csv.ts';
import { TABLES, type TableName } from './datasets.ts';

/** Absolute paths of every data file the charts read (for the dev watcher). */
export function dataFiles(root: string): string[] {
  return [...Object.keys(TABLES).map((f) => path.join(root, PATHS.data, f)), path.join(root, PATHS.data, 'SOURCES.md')];
}

/**
 * Reads and validates every table in `assets/data/` (the I/O shell around `parseTable`).
 * @throws DeckError with `file:line:column` for a bad file.
 */
export function loadTables(root: string): Tables {
  const tables = {} as Tables;
  for (const name of Object.keys(TABLES) as TableName[]) {
    const file = `${PATHS.data}/${name}`;
    let text: string;
    try {
      text = readFileSync(path.join(root, file), 'utf8');
    } catch {
      text = '';
    }
    tables[name] = parseTable(file, text, TABLES[name]);
  }
  return tables;
}
