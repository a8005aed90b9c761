import { listNames } from '../markdown/errors.ts';
import type { ChartSpec } from '../markdown/types.ts';
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
 * @returns what is wrong (the compiler adds `file:line`), or null.
 */
export function validateChart(spec: ChartSpec, tables: Tables): string | null {
  const kind = kindNamed(spec.kind);
  if (!kind) return `unknown chart kind "${spec.kind}" — expected one of: ${listNames(KINDS.map((k) => k.name))}`;
  if (spec.dataset && !Object.hasOwn(DATASETS, spec.dataset)) {
    return `unknown dataset "${spec.dataset}" — expected one of: ${listNames(Object.keys(DATASETS))}`;
  }
  if (spec.dataset && !kind.datasets.some((d) => d === spec.dataset)) {
    return `a ${spec.kind} chart cannot draw dataset "${spec.dataset}" — expected: ${listNames(kind.datasets)}`;
  }
  const problem = checkOptions(spec.kind, spec.options, kind.options);
  if (problem) return problem;
  if (chartEmpty(kind, prepareChart(kind, spec, tables).data)) {
    return `the chart has no data for these options — widen "years" or choose other values`;
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
