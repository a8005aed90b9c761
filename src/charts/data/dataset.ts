import type { TableRow } from './csv.ts';
import { DATASETS, type DatasetInfo, type TableName, type Tables } from './datasets.ts';

/**
 * The dataset a ```chart block names, as a kind's `prepare` sees it: its description (source
 * line, provenance, licence: data, not code) and the rows of the tables it lists.
 */
export interface Dataset {
  name: string;
  info: DatasetInfo;
  /**
   * The rows of one of the dataset's tables.
   * @throws Error for a table the dataset does not list: a kind reads only what it declares.
   */
  rows(table: TableName): TableRow[];
}

/** The dataset `name` over the loaded tables, or null when no dataset has that name. */
export function openDataset(name: string, tables: Tables): Dataset | null {
  const entry = Object.entries(DATASETS).find(([n]) => n === name);
  if (!entry) return null;
  const info: DatasetInfo = entry[1];
  return {
    name,
    info,
    rows(table) {
      if (!info.tables.includes(table)) {
        throw new Error(`dataset "${name}" does not list the table ${table} (src/charts/data/datasets.ts)`);
      }
      return tables[table];
    },
  };
}
