import { isMap, isScalar, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { DeckError, listNames } from './errors.ts';
import { own } from './own.ts';
import type { DeckMeta, Part, PartKind, SourceFile } from './types.ts';

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

const PART_KINDS: readonly PartKind[] = ['opening', 'part', 'closing'];
export const ID_PATTERN = /^[a-z][a-z0-9-]*$/;

type FieldType = 'string' | 'id' | 'kind' | 'minutes' | 'boolean' | 'deck' | 'pptx';
interface FieldRule {
  type: FieldType;
  required: boolean;
  doc: string;
}

/** Fields of a part's front matter: the typed table behind "unknown field" messages. */
const PART_FIELDS: Record<string, FieldRule> = {
  id: { type: 'id', required: true, doc: 'part id' },
  kind: { type: 'kind', required: true, doc: 'opening | part | closing' },
  label: { type: 'string', required: true, doc: 'short label, e.g. 起' },
  title: { type: 'string', required: true, doc: 'the part title' },
  theme: { type: 'string', required: false, doc: 'short theme' },
  minutes: { type: 'minutes', required: true, doc: 'minutes planned' },
  deck: { type: 'deck', required: false, doc: 'deck settings (first file only)' },
};

/** Fields of the `deck:` block. */
const DECK_FIELDS: Record<string, FieldRule> = {
  title: { type: 'string', required: true, doc: "the speech's title" },
  occasion: { type: 'string', required: false, doc: 'the meeting' },
  speaker: { type: 'string', required: false, doc: 'who gives the speech' },
  organiser: { type: 'string', required: false, doc: 'who organises the meeting' },
  date: { type: 'string', required: false, doc: 'date of the meeting' },
  venue: { type: 'string', required: false, doc: 'where' },
  showEditorialMarks: { type: 'boolean', required: false, doc: 'show 编者概括 tags on slides' },
  clickToAdvance: { type: 'boolean', required: false, doc: 'a click on the slide goes to the next step' },
  pptx: { type: 'pptx', required: false, doc: 'typefaces of the PowerPoint file: font, fallback' },
};

/** Fields of the `pptx:` block of the deck settings. */
const PPTX_FIELDS: Record<string, FieldRule> = {
  font: { type: 'string', required: false, doc: 'typeface on every run, e.g. 微软雅黑' },
  fallback: { type: 'string', required: false, doc: "the deck's own family, named as the substitute" },
};

const FENCE = /^---\s*$/;
/** The longest front matter may be (characters). */
export const MAX_FRONT_MATTER = 10_000;

/**
 * Splits a slide file into validated front matter and body.
 * @throws DeckError with the file and line of the first problem.
 */
export function parseFrontMatter(source: SourceFile, isFirst: boolean): SplitFile {
  const { file, text } = source;
  if (text.trim() === '') {
    throw new DeckError(
      { file, line: 1 },
      'the file is empty',
      'start it with front matter (--- id, kind, label, title, minutes ---) and at least one slide, or delete it',
    );
  }
  const lines = text.split('\n');
  if (!FENCE.test(lines[0] ?? '')) {
    throw new DeckError(
      { file, line: 1 },
      'missing front matter',
      'start the file with a line "---", the YAML fields id, kind, label, title, minutes, and a closing "---"',
    );
  }
  const close = lines.findIndex((l, i) => i > 0 && FENCE.test(l));
  if (close < 0) {
    throw new DeckError({ file, line: 1 }, 'front matter is not closed', 'add a line "---" after the YAML fields');
  }
  const yamlText = lines.slice(1, close).join('\n');
  // Checked before YAML reads it: front matter is a few short fields.
  if (yamlText.length > MAX_FRONT_MATTER) {
    throw new DeckError(
      { file, line: 2 },
      `front matter 太长（${yamlText.length} 个字符，上限 ${MAX_FRONT_MATTER}）`,
      '只写 id、kind、label、title、theme、minutes（第一个文件再加 deck:）这几个短字段',
    );
  }
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter, prettyErrors: false });
  // The YAML starts on the file's line 2; linePos() is 1-based.
  const lineOf = (offset: number | undefined): number => (offset === undefined ? 2 : 1 + counter.linePos(offset).line);
  if (doc.errors.length > 0) {
    const err = doc.errors[0]!;
    throw new DeckError(
      { file, line: lineOf(err.pos[0]) },
      `invalid front matter: ${err.message.split('\n')[0]}`,
      'fix the YAML syntax (key: value, one per line, indent nested keys by two spaces)',
    );
  }
  const root = doc.contents;
  if (!isMap(root)) {
    throw new DeckError(
      { file, line: 2 },
      'front matter is not a set of fields',
      'write the fields as "key: value" lines',
    );
  }
  const { values, lines: fieldLines } = readMap(root, PART_FIELDS, file, lineOf, 'front matter', 2);
  if (values.deck !== undefined && !isFirst) {
    throw new DeckError(
      { file, line: fieldLines['deck'] ?? 2 },
      'deck settings are allowed only in the first file',
      'move the "deck:" block to the first slide file',
    );
  }
  if (isFirst && values.deck === undefined) {
    throw new DeckError(
      { file, line: 2 },
      'the first file has no deck settings',
      'add a "deck:" block with at least a title',
    );
  }
  const fm: PartFrontMatter = {
    id: values.id as string,
    kind: values.kind as PartKind,
    label: values.label as string,
    title: values.title as string,
    theme: (values.theme as string | undefined) ?? (values.title as string),
    minutes: values.minutes as number,
  };
  if (values.deck !== undefined) fm.deck = values.deck as DeckMeta;
  return { frontMatter: fm, body: lines.slice(close + 1).join('\n'), bodyLine: close + 2 };
}

/** Field values by name and the line of each (null-prototype tables: a key is only ever data). */
interface Values {
  values: Record<string, unknown>;
  lines: Record<string, number>;
}

function readMap(
  map: YamlNode,
  rules: Record<string, FieldRule>,
  file: string,
  lineOf: (offset: number | undefined) => number,
  what: string,
  fallbackLine: number,
): Values {
  const out: Values = {
    values: Object.create(null) as Record<string, unknown>,
    lines: Object.create(null) as Record<string, number>,
  };
  if (!isMap(map)) {
    throw new DeckError(
      { file, line: fallbackLine },
      `${what} must be a set of fields`,
      'write "key: value" lines indented under it',
    );
  }
  for (const item of map.items) {
    const keyNode = item.key as YamlNode | null;
    const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
    const line = lineOf(keyNode?.range?.[0]);
    const rule = own(rules, key);
    if (!rule) {
      throw new DeckError(
        { file, line },
        `unknown field "${key}" in ${what}`,
        `use one of: ${listNames(Object.keys(rules))}`,
      );
    }
    out.lines[key] = line;
    const node = item.value as YamlNode | null;
    out.values[key] = readValue(key, rule, node, file, line, lineOf);
  }
  for (const [key, rule] of Object.entries(rules)) {
    if (rule.required && !Object.hasOwn(out.values, key)) {
      throw new DeckError({ file, line: fallbackLine }, `${what} has no "${key}"`, `add "${key}:" (${rule.doc})`);
    }
  }
  return out;
}

function readValue(
  key: string,
  rule: FieldRule,
  node: YamlNode | null,
  file: string,
  line: number,
  lineOf: (offset: number | undefined) => number,
): unknown {
  if (rule.type === 'deck') {
    const v = readMap(node as YamlNode, DECK_FIELDS, file, lineOf, 'deck settings', line).values;
    return {
      title: v.title as string,
      occasion: (v.occasion as string | undefined) ?? '',
      speaker: (v.speaker as string | undefined) ?? '',
      organiser: (v.organiser as string | undefined) ?? '',
      date: (v.date as string | undefined) ?? '',
      venue: (v.venue as string | undefined) ?? '',
      showEditorialMarks: (v.showEditorialMarks as boolean | undefined) ?? true,
      ...(v.pptx !== undefined ? { pptx: v.pptx as DeckMeta['pptx'] } : {}),
      clickToAdvance: (v.clickToAdvance as boolean | undefined) ?? false,
    } satisfies DeckMeta;
  }
  if (rule.type === 'pptx') {
    const v = readMap(node as YamlNode, PPTX_FIELDS, file, lineOf, 'pptx settings', line).values;
    const named = (k: 'font' | 'fallback'): string | undefined => (v[k] as string | undefined)?.trim() || undefined;
    return {
      ...(named('font') ? { font: named('font') } : {}),
      ...(named('fallback') ? { fallback: named('fallback') } : {}),
    };
  }
  const value: unknown = isScalar(node) ? node.value : node === null ? null : node.toJSON();
  const bad = (expected: string): never => {
    throw new DeckError(
      { file, line },
      `field "${key}" must be ${expected}, got ${JSON.stringify(value)}`,
      `write it as ${key}: <${expected}>`,
    );
  };
  switch (rule.type) {
    case 'string':
      if (value === null || value === undefined) return '';
      if (typeof value === 'number') return String(value);
      return typeof value === 'string' ? value : bad('text');
    case 'id':
      return typeof value === 'string' && ID_PATTERN.test(value)
        ? value
        : bad('an id of lowercase letters, digits and dashes');
    case 'kind':
      return typeof value === 'string' && (PART_KINDS as readonly string[]).includes(value)
        ? value
        : bad(`one of ${PART_KINDS.join(' | ')}`);
    case 'minutes':
      return typeof value === 'number' && value > 0 && value <= 600 ? value : bad('a number of minutes above 0');
    case 'boolean':
      return typeof value === 'boolean' ? value : bad('true or false');
  }
  return value;
}
