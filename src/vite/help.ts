import { DATASETS, TABLES, type TableName } from '../charts/data/datasets.ts';
import { COLUMN_FIELDS, SIDECAR_FIELDS, type SidecarTable } from '../charts/data/sidecar.ts';
import { describeOption } from '../charts/options.ts';
import { KINDS } from '../charts/registry.ts';
import { LAYOUT_DOCS, LAYOUTS, SLIDE_ATTRIBUTE_DOCS } from '../markdown/attributes.ts';
import { DECK_FIELDS, PART_FIELDS, PPTX_FIELDS, type FieldRule } from '../markdown/frontmatter.ts';
import { ROLES } from '../markdown/roles.ts';

/** How a column type reads in the help. */
const COLUMN_TYPES: Record<string, string> = {
  year: '年份',
  integer: '整数',
  number: '数字',
  text: '文字',
  enum: '取值之一',
};

/** A default value as the author would write it in a ```chart block. */
function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return '不写';
  if (Array.isArray(value)) return `[${value.map((v) => shown(v)).join(', ')}]`;
  return String(value);
}

function fields(title: string, rules: Readonly<Record<string, FieldRule>>, indent: string): string[] {
  return [
    title,
    ...Object.entries(rules).map(([key, rule]) => `${indent}${key}:${rule.required ? '（必填）' : ''} ${rule.doc}`),
  ];
}

/**
 * Everything an author can write, in Chinese: front matter, layouts, slide attributes, the notes,
 * chart kinds with their options and defaults, and datasets with their columns. Built from the
 * same tables the build validates against, so it cannot go stale. Pure.
 */
export function helpText(sidecars: ReadonlyMap<string, SidecarTable> = new Map()): string {
  const out: string[] = [
    '演示文稿写法速查（npm run deck -- help）',
    '详细说明见 docs/guide.md（使用指南）和 docs/authoring.md（写作参考）。',
    '',
    '== 文件开头的 front matter（--- 之间，每行“字段: 值”）==',
    ...fields('', PART_FIELDS, '  ').slice(1),
    ...fields('  deck: 下面（只写在第一个文件里，前面空两格）：', DECK_FIELDS, '    '),
    ...fields('    pptx: 下面（再空两格）：', PPTX_FIELDS, '      '),
    '',
    '== 幻灯片 ==',
    '  --- 单独一行：开始新的一页',
    '  第一行 {…}：这一页的属性（半角花括号），各项用空格隔开：',
    ...SLIDE_ATTRIBUTE_DOCS.map((a) => `    ${a.write}  ${a.doc}`),
    '  ## 标题：这一页的标题（标题页用 #）',
    '  Note:（或 Notes:、note:、备注：，冒号可全角）单独一行：下面是这一页的讲稿；也可以接着写在同一行',
    '  讲稿里的角色块：::: 角色名 …… :::',
    ...Object.entries(ROLES).map(([role, r]) => `    ::: ${role}（或 ::: ${r.alias}）  ${r.label}`),
    '',
    '== 版式（layout=…）==',
    ...LAYOUTS.map((l) => `  ${l}  ${LAYOUT_DOCS[l]}`),
    '',
    '== 图表（```chart 代码块，写在 Note: 之上）==',
  ];
  for (const kind of KINDS) {
    out.push(`  kind: ${kind.name}  ${kind.zh}`);
    out.push(`    dataset: ${kind.datasets.join(' 或 ')}（不写时用 ${kind.datasets[0]!}）`);
    for (const [name, option] of Object.entries(kind.options)) {
      out.push(`    ${name}: ${describeOption(option.type)}。${option.zh}。默认：${shown(option.default)}`);
    }
  }
  out.push('', '== 数据集（dataset: …）及其列 ==');
  for (const [name, info] of Object.entries(DATASETS)) {
    out.push(`  ${name}  来源：${info.source}`);
    for (const table of info.tables as readonly TableName[]) {
      const columns = Object.entries(TABLES[table].columns).map(([column, type]) => {
        const t = type as { type: string; optional?: boolean; values?: readonly string[] };
        const what = t.type === 'enum' ? `${t.values!.join('|')}` : COLUMN_TYPES[t.type]!;
        return `${column}（${what}${t.optional ? '，可空' : ''}）`;
      });
      out.push(`    ${table}：${columns.join('、')}`);
    }
  }
  out.push(
    '',
    '== 自己的数据（CSV 加同名的 .yaml 数据说明，放在数据文件夹里；用 kind: line 或 bar 画）==',
    '  数据说明（名字.yaml）的字段：',
    ...Object.entries(SIDECAR_FIELDS).map(([k, f]) => `    ${k}:${f.required ? '（必填）' : ''} ${f.doc}`),
    '  columns: 下面每列的字段：',
    ...Object.entries(COLUMN_FIELDS).map(([k, doc]) => `    ${k}: ${doc}`),
  );
  if (sidecars.size === 0) out.push('  这个演示文稿还没有带数据说明的 CSV。');
  for (const { sidecar } of sidecars.values()) {
    out.push(`  dataset: ${sidecar.name}  ${sidecar.title}  来源：${sidecar.source}`);
    const columns = Object.entries(sidecar.columns).map(
      ([column, c]) =>
        `${column}（${COLUMN_TYPES[c.type.type]!}${c.label !== column ? `，${c.label}` : ''}${c.unit ? `，${c.unit}` : ''}）`,
    );
    out.push(`    ${sidecar.csv}：${columns.join('、')}`);
  }
  return out.join('\n');
}
