// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { layoutStructure } from '../../../src/structure/layout.ts';
import { buildOutline, pathToSlide } from '../../../src/structure/outline.ts';
import { createStructureSvg, renderStructure } from '../../../src/structure/render.ts';
import { fixtureDeck } from './helpers.ts';

/** Relative to this file (Vitest's `toMatchFileSnapshot`). */
const SNAPSHOT = '../../snapshots/structure-overlay.svg';

/** Serialises an SVG one element per line, numbers rounded to 0.1: stable across platforms. */
function normalise(svg: Element): string {
  return svg.outerHTML
    .replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10))
    .replace(/></g, '>\n<')
    .concat('\n');
}

function draw(): SVGSVGElement {
  const outline = buildOutline(fixtureDeck());
  const layout = layoutStructure(outline, { width: 984, fontSize: 16, expanded: new Set(['section:cheng/2']) });
  const path = pathToSlide(outline, 'cheng-three');
  return renderStructure(createStructureSvg(document), layout, {
    current: 'cheng-three',
    currentPath: new Set(path.map((n) => n.key)),
    focusKey: 'cheng-three',
    label: '讲话结构图',
  });
}

describe('renderStructure()', () => {
  it('draws a tree of treeitems with level, position in set, expanded state and Chinese names', () => {
    const svg = draw();
    const tree = svg.querySelector('[role="tree"]')!;
    expect(tree.getAttribute('aria-label')).toBe('讲话结构图');
    const items = [...tree.querySelectorAll('[role="treeitem"]')];
    // speech, 6 parts, 7 subsections, 6 slides under parts or the open subsection (cheng/2).
    expect(items).toHaveLength(20);
    const item = (key: string): Element => items.find((i) => i.getAttribute('data-key') === key)!;
    expect(item('part:cheng').getAttribute('aria-label')).toBe(
      '理顺关系，发挥协同合力，加强韧性安全城市建设，第二部分 承',
    );
    expect(item('section:cheng/2').getAttribute('aria-label')).toBe('（二）加强韧性安全城市建设，第二部分 承，第2节');
    expect(item('he-summary').getAttribute('aria-label')).toBe('合：回到人民城市，第四部分 合，第1页，编者概括');
    expect(item('section:zhuan/1').getAttribute('aria-label')).toBe(
      '（一）持续推动社会治理“四化”，第三部分 转，第1节，含编者概括',
    );
    expect(item('section:cheng/2').getAttribute('aria-expanded')).toBe('true');
    expect(item('section:qi/1').getAttribute('aria-expanded')).toBe('false');
    expect(item('cheng-three').getAttribute('aria-expanded')).toBeNull();
    expect(item('cheng-three').getAttribute('aria-level')).toBe('4');
    expect(item('cheng-three').getAttribute('aria-posinset')).toBe('2');
    expect(item('cheng-three').getAttribute('aria-setsize')).toBe('2');
    expect(item('part:cheng').getAttribute('aria-level')).toBe('2');
    // You are here: one node, and the one tab stop.
    expect(
      items.filter((i) => i.getAttribute('aria-current') === 'location').map((i) => i.getAttribute('data-key')),
    ).toEqual(['cheng-three']);
    expect(items.filter((i) => i.getAttribute('tabindex') === '0')).toHaveLength(1);
    expect(item('part:cheng').classList.contains('in-current-path')).toBe(true);
    expect(item('he-summary').classList.contains('editorial-all')).toBe(true);
    // The visible text is for the eye; screen readers get the name.
    for (const text of svg.querySelectorAll('text')) expect(text.getAttribute('aria-hidden')).toBe('true');
    expect(svg.querySelector('.structure-links')!.getAttribute('aria-hidden')).toBe('true');
  });

  it('writes no NaN and no empty labels', () => {
    const svg = draw();
    expect(svg.outerHTML).not.toMatch(/NaN|undefined/);
    for (const tspan of svg.querySelectorAll('tspan')) expect(tspan.textContent!.trim()).not.toBe('');
    expect(svg.getAttribute('viewBox')).toMatch(/^0 0 984 \d+$/);
  });

  it('keeps each node element across updates (focus survives a re-render)', () => {
    const svg = draw();
    const before = svg.querySelector('[data-key="part:qi"]');
    const outline = buildOutline(fixtureDeck());
    renderStructure(svg, layoutStructure(outline, { width: 984 }), {
      current: null,
      currentPath: new Set(),
      focusKey: 'part:qi',
      label: '讲话结构图',
    });
    expect(svg.querySelector('[data-key="part:qi"]')).toBe(before);
    expect(svg.querySelector('[data-key="cheng-three"]')).toBeNull();
    expect(before!.getAttribute('tabindex')).toBe('0');
  });

  it('matches the SVG snapshot', async () => {
    await expect(normalise(draw())).toMatchFileSnapshot(SNAPSHOT);
  });
});
