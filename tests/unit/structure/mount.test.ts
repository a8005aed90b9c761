// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountStructureMap, type StructureMap } from '../../../src/structure/mount.ts';
import { buildOutline, type OutlineTarget } from '../../../src/structure/outline.ts';
import { fixtureDeck } from './helpers.ts';

const outline = buildOutline(fixtureDeck());
let map: StructureMap | null = null;

function mount(current: string | null = null): { map: StructureMap; onNavigate: ReturnType<typeof vi.fn> } {
  const container = document.createElement('div');
  document.body.appendChild(container);
  const onNavigate = vi.fn<(target: OutlineTarget) => void>();
  map = mountStructureMap(container, outline, { onNavigate, current, width: 984 });
  return { map, onNavigate };
}

const node = (key: string): SVGGElement =>
  [...document.querySelectorAll<SVGGElement>('g.structure-node')].find((g) => g.getAttribute('data-key') === key)!;

const press = (el: Element, key: string): void => {
  el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
};

afterEach(() => {
  map?.destroy();
  map = null;
  document.body.innerHTML = '';
});

describe('mountStructureMap()', () => {
  it('mounted with a current slide, is drawn as setCurrent leaves it: the same slide redraws nothing', async () => {
    const { map } = mount('cheng-three');
    expect(node('section:cheng/2').getAttribute('aria-expanded')).toBe('true');
    const svg = document.querySelector('svg')!;
    const drawn = svg.innerHTML;
    const changes = new MutationObserver(() => undefined);
    changes.observe(svg, { subtree: true, childList: true, attributes: true, characterData: true });
    map.setCurrent('cheng-three');
    expect(changes.takeRecords()).toEqual([]);
    map.setCurrent('zhuan-four');
    expect(changes.takeRecords().length).toBeGreaterThan(0);
    changes.disconnect();
    // The same drawing as a diagram mounted with none current, then told.
    const first = mountStructureMap(document.body.appendChild(document.createElement('div')), outline, {
      onNavigate: vi.fn(),
      width: 984,
    });
    first.setCurrent('cheng-three');
    expect(first.element.querySelector('svg')!.innerHTML).toBe(drawn);
    first.destroy();
  });

  it('goes to a node’s slide on click', () => {
    const { onNavigate } = mount();
    node('part:zhuan')
      .querySelector('text')!
      .dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(onNavigate).toHaveBeenCalledWith(
      { slideId: 'zhuan-four', h: 3, v: 0 },
      expect.objectContaining({ key: 'part:zhuan' }),
    );
  });

  it('opens a subsection from its triangle without navigating', () => {
    const { onNavigate } = mount();
    node('section:cheng/2')
      .querySelector('.node-toggle-hit')!
      .dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(onNavigate).not.toHaveBeenCalled();
    expect(node('section:cheng/2').getAttribute('aria-expanded')).toBe('true');
    expect(node('cheng-three')).toBeDefined();
  });

  it('moves focus with the keyboard and activates with Enter; keys stop there', () => {
    const { map, onNavigate } = mount();
    map.focus();
    expect(document.activeElement?.getAttribute('data-key')).toBe('speech:');
    const outside = vi.fn();
    document.addEventListener('keydown', outside);
    press(document.activeElement!, 'ArrowDown');
    expect(document.activeElement?.getAttribute('data-key')).toBe('part:opening');
    press(document.activeElement!, 'ArrowRight');
    press(document.activeElement!, 'ArrowRight');
    expect(document.activeElement?.getAttribute('data-key')).toBe('part:cheng');
    press(document.activeElement!, 'ArrowDown');
    press(document.activeElement!, 'ArrowDown');
    expect(document.activeElement?.getAttribute('data-key')).toBe('section:cheng/2');
    press(document.activeElement!, 'ArrowRight');
    expect(node('section:cheng/2').getAttribute('aria-expanded')).toBe('true');
    press(document.activeElement!, 'ArrowRight');
    press(document.activeElement!, 'ArrowDown');
    expect(document.activeElement?.getAttribute('data-key')).toBe('cheng-three');
    // The roving tab stop follows focus.
    expect(node('cheng-three').getAttribute('tabindex')).toBe('0');
    expect(node('speech:').getAttribute('tabindex')).toBe('-1');
    press(document.activeElement!, 'Enter');
    expect(onNavigate).toHaveBeenCalledWith({ slideId: 'cheng-three', h: 2, v: 2 }, expect.anything());
    expect(outside).not.toHaveBeenCalled();
    document.removeEventListener('keydown', outside);
  });

  it('marks "you are here" and follows slide changes, opening the current subsection', () => {
    const { map } = mount('qi-intro');
    expect(node('qi-intro').getAttribute('aria-current')).toBe('location');
    map.setCurrent('cheng-three');
    expect(node('qi-intro').getAttribute('aria-current')).toBeNull();
    expect(node('cheng-three').getAttribute('aria-current')).toBe('location');
    expect(node('section:cheng/2').getAttribute('aria-expanded')).toBe('true');
    expect(node('part:cheng').classList.contains('in-current-path')).toBe(true);
    expect(node('part:qi').classList.contains('in-current-path')).toBe(false);
    // Tab enters the diagram at "you are here".
    expect(node('cheng-three').getAttribute('tabindex')).toBe('0');
  });

  it('shows the full text of a shortened label on focus and hides it on blur', () => {
    const { map } = mount();
    const tip = map.element.querySelector<HTMLElement>('.structure-tip')!;
    expect(tip.hidden).toBe(true);
    node('section:qi/1').focus();
    node('section:qi/1').dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    expect(tip.hidden).toBe(false);
    expect(tip.textContent).toBe('（一）从全球化和本土化的历史方位中把握城镇化发展规律，立足国情、顺势而为');
    node('section:qi/1').dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    expect(tip.hidden).toBe(true);
  });

  it('draws the final state for print: no current mark, every subsection open', () => {
    const container = document.createElement('div');
    document.body.appendChild(container);
    map = mountStructureMap(container, outline, {
      onNavigate: () => {},
      current: 'qi-law',
      expandAll: true,
      width: 1456,
    });
    expect(container.querySelector('[aria-current]')).toBeNull();
    expect(node('cheng-three')).toBeDefined();
    expect(map.element.dataset.structureState).toBe('final');
  });
});
