import { listZh, suggest } from '../markdown/errors.ts';
import type { ChartProblem, ChartSpec } from '../markdown/types.ts';
import { openDataset } from './data/dataset.ts';
import { DATASETS, type Tables } from './data/datasets.ts';
import type { ChartKind } from './kind.ts';
import { checkOptions } from './options.ts';
import { chartEmpty, KINDS, kindNamed, type ChartPayload } from './registry.ts';

/**
 * Build time: a ```chart block checked against the kinds and the data, and the payload the
 * browser gets for it. (Kept apart from the registry so the dataset descriptions stay out of the
 * browser bundle.)
 */

/** The block's options over the kind's defaults. */
export function resolveOptions(kind: ChartKind, spec: ChartSpec): Record<string, unknown> {
  const defaults = Object.fromEntries(Object.entries(kind.options).map(([name, o]) => [name, o.default]));
  return { ...defaults, ...spec.options };
}

/**
 * Checks a chart declaration against the kinds and the tables: kind, dataset, options and their
 * values, and that the chart has something to draw.
 * @returns what is wrong, in Chinese, with the key whose line to point at; or null.
 */
export function validateChart(spec: ChartSpec, tables: Tables): ChartProblem | null {
  const kind = kindNamed(spec.kind);
  const kinds = KINDS.map((k) => k.name);
  if (!kind) {
    return {
      problem: `未知的图表类型“${spec.kind}”（chart kind）`,
      hint: `${suggest(spec.kind, kinds)}可用的类型：${listZh(kinds)}`,
      key: 'kind',
    };
  }
  if (spec.dataset && !Object.hasOwn(DATASETS, spec.dataset)) {
    return {
      problem: `未知的数据集“${spec.dataset}”（dataset）`,
      hint: `${suggest(spec.dataset, kind.datasets)}${spec.kind} 图能画的数据集：${listZh(kind.datasets)}`,
      key: 'dataset',
    };
  }
  if (spec.dataset && !kind.datasets.some((d) => d === spec.dataset)) {
    return {
      problem: `${spec.kind} 图不能画数据集“${spec.dataset}”（dataset）`,
      hint: `写成 dataset: ${kind.datasets[0]!}，或换一种图表类型`,
      key: 'dataset',
    };
  }
  const problem = checkOptions(spec.kind, spec.options, kind.options);
  if (problem) return problem;
  if (chartEmpty(kind, prepareChart(kind, spec, tables).data)) {
    return {
      problem: '按这些选项，图表里没有数据（no data）',
      hint: '把 years 的年份改得更长，或换别的选项值',
      ...(Object.hasOwn(spec.options, 'years') ? { key: 'years' } : {}),
    };
  }
  return null;
}

function prepareChart(kind: ChartKind, spec: ChartSpec, tables: Tables): ChartPayload {
  const dataset = openDataset(spec.dataset || kind.datasets[0]!, tables);
  if (!dataset) throw new Error(`${kind.name}: no dataset "${spec.dataset}"`);
  const options = resolveOptions(kind, spec);
  return { kind: kind.name, options, data: kind.prepare(dataset, options) };
}

/**
 * Prepares the runtime payload of one chart that `validateChart` accepted.
 * @throws Error for a kind that does not exist (validation would have stopped the build).
 */
export function chartPayload(spec: ChartSpec, tables: Tables): ChartPayload {
  const kind = kindNamed(spec.kind);
  if (!kind) throw new Error(`unknown chart kind "${spec.kind}"`);
  return prepareChart(kind, spec, tables);
}
