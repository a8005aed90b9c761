import type { DeckExtension } from '../markdown/types.ts';
import { dataFiles, loadTables } from './data/load.ts';
import { chartPayload, validateChart, type ChartPayload } from './kinds.ts';
import type { Tables } from './prepare.ts';

/**
 * The charts' build-time wiring: validates ```chart blocks against the data in `assets/data/`,
 * and adds `chartData` (per chart id, only the rows it draws) to `virtual:deck`, so the built deck
 * needs no network and works from file://.
 */
export function chartsExtension(): DeckExtension {
  let tables: Tables | null = null;
  const load = (root: string): Tables => (tables ??= loadTables(root));
  return {
    compileOptions: (root) => {
      // Reload on each compile: the deck plugin recompiles when a data file changes.
      tables = null;
      const loaded = load(root);
      return { validateChart: (spec) => validateChart(spec, loaded) };
    },
    exports: (deck, root) => {
      const loaded = load(root);
      const chartData: Record<string, ChartPayload> = {};
      for (const spec of deck.charts) chartData[spec.id] = chartPayload(spec, loaded);
      return { chartData };
    },
    watch: (root) => dataFiles(root),
  };
}
