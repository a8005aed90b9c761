import type { ChartSpec, DataCredit } from '../markdown/types.ts';
import type { Tables } from './data/load.ts';
import { chartDataset } from './validate.ts';

/**
 * The credits of the datasets `charts` draw, each once, in the order first drawn: what its
 * description (sidecar or dataset file) says of its source, provenance and licence. This is what a
 * 资料来源 slide's ```sources block lists, so it names exactly the data the deck shows.
 */
export function chartCredits(charts: readonly ChartSpec[], data: Tables): DataCredit[] {
  const credits = new Map<string, DataCredit>();
  for (const spec of charts) {
    const name = chartDataset(spec, data);
    const dataset = name === null ? undefined : data.datasets.get(name);
    if (!dataset || credits.has(dataset.name)) continue;
    const { title, source, provenance, licence } = dataset.info;
    credits.set(dataset.name, { dataset: dataset.name, title, source, provenance, licence, file: dataset.file });
  }
  return [...credits.values()];
}
