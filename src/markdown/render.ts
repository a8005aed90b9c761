import { Marked, type Token, type Tokens } from 'marked';
import { parse as parseYaml } from 'yaml';
import { DeckError } from './errors.ts';
import { checkRawHtml, checkUrl } from './sanitize.ts';
import { markup, trustedHtml, type SafeHtml } from './html.ts';
import type { SourcePos } from './types.ts';

/** A chart block found while rendering, before the compiler gives it an id. */
export interface RawChart extends SourcePos {
  kind: string;
  dataset: string;
  options: Record<string, unknown>;
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
        `cannot read attributes "{${text}}"`,
        'inside a slide write {.fragment}, {.class} or {#id}',
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

/**
 * Makes the one Markdown renderer of a compile: a `Marked` instance with the deck's syntax
 * (fragments, attributed quotations, chart blocks, slide links) and raw-HTML checks.
 */
export function createRenderer(): (markdown: string, ctx: RenderContext) => Rendered {
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
        if (token.lang === 'structure') {
          return '<div class="structure-map" data-structure-map></div>\n';
        }
        return false;
      },
    },
  });

  return (markdown, ctx) => {
    const tokens = md.lexer(markdown);
    const charts: RawChart[] = [];
    const chartHtml: string[] = [];
    const links: SlideLink[] = [];
    const images: ImageRef[] = [];
    const ids: ElementId[] = [];
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
          checkUrl(t.type === 'image' ? 'src' : 'href', href, t.type === 'image' ? 'img' : 'a', {
            file: ctx.file,
            line: innerLine(String(t.raw)),
          });
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
        } else if (t.type === 'code' && t.lang === 'chart') {
          const chartPos = { file: ctx.file, line: innerLine(String(t.raw)) };
          if (!ctx.allowCharts) {
            throw new DeckError(chartPos, 'a chart in speaker notes', 'move the ```chart block above the Note: line');
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
      return { html, charts, links, images, ids, title };
    } finally {
      state = null;
    }
  };
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** The longest a ```chart block may be (characters): kind, dataset and a few options. */
export const MAX_CHART_BLOCK = 2000;

/** Reads the YAML inside a ```chart block: `kind`, `dataset`, and options. */
function readChartBlock(yamlText: string, pos: SourcePos): RawChart {
  // Checked before YAML reads it: 200,000 list items take YAML seconds to parse.
  if (yamlText.length > MAX_CHART_BLOCK) {
    throw new DeckError(
      pos,
      `图表块太长（${yamlText.length} 个字符，上限 ${MAX_CHART_BLOCK}）`,
      '图表块只写 kind、dataset 和几个选项；数据放在 assets/data/ 的 CSV 文件里',
    );
  }
  let value: unknown;
  try {
    value = parseYaml(yamlText);
  } catch (e) {
    throw new DeckError(
      pos,
      `chart block is not valid YAML: ${(e as Error).message.split('\n')[0]}`,
      'write the chart as "key: value" lines (kind, dataset, options)',
    );
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new DeckError(pos, 'chart block is empty', 'write at least "kind: <chart kind>"');
  }
  const { kind, dataset, ...options } = value as Record<string, unknown>;
  if (typeof kind !== 'string' || kind === '') {
    throw new DeckError(pos, 'chart block has no "kind"', 'add "kind: <chart kind>"');
  }
  if (dataset !== undefined && typeof dataset !== 'string') {
    throw new DeckError(pos, 'chart "dataset" must be a name', 'write "dataset: <name>"');
  }
  return { ...pos, kind, dataset: dataset ?? '', options };
}
