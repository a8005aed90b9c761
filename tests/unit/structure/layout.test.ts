import { describe, expect, it } from 'vitest';
import {
  boxesOverlap,
  layoutStructure,
  type LayoutOptions,
  type StructureLayout,
} from '../../../src/structure/layout.ts';
import { buildOutline, walkOutline, type OutlineNode } from '../../../src/structure/outline.ts';
import { textWidth } from '../../../src/common/text-width.ts';
import { exampleDeck, fixtureDeck, realDeck } from './helpers.ts';

/**
 * The sizes the diagram is drawn at: the overlay at 1024×768 (the dialog's inner width) and on a
 * 390×844 phone, the agenda slide (1600×900 slide space, sections only, no root), and full HD.
 */
const TARGETS: Record<string, Omit<LayoutOptions, 'expanded'>> = {
  'overlay 1024×768': { width: 984, fontSize: 16 },
  'overlay 390×844': { width: 366, fontSize: 15 },
  'agenda slide': { width: 1456, fontSize: 24, mode: 'flow', levels: 'sections', showRoot: false },
  'overlay 1920×1080': { width: 1396, fontSize: 16 },
};

function allSections(outline: OutlineNode): Set<string> {
  return new Set(
    walkOutline(outline)
      .filter((n) => n.kind === 'section')
      .map((n) => n.key),
  );
}

/** Every property the diagram promises, asserted on one layout. */
function expectSound(layout: StructureLayout): void {
  for (const n of layout.nodes) {
    for (const v of [n.x, n.y, n.width, n.height]) expect(Number.isFinite(v)).toBe(true);
    expect(n.width).toBeGreaterThan(0);
    expect(n.height).toBeGreaterThan(0);
    expect(n.x).toBeGreaterThanOrEqual(0);
    expect(n.x + n.width).toBeLessThanOrEqual(layout.width + 0.01);
    expect(n.y + n.height).toBeLessThanOrEqual(layout.height + 0.01);
    for (const line of n.lines) {
      // Each line fits its box (estimated width), and its baseline sits inside it.
      const w = textWidth(line.text) * line.fontSize;
      const left = line.anchor === 'middle' ? line.x - w / 2 : line.x;
      expect(left).toBeGreaterThanOrEqual(n.x);
      expect(left + w).toBeLessThanOrEqual(n.x + n.width + 0.01);
      expect(line.y).toBeGreaterThan(n.y);
      expect(line.y).toBeLessThan(n.y + n.height);
    }
  }
  for (let i = 0; i < layout.nodes.length; i++) {
    for (let j = i + 1; j < layout.nodes.length; j++) {
      const a = layout.nodes[i]!;
      const b = layout.nodes[j]!;
      expect(boxesOverlap(a, b), `${a.key} overlaps ${b.key}`).toBe(false);
    }
  }
}

describe('layoutStructure()', () => {
  const outline = buildOutline(fixtureDeck());

  it('places the parts side by side as the 起承转合 chain on wide screens', () => {
    const layout = layoutStructure(outline, { width: 984, fontSize: 16 });
    expect(layout.mode).toBe('flow');
    const parts = layout.nodes.filter((n) => n.kind === 'part');
    expect(parts.map((p) => p.outline.label)).toEqual(['开篇', '起', '承', '转', '合', '结语']);
    // One row, left to right, equal widths and heights.
    expect(new Set(parts.map((p) => p.y)).size).toBe(1);
    expect(new Set(parts.map((p) => p.height)).size).toBe(1);
    for (let i = 1; i < parts.length; i++) expect(parts[i]!.x).toBeGreaterThan(parts[i - 1]!.x + parts[i - 1]!.width);
    const root = layout.nodes[0]!;
    expect(root.kind).toBe('deck');
    expect(root.y + root.height).toBeLessThan(parts[0]!.y);
    expect(layout.links.filter((l) => l.kind === 'chain').map((l) => `${l.from}>${l.to}`)).toEqual([
      'part:opening>part:qi',
      'part:qi>part:cheng',
      'part:cheng>part:zhuan',
      'part:zhuan>part:he',
      'part:he>part:closing',
    ]);
  });

  it('returns positioned nodes as numbers', () => {
    const layout = layoutStructure(outline, { width: 984, fontSize: 16 });
    const qi = layout.nodes.find((n) => n.key === 'part:qi')!;
    // margin 12, gap 18: columns of (984 − 2·12 − 5·18) / 6 = 145.
    expect(qi).toMatchObject({ x: 175, y: 78, width: 145, depth: 1, posinset: 2, setsize: 6, expanded: true });
    const section = layout.nodes.find((n) => n.key === 'section:qi/1')!;
    expect(section.x).toBe(qi.x + 14);
    expect(section.y).toBeGreaterThan(qi.y + qi.height);
    expect(section).toMatchObject({ depth: 2, expandable: true, expanded: false, posinset: 2, setsize: 3 });
    expect(section.toggle).toEqual({ x: expect.any(Number), y: expect.any(Number), size: 18 });
  });

  it('stacks an indented list on a phone', () => {
    const layout = layoutStructure(outline, { width: 366, fontSize: 15 });
    expect(layout.mode).toBe('list');
    const ys = layout.nodes.map((n) => n.y);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    const byKey = new Map(layout.nodes.map((n) => [n.key, n]));
    expect(byKey.get('part:qi')!.x).toBeLessThan(byKey.get('section:qi/1')!.x);
    expect(byKey.get('section:qi/1')!.x).toBeLessThan(byKey.get('qi-intro')!.x + 1);
  });

  it('shows a subsection’s slides only when it is expanded', () => {
    const closed = layoutStructure(outline, { width: 984 });
    const open = layoutStructure(outline, { width: 984, expanded: new Set(['section:cheng/2']) });
    const keys = (l: StructureLayout): string[] => l.nodes.map((n) => n.key);
    expect(keys(closed)).not.toContain('cheng-three');
    expect(keys(open)).toContain('cheng-three');
    expect(open.nodes.find((n) => n.key === 'section:cheng/2')!.expanded).toBe(true);
    // Slides directly under a part (no subsections) are always shown.
    expect(keys(closed)).toContain('he-summary');
  });

  it('goes down to subsections only for an agenda', () => {
    const layout = layoutStructure(outline, TARGETS['agenda slide']!);
    expect(layout.nodes.map((n) => n.kind)).not.toContain('slide');
    expect(layout.nodes.map((n) => n.kind)).not.toContain('deck');
    const he = layout.nodes.find((n) => n.key === 'part:he')!;
    expect(he).toMatchObject({ depth: 0, expanded: null, parentKey: null });
    expect(layout.nodes.find((n) => n.key === 'section:qi/1')).toMatchObject({
      depth: 1,
      expandable: false,
      expanded: null,
    });
  });

  it('shortens long labels with "…" and marks them for the full text on focus', () => {
    const layout = layoutStructure(outline, { width: 984, fontSize: 16 });
    const long = layout.nodes.find((n) => n.key === 'section:qi/1')!;
    expect(long.truncated).toBe(true);
    expect(
      long.lines
        .filter((l) => l.role === 'text')
        .at(-1)!
        .text.endsWith('…'),
    ).toBe(true);
    const short = layout.nodes.find((n) => n.key === 'section:cheng/2')!;
    expect(short.truncated).toBe(false);
    expect(
      short.lines
        .filter((l) => l.role === 'text')
        .map((l) => l.text)
        .join(''),
    ).toBe('（二）加强韧性安全城市建设');
  });

  it('tags editorial nodes visibly', () => {
    const layout = layoutStructure(outline, { width: 984, expandAll: true });
    const tags = layout.nodes.filter((n) => n.lines.some((l) => l.role === 'tag')).map((n) => n.key);
    expect(tags).toEqual(
      ['section:zhuan/2', 'zhuan-pro', 'zhuan-style', 'part:he', 'he-summary'].sort((a, b) => order(a) - order(b)),
    );
    function order(key: string): number {
      return layout.nodes.findIndex((n) => n.key === key);
    }
  });

  const decks: [string, () => OutlineNode][] = [
    ['fixture deck', () => outline],
    ['real slides/', () => buildOutline(realDeck())],
    ['examples/three-parts', () => buildOutline(exampleDeck())],
  ];
  for (const [deckName, make] of decks) {
    for (const [target, options] of Object.entries(TARGETS)) {
      it(`keeps label boxes apart and inside the diagram: ${deckName}, ${target}`, () => {
        const o = make();
        expectSound(layoutStructure(o, options));
        expectSound(layoutStructure(o, { ...options, expanded: allSections(o) }));
      });
    }
  }

  it('is pure: the same input gives the same layout', () => {
    const a = layoutStructure(outline, { width: 984, expanded: new Set(['section:qi/1']) });
    const b = layoutStructure(outline, { width: 984, expanded: new Set(['section:qi/1']) });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});
