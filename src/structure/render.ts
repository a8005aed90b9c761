import { select, type Selection } from 'd3-selection';
import { t } from '../common/i18n.ts';
import { SVG_NS } from '../common/svg.ts';
import type { LayoutLink, LayoutNode, StructureLayout } from './layout.ts';

/** What the diagram shows besides the layout: where the deck is and which node has focus. */
export interface RenderState {
  /** Key of the node marked "you are here" (the current slide, or its nearest visible ancestor). */
  current: string | null;
  /** Keys from the root to the current slide (ancestors are emphasised). */
  currentPath: ReadonlySet<string>;
  /** Key of the node that takes Tab focus (roving tabindex). */
  focusKey: string | null;
  /** Accessible name of the tree. */
  label: string;
}

/** The accessible name of a node: its full text, its position, and an editorial mark. */
export function nodeName(node: LayoutNode): string {
  const o = node.outline;
  const name = t('structureNodeName', { title: o.full, position: o.position });
  if (o.editorial === 'none' || o.kind === 'deck') return name;
  return t('structureNodeMark', {
    name,
    mark: t(o.editorial === 'all' ? 'structureEditorial' : 'structureEditorialSome'),
  });
}

/** Creates the empty diagram: an `<svg>` holding connectors and a `role="tree"` group. */
export function createStructureSvg(doc: Document): SVGSVGElement {
  const svg = doc.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('class', 'structure-svg');
  svg.setAttribute('xmlns', SVG_NS);
  const links = doc.createElementNS(SVG_NS, 'g');
  links.setAttribute('class', 'structure-links');
  links.setAttribute('aria-hidden', 'true');
  const tree = doc.createElementNS(SVG_NS, 'g');
  tree.setAttribute('class', 'structure-tree');
  tree.setAttribute('role', 'tree');
  svg.append(links, tree);
  return svg;
}

function linkPath(link: LayoutLink): string {
  return link.points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x},${y}`).join('');
}

/** An arrowhead at the end of a chain connector (drawn as a path: no ids to clash). */
function arrowPath(link: LayoutLink): string {
  const [x, y] = link.points[link.points.length - 1]!;
  const s = Math.max(5, Math.min(9, (x - link.points[0]![0]) / 3));
  return `M${x},${y}L${x - s},${y - s * 0.6}L${x - s},${y + s * 0.6}Z`;
}

function nodeClass(n: LayoutNode, state: RenderState): string {
  const o = n.outline;
  const classes = ['structure-node', `kind-${n.kind}`];
  if (o.partKind) classes.push(`part-${o.partKind}`);
  if (o.editorial !== 'none' && n.kind !== 'deck') classes.push(`editorial-${o.editorial}`);
  if (n.truncated) classes.push('is-truncated');
  if (state.current === n.key) classes.push('is-current');
  else if (state.currentPath.has(n.key)) classes.push('in-current-path');
  return classes.join(' ');
}

function toggleShape(n: LayoutNode): string {
  const tg = n.toggle!;
  const s = tg.size * 0.3;
  return n.expanded
    ? `M${tg.x - s},${tg.y - s * 0.55}L${tg.x + s},${tg.y - s * 0.55}L${tg.x},${tg.y + s * 0.75}Z`
    : `M${tg.x - s * 0.55},${tg.y - s}L${tg.x + s * 0.75},${tg.y}L${tg.x - s * 0.55},${tg.y + s}Z`;
}

/**
 * Draws `layout` into `svg` (made by `createStructureSvg`), keyed by node so an update keeps the
 * focused element. Each node is a `treeitem` with level, position in set, expanded state and a
 * Chinese name ("…，第二部分 承，第1节"); the visible text is hidden from screen readers.
 */
export function renderStructure(svg: SVGSVGElement, layout: StructureLayout, state: RenderState): SVGSVGElement {
  const root = select(svg)
    .attr('viewBox', `0 0 ${layout.width} ${layout.height}`)
    .attr('width', layout.width)
    .attr('height', layout.height)
    .attr('data-mode', layout.mode);

  root
    .select<SVGGElement>('g.structure-links')
    .selectAll<SVGGElement, LayoutLink>('g.structure-link')
    .data(layout.links, (l) => `${l.from}>${l.to}`)
    .join((enter) => {
      const g = enter.append('g');
      g.append('path').attr('class', 'link-line');
      return g;
    })
    .attr('class', (l) => `structure-link link-${l.kind}${state.currentPath.has(l.to) ? ' in-current-path' : ''}`)
    .each(function (l) {
      const g = select(this);
      g.select('path.link-line').attr('d', linkPath(l));
      g.selectAll('path.link-arrow')
        .data(l.kind === 'chain' ? [l] : [])
        .join('path')
        .attr('class', 'link-arrow')
        .attr('d', arrowPath);
    });

  const tree = root.select<SVGGElement>('g.structure-tree').attr('aria-label', state.label);
  tree
    .selectAll<SVGGElement, LayoutNode>('g.structure-node')
    .data(layout.nodes, (n) => n.key)
    .join((enter) => {
      const g = enter.append('g').attr('role', 'treeitem');
      g.append('rect').attr('class', 'node-focus');
      g.append('rect').attr('class', 'node-box');
      g.append('text').attr('class', 'node-text').attr('aria-hidden', 'true');
      return g;
    })
    .attr('class', (n) => nodeClass(n, state))
    .attr('data-key', (n) => n.key)
    .attr('data-slide', (n) => n.outline.target.slideId)
    .attr('aria-level', (n) => n.depth + 1)
    .attr('aria-setsize', (n) => n.setsize)
    .attr('aria-posinset', (n) => n.posinset)
    .attr('aria-expanded', (n) => (n.expanded === null ? null : String(n.expanded)))
    .attr('aria-current', (n) => (state.current === n.key ? 'location' : null))
    .attr('aria-label', nodeName)
    .attr('tabindex', (n) => (n.key === state.focusKey ? 0 : -1))
    .each(function (n) {
      drawNode(select(this), n);
    });
  return svg;
}

function drawNode(g: Selection<SVGGElement, LayoutNode, null, undefined>, n: LayoutNode): void {
  const r = Math.round(layoutRadius(n));
  g.select('rect.node-focus')
    .attr('x', n.x - 3)
    .attr('y', n.y - 3)
    .attr('width', n.width + 6)
    .attr('height', n.height + 6)
    .attr('rx', r + 3);
  g.select('rect.node-box').attr('x', n.x).attr('y', n.y).attr('width', n.width).attr('height', n.height).attr('rx', r);
  g.selectAll('rect.node-toggle-hit')
    .data(n.toggle ? [n.toggle] : [])
    .join('rect')
    .attr('class', 'node-toggle-hit')
    .attr('x', (tg) => tg.x - hitSize(tg.size) / 2)
    .attr('y', (tg) => tg.y - hitSize(tg.size) / 2)
    .attr('width', (tg) => hitSize(tg.size))
    .attr('height', (tg) => hitSize(tg.size));
  g.selectAll('path.node-toggle')
    .data(n.toggle ? [n] : [])
    .join('path')
    .attr('class', 'node-toggle')
    .attr('aria-hidden', 'true')
    .attr('d', toggleShape);
  g.select('text.node-text')
    .selectAll('tspan')
    .data(n.lines)
    .join('tspan')
    .attr('class', (l) => `line-${l.role}`)
    .attr('x', (l) => l.x)
    .attr('y', (l) => l.y)
    .attr('font-size', (l) => l.fontSize)
    .attr('text-anchor', (l) => l.anchor)
    .text((l) => l.text);
}

/** A pointer target of at least 24 px around the disclosure triangle. */
const hitSize = (size: number): number => Math.max(24, Math.round(size * 1.6));

function layoutRadius(n: LayoutNode): number {
  return n.kind === 'part' ? 10 : n.kind === 'deck' ? 8 : 6;
}
