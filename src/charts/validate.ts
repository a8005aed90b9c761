import { listZh, suggest } from '../markdown/errors.ts';
import type { ChartProblem, ChartSpec } from '../markdown/types.ts';
import { openDataset, sidecarDataset } from './data/dataset.ts';
import type { SidecarTable } from './data/sidecar.ts';
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

/** Whether `kind` names a generic kind (a CSV with a sidecar) rather than a built-in dataset's. */
export function isGenericKind(kind: string): boolean {
  return kindNamed(kind)?.generic === true;
}

/**
 * Checks a generic chart (line, bar…) against the CSVs that have sidecars: the dataset it names,
 * its options, its `x` and `y` columns, and that it has something to draw. The same checks and
 * messages as the built-in kinds.
 * @returns what is wrong, with the key whose line to point at; or null.
 */
export function validateGenericChart(spec: ChartSpec, tables: ReadonlyMap<string, SidecarTable>): ChartProblem | null {
  const kind = kindNamed(spec.kind)!;
  const names = [...tables.keys()];
  const table = tables.get(spec.dataset);
  if (!table) {
    return {
      problem: spec.dataset
        ? `找不到数据“${spec.dataset}”：数据文件夹里没有带数据说明的 ${spec.dataset}.csv（dataset）`
        : `${spec.kind} 图要写 dataset: 数据名（dataset）`,
      hint: `${suggest(spec.dataset, names)}${
        names.length ? `可用的数据：${listZh(names)}；` : ''
      }把 名字.csv 和说明它的 名字.yaml 放进数据文件夹，写成 dataset: 名字`,
      ...(spec.dataset ? { key: 'dataset' } : {}),
    };
  }
  const problem = checkOptions(spec.kind, spec.options, kind.options);
  if (problem) return problem;
  const columns = checkColumns(table, spec.options);
  if (columns) return columns;
  if (chartEmpty(kind, genericPayload(spec, tables).data)) {
    return {
      problem: '按这些选项，图表里没有数据（no data）',
      hint: '把 years 的年份改得更长，或检查 y 列里有没有数值',
      ...(Object.hasOwn(spec.options, 'years') ? { key: 'years' } : {}),
    };
  }
  return null;
}

/** The runtime payload of a generic chart that `validateGenericChart` accepted. */
export function genericPayload(spec: ChartSpec, tables: ReadonlyMap<string, SidecarTable>): ChartPayload {
  const kind = kindNamed(spec.kind)!;
  const table = tables.get(spec.dataset);
  if (!table) throw new Error(`no CSV with a sidecar named "${spec.dataset}"`);
  const options = resolveOptions(kind, spec);
  return { kind: kind.name, options, data: kind.prepare(sidecarDataset(table), options) };
}

/** The block's `x` and `y` read against the sidecar: what is wrong at the key's own line, or null. */
function checkColumns(table: SidecarTable, options: Record<string, unknown>): ChartProblem | null {
  const columns = table.sidecar.columns;
  const names = Object.keys(columns);
  const years = names.filter((n) => columns[n]!.type.type === 'year');
  const numbers = names.filter((n) => ['number', 'integer'].includes(columns[n]!.type.type));
  const data = table.sidecar.csv;
  const x = options.x ?? years[0];
  if (typeof x !== 'string' || !years.includes(x)) {
    return {
      problem: `x 应为 ${data} 里的年份列，这里是 ${JSON.stringify(x ?? null)}（x column）`,
      hint: `${suggest(String(x), years)}${years.length ? `写成 x: ${years[0]!}` : '在数据说明里把年份列写成 type: year'}`,
      key: 'x',
    };
  }
  const rawY = options.y;
  const y = typeof rawY === 'string' ? [rawY] : Array.isArray(rawY) ? rawY : [];
  const badY = y.find((c) => typeof c !== 'string' || !numbers.includes(c));
  if (y.length === 0 || badY !== undefined) {
    return {
      problem:
        y.length === 0
          ? `没有写要画的数值列 y（y column）`
          : `y 里的“${String(badY)}”不是 ${data} 里的数值列（y column）`,
      hint: `${badY !== undefined ? suggest(String(badY), numbers) : ''}可画的数值列：${listZh(numbers)}；写成 y: ${numbers[0] ?? '列名'} 或 y: [${numbers.slice(0, 2).join(', ')}]`,
      key: 'y',
    };
  }
  return null;
}
