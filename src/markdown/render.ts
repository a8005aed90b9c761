import { Marked, type Token, type Tokens } from 'marked';
import { isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import { DeckError } from './errors.ts';
import { checkLocalPath, checkRawHtml, checkUrl } from './sanitize.ts';
import { markup, trustedHtml, type SafeHtml } from './html.ts';
import type { SourcePos } from './types.ts';
import { parseYaml } from './yaml.ts';

/** A chart block found while rendering, before the compiler gives it an id. */
export interface RawChart extends SourcePos {
  kind: string;
  dataset: string;
  options: Record<string, unknown>;
  /** File line and column of each key of the block. */
  keys: Record<string, { line: number; column: number }>;
}

/** A link to another slide (`[text](#id)`), validated once every id is known. */
export interface SlideLink extends SourcePos {
  target: string;
}

/** An id an author gave an element (`{#id}` or a raw `id="…"`), checked for clashes across the page. */
export interface ElementId extends SourcePos {
  id: string;
}

/** An image (Markdown or a raw `<img>`), checked by the compiler and against the site's files. */
export interface ImageRef extends SourcePos {
  src: string;
}

/** What rendering one piece of Markdown produced. */
export interface Rendered {
  html: string;
  charts: RawChart[];
  links: SlideLink[];
  images: ImageRef[];
  ids: ElementId[];
  /** Each ```sources block (the compiler fills it with the deck's data credits). */
  sources: SourcePos[];
  /** Plain text of the first heading (attributes removed), or null. */
  title: string | null;
}

/** Where and how a piece of Markdown is rendered. */
export interface RenderContext {
  file: string;
  /** File line of the Markdown's first line. */
  line: number;
  /** Whether ```chart blocks are allowed (not in notes). */
  allowCharts: boolean;
  /** Makes the placeholder id for the n-th chart of this piece. */
  chartId: (n: number) => string;
}

/** Where a ```sources block stands in a slide's HTML until the compiler fills it with the data credits. */
export const SOURCES_SLOT = '<div class="data-sources" data-sources></div>';

const TRAILING_ATTRS = /\s*\{([^{}]*)\}\s*$/;
const ATTRIBUTION = /^\s*(?:——|--|—)\s*(.+)$/;

/** `{.fragment .fade-up #id}` → class list and id. Only classes and ids are allowed here. */
function parseInlineAttrs(text: string, pos: SourcePos): { classes: string[]; id: string | null } {
  const classes: string[] = [];
  let id: string | null = null;
  for (const part of text.trim().split(/\s+/)) {
    if (part.startsWith('.') && /^\.[A-Za-z_][\w-]*$/.test(part)) classes.push(part.slice(1));
    else if (part.startsWith('#') && /^#[a-z][a-z0-9-]*$/.test(part)) id = part.slice(1);
    else
      throw new DeckError(
        pos,
        `无法读取属性“{${text}}”（attributes）`,
        '在标题、段落或列表项的最后只能写 {.fragment}、{.class} 或 {#id}，中间空一格',
      );
  }
  return { classes, id };
}

function attrString(classes: string[], id: string | null): SafeHtml {
  return markup`${id ? markup` id="${id}"` : ''}${classes.length ? markup` class="${classes.join(' ')}"` : ''}`;
}

type WithAttrs = { deckClasses?: string[]; deckId?: string | null };

/** Removes a trailing `{…}` from the last text token of a block; returns the attribute text. */
function takeTrailingAttrs(tokens: Token[] | undefined): string | null {
  const last = tokens?.at(-1) as Tokens.Generic | undefined;
  if (!last) return null;
  if (last.type === 'text' && Array.isArray(last.tokens) && last.tokens.length > 0) {
    const found = takeTrailingAttrs(last.tokens as Token[]);
    if (found !== null) last.text = String(last.text).replace(TRAILING_ATTRS, '');
    return found;
  }
  if (last.type !== 'text') return null;
  const m = TRAILING_ATTRS.exec(String(last.text));
  if (!m) return null;
  last.text = String(last.text).slice(0, m.index);
  last.raw = String(last.raw).replace(TRAILING_ATTRS, '');
  return m[1]!;
}

/** Plain text of inline tokens, for titles. */
function inlineText(tokens: Token[]): string {
  return tokens
    .map((t) => {
      const g = t as Tokens.Generic;
      if (Array.isArray(g.tokens)) return inlineText(g.tokens as Token[]);
      return g.type === 'br' ? ' ' : String(g.text ?? '');
    })
    .join('')
    .trim();
}

/** Renders Markdown (`render`), and finds the plain text of its first heading without rendering (`title`). */
export interface Renderer {
  (markdown: string, ctx: RenderContext): Rendered;
  title(markdown: string): string | null;
}

/**
 * Makes the one Markdown renderer of a compile: a `Marked` instance with the deck's syntax
 * (fragments, attributed quotations, chart blocks, slide links) and raw-HTML checks.
 */
export function createRenderer(): Renderer {
  const md = new Marked({ gfm: true, breaks: false });
  let state: { chartHtml: string[] } | null = null;

  md.use({
    renderer: {
      paragraph(token) {
        const t = token as Tokens.Paragraph & WithAttrs;
        const body = trustedHtml(this.parser.parseInline(t.tokens));
        return markup`<p${attrString(t.deckClasses ?? [], t.deckId ?? null)}>${body}</p>\n`.toString();
      },
      heading(token) {
        const t = token as Tokens.Heading & WithAttrs;
        const body = trustedHtml(this.parser.parseInline(t.tokens));
        const tag = trustedHtml(`h${Math.min(6, Math.max(1, t.depth))}`);
        return markup`<${tag}${attrString(t.deckClasses ?? [], t.deckId ?? null)}>${body}</${tag}>\n`.toString();
      },
      listitem(token) {
        const t = token as Tokens.ListItem & WithAttrs;
        const body = trustedHtml(this.parser.parse(t.tokens));
        return markup`<li${attrString(t.deckClasses ?? [], t.deckId ?? null)}>${body}</li>\n`.toString();
      },
      blockquote(token) {
        const lines = token.text.replace(/\s+$/, '').split('\n');
        const m = ATTRIBUTION.exec(lines.at(-1) ?? '');
        if (!m || lines.length < 2) {
          return markup`<blockquote>\n${trustedHtml(this.parser.parse(token.tokens))}</blockquote>\n`.toString();
        }
        const quote = trustedHtml(this.parser.parse(md.lexer(lines.slice(0, -1).join('\n'))));
        const cite = trustedHtml(this.parser.parseInline(md.Lexer.lexInline(m[1]!.trim())));
        return markup`<figure class="quotation">\n<blockquote>\n${quote}</blockquote>\n<figcaption>${cite}</figcaption>\n</figure>\n`.toString();
      },
      link(token) {
        const body = trustedHtml(this.parser.parseInline(token.tokens));
        const title = token.title ? markup` title="${token.title}"` : '';
        if (token.href.startsWith('#')) {
          const target = token.href.slice(1);
          return markup`<a href="#/${target}" data-slide-link="${target}"${title}>${body}</a>`.toString();
        }
        return markup`<a href="${token.href}"${title} rel="noopener">${body}</a>`.toString();
      },
      code(token) {
        if (token.lang === 'chart' && state) return state.chartHtml.shift() ?? '';
        if (token.lang === 'sources') return `${SOURCES_SLOT}\n`;
        if (token.lang === 'structure') {
          return '<div class="structure-map" data-structure-map></div>\n';
        }
        return false;
      },
    },
  });

  const render = (markdown: string, ctx: RenderContext): Rendered => {
    const tokens = md.lexer(markdown);
    const charts: RawChart[] = [];
    const chartHtml: string[] = [];
    const links: SlideLink[] = [];
    const images: ImageRef[] = [];
    const ids: ElementId[] = [];
    const sources: SourcePos[] = [];
    let title: string | null = null;
    let offset = 0;
    for (const top of tokens) {
      const blockLine = ctx.line + countLines(markdown.slice(0, offset));
      offset += top.raw.length;
      md.walkTokens([top], (token) => {
        const t = token as Tokens.Generic & WithAttrs;
        const innerLine = (raw: string): number => {
          const at = top.raw.indexOf(raw);
          return blockLine + (at > 0 ? countLines(top.raw.slice(0, at)) : 0);
        };
        if (t.type === 'html') {
          const pos = { file: ctx.file, line: innerLine(String(t.raw)) };
          const refs = checkRawHtml(String(t.raw), pos);
          for (const src of refs.images) images.push({ ...pos, src });
          for (const id of refs.ids) ids.push({ ...pos, id });
        } else if (t.type === 'link' || t.type === 'image') {
          const href = String(t.href ?? '');
          const at = { file: ctx.file, line: innerLine(String(t.raw)) };
          checkLocalPath(href, at, t.type === 'image' ? { alt: String(t.text ?? '') } : null);
          checkUrl(t.type === 'image' ? 'src' : 'href', href, at);
          if (t.type === 'link' && href.startsWith('#')) {
            links.push({ file: ctx.file, line: innerLine(String(t.raw)), target: href.slice(1) });
          }
          if (t.type === 'image') {
            images.push({ file: ctx.file, line: innerLine(String(t.raw)), src: href });
          }
        } else if (t.type === 'paragraph' || t.type === 'heading' || t.type === 'list_item') {
          const attrs = takeTrailingAttrs(t.tokens as Token[]);
          if (attrs !== null) {
            const attrPos = { file: ctx.file, line: innerLine(String(t.raw).split('\n')[0]!) };
            const parsed = parseInlineAttrs(attrs, attrPos);
            if (parsed.id) ids.push({ ...attrPos, id: parsed.id });
            t.deckClasses = [...(t.deckClasses ?? []), ...parsed.classes];
            t.deckId = parsed.id;
            if (t.type === 'heading') t.text = String(t.text).replace(TRAILING_ATTRS, '');
          }
          if (t.type === 'heading' && title === null) title = inlineText(t.tokens as Token[]);
        } else if (t.type === 'list' && String(t.raw).trimStart().startsWith('+')) {
          for (const item of t.items as (Tokens.ListItem & WithAttrs)[]) {
            item.deckClasses = [...(item.deckClasses ?? []), 'fragment'];
          }
        } else if (t.type === 'code' && t.lang === 'sources') {
          const pos = { file: ctx.file, line: innerLine(String(t.raw)) };
          if (!ctx.allowCharts) {
            throw new DeckError(
              pos,
              '资料来源（```sources）不能放在备注里',
              '把 ```sources 代码块移到 Note: 一行之上，放在资料来源页上',
            );
          }
          if (String(t.text).trim() !== '') {
            throw new DeckError(
              pos,
              '```sources 代码块里不写内容：资料来源由各图表所用数据的说明（.yaml）生成',
              '删去代码块里的文字；要改来源、许可，改数据说明里的 source、provenance、licence',
            );
          }
          sources.push(pos);
        } else if (t.type === 'code' && t.lang === 'chart') {
          const chartPos = { file: ctx.file, line: innerLine(String(t.raw)) };
          if (!ctx.allowCharts) {
            throw new DeckError(
              chartPos,
              '图表（chart）不能放在备注里',
              '把 ```chart 代码块移到 Note: 一行之上，放在幻灯片上',
            );
          }
          const chart = readChartBlock(String(t.text), chartPos);
          charts.push(chart);
          const id = ctx.chartId(charts.length);
          chartHtml.push(
            markup`<figure class="chart" id="${id}" data-chart="${id}" data-chart-kind="${chart.kind}"></figure>\n`.toString(),
          );
        }
      });
    }
    state = { chartHtml };
    try {
      const html = md.parser(tokens);
      return { html, charts, links, images, ids, sources, title };
    } finally {
      state = null;
    }
  };
  const title = (markdown: string): string | null => {
    let found: string | null = null;
    md.walkTokens(md.lexer(markdown), (token) => {
      if (found === null && token.type === 'heading') {
        found = inlineText(token.tokens ?? [])
          .replace(TRAILING_ATTRS, '')
          .trim();
      }
    });
    return found;
  };
  return Object.assign(render, { title });
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** The longest a ```chart block may be (characters): kind, dataset and a few options. */
export const MAX_CHART_BLOCK = 2000;

/**
 * Reads the YAML inside a ```chart block (`pos` is its opening fence): `kind`, `dataset`, and
 * options, with the position of each key.
 */
function readChartBlock(yamlText: string, pos: SourcePos): RawChart {
  // Checked before YAML reads it: 200,000 list items take YAML seconds to parse.
  if (yamlText.length > MAX_CHART_BLOCK) {
    throw new DeckError(
      pos,
      `图表块太长（${yamlText.length} 个字符，上限 ${MAX_CHART_BLOCK}）`,
      '图表块只写 kind、dataset 和几个选项；数据放在 assets/data/ 的 CSV 文件里',
    );
  }
  const parsed = parseYaml(yamlText, pos.file, pos.line + 1);
  const root = parsed.doc.contents as YamlNode | null;
  if (!isMap(root)) {
    throw new DeckError(
      pos,
      root === null ? '图表代码块是空的（chart）' : '图表代码块不是“字段: 值”的形式（chart）',
      '每行写一个字段：先写 kind: 图表类型，再写 dataset: 数据集 和选项；可用的类型和选项见 npm run deck -- help',
    );
  }
  const keys: RawChart['keys'] = {};
  for (const item of root.items) {
    const key = item.key as YamlNode | null;
    const place = parsed.placeOf(key?.range?.[0]);
    keys[isScalar(key) ? String(key.value) : String(key)] = { line: place.line, column: place.column ?? 1 };
  }
  const value = root.toJSON() as Record<string, unknown>;
  const { kind, dataset, ...options } = value;
  if (typeof kind !== 'string' || kind === '') {
    throw new DeckError(
      keys.kind ? { file: pos.file, ...keys.kind } : pos,
      '图表代码块没有写图表类型 kind（chart kind）',
      '加一行 kind: 图表类型，如 kind: line；可用的类型见 npm run deck -- help',
    );
  }
  if (dataset !== undefined && typeof dataset !== 'string') {
    const at = root.get('dataset', true) as YamlNode | undefined;
    throw new DeckError(
      keys.dataset ? { file: pos.file, ...keys.dataset } : pos,
      `dataset 应为数据集的名字${isSeq(at) ? '，不是列表' : ''}（dataset）`,
      '写成 dataset: 名字（数据文件的名字，不带 .csv）',
    );
  }
  return { ...pos, kind, dataset: dataset ?? '', options, keys };
}
