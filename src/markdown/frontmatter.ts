import { isMap, isScalar, type Node as YamlNode } from 'yaml';
import { DeckError, listZh, suggest, type Problems, type SourcePlace } from './errors.ts';
import { own } from './own.ts';
import type { DeckMeta, Part, PartKind, SourceFile } from './types.ts';
import { cutByHash, parseYaml, type ParsedYaml } from './yaml.ts';

/** The front matter of one slide file, validated. */
export type PartFrontMatter = Pick<Part, 'id' | 'kind' | 'label' | 'title' | 'theme' | 'minutes'> & {
  /** Present only in the first file. */
  deck?: DeckMeta;
};

/** A file split into its front matter and its Markdown body. */
export interface SplitFile {
  frontMatter: PartFrontMatter;
  body: string;
  /** 1-based line of the body's first line in the file. */
  bodyLine: number;
}

export const PART_KINDS: readonly PartKind[] = ['opening', 'part', 'closing'];
export const ID_PATTERN = /^[a-z][a-z0-9-]*$/;

type FieldType = 'string' | 'id' | 'kind' | 'minutes' | 'boolean' | 'deck' | 'pptx';
/** One front-matter field: its type, whether it is required, and what it is (in Chinese). */
export interface FieldRule {
  type: FieldType;
  required: boolean;
  doc: string;
}

/** Fields of a part's front matter: the typed table behind "unknown field" messages and the help. */
export const PART_FIELDS: Readonly<Record<string, FieldRule>> = {
  id: { type: 'id', required: true, doc: '这一部分的 id：小写字母、数字和短横线，各文件不同' },
  kind: { type: 'kind', required: true, doc: 'opening（开篇）、part（正文部分）或 closing（结语）' },
  label: { type: 'string', required: true, doc: '短标签，显示在位置指示和结构图上，如 起' },
  title: { type: 'string', required: true, doc: '这一部分的标题' },
  theme: { type: 'string', required: false, doc: '短主题，显示在结构图上（不写时用标题）' },
  minutes: { type: 'minutes', required: true, doc: '计划用时（分钟），演讲者视图按它提示节奏' },
  deck: { type: 'deck', required: false, doc: '整场讲话的设置（只写在第一个文件里）' },
};

/** Fields of the `deck:` block. */
export const DECK_FIELDS: Readonly<Record<string, FieldRule>> = {
  title: { type: 'string', required: true, doc: '讲话的标题' },
  occasion: { type: 'string', required: false, doc: '会议名称' },
  speaker: { type: 'string', required: false, doc: '讲话人' },
  organiser: { type: 'string', required: false, doc: '主办单位' },
  date: { type: 'string', required: false, doc: '日期' },
  venue: { type: 'string', required: false, doc: '地点' },
  showEditorialMarks: { type: 'boolean', required: false, doc: 'true 或 false：投影上是否显示“概括”小标记' },
  clickToAdvance: { type: 'boolean', required: false, doc: 'true 或 false：点击幻灯片是否前进一步' },
  pptx: { type: 'pptx', required: false, doc: 'PowerPoint 文件的字体：下面写 font 和 fallback' },
};

/** Fields of the `pptx:` block of the deck settings. */
export const PPTX_FIELDS: Readonly<Record<string, FieldRule>> = {
  font: { type: 'string', required: false, doc: '每段文字用的字体，如 微软雅黑' },
  fallback: { type: 'string', required: false, doc: '备用字体：放映电脑没有 font 时用它' },
};

const FENCE = /^---\s*$/;
/** The longest front matter may be (characters). */
export const MAX_FRONT_MATTER = 10_000;

/**
 * Splits a slide file into validated front matter and body. Every problem found is recorded in
 * `problems` (the compile goes on to find the slides' problems too); fields that could not be read
 * take a stand-in value, so the result is always usable. `fallbackId` names the part then.
 * @throws DeckError when the body cannot be found at all (no front matter, not closed, empty file).
 */
export function parseFrontMatter(
  source: SourceFile,
  isFirst: boolean,
  problems: Problems,
  fallbackId = 'part',
): SplitFile {
  const { file, text } = source;
  if (text.trim() === '') {
    throw new DeckError(
      { file, line: 1 },
      '文件是空的（empty file）',
      '在开头写 front matter（--- 之间的 id、kind、label、title、minutes），再写至少一页幻灯片；或删去这个文件',
    );
  }
  const lines = text.split('\n');
  if (!FENCE.test(lines[0] ?? '')) {
    throw new DeckError(
      { file, line: 1 },
      '文件开头没有 front matter',
      '第一行写 ---，接着写 id、kind、label、title、minutes 各一行（字段: 值），再写一行 ---',
    );
  }
  const close = lines.findIndex((l, i) => i > 0 && FENCE.test(l));
  if (close < 0) {
    throw new DeckError({ file, line: 1 }, 'front matter 没有结束', '在 minutes 等字段之后加一行 ---，再写幻灯片');
  }
  const split = (fm: PartFrontMatter): SplitFile => ({
    frontMatter: fm,
    body: lines.slice(close + 1).join('\n'),
    bodyLine: close + 2,
  });
  const standIn: PartFrontMatter = {
    id: fallbackId,
    kind: 'part',
    label: '',
    title: '',
    theme: '',
    minutes: 1,
    ...(isFirst ? { deck: readDeck({}) } : {}),
  };
  const yamlText = lines.slice(1, close).join('\n');
  // Checked before YAML reads it: front matter is a few short fields.
  if (yamlText.length > MAX_FRONT_MATTER) {
    throw new DeckError(
      { file, line: 2 },
      `front matter 太长（${yamlText.length} 个字符，上限 ${MAX_FRONT_MATTER}）`,
      '只写 id、kind、label、title、theme、minutes（第一个文件再加 deck:）这几个短字段',
    );
  }
  const parsed = problems.attempt(() => parseYaml(yamlText, file, 2));
  if (!parsed) return split(standIn);
  for (const cut of cutByHash(parsed, yamlText)) {
    problems.warn(
      cut.place,
      `# 之后的文字被当成注释删去了：读到的值是“${cut.value}”（YAML comment）`,
      `如果 # 是值的一部分，给整个值加引号："${cut.whole}"`,
    );
  }
  const root = parsed.doc.contents;
  if (!isMap(root)) {
    problems.add(
      new DeckError({ file, line: 2 }, 'front matter 不是“字段: 值”的形式', '每行写一个字段，如 title: 标题'),
    );
    return split(standIn);
  }
  const fields = readMap(root, PART_FIELDS, parsed, 'front matter', { file, line: 2 }, problems);
  const deckLine = fields.lines.deck;
  if (fields.values.deck !== undefined && !isFirst) {
    problems.add(
      new DeckError(
        { file, line: deckLine ?? 2 },
        'deck: 设置只能写在第一个文件里',
        '把 deck: 和它下面的字段移到第一个幻灯片文件（按文件名排在最前的那个）',
      ),
    );
  }
  if (isFirst && fields.values.deck === undefined) {
    problems.add(
      new DeckError(
        { file, line: 2 },
        '第一个文件没有 deck: 设置',
        '加一行 deck:，下面空两格写 title: 讲话标题（还可写 occasion、speaker 等）',
      ),
    );
  }
  const v = fields.values;
  const fm: PartFrontMatter = {
    id: (v.id as string | undefined) ?? fallbackId,
    kind: (v.kind as PartKind | undefined) ?? 'part',
    label: (v.label as string | undefined) ?? '',
    title: (v.title as string | undefined) ?? '',
    theme: (v.theme as string | undefined) ?? (v.title as string | undefined) ?? '',
    minutes: (v.minutes as number | undefined) ?? 1,
  };
  if (isFirst) fm.deck = (v.deck as DeckMeta | undefined) ?? readDeck({});
  return split(fm);
}

/** Field values by name and the line of each (null-prototype tables: a key is only ever data). */
interface Fields {
  values: Record<string, unknown>;
  lines: Record<string, number>;
}

function readMap(
  map: YamlNode | null,
  rules: Readonly<Record<string, FieldRule>>,
  parsed: ParsedYaml,
  what: 'front matter' | 'deck:' | 'pptx:',
  at: SourcePlace,
  problems: Problems,
): Fields {
  const out: Fields = {
    values: Object.create(null) as Record<string, unknown>,
    lines: Object.create(null) as Record<string, number>,
  };
  if (!isMap(map)) {
    problems.add(new DeckError(at, `${what} 下面没有字段`, '在它下面空两格，每行写一个字段，如   title: 讲话标题'));
    return out;
  }
  for (const item of map.items) {
    const keyNode = item.key as YamlNode | null;
    const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
    const place = parsed.placeOf(keyNode?.range?.[0]);
    const rule = own(rules, key);
    if (!rule) {
      problems.add(unknownField(key, place, what));
      continue;
    }
    out.lines[key] = place.line;
    const node = item.value as YamlNode | null;
    const value = problems.attempt(() => readValue(key, rule, node, parsed, place, problems));
    if (value !== undefined) out.values[key] = value;
  }
  for (const [key, rule] of Object.entries(rules)) {
    if (rule.required && !Object.hasOwn(out.values, key) && !Object.hasOwn(out.lines, key)) {
      const where = what === 'deck:' ? '在 deck: 下面空两格' : '';
      problems.add(new DeckError(at, `${what} 缺少 ${key}（${rule.doc}）`, `${where}加一行 ${key}: …`));
    }
  }
  return out;
}

/** An unknown field: a near miss, a deck setting written at the top, a part field inside `deck:`. */
function unknownField(key: string, place: SourcePlace, what: 'front matter' | 'deck:' | 'pptx:'): DeckError {
  const pos = { file: place.file, line: place.line };
  if (what === 'front matter' && Object.hasOwn(DECK_FIELDS, key)) {
    return new DeckError(
      pos,
      `${key} 是整场讲话的设置，要写在 deck: 下面（deck field）`,
      `把这一行移到第一个文件的 deck: 之下，前面空两格：  ${key}: …`,
    );
  }
  if (what === 'deck:' && Object.hasOwn(PART_FIELDS, key)) {
    return new DeckError(
      pos,
      `${key} 是这一部分的设置，不属于 deck:（part field）`,
      `去掉这一行前面的空格，和 id:、title: 对齐写在 deck: 之外`,
    );
  }
  const known = Object.keys(what === 'deck:' ? DECK_FIELDS : what === 'pptx:' ? PPTX_FIELDS : PART_FIELDS);
  return new DeckError(
    pos,
    `未知的字段“${key}”（unknown field in ${what}）`,
    `${suggest(key, known)}可用的字段：${listZh(known)}`,
  );
}

function readDeck(v: Record<string, unknown>): DeckMeta {
  return {
    title: (v.title as string | undefined) ?? '',
    occasion: (v.occasion as string | undefined) ?? '',
    speaker: (v.speaker as string | undefined) ?? '',
    organiser: (v.organiser as string | undefined) ?? '',
    date: (v.date as string | undefined) ?? '',
    venue: (v.venue as string | undefined) ?? '',
    showEditorialMarks: (v.showEditorialMarks as boolean | undefined) ?? true,
    ...(v.pptx !== undefined ? { pptx: v.pptx as DeckMeta['pptx'] } : {}),
    clickToAdvance: (v.clickToAdvance as boolean | undefined) ?? false,
  };
}

function readValue(
  key: string,
  rule: FieldRule,
  node: YamlNode | null,
  parsed: ParsedYaml,
  place: SourcePlace,
  problems: Problems,
): unknown {
  const pos = { file: place.file, line: place.line };
  if (rule.type === 'deck') {
    return readDeck(readMap(node, DECK_FIELDS, parsed, 'deck:', pos, problems).values);
  }
  if (rule.type === 'pptx') {
    const v = readMap(node, PPTX_FIELDS, parsed, 'pptx:', pos, problems).values;
    const named = (k: 'font' | 'fallback'): string | undefined => (v[k] as string | undefined)?.trim() || undefined;
    return {
      ...(named('font') ? { font: named('font') } : {}),
      ...(named('fallback') ? { fallback: named('fallback') } : {}),
    };
  }
  const value: unknown = isScalar(node) ? node.value : node === null ? null : node.toJSON();
  const bad = (expected: string, example: string): never => {
    throw new DeckError(pos, `${key} 应为${expected}，这里是 ${JSON.stringify(value)}`, `写成 ${key}: ${example}`);
  };
  switch (rule.type) {
    case 'string':
      if (value === null || value === undefined) return '';
      if (typeof value === 'number') return String(value);
      return typeof value === 'string' ? value : bad('一段文字', '文字（含冒号等符号时整体加引号）');
    case 'id':
      return typeof value === 'string' && ID_PATTERN.test(value)
        ? value
        : bad('小写字母、数字和短横线组成的 id，以字母开头', 'qi 或 part-1');
    case 'kind': {
      if (typeof value === 'string' && (PART_KINDS as readonly string[]).includes(value)) return value;
      const near = typeof value === 'string' ? suggest(value, PART_KINDS) : '';
      throw new DeckError(
        pos,
        `kind 应为 ${listZh(PART_KINDS)} 之一，这里是 ${JSON.stringify(value)}`,
        `${near}写成 kind: part（开篇 opening，正文部分 part，结语 closing）`,
      );
    }
    case 'minutes':
      return typeof value === 'number' && value > 0 && value <= 600 ? value : bad('大于 0 的分钟数（阿拉伯数字）', '5');
    case 'boolean':
      return typeof value === 'boolean' ? value : bad('true 或 false', 'true');
  }
  return value;
}
