import type { DeckExtension } from '../markdown/types.ts';
import { dataFiles, loadTables } from './data/load.ts';
import type { Tables } from './data/datasets.ts';
import { loadSidecarTables, type SidecarTable } from './data/sidecar.ts';
import type { ChartPayload } from './registry.ts';
import { chartPayload, genericPayload, isGenericKind, validateChart, validateGenericChart } from './validate.ts';

/**
 * The charts' build-time wiring: validates ```chart blocks against the data in the deck's
 * `assets/data/`, and adds `chartData` (per chart id, only the rows it draws) to `virtual:deck`, so
 * the built deck needs no network and works from file://. The data is read only when the deck has
 * a chart, and only what its charts use: the built-in tables for the built-in kinds, the CSVs with
 * sidecars for the generic kinds (a deck of its own CSVs needs none of the built-in files).
 */
export function chartsExtension(): DeckExtension {
  let tables: Tables | null = null;
  let sidecars: Map<string, SidecarTable> | null = null;
  return {
    compileOptions: (folder) => {
      // Reload on each compile: the deck plugin recompiles when a data file changes.
      tables = null;
      sidecars = null;
      return {
        validateChart: (spec) =>
          isGenericKind(spec.kind)
            ? validateGenericChart(spec, (sidecars ??= loadSidecarTables(folder)))
            : validateChart(spec, (tables ??= loadTables(folder))),
      };
    },
    exports: (deck, folder) => {
      const chartData: Record<string, ChartPayload> = {};
      for (const spec of deck.charts) {
        chartData[spec.id] = isGenericKind(spec.kind)
          ? genericPayload(spec, (sidecars ??= loadSidecarTables(folder)))
          : chartPayload(spec, (tables ??= loadTables(folder)));
      }
      return { chartData };
    },
    watch: (folder) => dataFiles(folder),
  };
}
