import { listZh, suggest } from '../markdown/errors.ts';
import type { ChartProblem, ChartSpec } from '../markdown/types.ts';
import { openDataset, sidecarDataset, tablesFor } from './data/dataset.ts';
import type { DeckDataset } from './data/deck-data.ts';
import type { Tables } from './data/load.ts';
import type { SidecarTable } from './data/sidecar.ts';
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
 * Checks a chart declaration against the kinds and the deck's data: kind, dataset (and that it
 * has the tables and columns the kind reads), options and their values, and that the chart has
 * something to draw.
 * @returns what is wrong, in Chinese, with the key whose line to point at; or null.
 */
export function validateChart(spec: ChartSpec, data: Tables): ChartProblem | null {
  const kind = kindNamed(spec.kind);
  const kinds = KINDS.map((k) => k.name);
  if (!kind) {
    return {
      problem: `未知的图表类型“${spec.kind}”（chart kind）`,
      hint: `${suggest(spec.kind, kinds)}可用的类型：${listZh(kinds)}`,
      key: 'kind',
    };
  }
  if (kind.generic) return validateGenericChart(spec, data.tables);
  const chosen = chooseDataset(kind, spec, data);
  if ('problem' in chosen) return chosen;
  const problem = checkOptions(spec.kind, spec.options, kind.options);
  if (problem) return problem;
  if (chartEmpty(kind, prepareChart(kind, chosen.name, spec, data).data)) {
    return {
      problem: '按这些选项，图表里没有数据（no data）',
      hint: '把 years 的年份改得更长，或换别的选项值',
      ...(Object.hasOwn(spec.options, 'years') ? { key: 'years' } : {}),
    };
  }
  return null;
}

/** What a kind needs from a dataset, for messages: `national（year、urban_pct）`. */
function readsZh(kind: ChartKind): string {
  return Object.entries(kind.reads)
    .map(([role, columns]) => `${role}（${columns.join('、')}）`)
    .join('、');
}

/** Why `dataset` cannot feed `kind` (a role with no table, a column missing), or null. */
function misfit(kind: ChartKind, dataset: DeckDataset, data: Tables): ChartProblem | null {
  const roles = Object.keys(kind.reads);
  const fit = tablesFor(dataset, roles);
  if ('missing' in fit) {
    return {
      problem: `数据集“${dataset.name}”没有 ${kind.name} 图要读的表 ${listZh(fit.missing)}（dataset）`,
      hint:
        dataset.roles === null
          ? `${kind.name} 图要读 ${roles.length} 张表：${readsZh(kind)}；在数据文件夹里写一个数据集文件（名字.yaml），在 tables: 下每行写“角色: CSV 名”`
          : `在 ${dataset.file} 的 tables: 下加上 ${fit.missing.map((r) => `${r}: CSV 名`).join('、')}`,
      key: 'dataset',
    };
  }
  for (const [role, csv] of Object.entries(fit.tables)) {
    const columns = data.tables.get(csv)!.sidecar.columns;
    const missing = kind.reads[role]!.filter((c) => !Object.hasOwn(columns, c));
    if (missing.length) {
      return {
        problem: `数据“${csv}”缺少 ${kind.name} 图要的列 ${listZh(missing)}（column）`,
        hint: `${kind.name} 图读的表和列：${readsZh(kind)}；在 ${csv}.csv 里加上这些列，并在 ${csv}.yaml 的 columns: 下说明它们`,
        key: 'dataset',
      };
    }
  }
  return null;
}

/**
 * The datasets a kind is meant to draw: the dataset files that name exactly the tables it reads,
 * or, when there are none, every dataset it can draw.
 */
function candidates(kind: ChartKind, data: Tables): string[] {
  const roles = Object.keys(kind.reads).sort().join();
  const fitting = [...data.datasets.values()].filter((d) => misfit(kind, d, data) === null);
  const made = fitting.filter((d) => d.roles !== null && Object.keys(d.roles).sort().join() === roles);
  return (made.length ? made : fitting).map((d) => d.name);
}

/** The dataset a block draws: the one it names, or the one the deck's data folder has for the kind. */
function chooseDataset(kind: ChartKind, spec: ChartSpec, data: Tables): { name: string } | ChartProblem {
  const names = [...data.datasets.keys()];
  const fitting = candidates(kind, data);
  if (!spec.dataset) {
    if (fitting.length === 1) return { name: fitting[0]! };
    return {
      problem: `${spec.kind} 图要写 dataset: 数据集（dataset）`,
      hint: fitting.length
        ? `能画的数据集：${listZh(fitting)}；写成 dataset: ${fitting[0]!}`
        : `数据文件夹里没有 ${spec.kind} 图能画的数据：它读 ${readsZh(kind)}`,
    };
  }
  const dataset = data.datasets.get(spec.dataset);
  if (!dataset) {
    return {
      problem: `未知的数据集“${spec.dataset}”（dataset）`,
      hint: `${suggest(spec.dataset, names)}${
        fitting.length
          ? `${spec.kind} 图能画的数据集：${listZh(fitting)}`
          : `数据文件夹里没有 ${spec.kind} 图能画的数据`
      }`,
      key: 'dataset',
    };
  }
  const problem = misfit(kind, dataset, data);
  if (!problem) return { name: dataset.name };
  const other = fitting.filter((n) => n !== dataset.name);
  return other.length ? { ...problem, hint: `写成 dataset: ${other[0]!}，或换一种图表类型；${problem.hint}` } : problem;
}

function prepareChart(kind: ChartKind, name: string, spec: ChartSpec, data: Tables): ChartPayload {
  const dataset = openDataset(name, Object.keys(kind.reads), data);
  const options = resolveOptions(kind, spec);
  return { kind: kind.name, options, data: kind.prepare(dataset, options) };
}

/**
 * Prepares the runtime payload of one chart that `validateChart` accepted.
 * @throws Error for a kind or dataset that does not exist (validation would have stopped the build).
 */
export function chartPayload(spec: ChartSpec, data: Tables): ChartPayload {
  const kind = kindNamed(spec.kind);
  if (!kind) throw new Error(`unknown chart kind "${spec.kind}"`);
  if (kind.generic) return genericPayload(spec, data.tables);
  const chosen = chooseDataset(kind, spec, data);
  if ('problem' in chosen) throw new Error(chosen.problem);
  return prepareChart(kind, chosen.name, spec, data);
}

/**
 * The dataset a chart that `validateChart` accepted draws: the one its block names, or (a built-in
 * kind's block that names none) the one the deck's data folder has for its kind; null when none.
 */
export function chartDataset(spec: ChartSpec, data: Tables): string | null {
  const kind = kindNamed(spec.kind);
  if (!kind) return null;
  if (kind.generic) return data.datasets.has(spec.dataset) ? spec.dataset : null;
  const chosen = chooseDataset(kind, spec, data);
  return 'problem' in chosen ? null : chosen.name;
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
  const columns = checkColumns(table, spec.options, kind.ranked === true);
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
function checkColumns(table: SidecarTable, options: Record<string, unknown>, ranked: boolean): ChartProblem | null {
  const columns = table.sidecar.columns;
  const names = Object.keys(columns);
  const years = names.filter((n) => columns[n]!.type.type === 'year');
  const numbers = names.filter((n) => ['number', 'integer'].includes(columns[n]!.type.type));
  const data = table.sidecar.csv;
  if (ranked && options.label !== undefined && (typeof options.label !== 'string' || !names.includes(options.label))) {
    return {
      problem: `label 应为 ${data} 里的一列，这里是 ${JSON.stringify(options.label)}（label column）`,
      hint: `${suggest(String(options.label), names)}可用的列：${listZh(names)}`,
      key: 'label',
    };
  }
  const x = options.x ?? years[0];
  if (!(ranked && x === undefined) && (typeof x !== 'string' || !years.includes(x))) {
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
