import type { DeckExtension } from '../markdown/types.ts';
import { dataFiles, loadTables, type Tables } from './data/load.ts';
import type { ChartPayload } from './registry.ts';
import { chartPayload, validateChart } from './validate.ts';
import { chartCredits } from './credits.ts';

/**
 * The charts' build-time wiring: validates ```chart blocks against the data in the deck's data
 * folder (CSVs with their sidecars, and dataset files), credits that data on a 资料来源 slide's
 * ```sources block, and adds `chartData` (per chart id, only
 * the rows it draws) to `virtual:deck`, so the built deck needs no network and works from file://.
 * The data is read only when the deck has a chart.
 */
export function chartsExtension(): DeckExtension {
  let tables: Tables | null = null;
  return {
    compileOptions: (folder) => {
      // Reload on each compile: the deck plugin recompiles when a data file changes.
      tables = null;
      return {
        validateChart: (spec) => validateChart(spec, (tables ??= loadTables(folder))),
        creditData: (charts) => chartCredits(charts, (tables ??= loadTables(folder))),
      };
    },
    exports: (deck, folder) => {
      const chartData: Record<string, ChartPayload> = {};
      for (const spec of deck.charts) {
        chartData[spec.id] = chartPayload(spec, (tables ??= loadTables(folder)));
      }
      return { chartData };
    },
    // The folder too: a CSV added while the dev server runs is new data, not a file to ignore.
    watch: (folder) => [...dataFiles(folder), folder.data],
  };
}
