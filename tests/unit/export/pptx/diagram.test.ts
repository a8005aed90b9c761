import { describe, expect, it } from 'vitest';
import { diagramShapes } from '../../../../src/export/pptx/diagram.ts';
import type { Connector, TextFrame } from '../../../../src/export/pptx/plan.ts';
import { buildOutline } from '../../../../src/structure/outline.ts';
import { compileDeck } from '../../../../src/markdown/compile.ts';
import { readSlideFiles } from '../../../../src/vite/deck-plugin.ts';

const deck = compileDeck(readSlideFiles(process.cwd()));
const outline = buildOutline(deck);
const box = { x: 72, y: 170, w: 1456, h: 660 };
const { shapes, height } = diagramShapes(outline, box);
const frames = shapes.filter((s): s is TextFrame => s.kind === 'text');
const connectors = shapes.filter((s): s is Connector => s.kind === 'connector');
const parts = frames.filter((f) => f.name.startsWith('diagram:part:'));

describe('diagramShapes()', () => {
  it('draws every part of the deck, in order, labelled from the deck (not hard-coded)', () => {
    expect(parts.map((p) => p.paragraphs[0]!.runs[0]!.text)).toEqual(deck.parts.map((p) => p.label));
  });

  it('links every node to its first slide', () => {
    for (const [i, part] of parts.entries()) expect(part.link?.slide).toBe(deck.parts[i]!.slides[0]!.id);
    for (const f of frames) expect(f.link?.slide).toBeTruthy();
  });

  it('chains the parts left to right with arrows and hangs each part’s subsections under it', () => {
    const chain = connectors.filter((c) => c.arrow);
    expect(chain.map((c) => [c.from, c.to])).toEqual(parts.slice(1).map((p, i) => [parts[i]!.name, p.name]));
    expect(chain.every((c) => c.fromSite === 3 && c.toSite === 1)).toBe(true);
    const sections = frames.filter((f) => f.name.startsWith('diagram:section:'));
    expect(sections.length).toBeGreaterThan(3);
    for (const s of sections)
      expect(connectors.some((c) => c.to === s.name && c.fromSite === 2 && c.toSite === 0)).toBe(true);
  });

  it('fits its box and no two nodes overlap', () => {
    expect(height).toBeLessThanOrEqual(box.h);
    for (const f of frames) {
      expect(f.box.x).toBeGreaterThanOrEqual(box.x - 0.01);
      expect(f.box.x + f.box.w).toBeLessThanOrEqual(box.x + box.w + 0.01);
    }
    for (let a = 0; a < frames.length; a++) {
      for (let b = a + 1; b < frames.length; b++) {
        const [p, q] = [frames[a]!.box, frames[b]!.box];
        const overlap = p.x < q.x + q.w && q.x < p.x + p.w && p.y < q.y + q.h && q.y < p.y + p.h;
        expect(overlap, `${frames[a]!.name} / ${frames[b]!.name}`).toBe(false);
      }
    }
  });

  it('shrinks to fit a smaller box', () => {
    const small = diagramShapes(outline, { ...box, h: 420 });
    expect(small.height).toBeLessThanOrEqual(420);
  });
});
