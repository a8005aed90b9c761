import { hierarchy, type HierarchyNode } from 'd3-hierarchy';
import type { OutlineKind, OutlineNode } from './outline.ts';
import { t } from '../common/i18n.ts';
import { textWidth } from '../common/text-width.ts';
import { deckTerms } from '../markdown/words.ts';
import { wrapText } from './wrap.ts';

/**
 * The two shapes of the diagram:
 * - `flow`: the speech on top, its parts side by side as the 起 → 承 → 转 → 合 chain, each
 *   part's subsections and slides branching down under it (wide screens and the agenda slide);
 * - `list`: an indented tree, one node a row (phones and narrow windows).
 */
export type LayoutMode = 'flow' | 'list';

/** Options of `layoutStructure`. Sizes are in the SVG's user units (CSS px at scale 1). */
export interface LayoutOptions {
  /** Width available for the diagram. */
  width: number;
  /** Base font size of labels. Default 16. */
  fontSize?: number;
  /** Keys of subsections whose slides are shown. Parts and the root are always expanded. */
  expanded?: ReadonlySet<string>;
  /** Show every subsection's slides (print). Default false. */
  expandAll?: boolean;
  /** `auto` picks `flow` when each part's column can hold at least 7 characters. Default auto. */
  mode?: LayoutMode | 'auto';
  /** How deep the diagram goes: down to `slides` (default) or only to `sections` (an agenda). */
  levels?: 'sections' | 'slides';
  /** Draw the speech itself as the top node. Default true; an agenda under its own heading may omit it. */
  showRoot?: boolean;
  /** The least height of a node's box: 44 makes every node a touch target. Default 0. */
  minNodeHeight?: number;
}

/** An axis-aligned box. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One line of a node's label, positioned by its baseline. */
export interface LabelLine {
  text: string;
  /** Baseline position, absolute. */
  x: number;
  y: number;
  fontSize: number;
  /** Text anchor of the line. */
  anchor: 'start' | 'middle';
  /** The line's role: the part's big label, the main text, the editorial tag. */
  role: 'label' | 'text' | 'tag';
}

/** A node placed in the diagram: its box holds all of its label lines. */
export interface LayoutNode extends Box {
  key: string;
  kind: OutlineKind;
  /** Level in the drawn tree, 0 for the top: the speech (or the parts, without the root), … */
  depth: number;
  parentKey: string | null;
  lines: LabelLine[];
  /** True when the label was shortened: the full text shows on focus and hover. */
  truncated: boolean;
  /** True when the node has children that can be shown or hidden (subsections). */
  expandable: boolean;
  /** Whether its children are shown; null for a node without children in this view. */
  expanded: boolean | null;
  /** Position among its siblings in the outline (1-based) and their number. */
  posinset: number;
  setsize: number;
  /** The disclosure triangle's centre, for expandable nodes. */
  toggle: { x: number; y: number; size: number } | null;
  outline: OutlineNode;
}

/** A connector between two nodes: `branch` from parent to child, `chain` from part to next part. */
export interface LayoutLink {
  kind: 'branch' | 'chain';
  from: string;
  to: string;
  /** Polyline points, absolute. */
  points: [number, number][];
}

/** The positioned diagram. */
export interface StructureLayout {
  mode: LayoutMode;
  width: number;
  height: number;
  fontSize: number;
  /** Visible nodes in tree (document) order: the order of keyboard navigation. */
  nodes: LayoutNode[];
  links: LayoutLink[];
}

type Visible = HierarchyNode<OutlineNode>;

/** Minimum characters per line in a part's column for the flow layout. */
const FLOW_MIN_CHARS = 7;

/**
 * Positions the outline's visible nodes within `width`: returns boxes, label lines and
 * connectors as numbers. Pure; labels are wrapped by estimated width, long ones shortened with
 * "…" (the node is marked `truncated`). Boxes never overlap.
 */
export function layoutStructure(outline: OutlineNode, options: LayoutOptions): StructureLayout {
  const fontSize = options.fontSize ?? 16;
  const expanded = options.expanded ?? new Set<string>();
  const showSlides = options.levels !== 'sections';
  const childrenOf = (n: OutlineNode): OutlineNode[] =>
    showSlides ? n.children : n.children.filter((c) => c.kind !== 'slide');
  const isOpen = (n: OutlineNode): boolean =>
    n.kind === 'deck' || n.kind === 'part' || (n.kind === 'section' && (options.expandAll || expanded.has(n.key)));
  const root = hierarchy(outline, (n) => (isOpen(n) ? childrenOf(n) : []));
  const parts = root.children ?? [];
  const margin = Math.round(fontSize * 0.75);
  const gapH = Math.round(fontSize * 1.125);
  const colWidth = parts.length > 0 ? (options.width - 2 * margin - (parts.length - 1) * gapH) / parts.length : 0;
  const mode: LayoutMode =
    options.mode && options.mode !== 'auto'
      ? options.mode
      : colWidth - 2 * padding(fontSize) >= FLOW_MIN_CHARS * fontSize
        ? 'flow'
        : 'list';
  const showRoot = options.showRoot ?? true;
  // The parts' themes name the deck's terms ("问题导向"): labels never break inside one.
  const terms = deckTerms(parts.map((p) => p.data.text));
  const ctx: Ctx = {
    fontSize,
    margin,
    isOpen,
    childrenOf,
    levelOffset: showRoot ? 0 : 1,
    nodes: new Map(),
    links: [],
    terms,
    minNodeHeight: options.minNodeHeight ?? 0,
  };
  const height =
    mode === 'flow'
      ? layoutFlow(root, options.width, colWidth, gapH, showRoot, ctx)
      : layoutList(root, options.width, showRoot, ctx);
  const nodes: LayoutNode[] = [];
  root.eachBefore((n) => {
    const placed = ctx.nodes.get(n.data.key);
    if (placed) nodes.push(placed);
  });
  return { mode, width: options.width, height: Math.ceil(height), fontSize, nodes, links: ctx.links };
}

interface Ctx {
  fontSize: number;
  /** Words of the deck that never break (the parts' themes). */
  terms: readonly string[];
  margin: number;
  isOpen: (n: OutlineNode) => boolean;
  childrenOf: (n: OutlineNode) => OutlineNode[];
  /** Subtracted from hierarchy depths (1 when the root is not drawn). */
  levelOffset: number;
  nodes: Map<string, LayoutNode>;
  links: LayoutLink[];
  /** See `LayoutOptions.minNodeHeight`. */
  minNodeHeight: number;
}

const padding = (fontSize: number): number => Math.round(fontSize * 0.5);

/** Font size of a node's main text, by level. */
function textSize(kind: OutlineKind, fontSize: number): number {
  return kind === 'deck' ? Math.round(fontSize * 1.15) : kind === 'slide' ? Math.round(fontSize * 0.875) : fontSize;
}

/** Lines allowed for a node's main text before it is shortened. */
const MAX_LINES: Record<OutlineKind, number> = { deck: 2, part: 2, section: 4, slide: 2 };

/** The visible tag of an editorial node; a node only partly editorial shows it by its border. */
function editorialTag(n: OutlineNode): string {
  return n.kind !== 'deck' && n.editorial === 'all' ? t('structureEditorial') : '';
}

/**
 * Builds a node's box at (x, y) with the given width: wraps its text inside the padding (and
 * after the disclosure triangle), stacks the label lines, and measures the height.
 */
function placeNode(
  n: Visible,
  box: { x: number; y: number; width: number },
  align: 'start' | 'middle',
  ctx: Ctx,
  minHeight = 0,
): LayoutNode {
  const { fontSize } = ctx;
  const o = n.data;
  const pad = padding(fontSize);
  const hasChildren = ctx.childrenOf(o).length > 0;
  const expandable = o.kind === 'section' && hasChildren;
  const toggleSize = expandable ? Math.round(fontSize * 1.1) : 0;
  const textX = box.x + pad + (expandable ? toggleSize + Math.round(pad / 2) : 0);
  const innerWidth = box.x + box.width - pad - textX;
  const size = textSize(o.kind, fontSize);
  const lineHeight = Math.round(size * 1.35);
  const lines: LabelLine[] = [];
  let y = box.y + pad;
  const anchorX = align === 'middle' ? box.x + box.width / 2 : textX;
  if (o.kind === 'part') {
    const labelSize = Math.round(fontSize * 1.5);
    const fitted = wrapText(o.label, innerWidth / labelSize, 1);
    y += labelSize;
    lines.push({ text: fitted.lines[0] ?? '', x: anchorX, y, fontSize: labelSize, anchor: align, role: 'label' });
    y += Math.round(labelSize * 0.3);
  }
  const text =
    o.kind === 'section' && o.label ? `${o.label}${o.text}` : o.kind === 'part' && o.text === o.label ? '' : o.text;
  const wrapped = wrapText(text, innerWidth / size, MAX_LINES[o.kind], { words: true, terms: ctx.terms });
  for (const line of wrapped.lines) {
    y += lineHeight;
    lines.push({
      text: line,
      x: anchorX,
      y: y - Math.round((lineHeight - size) / 2) - Math.round(size * 0.12),
      fontSize: size,
      anchor: align,
      role: 'text',
    });
  }
  const tag = editorialTag(o);
  if (tag) {
    const tagSize = Math.max(11, Math.round(fontSize * 0.75));
    const tagLine = wrapText(tag, innerWidth / tagSize, 1);
    y += Math.round(tagSize * 1.35);
    lines.push({
      text: tagLine.lines[0] ?? '',
      x: anchorX,
      y: y - Math.round(tagSize * 0.3),
      fontSize: tagSize,
      anchor: align,
      role: 'tag',
    });
  }
  y += pad;
  const natural = Math.max(minHeight, Math.ceil(y - box.y));
  const height = Math.max(natural, ctx.minNodeHeight);
  // A box made taller to be a touch target keeps its words in the middle.
  const lift = (height - natural) / 2;
  const siblings = n.parent ? n.parent.data.children : [o];
  const placed: LayoutNode = {
    key: o.key,
    kind: o.kind,
    depth: n.depth - ctx.levelOffset,
    parentKey: n.depth - ctx.levelOffset > 0 ? (n.parent?.data.key ?? null) : null,
    x: round(box.x),
    y: round(box.y),
    width: round(box.width),
    height,
    lines: lines.map((l) => ({ ...l, x: round(l.x), y: round(l.y + lift) })),
    truncated: wrapped.truncated,
    expandable,
    expanded: hasChildren ? ctx.isOpen(o) : null,
    posinset: siblings.indexOf(o) + 1,
    setsize: siblings.length,
    toggle: expandable
      ? { x: round(box.x + pad + toggleSize / 2), y: round(box.y + pad + lift + lineHeight / 2), size: toggleSize }
      : null,
    outline: o,
  };
  ctx.nodes.set(o.key, placed);
  return placed;
}

const round = (v: number): number => Math.round(v * 10) / 10;

/** Elbow connector from a parent's spine to a child's left edge. */
function branch(parent: LayoutNode, child: LayoutNode, indent: number): LayoutLink {
  const spine = round(parent.x + indent / 2);
  const mid = round(child.y + Math.min(child.height / 2, indent));
  return {
    kind: 'branch',
    from: parent.key,
    to: child.key,
    points: [
      [spine, parent.y + parent.height],
      [spine, mid],
      [child.x, mid],
    ],
  };
}

/** Places the nodes under `n` one below the other from `y`; returns the y after the last. */
function stackChildren(
  n: Visible,
  parent: LayoutNode,
  y: number,
  width: number,
  indent: number,
  gap: number,
  ctx: Ctx,
): number {
  for (const child of n.children ?? []) {
    const x = parent.x + indent;
    const placed = placeNode(child, { x, y: y + gap, width: width - (x - parent.x) }, 'start', ctx);
    ctx.links.push(branch(parent, placed, indent));
    y = placed.y + placed.height;
    y = stackChildren(child, placed, y, placed.width, indent, gap, ctx);
  }
  return y;
}

function layoutFlow(root: Visible, width: number, colWidth: number, gapH: number, showRoot: boolean, ctx: Ctx): number {
  const { fontSize, margin } = ctx;
  const pad = padding(fontSize);
  let top: LayoutNode | null = null;
  if (showRoot) {
    const titleWidth = Math.min(
      width - 2 * margin,
      textWidth(root.data.text) * textSize('deck', fontSize) + 2 * pad + 2,
    );
    top = placeNode(root, { x: (width - titleWidth) / 2, y: margin, width: titleWidth }, 'middle', ctx);
  }
  const parts = root.children ?? [];
  const rowY = top ? top.y + top.height + Math.round(fontSize * 1.6) : margin;
  const busY = top ? round(top.y + top.height + Math.round(fontSize * 0.8)) : 0;
  // Parts share one height, so the chain reads as one row.
  const trial = parts.map((p, i) =>
    placeNode(p, { x: margin + i * (colWidth + gapH), y: rowY, width: colWidth }, 'middle', ctx),
  );
  const rowHeight = Math.max(0, ...trial.map((p) => p.height));
  const indent = Math.round(fontSize * 0.9);
  const gap = Math.round(fontSize * 0.5);
  let bottom = rowY + rowHeight;
  parts.forEach((p, i) => {
    const placed = placeNode(
      p,
      { x: margin + i * (colWidth + gapH), y: rowY, width: colWidth },
      'middle',
      ctx,
      rowHeight,
    );
    const cx = round(placed.x + placed.width / 2);
    if (top) {
      ctx.links.push({
        kind: 'branch',
        from: top.key,
        to: placed.key,
        points: [
          [round(top.x + top.width / 2), top.y + top.height],
          [round(top.x + top.width / 2), busY],
          [cx, busY],
          [cx, placed.y],
        ],
      });
    }
    const prev = i > 0 ? ctx.nodes.get(parts[i - 1]!.data.key) : undefined;
    if (prev) {
      const my = round(rowY + rowHeight / 2);
      ctx.links.push({
        kind: 'chain',
        from: prev.key,
        to: placed.key,
        points: [
          [prev.x + prev.width, my],
          [placed.x, my],
        ],
      });
    }
    bottom = Math.max(bottom, stackChildren(p, placed, placed.y + placed.height, colWidth, indent, gap, ctx));
  });
  return bottom + margin;
}

function layoutList(root: Visible, width: number, showRoot: boolean, ctx: Ctx): number {
  const { fontSize, margin } = ctx;
  const indent = Math.round(fontSize * 1.1);
  const gap = Math.round(fontSize * 0.4);
  if (showRoot) {
    const top = placeNode(root, { x: margin, y: margin, width: width - 2 * margin }, 'start', ctx);
    return stackChildren(root, top, top.y + top.height, width - 2 * margin, indent, gap, ctx) + margin;
  }
  let y = margin - gap;
  for (const part of root.children ?? []) {
    const placed = placeNode(part, { x: margin, y: y + gap, width: width - 2 * margin }, 'start', ctx);
    y = stackChildren(part, placed, placed.y + placed.height, placed.width, indent, gap, ctx);
  }
  return y + margin;
}

/** True when two boxes share any area. */
export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
