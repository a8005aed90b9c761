import { csvParseRows } from 'd3-dsv';
import { DeckError, listZh, suggest } from '../../markdown/errors.ts';

/** The type of one CSV column. Empty cells are allowed only where `optional` is set. */
export type ColumnType =
  | { type: 'year'; optional?: boolean; range?: Range }
  | { type: 'integer'; optional?: boolean; range?: Range }
  | { type: 'number'; optional?: boolean; range?: Range }
  | { type: 'text'; optional?: boolean }
  | { type: 'enum'; values: readonly string[]; optional?: boolean };

/** The plausible values of a numeric column, inclusive, and what they measure (for messages). */
export interface Range {
  min: number;
  max: number;
  /** What the column holds, in Chinese, e.g. `城镇化率`. */
  what: string;
}

/** The most a data file may hold: the charts draw a few hundred rows; far more is a mistake. */
export const DATA_LIMITS = { chars: 2_000_000, rows: 20_000 } as const;

/** The schema of one CSV file: its columns in order and the columns that form a row's key. */
export interface TableSchema {
  columns: Readonly<Record<string, ColumnType>>;
  /** Columns whose values together must be unique (e.g. `['measure', 'year']`). */
  key: readonly string[];
}

/** A cell after validation: numbers for `year`/`integer`/`number` columns, strings otherwise, null when empty. */
export type Cell = string | number | null;
export type Row = Record<string, Cell>;

/** A validated row with the 1-based line it came from. */
export interface TableRow {
  line: number;
  values: Row;
  /** The cells as written (trimmed), e.g. `67.00`, so values are shown exactly as published. */
  raw: Record<string, string>;
}

const NUMBER = /^-?\d+(?:\.\d+)?$/;
const YEAR = /^\d{4}$/;

/** Where each record and field starts, and where a quoted cell opened that never closed. */
export interface CsvLayout {
  /** 1-based line and column of every record and of each of its fields. */
  records: { line: number; columns: number[] }[];
  /** The opening quote of a quoted cell that runs to the end of the file, or null. */
  unterminated: { line: number; column: number } | null;
}

/**
 * Scans CSV text (LF line ends) as d3-dsv reads it (RFC 4180: a quote opens a quoted cell only at
 * the start of a field), so a quoted comma or line break does not shift the positions of later
 * cells, and a quote left open is found where it opened.
 */
export function scanCsv(text: string): CsvLayout {
  const records: CsvLayout['records'] = [];
  let line = 1;
  let col = 1;
  let current: { line: number; columns: number[] } | null = null;
  let inQuotes = false;
  let fieldStart = true;
  let opened: { line: number; column: number } | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    current ??= { line, columns: [col] };
    if (inQuotes) {
      if (ch === '"' && text[i + 1] === '"') {
        i++;
        col++;
      } else if (ch === '"') inQuotes = false;
    } else if (ch === '"' && fieldStart) {
      inQuotes = true;
      opened = { line, column: col };
    } else if (ch === ',') current.columns.push(col + 1);
    else if (ch === '\n') {
      records.push(current);
      current = null;
    }
    fieldStart = !inQuotes && (ch === ',' || ch === '\n');
    if (ch === '\n') {
      line++;
      col = 1;
    } else col++;
  }
  if (current) records.push(current);
  return { records, unterminated: inQuotes ? opened : null };
}

/** Where each record and field starts: 1-based line and column (see scanCsv). */
export function cellPositions(text: string): { line: number; columns: number[] }[] {
  return scanCsv(text.replace(/\r\n?/g, '\n')).records;
}

function describe(type: ColumnType): string {
  switch (type.type) {
    case 'year':
      return '四位数的年份，如 2011';
    case 'integer':
      return '整数，如 7';
    case 'number':
      return '数字，如 51.27（只写数字和小数点，不写 % 或千位分隔符）';
    case 'text':
      return '文字';
    case 'enum':
      return `${listZh(type.values)} 之一`;
  }
}

/** What is wrong with a number read from a cell: not finite, or outside its column's range. */
function rangeProblem(
  name: string,
  raw: string,
  value: number,
  type: ColumnType,
): { problem: string; hint: string } | null {
  const shown = raw.length > 24 ? `${raw.slice(0, 24)}…` : raw;
  if (!Number.isFinite(value)) {
    return { problem: `列 "${name}" 的值 "${shown}" 不是有限的数（位数太多）`, hint: '写一个普通的数，例如 51.27' };
  }
  const range = 'range' in type ? type.range : undefined;
  if (range && (value < range.min || value > range.max)) {
    return {
      problem: `列 "${name}" 的值 ${shown} 超出合理范围 ${bound(range.min)}–${bound(range.max)}（${range.what}）`,
      hint: '检查是否抄错（多了或少了位数、多了负号）；确实超出时，改数据说明（.yaml）里这一列的 min 和 max',
    };
  }
  return null;
}

/** A range's end as a message shows it: `…` where the range is open. */
function bound(value: number): string {
  return Number.isFinite(value) ? String(value) : '…';
}

function readCell(raw: string, type: ColumnType): Cell | undefined {
  const v = raw.trim();
  if (v === '') return type.optional || type.type === 'text' ? null : undefined;
  switch (type.type) {
    case 'year':
      return YEAR.test(v) ? Number(v) : undefined;
    case 'integer':
      return /^\d+$/.test(v) ? Number(v) : undefined;
    case 'number':
      return NUMBER.test(v) ? Number(v) : undefined;
    case 'text':
      return v;
    case 'enum':
      return type.values.includes(v) ? v : undefined;
  }
}

/**
 * Parses and validates one CSV file (d3-dsv) against its schema.
 * Pure. Accepts a byte-order mark and CRLF, CR or mixed line ends. @throws DeckError with
 * `file:line:column` for text that was not UTF-8, a file beyond DATA_LIMITS, a quote left open, an
 * empty file, a missing or unexpected column, a row of the wrong width, a bad cell, a number that
 * is not finite or outside its column's range, or a duplicate key.
 */
export function parseTable(file: string, text: string, schema: TableSchema): TableRow[] {
  const source = text.replace(/^\uFEFF/, '');
  const bad = source.indexOf('\uFFFD');
  if (bad >= 0) {
    const before = source.slice(0, bad).split(/\r\n|\r|\n/);
    throw new DeckError(
      { file, line: before.length, column: before.at(-1)!.length + 1 },
      '数据文件不是 UTF-8 编码（not UTF-8）',
      '用表格软件另存为“CSV UTF-8”，表头和数值保持不变',
    );
  }
  if (source.length > DATA_LIMITS.chars) {
    throw new DeckError(
      { file, line: 1 },
      `数据文件太大（${source.length} 个字符，上限 ${DATA_LIMITS.chars}）`,
      '数据文件只放图表要画的数据：先筛选出需要的行和列',
    );
  }
  // CR-only and mixed line ends count as line ends, as d3-dsv reads them: positions agree.
  const lf = source.replace(/\r\n?/g, '\n');
  const { records: positions, unterminated } = scanCsv(lf);
  if (unterminated) {
    throw new DeckError(
      { file, ...unterminated },
      '引号没有闭合（unterminated quote）：从这里到文件末尾都被读成了一个单元格',
      '在这个单元格的结尾补上 "；单元格里的引号写成两个 ""',
    );
  }
  const rows = csvParseRows(lf);
  if (rows.length - 1 > DATA_LIMITS.rows) {
    throw new DeckError(
      { file, line: 1 },
      `数据文件有 ${rows.length - 1} 行，超过上限 ${DATA_LIMITS.rows} 行`,
      '数据文件只放图表要画的数据：先筛选出需要的行',
    );
  }
  const expected = Object.keys(schema.columns);
  if (rows.length === 0 || rows[0]!.every((c) => c.trim() === '')) {
    throw new DeckError(
      { file, line: 1 },
      '数据文件是空的（empty data file）',
      `按来源（见 SOURCES.md）恢复表头（${expected.join(',')}）和数据行`,
    );
  }
  const header = rows[0]!.map((h) => h.trim());
  for (const name of expected) {
    if (!header.includes(name)) {
      throw new DeckError(
        { file, line: 1 },
        `缺少列“${name}”（missing column）`,
        `表头要有这些列：${listZh(expected)}`,
      );
    }
  }
  header.forEach((name, i) => {
    if (!expected.includes(name)) {
      throw new DeckError(
        { file, line: positions[0]!.line, column: positions[0]!.columns[i] },
        `多了一列“${name}”（unexpected column）`,
        `${suggest(name, expected)}表头只能是这些列：${listZh(expected)}；要加新列，先写进数据集的说明`,
      );
    }
  });
  if (rows.length === 1) {
    throw new DeckError(
      { file, line: 1 },
      '数据文件只有表头，没有数据行（no rows）',
      '按来源（见 SOURCES.md）恢复数据行',
    );
  }
  const seen = new Map<string, number>();
  const out: TableRow[] = [];
  rows.slice(1).forEach((cells, r) => {
    const pos = positions[r + 1] ?? { line: r + 2, columns: [] };
    if (cells.length !== header.length) {
      throw new DeckError(
        { file, line: pos.line },
        `这一行有 ${cells.length} 格，表头有 ${header.length} 列（row width）`,
        '每行每列一格；格子里有逗号时整格加引号，如 "a, b"',
      );
    }
    const values: Row = {};
    const raw: Record<string, string> = {};
    header.forEach((name, i) => {
      raw[name] = cells[i]!.trim();
      const type = schema.columns[name]!;
      const value = readCell(cells[i]!, type);
      if (value === undefined) {
        const cell = cells[i]!;
        throw new DeckError(
          { file, line: pos.line, column: pos.columns[i] ?? 1 },
          cell.trim() === ''
            ? `列“${name}”的格子是空的（empty cell）`
            : `列“${name}”里的值“${cell}”不合规（bad value）`,
          `写${/^[\x21-\x7e]/.test(describe(type)) ? ' ' : ''}${describe(type)}${type.optional ? '；没有数值时可以空着' : ''}`,
        );
      }
      const range = typeof value === 'number' ? rangeProblem(name, cells[i]!.trim(), value, type) : null;
      if (range) throw new DeckError({ file, line: pos.line, column: pos.columns[i] ?? 1 }, range.problem, range.hint);
      values[name] = value;
    });
    const key = schema.key.map((k) => String(values[k])).join(' ');
    const first = seen.get(key);
    if (first !== undefined) {
      const keyColumn = header.indexOf(schema.key[0]!);
      throw new DeckError(
        { file, line: pos.line, column: pos.columns[keyColumn] ?? 1 },
        `重复的一行：${schema.key.map((k) => `${k}=${String(values[k])}`).join('、')}，第 ${first} 行已经有了（duplicate key）`,
        `每个 ${schema.key.join(' 和 ')} 只留一行；不要取平均或合并数值`,
      );
    }
    seen.set(key, pos.line);
    out.push({ line: pos.line, values, raw });
  });
  return out;
}
