import { DATASET_FIELDS, type DeckData } from '../charts/data/deck-data.ts';
import { COLUMN_FIELDS, SIDECAR_FIELDS } from '../charts/data/sidecar.ts';
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
export function helpText(data: DeckData = { tables: new Map(), datasets: new Map() }): string {
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
    '== 资料来源（```sources 代码块，写在资料来源页的 Note: 之上，块里不写字）==',
    '  列出各图表所用数据的名称、来源一行（source）和许可（licence），完整出处（provenance）放进这一页的备注；',
    '  都取自数据说明（.yaml），加一个 CSV 和图表，它的来源就出现在这一页',
    '',
    '== 图表（```chart 代码块，写在 Note: 之上）==',
  ];
  for (const kind of KINDS) {
    out.push(`  kind: ${kind.name}  ${kind.zh}`);
    const reads = Object.entries(kind.reads).map(([role, columns]) => `${role}（${columns.join('、')}）`);
    out.push(
      kind.generic
        ? '    dataset: 数据文件夹里一个带数据说明的 CSV 的名字（不带 .csv）'
        : `    dataset: 有这些表和列的数据集：${reads.join('、')}（不写时用正好写了这些表的数据集文件）`,
    );
    for (const [name, option] of Object.entries(kind.options)) {
      out.push(`    ${name}: ${describeOption(option.type)}。${option.zh}。默认：${shown(option.default)}`);
    }
  }
  out.push(
    '',
    '== 数据（放在数据文件夹里：CSV 加同名的 .yaml 数据说明；几张表合成的数据集写一个带 tables: 的 .yaml）==',
    '  数据说明（名字.yaml，和 名字.csv 放在一起）的字段：',
    ...Object.entries(SIDECAR_FIELDS).map(([k, f]) => `    ${k}:${f.required ? '（必填）' : ''} ${f.doc}`),
    '  columns: 下面每列的字段：',
    ...Object.entries(COLUMN_FIELDS).map(([k, doc]) => `    ${k}: ${doc}`),
    '  数据集文件（名字.yaml，没有同名的 CSV）的字段：',
    ...Object.entries(DATASET_FIELDS).map(([k, f]) => `    ${k}:${f.required ? '（必填）' : ''} ${f.doc}`),
    '',
    '== 这个演示文稿的数据集（dataset: …）==',
  );
  if (data.datasets.size === 0) out.push('  这个演示文稿还没有带数据说明的 CSV。');
  for (const dataset of data.datasets.values()) {
    out.push(`  dataset: ${dataset.name}  ${dataset.info.title}  来源：${dataset.info.source}`);
    const tables = dataset.roles === null ? { '': dataset.name } : dataset.roles;
    for (const [role, csv] of Object.entries(tables)) {
      const sidecar = data.tables.get(csv)!.sidecar;
      const columns = Object.entries(sidecar.columns).map(([column, c]) => {
        const type = c.type.type === 'enum' ? c.type.values.join('|') : COLUMN_TYPES[c.type.type]!;
        return `${column}（${type}${c.label !== column ? `，${c.label}` : ''}${c.unit ? `，${c.unit}` : ''}${c.type.optional ? '，可空' : ''}）`;
      });
      out.push(`    ${role ? `${role}: ` : ''}${sidecar.csv}：${columns.join('、')}`);
    }
  }
  return out.join('\n');
}
