import { Lexer, type Token, type Tokens } from 'marked';
import type { Block, BlockKind } from './types.ts';

/** A plain-text speech: one paragraph a line (Word's 纯文本 export, most web copies). */
export function textBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line !== '') blocks.push({ kind: 'paragraph', text: line, line: i + 1, boldLead: 0 });
  });
  return blocks;
}

/**
 * A Markdown speech: headings keep their level (a lone leading `#` is the title, and the levels
 * below it move up), paragraphs, list items and quoted paragraphs are paragraphs; the text is the
 * inline text without its Markdown marks.
 */
export function markdownBlocks(text: string): Block[] {
  const tokens = new Lexer({ gfm: true }).lex(text);
  const out: { depth: number; kind: BlockKind; text: string; line: number; boldLead: number }[] = [];
  let offset = 0;
  const lineAt = (raw: string): number => {
    const at = text.indexOf(raw, offset);
    const pos = at >= 0 ? at : offset;
    return text.slice(0, pos).split('\n').length;
  };
  const visit = (token: Token, kind: BlockKind): void => {
    const t = token as Tokens.Generic;
    if (t.type === 'heading' || t.type === 'paragraph' || t.type === 'text') {
      const inline = (t.tokens as Token[] | undefined) ?? [];
      const plain = inlineText(inline).trim();
      const first = inline[0] as Tokens.Generic | undefined;
      const boldLead = first && first.type === 'strong' ? inlineText([first]).trim().length : 0;
      if (plain) {
        out.push({
          depth: t.type === 'heading' ? Number(t.depth) : 0,
          kind,
          text: plain,
          line: lineAt(String(t.raw)),
          boldLead,
        });
      }
    } else if (t.type === 'list') {
      for (const item of t.items as Tokens.ListItem[]) for (const c of item.tokens) visit(c, 'item');
    } else if (t.type === 'blockquote') {
      for (const c of t.tokens as Token[]) visit(c, kind);
    } else if (t.type === 'code') {
      const code = String(t.text).trim();
      if (code) out.push({ depth: 0, kind, text: code, line: lineAt(String(t.raw)), boldLead: 0 });
    } else if (t.type === 'table') {
      const rows = [t.header as Tokens.TableCell[], ...(t.rows as Tokens.TableCell[][])];
      for (const row of rows) {
        for (const cell of row) {
          const plain = inlineText(cell.tokens).trim();
          if (plain) out.push({ depth: 0, kind: 'paragraph', text: plain, line: lineAt(String(t.raw)), boldLead: 0 });
        }
      }
    } else if (t.type === 'html') {
      const plain = String(t.raw)
        .replace(/<[^>]*>/g, '')
        .trim();
      if (plain) out.push({ depth: 0, kind, text: plain, line: lineAt(String(t.raw)), boldLead: 0 });
    }
  };
  for (const token of tokens) {
    visit(token, 'paragraph');
    offset += token.raw.length;
  }
  const depth1 = out.filter((b) => b.depth === 1);
  const shift = depth1.length === 1 && out[0]?.depth === 1 ? 1 : 0;
  return out.map(({ depth, kind, text: t, line, boldLead }) => {
    let k = kind;
    if (depth > 0) {
      const level = depth - shift;
      k = shift && depth === 1 ? 'title' : level <= 1 ? 'heading1' : level === 2 ? 'heading2' : 'heading3';
    }
    return { kind: k, text: t, line, boldLead: depth > 0 ? 0 : boldLead };
  });
}

function inlineText(tokens: readonly Token[]): string {
  return tokens
    .map((token) => {
      const t = token as Tokens.Generic;
      if (t.type === 'br') return '\n';
      if (t.type === 'image') return '';
      if (Array.isArray(t.tokens)) return inlineText(t.tokens as Token[]);
      if (t.type === 'html') return '';
      return String(t.text ?? '');
    })
    .join('');
}

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, name: string) => {
    if (name[0] === '#') {
      const code = name[1]!.toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    }
    return ENTITY[name.toLowerCase()] ?? m;
  });
}

const BLOCK_TAGS: Record<string, BlockKind> = {
  p: 'paragraph',
  li: 'item',
  h2: 'heading2',
  h3: 'heading3',
  h4: 'heading3',
  h5: 'heading3',
  h6: 'heading3',
};

/**
 * A Word document, as the HTML mammoth makes of it: Title style (`<h1 class="title">`), Heading 1
 * and 2, paragraphs, list items (nested lists flattened), table cells; a paragraph that starts in
 * bold records how long the bold run is. `line` counts paragraphs. Images carry no text and are
 * counted in `images`.
 */
export function htmlBlocks(html: string): { blocks: Block[]; images: number } {
  const blocks: Block[] = [];
  let images = 0;
  let current: { kind: BlockKind; text: string; boldLead: number; boldOpen: boolean } | null = null;
  let bold = 0;
  let skip = 0;
  const flush = (): void => {
    if (!current) return;
    const text = decodeEntities(current.text);
    const trimmed = text.trim();
    if (trimmed) {
      const lead = decodeEntities(current.text.slice(0, current.boldLead)).trim().length;
      blocks.push({ kind: current.kind, text: trimmed, line: blocks.length + 1, boldLead: lead });
    }
    current = null;
  };
  for (const m of html.matchAll(/<(\/?)([a-zA-Z0-9]+)([^>]*)>|([^<]+)/g)) {
    const [, close, rawTag, attrs, text] = m;
    if (text !== undefined) {
      if (skip > 0) continue;
      current ??= { kind: 'paragraph', text: '', boldLead: 0, boldOpen: true };
      current.text += text;
      if (current.boldOpen && bold > 0) current.boldLead = current.text.length;
      else if (text.trim() !== '') current.boldOpen = false;
      continue;
    }
    const tag = rawTag!.toLowerCase();
    if (tag === 'img') images++;
    else if (tag === 'br') {
      if (current) current.text += '\n';
    } else if (tag === 'strong' || tag === 'b') bold += close ? -1 : 1;
    else if (tag === 'a' && !close && /href="#(?:footnote|endnote|comment)-ref/.test(attrs ?? '')) skip++;
    else if (tag === 'a' && close && skip > 0) skip--;
    else if (tag === 'h1' || BLOCK_TAGS[tag]) {
      const inItem: boolean = current !== null && current.kind === 'item' && current.text.trim() === '';
      flush();
      if (!close) {
        const kind: BlockKind =
          tag === 'h1'
            ? /class="title"/.test(attrs ?? '')
              ? 'title'
              : 'heading1'
            : tag === 'p' && inItem
              ? 'item'
              : BLOCK_TAGS[tag]!;
        current = { kind, text: '', boldLead: 0, boldOpen: true };
      }
    } else if (tag === 'td' || tag === 'th' || tag === 'tr' || tag === 'table' || tag === 'ol' || tag === 'ul') {
      flush();
    }
  }
  flush();
  return { blocks, images };
}
