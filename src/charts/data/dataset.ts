import type { TableRow } from './csv.ts';
import type { DatasetInfo, DeckData, DeckDataset } from './deck-data.ts';
import type { SidecarTable } from './sidecar.ts';

export type { DatasetInfo };

/**
 * The dataset a ```chart block names, as a kind's `prepare` sees it: its description (source
 * line, provenance, licence: data, not code) and the rows of the tables it reads, by role.
 */
export interface Dataset {
  name: string;
  info: DatasetInfo;
  /**
   * The rows of the table in one of the kind's roles (`national`, `estimates` …).
   * @throws Error for a role the kind does not declare: a kind reads only what it declares.
   */
  rows(role: string): TableRow[];
  /** A CSV described by a sidecar (what the generic kinds draw); absent for a dataset file. */
  sidecar?: SidecarTable;
}

/** A CSV and its sidecar as a dataset: its source line from the sidecar, its rows its own. */
export function sidecarDataset(table: SidecarTable): Dataset {
  const { sidecar } = table;
  return {
    name: sidecar.name,
    info: {
      title: sidecar.title,
      source: sidecar.source,
      footnote: sidecar.footnote,
      provenance: sidecar.provenance,
      licence: sidecar.licence,
    },
    rows() {
      return table.rows;
    },
    sidecar: table,
  };
}

/**
 * The CSV each of `roles` reads in `dataset`: a dataset file names one per role; a single CSV
 * fills a kind's only role. @returns the CSV names by role, or the roles it cannot fill.
 */
export function tablesFor(
  dataset: DeckDataset,
  roles: readonly string[],
): { tables: Record<string, string> } | { missing: string[] } {
  if (dataset.roles === null) {
    return roles.length <= 1
      ? { tables: Object.fromEntries(roles.map((r) => [r, dataset.name])) }
      : { missing: roles.slice(1) };
  }
  const missing = roles.filter((r) => !Object.hasOwn(dataset.roles!, r));
  if (missing.length) return { missing };
  return { tables: Object.fromEntries(roles.map((r) => [r, dataset.roles![r]!])) };
}

/**
 * The dataset `name` as a kind with these `roles` reads it, over the deck's data.
 * @throws Error when it does not exist or cannot fill the roles (validation stops the build first).
 */
export function openDataset(name: string, roles: readonly string[], data: DeckData): Dataset {
  const dataset = data.datasets.get(name);
  if (!dataset) throw new Error(`no dataset "${name}" in the deck's data folder`);
  const fit = tablesFor(dataset, roles);
  if ('missing' in fit) throw new Error(`dataset "${name}" has no table for ${fit.missing.join(', ')}`);
  const single = dataset.roles === null ? data.tables.get(name) : undefined;
  return {
    name,
    info: dataset.info,
    rows(role) {
      const table = Object.hasOwn(fit.tables, role) ? data.tables.get(fit.tables[role]!) : undefined;
      if (!table) throw new Error(`a kind reading dataset "${name}" did not declare the role "${role}"`);
      return table.rows;
    },
    ...(single ? { sidecar: single } : {}),
  };
}
