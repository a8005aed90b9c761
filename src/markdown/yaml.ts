import { isScalar, LineCounter, parseDocument, visit, type Document } from 'yaml';
import { DeckError, type SourcePlace } from './errors.ts';

/** YAML read from a file, with the file position of any offset in it. */
export interface ParsedYaml {
  doc: Document.Parsed;
  /** File line and column of an offset into the YAML text. */
  placeOf(offset: number | undefined): SourcePlace;
}

/** A full-width colon right after a field name (`title： 标题`): YAML reads no field there. */
const WIDE_COLON = /^(\s*-?\s*)([A-Za-z_][\w-]*)\s*：/;
/** Indentation with a tab in it. */
const TAB_INDENT = /^ *\t/;

/**
 * Parses YAML that starts on file line `firstLine`, explaining in words what YAML reports in
 * parser terms: a full-width colon after a field name, a tab for indentation, a colon inside a
 * value that needs quotes, a field on a line of its own, a quote or bracket not closed.
 * @throws DeckError (Chinese, `file:line:column`) for the first problem.
 */
export function parseYaml(text: string, file: string, firstLine: number): ParsedYaml {
  const lines = text.split('\n');
  const at = (index: number, column: number): SourcePlace => ({ file, line: firstLine + index, column });
  lines.forEach((line, i) => {
    const wide = WIDE_COLON.exec(line);
    if (wide) {
      const key = wide[2]!;
      const value = line.slice(wide[0].length).trim();
      throw new DeckError(
        at(i, wide[0].length),
        `字段名 ${key} 后面用了全角冒号“：”，YAML 只认半角冒号（full-width colon）`,
        `改成半角冒号加一个空格：${wide[1]!.trimStart()}${key}: ${value}`,
      );
    }
    if (TAB_INDENT.test(line)) {
      throw new DeckError(
        at(i, line.indexOf('\t') + 1),
        '这一行用 Tab 键缩进，YAML 不接受（tab）',
        '删去 Tab，改用空格缩进：deck: 下面的字段前面空两个空格',
      );
    }
  });
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const placeOf = (offset: number | undefined): SourcePlace => {
    if (offset === undefined) return { file, line: firstLine };
    const pos = counter.linePos(offset);
    return { file, line: firstLine + pos.line - 1, column: pos.col };
  };
  const error = doc.errors[0];
  if (error) {
    const open = unclosedBracket(lines, lines.length);
    if (open !== null) {
      const [index, column, mark] = open;
      throw new DeckError(
        at(index, column),
        `${mark === '[' ? '方括号 [' : '花括号 {'} 没有闭合（flow ${mark === '[' ? 'sequence' : 'mapping'}）`,
        `在同一行的末尾补上 ${mark === '[' ? ']' : '}'}，如 years: [1978, 2024]；值里要有 ${mark} 时整体加引号`,
      );
    }
    const place = placeOf(error.pos[0]);
    const line = lines[place.line - firstLine] ?? '';
    const [problem, hint] = explain(error.code, line, error.message);
    throw new DeckError(place, problem, hint);
  }
  return { doc, placeOf };
}

/**
 * The first line (0-based index, 1-based column, mark) that opens `[` or `{` outside quotes and
 * leaves it open: YAML reports the error lines later, where it gave up.
 */
function unclosedBracket(lines: readonly string[], end: number): [number, number, string] | null {
  for (let i = 0; i < end; i++) {
    const text = lines[i]!.replace(/"[^"]*"|'[^']*'/g, (q) => ' '.repeat(q.length)).replace(/\s#.*$/, '');
    const stack: number[] = [];
    for (let c = 0; c < text.length; c++) {
      const ch = text[c];
      if (ch === '[' || ch === '{') stack.push(c);
      else if ((ch === ']' || ch === '}') && stack.length > 0) stack.pop();
    }
    if (stack.length > 0) return [i, stack[0]! + 1, text[stack[0]!]!];
  }
  return null;
}

/** What a YAML error means for someone who writes `key: value` lines, and what to type instead. */
function explain(code: string, line: string, message: string): [string, string] {
  const field = /^\s*([^\s:]+):\s+(.*)$/.exec(line);
  switch (code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
      if (field && /:\s/.test(field[2]!)) {
        return [
          `${field[1]} 的值里有“冒号加空格”，YAML 把它读成了另一个字段（colon in value）`,
          `给整个值加引号：${field[1]}: "${field[2]!.replace(/"/g, '\\"')}"`,
        ];
      }
      return [
        '这一行的缩进和上下行对不齐（indentation）',
        '同一层的字段缩进相同：顶层字段顶格写，deck: 下面的字段都空两个空格',
      ];
    case 'MULTILINE_IMPLICIT_KEY':
    case 'MISSING_CHAR':
      if (/["']/.test(line) && code === 'MISSING_CHAR') {
        return ['引号没有配对（quote not closed）', '值两端的引号要成对，如 title: "……"；值里不用引号时可以不加'];
      }
      return [
        `这一行不是“字段: 值”的形式（key: value）`,
        '在字段名后面写半角冒号和一个空格，如 title: 标题；接着上一行的值要整体加引号写在一行里',
      ];
    case 'DUPLICATE_KEY':
      return ['这个字段写了两次（duplicate key）', '删去其中一行，只留一个'];
    case 'BAD_INDENT':
      if (line.includes('[')) {
        return ['方括号没有闭合（flow sequence）', '列表写在一行里，用 ] 结束，如 years: [1978, 2024]'];
      }
      return ['这一行的缩进不对（indentation）', '顶层字段顶格写，deck: 下面的字段空两个空格'];
    default:
      return [
        `YAML 格式有误：${message.split('\n')[0]}（YAML）`,
        '每行写“字段: 值”（半角冒号后有空格），deck: 下面的字段缩进两个空格',
      ];
  }
}

/**
 * Plain values cut short by a YAML comment written without a space (`theme: 理顺关系 #韧性安全` reads
 * as `理顺关系`): the author meant the `#` as text. A comment after `# ` is taken as a comment.
 */
export function cutByHash(parsed: ParsedYaml, text: string): { place: SourcePlace; value: string; whole: string }[] {
  const out: { place: SourcePlace; value: string; whole: string }[] = [];
  visit(parsed.doc, {
    Scalar(_, node) {
      if (!isScalar(node) || node.type !== 'PLAIN' || !node.range) return;
      const after = text.slice(node.range[1], node.range[2]);
      const hash = /^[ \t]+#(?=\S)/.exec(after);
      if (!hash) return;
      const value = text.slice(node.range[0], node.range[1]);
      out.push({
        place: parsed.placeOf(node.range[1] + hash[0].length - 1),
        value,
        whole: `${value}${after}`.trimEnd(),
      });
    },
  });
  return out;
}
