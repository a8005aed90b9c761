import type { TableRow } from './csv.ts';
import type { SidecarTable } from './sidecar.ts';
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
  /** A CSV described by a sidecar (what the generic kinds draw); absent for the built-in datasets. */
  sidecar?: SidecarTable;
}

/** A CSV and its sidecar as a dataset: its source line from the sidecar, its rows its own. */
export function sidecarDataset(table: SidecarTable): Dataset {
  return {
    name: table.sidecar.name,
    info: { tables: [], source: table.sidecar.source, provenance: table.sidecar.footnote, licence: '' },
    rows() {
      throw new Error(`dataset "${table.sidecar.name}" is a CSV with a sidecar: read dataset.sidecar`);
    },
    sidecar: table,
  };
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
