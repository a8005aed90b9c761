import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, type Node as YamlNode } from 'yaml';
import { asDeck, shownPath, type DeckFolder } from '../../deck-folder.ts';
import { DeckError, listZh, Problems, suggest, type SourcePlace } from '../../markdown/errors.ts';
import { own } from '../../markdown/own.ts';
import { parseYaml } from '../../markdown/yaml.ts';
import { isDatasetFile, loadSidecarTables, type SidecarTable } from './sidecar.ts';

/** How a dataset is credited: data, written in the deck's data folder, never in code. */
export interface DatasetInfo {
  /** What the data is (the help; a generic chart's default title). */
  title: string;
  /** Publisher and indicator, in Chinese, for the one-line source under the chart. */
  source: string;
  /** A caveat under the chart; empty when none. */
  footnote: string;
  /** Full provenance, for the help and the sources slide. */
  provenance: string;
  licence: string;
}

/**
 * A dataset a ```chart block may name: one CSV with its sidecar (`名字.csv` + `名字.yaml`), or a
 * dataset file (`名字.yaml` with `tables:`) that names several CSVs, each by the role a chart kind
 * reads it in (`estimates: wb_urban_pct_1960_2024`).
 */
export interface DeckDataset {
  name: string;
  /** The file that describes it, as messages show it. */
  file: string;
  info: DatasetInfo;
  /** The CSV (name without `.csv`) per role; null for a single CSV, which fills a kind's one role. */
  roles: Readonly<Record<string, string>> | null;
  /** File line and column of each role in a dataset file. */
  places: Readonly<Record<string, SourcePlace>>;
}

/** Everything in a deck's data folder: its CSVs with their sidecars, and the datasets over them. */
export interface DeckData {
  /** Every CSV that has a sidecar, by name (without `.csv`). */
  tables: ReadonlyMap<string, SidecarTable>;
  /** Every dataset a chart may name: each CSV, and each dataset file. */
  datasets: ReadonlyMap<string, DeckDataset>;
}

/** The fields of a dataset file, with what each is (the table behind "unknown field" and the help). */
export const DATASET_FIELDS: Readonly<Record<string, { required: boolean; doc: string }>> = {
  title: { required: false, doc: '数据集的名称' },
  source: { required: true, doc: '图表下方的来源一行' },
  footnote: { required: false, doc: '图表下方的注释' },
  provenance: { required: false, doc: '数据的完整出处（出版物、来源编号）' },
  licence: { required: false, doc: '数据的使用许可' },
  tables: {
    required: true,
    doc: '用到的 CSV，每行“角色: CSV 名（不带 .csv）”，角色见 npm run deck -- help 里各图表类型要的表',
  },
};

/**
 * Reads a dataset file (`file`, its YAML `text`, named `name`) against the CSVs that have sidecars.
 * @throws DeckError (DeckErrors for several) with `file:line:column`.
 */
export function parseDatasetFile(file: string, text: string, name: string, csvs: readonly string[]): DeckDataset {
  const problems = new Problems();
  const parsed = parseYaml(text, file, 1);
  const root = parsed.doc.contents as YamlNode | null;
  const top: SourcePlace = { file, line: 1 };
  if (!isMap(root)) {
    throw new DeckError(
      top,
      '数据集文件不是“字段: 值”的形式（dataset file）',
      '每行写一个字段：source: 来源，tables: 和它下面的各表',
    );
  }
  const text$ = (key: string): string => {
    const node = root.get(key, true) as YamlNode | undefined;
    return isScalar(node) && node.value !== null ? String(node.value).trim() : '';
  };
  const roles: Record<string, string> = {};
  const places: Record<string, SourcePlace> = {};
  const seen = new Set<string>();
  for (const item of root.items) {
    const key = isScalar(item.key) ? String(item.key.value) : String(item.key);
    const place = parsed.placeOf((item.key as YamlNode | null)?.range?.[0]);
    seen.add(key);
    if (!own(DATASET_FIELDS, key)) {
      problems.add(
        new DeckError(
          place,
          `数据集文件里未知的字段“${key}”（dataset field）`,
          `${suggest(key, Object.keys(DATASET_FIELDS))}可用的字段：${listZh(Object.keys(DATASET_FIELDS))}`,
        ),
      );
      continue;
    }
    if (key !== 'tables') continue;
    const node = item.value as YamlNode | null;
    if (!isMap(node) || node.items.length === 0) {
      problems.add(
        new DeckError(
          place,
          'tables 下面要列出用到的 CSV（tables）',
          '在 tables: 下面空两格，每行写“角色: CSV 名”，如   national: 城镇化',
        ),
      );
      continue;
    }
    for (const table of node.items) {
      const role = isScalar(table.key) ? String(table.key.value) : String(table.key);
      const at = parsed.placeOf((table.key as YamlNode | null)?.range?.[0]);
      const csv = isScalar(table.value) ? String(table.value.value ?? '').replace(/\.csv$/i, '') : '';
      places[role] = at;
      if (!csvs.includes(csv)) {
        problems.add(
          new DeckError(
            at,
            `表“${csv}”不在数据文件夹里，或没有数据说明（dataset table）`,
            `${suggest(csv, csvs)}${csvs.length ? `可用的 CSV：${listZh(csvs)}；` : ''}把 ${csv || '名字'}.csv 和说明它的 ${csv || '名字'}.yaml 放进数据文件夹`,
          ),
        );
        continue;
      }
      roles[role] = csv;
    }
  }
  for (const [key, rule] of Object.entries(DATASET_FIELDS)) {
    if (rule.required && !seen.has(key))
      problems.add(new DeckError(top, `数据集文件缺少 ${key}（${rule.doc}）`, `加一行 ${key}: …`));
  }
  if (seen.has('source') && text$('source') === '') {
    problems.add(
      new DeckError(top, 'source 是空的：图表下方必须有来源（source line）', '写成 source: 发布机构，指标名称'),
    );
  }
  problems.throwIfAny([file]);
  return {
    name,
    file,
    info: {
      title: text$('title') || name,
      source: text$('source'),
      footnote: text$('footnote'),
      provenance: text$('provenance'),
      licence: text$('licence'),
    },
    roles,
    places,
  };
}

/**
 * Reads a deck's data folder: every CSV with its sidecar, checked against it, and every dataset file.
 * @param folder the deck, or a project root for its own deck.
 * @throws DeckError (DeckErrors for several) with `file:line:column`.
 */
export function loadDeckData(folder: DeckFolder | string): DeckData {
  const deck = asDeck(folder);
  const tables = loadSidecarTables(deck);
  const datasets = new Map<string, DeckDataset>();
  for (const [name, table] of tables) {
    const { sidecar } = table;
    datasets.set(name, {
      name,
      file: shownPath(deck, path.join(deck.data, name + '.yaml')),
      info: {
        title: sidecar.title,
        source: sidecar.source,
        footnote: sidecar.footnote,
        provenance: sidecar.provenance,
        licence: sidecar.licence,
      },
      roles: null,
      places: {},
    });
  }
  if (!existsSync(deck.data)) return { tables, datasets };
  const problems = new Problems();
  for (const file of readdirSync(deck.data)
    .filter((f) => /\.ya?ml$/i.test(f))
    .sort()) {
    const abs = path.join(deck.data, file);
    const text = readFileSync(abs, 'utf8');
    if (!isDatasetFile(text)) continue;
    const name = file.replace(/\.ya?ml$/i, '');
    const dataset = problems.attempt(() => parseDatasetFile(shownPath(deck, abs), text, name, [...tables.keys()]));
    if (dataset) datasets.set(name, dataset);
  }
  problems.throwIfAny();
  return { tables, datasets };
}
