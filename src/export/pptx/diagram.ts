import type { OutlineNode } from '../../structure/outline.ts';
import { t } from '../../common/i18n.ts';
import { LINE_HEIGHT, textHeight, type TextMetrics } from './measure.ts';
import type { Box, Connector, PlacedParagraph, Shape, TextFrame } from './plan.ts';
import { TEXT } from './strings.ts';
import { COLOR } from './theme.ts';

/**
 * The structure diagram of the agenda slide as native shapes: the parts (开篇 → 起 → 承 → 转 → 合 →
 * 结语) side by side, joined by arrow connectors, each part's subsections stacked under it and
 * joined to it by connectors, every node a link to its first slide. Connectors are glued to their
 * shapes, so an organiser can move a box and the lines follow. Pure: an outline in, shapes out.
 */

/** Sizes of the diagram at scale 1, px (the web agenda's: src/structure/agenda.ts, fontSize 24). */
const BASE = { label: 36, text: 24, tag: 18, pad: 12, gapX: 28, gapY: 20 } as const;

/** How a node is drawn, by how much of it is an editorial summary (as on the web diagram). */
function nodeLook(node: OutlineNode): Pick<TextFrame, 'fill' | 'line'> {
  if (node.editorial === 'all') return { fill: 'FBF5E6', line: { color: '8A5A00', width: 1.5, dash: 'dash' } };
  if (node.kind === 'part') {
    return {
      fill: COLOR.white,
      line: { color: COLOR.accent, width: 1.5, dash: node.editorial === 'some' ? 'dashDot' : 'solid' },
    };
  }
  return { fill: 'F7F7F7', line: { color: '9A9A9A', width: 1, dash: node.editorial === 'some' ? 'dashDot' : 'solid' } };
}

function nodeParagraphs(node: OutlineNode, s: number): PlacedParagraph[] {
  const out: PlacedParagraph[] = [];
  if (node.kind === 'part') {
    out.push({ runs: [{ text: node.label }], size: BASE.label * s, bold: true, color: COLOR.accent });
    if (node.text && node.text !== node.label) out.push({ runs: [{ text: node.text }], size: BASE.text * s });
  } else {
    out.push({ runs: [{ text: node.label ? `${node.label}${node.text}` : node.text }], size: BASE.text * s });
  }
  if (node.editorial === 'all') {
    out.push({ runs: [{ text: t('structureEditorial') }], size: BASE.tag * s, color: '8A5A00' });
  }
  return out;
}

function metrics(s: number): TextMetrics {
  return { size: BASE.label * s, lineHeight: LINE_HEIGHT.body, paragraphGap: 0.05, bulletIndent: 0 };
}

/** Height a node needs at width `w` and scale `s`, px. */
function nodeHeight(node: OutlineNode, w: number, s: number): number {
  const m = metrics(s);
  return Math.ceil(
    textHeight(nodeParagraphs(node, s), w - 2 * BASE.pad * s, m) + 2 * BASE.pad * s + 0.4 * BASE.text * s,
  );
}

/** The diagram's shapes inside `box`, shrunk (down to 60%) until it fits; its height. */
export function diagramShapes(outline: OutlineNode, box: Box): { shapes: Shape[]; height: number } {
  const parts = outline.children.filter((c) => c.kind === 'part');
  let result = place(parts, box, 1);
  for (let s = 0.95; result.height > box.h && s >= 0.6; s -= 0.05) result = place(parts, box, s);
  return result;
}

function place(parts: readonly OutlineNode[], box: Box, s: number): { shapes: Shape[]; height: number } {
  const gapX = BASE.gapX * s;
  const gapY = BASE.gapY * s;
  const colW = (box.w - (parts.length - 1) * gapX) / Math.max(1, parts.length);
  const partH = Math.max(0, ...parts.map((p) => nodeHeight(p, colW, s)));
  const frames: TextFrame[] = [];
  const connectors: Connector[] = [];
  let bottom = box.y + partH;
  const frame = (node: OutlineNode, b: Box): TextFrame => ({
    kind: 'text',
    name: `diagram:${node.key}`,
    box: b,
    paragraphs: nodeParagraphs(node, s),
    metrics: metrics(s),
    color: COLOR.fg,
    align: node.kind === 'part' ? 'center' : 'left',
    valign: node.kind === 'part' ? 'middle' : 'top',
    inset: BASE.pad * s,
    geometry: 'roundRect',
    ...nodeLook(node),
    link: { slide: node.target.slideId, tooltip: TEXT.goTo(node.full) },
  });
  const connector = (from: TextFrame, to: TextFrame, across: boolean): Connector => ({
    kind: 'connector',
    name: `connector:${from.name.slice(8)}>${to.name.slice(8)}`,
    from: from.name,
    to: to.name,
    fromSite: across ? 3 : 2,
    toSite: across ? 1 : 0,
    start: across
      ? [from.box.x + from.box.w, from.box.y + from.box.h / 2]
      : [from.box.x + from.box.w / 2, from.box.y + from.box.h],
    end: across ? [to.box.x, to.box.y + to.box.h / 2] : [to.box.x + to.box.w / 2, to.box.y],
    color: across ? COLOR.accent : '9A9A9A',
    width: across ? 1.5 : 1,
    arrow: across,
  });
  parts.forEach((part, i) => {
    const x = box.x + i * (colW + gapX);
    const partFrame = frame(part, { x, y: box.y, w: colW, h: partH });
    const previous = frames.filter((f) => f.name.startsWith('diagram:part:')).at(-1);
    frames.push(partFrame);
    if (previous) connectors.push(connector(previous, partFrame, true));
    let above = partFrame;
    let y = box.y + partH;
    for (const section of part.children.filter((c) => c.kind === 'section')) {
      const h = nodeHeight(section, colW, s);
      const sectionFrame = frame(section, { x, y: y + gapY, w: colW, h });
      frames.push(sectionFrame);
      connectors.push(connector(above, sectionFrame, false));
      above = sectionFrame;
      y += gapY + h;
    }
    bottom = Math.max(bottom, y);
  });
  return { shapes: [...frames, ...connectors], height: bottom - box.y };
}
