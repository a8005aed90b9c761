import type { ChildNode, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';

/**
 * A slide's compiled HTML read back as the blocks a PowerPoint slide is made of: headings,
 * paragraphs and bullet lists with their levels, quotations with their attribution, charts, the
 * structure diagram, pictures and tables. Pure: the compiler's own (sanitised) HTML in, plain data
 * out, so the text on a PowerPoint slide is exactly the text on the projected slide.
 */

/** A link a run carries: to another slide of the deck (by id) or to a web address. */
export type RunLink = { slide: string } | { url: string };

/** A stretch of text with one formatting. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  strike?: boolean;
  code?: boolean;
  /** `<small>`: a quieter, smaller size. */
  small?: boolean;
  sup?: boolean;
  sub?: boolean;
  link?: RunLink;
  /** A line break inside the paragraph (`<br>`); `text` is empty. */
  lineBreak?: boolean;
}

/** A bullet paragraph's place in its list. */
export interface BulletInfo {
  /** 0 for a top-level item, 1 for an item of a nested list, … */
  level: number;
  ordered: boolean;
  /** The item's number in an ordered list. */
  number: number;
}

/** One paragraph: runs, and its bullet when it is a list item. */
export interface Paragraph {
  runs: Run[];
  bullet?: BulletInfo;
}

/** What a slide shows, in reading order. */
export type Block =
  | { kind: 'heading'; level: number; runs: Run[] }
  | { kind: 'text'; paragraphs: Paragraph[] }
  | { kind: 'quote'; paragraphs: Paragraph[]; attribution: Run[] | null }
  | { kind: 'chart'; id: string }
  | { kind: 'structure' }
  | { kind: 'image'; src: string; alt: string }
  | { kind: 'table'; header: Run[][] | null; rows: Run[][][] };

/** The formatting an inline element gives the runs inside it. */
type Style = Omit<Run, 'text' | 'lineBreak'>;

const INLINE_STYLE: Record<string, Style> = {
  strong: { bold: true },
  b: { bold: true },
  em: { italic: true },
  i: { italic: true },
  cite: { italic: true },
  del: { strike: true },
  s: { strike: true },
  code: { code: true },
  kbd: { code: true },
  small: { small: true },
  sup: { sup: true },
  sub: { sub: true },
};

/** Tags whose text is never shown (pronunciation helpers of `<ruby>` stay, their parentheses go). */
const SILENT = new Set(['rp', 'script', 'style', 'template']);

const isElement = (node: ChildNode): node is Element => node.type === 'tag';

function classes(el: Element): string[] {
  return (el.attribs.class ?? '').split(/\s+/).filter(Boolean);
}

/** Collapses HTML whitespace the way a browser does; CJK text has no spaces to lose. */
function collapse(text: string): string {
  return text.replace(/[ \t\n\r\f]+/g, ' ');
}

function linkOf(el: Element): RunLink | undefined {
  const slide = el.attribs['data-slide-link'];
  if (slide) return { slide };
  const href = el.attribs.href ?? '';
  if (href.startsWith('#/')) return { slide: decodeURIComponent(href.slice(2)) };
  if (/^(https?:|mailto:)/i.test(href)) return { url: href };
  return undefined;
}

/** The runs of inline content, merging neighbours of the same style. */
export function inlineRuns(nodes: readonly ChildNode[], style: Style = {}): Run[] {
  const out: Run[] = [];
  const push = (run: Run): void => {
    const last = out.at(-1);
    if (last && !last.lineBreak && !run.lineBreak && sameStyle(last, run)) last.text += run.text;
    else out.push(run);
  };
  const walk = (list: readonly ChildNode[], s: Style): void => {
    for (const node of list) {
      if (node.type === 'text') {
        const text = collapse(node.data);
        if (text) push({ text, ...s });
      } else if (isElement(node)) {
        const tag = node.name;
        if (SILENT.has(tag)) continue;
        if (tag === 'br') {
          push({ text: '', lineBreak: true });
          continue;
        }
        const next: Style = { ...s, ...INLINE_STYLE[tag] };
        if (tag === 'a') {
          const link = linkOf(node);
          if (link) next.link = link;
        }
        walk(node.children, next);
      }
    }
  };
  walk(nodes, style);
  return trimRuns(out);
}

function sameStyle(a: Run, b: Run): boolean {
  const keys: (keyof Style)[] = ['bold', 'italic', 'strike', 'code', 'small', 'sup', 'sub'];
  return keys.every((k) => !!a[k] === !!b[k]) && JSON.stringify(a.link) === JSON.stringify(b.link);
}

/** Drops leading and trailing whitespace of a paragraph and around its line breaks. */
function trimRuns(runs: Run[]): Run[] {
  const out = runs.map((r) => ({ ...r }));
  for (let i = 0; i < out.length; i++) {
    const r = out[i]!;
    if (r.lineBreak) continue;
    if (i === 0 || out[i - 1]!.lineBreak) r.text = r.text.replace(/^ +/, '');
    if (i === out.length - 1 || out[i + 1]!.lineBreak) r.text = r.text.replace(/ +$/, '');
  }
  return out.filter((r) => r.lineBreak || r.text !== '');
}

/** Plain text of runs (line breaks as spaces). */
export function runsText(runs: readonly Run[]): string {
  return runs.map((r) => (r.lineBreak ? ' ' : r.text)).join('');
}

/** Splits an element's children into inline content and nested block elements. */
function inlineAndBlocks(el: Element): { inline: ChildNode[]; blocks: Element[] } {
  const inline: ChildNode[] = [];
  const blocks: Element[] = [];
  for (const child of el.children) {
    if (isElement(child) && BLOCK_TAGS.has(child.name)) blocks.push(child);
    else inline.push(child);
  }
  return { inline, blocks };
}

const BLOCK_TAGS = new Set(['p', 'ul', 'ol', 'div', 'blockquote', 'figure', 'pre', 'table', 'h1', 'h2', 'h3', 'h4']);

/** The paragraphs of a list, nested lists one level deeper. */
function listParagraphs(list: Element, level: number): Paragraph[] {
  const ordered = list.name === 'ol';
  let number = Number(list.attribs.start ?? '1') || 1;
  const out: Paragraph[] = [];
  for (const item of list.children) {
    if (!isElement(item) || item.name !== 'li') continue;
    const { inline, blocks } = inlineAndBlocks(item);
    const bullet: BulletInfo = { level, ordered, number: number++ };
    const runs = inlineRuns(inline);
    let first = true;
    if (runs.length > 0) {
      out.push({ runs, bullet });
      first = false;
    }
    for (const block of blocks) {
      if (block.name === 'ul' || block.name === 'ol') {
        out.push(...listParagraphs(block, level + 1));
      } else {
        // A loose list item (`<li><p>…</p></li>`): its paragraphs share the item's bullet.
        const more = inlineRuns(block.children);
        if (more.length === 0) continue;
        out.push(first ? { runs: more, bullet } : { runs: more, bullet: { ...bullet, level: level + 1 } });
        first = false;
      }
    }
  }
  return out;
}

/** Paragraphs of block content (a quotation's body, a cell): `<p>`s, lists, or bare inline text. */
function flowParagraphs(nodes: readonly ChildNode[]): Paragraph[] {
  const out: Paragraph[] = [];
  let inline: ChildNode[] = [];
  const flush = (): void => {
    const runs = inlineRuns(inline);
    if (runs.length > 0) out.push({ runs });
    inline = [];
  };
  for (const node of nodes) {
    if (isElement(node) && (node.name === 'ul' || node.name === 'ol')) {
      flush();
      out.push(...listParagraphs(node, 0));
    } else if (isElement(node) && BLOCK_TAGS.has(node.name)) {
      flush();
      out.push(...flowParagraphs(node.children));
    } else {
      inline.push(node);
    }
  }
  flush();
  return out;
}

function tableBlock(table: Element): Block {
  const rows: Run[][][] = [];
  let header: Run[][] | null = null;
  const visit = (el: Element, inHead: boolean): void => {
    for (const child of el.children) {
      if (!isElement(child)) continue;
      if (child.name === 'thead') visit(child, true);
      else if (child.name === 'tbody' || child.name === 'tfoot') visit(child, false);
      else if (child.name === 'tr') {
        const cells = child.children.filter(isElement).filter((c) => c.name === 'td' || c.name === 'th');
        const row = cells.map((c) => inlineRuns(c.children));
        if (inHead && header === null) header = row;
        else rows.push(row);
      }
    }
  };
  visit(table, false);
  return { kind: 'table', header, rows };
}

/**
 * Reads a slide's compiled HTML (`Slide.html`) into blocks. The first heading stays a heading
 * block (the caller puts it in the title placeholder). The plain list that follows the structure
 * diagram's placeholder is its fallback for browsers without script: it is dropped, as the deck
 * hides it once the diagram is drawn.
 */
export function slideBlocks(html: string): Block[] {
  const doc = parseDocument(html, { decodeEntities: true });
  const blocks: Block[] = [];
  let afterStructure = false;
  const pushText = (paragraphs: Paragraph[]): void => {
    if (paragraphs.length === 0) return;
    const last = blocks.at(-1);
    if (last?.kind === 'text') last.paragraphs.push(...paragraphs);
    else blocks.push({ kind: 'text', paragraphs });
  };
  for (const node of doc.children) {
    if (!isElement(node)) {
      if (node.type === 'text' && node.data.trim()) pushText([{ runs: inlineRuns([node]) }]);
      continue;
    }
    const tag = node.name;
    const cls = classes(node);
    if (afterStructure && (tag === 'ul' || tag === 'ol' || cls.includes('structure-fallback'))) continue;
    afterStructure = false;
    if (/^h[1-6]$/.test(tag)) {
      const runs = inlineRuns(node.children);
      if (runs.length > 0) blocks.push({ kind: 'heading', level: Number(tag[1]), runs });
    } else if (tag === 'ul' || tag === 'ol') {
      pushText(listParagraphs(node, 0));
    } else if (tag === 'figure' && cls.includes('chart')) {
      blocks.push({ kind: 'chart', id: node.attribs.id ?? node.attribs['data-chart'] ?? '' });
    } else if (tag === 'div' && 'data-structure-map' in node.attribs) {
      blocks.push({ kind: 'structure' });
      afterStructure = true;
    } else if (tag === 'figure' && cls.includes('quotation')) {
      const quote = node.children.find((c): c is Element => isElement(c) && c.name === 'blockquote');
      const caption = node.children.find((c): c is Element => isElement(c) && c.name === 'figcaption');
      const attribution = caption ? inlineRuns(caption.children) : [];
      blocks.push({
        kind: 'quote',
        paragraphs: flowParagraphs(quote?.children ?? []),
        attribution: attribution.length > 0 ? attribution : null,
      });
    } else if (tag === 'blockquote') {
      blocks.push({ kind: 'quote', paragraphs: flowParagraphs(node.children), attribution: null });
    } else if (tag === 'img') {
      blocks.push({ kind: 'image', src: node.attribs.src ?? '', alt: node.attribs.alt ?? '' });
    } else if (tag === 'table') {
      blocks.push(tableBlock(node));
    } else if (tag === 'hr' || tag === 'aside') {
      continue;
    } else if (tag === 'pre') {
      pushText(flowParagraphs(node.children).map((p) => ({ runs: p.runs.map((r) => ({ ...r, code: true })) })));
    } else {
      const images = node.children.filter((c): c is Element => isElement(c) && c.name === 'img');
      if (tag === 'p' && images.length > 0 && inlineRuns(node.children).length === 0) {
        for (const img of images)
          blocks.push({ kind: 'image', src: img.attribs.src ?? '', alt: img.attribs.alt ?? '' });
      } else {
        pushText(flowParagraphs(tag === 'p' ? [node] : node.children));
      }
    }
  }
  return blocks;
}
