import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import { shownPath, type DeckFolder } from '../../deck-folder.ts';
import { DeckError, listZh, Problems, suggest, type SourcePlace } from '../../markdown/errors.ts';
import { own } from '../../markdown/own.ts';
import { parseYaml, type ParsedYaml } from '../../markdown/yaml.ts';
import { parseTable, type ColumnType, type Range, type TableRow, type TableSchema } from './csv.ts';

/** One column of a CSV as its sidecar describes it. */
export interface SidecarColumn {
  type: ColumnType;
  /** What the column is called on the chart, the legend and the data table (default: its name). */
  label: string;
  /** Unit after a value (`%`, `万人`); empty when none. */
  unit: string;
}

/**
 * The description written beside a CSV (`城镇化.csv` + `城镇化.yaml`): what its columns hold, and the
 * source line every chart of it shows. Data, not code: a new CSV needs no TypeScript.
 */
export interface Sidecar {
  /** The dataset's name in a ```chart block: the file name without `.csv`. */
  name: string;
  /** The CSV it describes, in the deck's data folder. */
  csv: string;
  /** What the data is, for the chart's default title and `npm run deck -- help`. */
  title: string;
  /** The one-line source under every chart of this data (required). */
  source: string;
  /** A caveat under the chart; empty when none. */
  footnote: string;
  /** Where the figures come from in full (publications, source ids), for the help and the sources slide; empty when none. */
  provenance: string;
  /** The terms the data is published under; empty when none. */
  licence: string;
  columns: Readonly<Record<string, SidecarColumn>>;
  schema: TableSchema;
}

/** The fields of a sidecar, with what each is (the table behind "unknown field" and the help). */
export const SIDECAR_FIELDS: Readonly<Record<string, { required: boolean; doc: string }>> = {
  title: { required: false, doc: '数据的名称，图表不写 title 时用它' },
  source: { required: true, doc: '图表下方的来源一行，如 国家统计局，常住人口城镇化率' },
  footnote: { required: false, doc: '图表下方的注释（口径、缺失年份等）' },
  provenance: { required: false, doc: '数据的完整出处（出版物、来源编号），供来源页和 npm run deck -- help' },
  licence: { required: false, doc: '数据的使用许可，如 政府公开统计数据' },
  columns: { required: true, doc: 'CSV 的每一列：类型 type，可写 label、unit、min、max、optional' },
  key: { required: false, doc: '每行唯一的列，如 [year]（默认：第一列）' },
};

/** The fields of one column. */
export const COLUMN_FIELDS: Readonly<Record<string, string>> = {
  type: 'year（年份）、integer（整数）、number（数字）、text（文字）、enum（取自 values 的几个词之一）',
  values: 'enum 列可取的值，如 [official, third_party]',
  label: '列的名称，图例和数据表用它（默认：列名）',
  unit: '单位，如 % 或 万人',
  min: '最小值：小于它的数值会让构建停下',
  max: '最大值：大于它的数值会让构建停下',
  optional: 'true：格子可以空着（缺失）',
};

const TYPES = ['year', 'integer', 'number', 'text', 'enum'] as const;

/**
 * Reads a sidecar (`file`, its YAML `text`) for the CSV `csv`. Every problem is collected with its
 * `file:line:column`, and what to write instead.
 * @throws DeckError (DeckErrors for several).
 */
export function parseSidecar(file: string, text: string, csv: string): Sidecar {
  const problems = new Problems();
  const parsed = parseYaml(text, file, 1);
  const root = parsed.doc.contents as YamlNode | null;
  const top: SourcePlace = { file, line: 1 };
  if (!isMap(root)) {
    throw new DeckError(
      top,
      '数据说明不是“字段: 值”的形式（sidecar）',
      '每行写一个字段：source: 来源，columns: 和它下面的各列',
    );
  }
  const fields = new Map<string, { node: YamlNode | null; place: SourcePlace }>();
  for (const item of root.items) {
    const key = isScalar(item.key) ? String(item.key.value) : String(item.key);
    const place = parsed.placeOf((item.key as YamlNode | null)?.range?.[0]);
    if (!own(SIDECAR_FIELDS, key)) {
      problems.add(
        new DeckError(
          place,
          `数据说明里未知的字段“${key}”（sidecar field）`,
          `${suggest(key, Object.keys(SIDECAR_FIELDS))}可用的字段：${listZh(Object.keys(SIDECAR_FIELDS))}`,
        ),
      );
      continue;
    }
    fields.set(key, { node: item.value as YamlNode | null, place });
  }
  for (const [key, rule] of Object.entries(SIDECAR_FIELDS)) {
    if (rule.required && !fields.has(key)) {
      problems.add(new DeckError(top, `数据说明缺少 ${key}（${rule.doc}）`, `加一行 ${key}: …`));
    }
  }
  const line = (key: string): string => {
    const f = fields.get(key);
    if (!f) return '';
    if (isScalar(f.node) && (typeof f.node.value === 'string' || typeof f.node.value === 'number')) {
      return String(f.node.value).trim();
    }
    problems.add(new DeckError(f.place, `${key} 应为一行文字（sidecar）`, `写成 ${key}: 文字`));
    return '';
  };
  const source = line('source');
  if (fields.has('source') && source === '') {
    problems.add(
      new DeckError(
        fields.get('source')!.place,
        'source 是空的：图表下方必须有来源（source line）',
        '写成 source: 发布机构，指标名称',
      ),
    );
  }
  const columns = readColumns(fields.get('columns'), parsed, problems);
  const names = Object.keys(columns);
  let key = names.slice(0, 1);
  const keyField = fields.get('key');
  if (keyField) {
    const value = keyField.node?.toJSON() as unknown;
    const list = Array.isArray(value) ? value : [value];
    const unknown = list.find((k) => typeof k !== 'string' || !Object.hasOwn(columns, k));
    if (unknown !== undefined || list.length === 0) {
      problems.add(
        new DeckError(
          keyField.place,
          `key 里的“${String(unknown)}”不是 columns 里的列（key）`,
          `${suggest(String(unknown), names)}写成 key: [${names[0] ?? 'year'}]`,
        ),
      );
    } else key = list as string[];
  }
  problems.throwIfAny([file]);
  const name = csv.replace(/\.csv$/i, '');
  return {
    name,
    csv,
    title: line('title') || name,
    source,
    footnote: line('footnote'),
    provenance: line('provenance'),
    licence: line('licence'),
    columns,
    schema: { columns: Object.fromEntries(names.map((n) => [n, columns[n]!.type])), key },
  };
}

function readColumns(
  field: { node: YamlNode | null; place: SourcePlace } | undefined,
  parsed: ParsedYaml,
  problems: Problems,
): Record<string, SidecarColumn> {
  const out: Record<string, SidecarColumn> = {};
  if (!field) return out;
  if (!isMap(field.node) || field.node.items.length === 0) {
    problems.add(
      new DeckError(
        field.place,
        'columns 下面要列出 CSV 的每一列（columns）',
        '在 columns: 下面空两格，每列一行，如   year: { type: year }',
      ),
    );
    return out;
  }
  for (const item of field.node.items) {
    const name = isScalar(item.key) ? String(item.key.value) : String(item.key);
    const place = parsed.placeOf((item.key as YamlNode | null)?.range?.[0]);
    const column = problems.attempt(() => readColumn(name, item.value as YamlNode | null, place, parsed));
    if (column) out[name] = column;
  }
  return out;
}

function readColumn(name: string, node: YamlNode | null, place: SourcePlace, parsed: ParsedYaml): SidecarColumn {
  // `year: year` is short for `year: { type: year }`.
  const value = (isScalar(node) ? { type: node.value } : (node?.toJSON() ?? {})) as Record<string, unknown>;
  if (typeof value !== 'object' || Array.isArray(value) || isSeq(node)) {
    throw new DeckError(
      place,
      `列 ${name} 的说明不是“字段: 值”的形式（column）`,
      `写成 ${name}: { type: number, unit: "%" }`,
    );
  }
  for (const key of Object.keys(value)) {
    if (own(COLUMN_FIELDS, key) === undefined) {
      const at = isMap(node)
        ? parsed.placeOf(
            (node.items.find((i) => isScalar(i.key) && i.key.value === key)?.key as YamlNode | undefined)?.range?.[0],
          )
        : place;
      throw new DeckError(
        at,
        `列 ${name} 的说明里未知的字段“${key}”（column field）`,
        `${suggest(key, Object.keys(COLUMN_FIELDS))}可用的字段：${listZh(Object.keys(COLUMN_FIELDS))}`,
      );
    }
  }
  const type = value.type;
  if (typeof type !== 'string' || !(TYPES as readonly string[]).includes(type)) {
    throw new DeckError(
      place,
      `列 ${name} 的类型“${String(type ?? '')}”不对（column type）`,
      `${suggest(String(type ?? ''), TYPES)}type 写 ${listZh(TYPES)} 之一`,
    );
  }
  const bound = (key: 'min' | 'max'): number | undefined => {
    const v = value[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new DeckError(
        place,
        `列 ${name} 的 ${key} 应为数字，这里是 ${JSON.stringify(v)}（${key}）`,
        `写成 ${key}: 0`,
      );
    }
    return v;
  };
  const min = bound('min');
  const max = bound('max');
  if ((min !== undefined || max !== undefined) && type !== 'number' && type !== 'integer' && type !== 'year') {
    throw new DeckError(
      place,
      `列 ${name} 是 ${type}，不能写 min 或 max（range）`,
      '只给 number、integer 或 year 列写范围',
    );
  }
  const values = value.values;
  if (type === 'enum' && (!Array.isArray(values) || values.length === 0 || values.some((v) => typeof v !== 'string'))) {
    throw new DeckError(
      place,
      `enum 列 ${name} 要写 values：可取的值（enum values）`,
      `写成 ${name}: { type: enum, values: [甲, 乙] }`,
    );
  }
  if (type !== 'enum' && values !== undefined) {
    throw new DeckError(place, `列 ${name} 是 ${type}，不能写 values（enum values）`, '只有 type: enum 的列写 values');
  }
  const optional = value.optional === true;
  const text = (key: 'label' | 'unit'): string =>
    typeof value[key] === 'string' || typeof value[key] === 'number' ? String(value[key]) : '';
  const label = text('label') || name;
  const range: Range = {
    min: min ?? -Infinity,
    max: max ?? Infinity,
    what: label,
  };
  const ranged = min !== undefined || max !== undefined ? { range } : {};
  const columnType: ColumnType =
    type === 'number' || type === 'integer' || type === 'year'
      ? { type, optional, ...ranged }
      : type === 'enum'
        ? { type, values: values as string[], optional }
        : { type: 'text', optional };
  return { type: columnType, label, unit: text('unit') };
}

/** A CSV and its sidecar, read and checked: what a generic chart draws. */
export interface SidecarTable {
  sidecar: Sidecar;
  rows: TableRow[];
}

/**
 * Every CSV in the deck's data folder that has a sidecar (`名字.csv` + `名字.yaml`), read and checked
 * against it. A sidecar without its CSV is a problem too. Files are named as messages show them.
 * @throws DeckError (DeckErrors for several) with `file:line:column`.
 */
export function loadSidecarTables(deck: DeckFolder): Map<string, SidecarTable> {
  const out = new Map<string, SidecarTable>();
  if (!existsSync(deck.data)) return out;
  const problems = new Problems();
  for (const name of readdirSync(deck.data)
    .filter((f) => /\.ya?ml$/i.test(f))
    .sort()) {
    const yamlPath = path.join(deck.data, name);
    const csv = name.replace(/\.ya?ml$/i, '.csv');
    const csvPath = path.join(deck.data, csv);
    const text = readFileSync(yamlPath, 'utf8');
    // A dataset file (tables: by role) describes no CSV of its own: src/charts/data/deck-data.ts reads it.
    if (isDatasetFile(text)) continue;
    problems.attempt(() => {
      if (!existsSync(csvPath)) {
        throw new DeckError(
          { file: shownPath(deck, yamlPath), line: 1 },
          `数据说明旁边没有同名的 CSV 文件 ${csv}（sidecar without CSV）`,
          `把数据存为 ${shownPath(deck, csvPath)}（和 .yaml 同名，扩展名 .csv，编码 UTF-8）`,
        );
      }
      const sidecar = parseSidecar(shownPath(deck, yamlPath), text, csv);
      const rows = parseTable(shownPath(deck, csvPath), readFileSync(csvPath, 'utf8'), sidecar.schema);
      out.set(sidecar.name, { sidecar, rows });
    });
  }
  problems.throwIfAny();
  return out;
}

/** Whether a YAML file in the data folder is a dataset file (it has a top-level `tables:` field). */
export function isDatasetFile(text: string): boolean {
  return /^tables\s*:/m.test(text);
}
