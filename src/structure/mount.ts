import '../../assets/styles/structure.css';
import { t } from '../common/i18n.ts';
import { layoutStructure, type LayoutMode, type StructureLayout } from './layout.ts';
import { bindNavigation, type NavAction } from './navigate.ts';
import { pathToSlide, type OutlineNode, type OutlineTarget } from './outline.ts';
import { createStructureSvg, renderStructure } from './render.ts';

/** Options of `mountStructureMap`. */
export interface MountOptions {
  /** Called when a node is activated (click, tap, Enter): go to its slide. */
  onNavigate(target: OutlineTarget, node: OutlineNode): void;
  /** Id of the slide marked "you are here". Default none. */
  current?: string | null;
  /**
   * Layout width in user units. Default: the container's width, followed as it resizes. A fixed
   * width makes the diagram scale with its container (the agenda slide, print).
   */
  width?: number;
  /** Base label size in user units. Default: 15 below 700 px wide, 16, or 18 from 1400 px. */
  fontSize?: number;
  /** Layout shape. Default `auto` (flow when wide enough, else an indented list). */
  mode?: LayoutMode | 'auto';
  /** Show every subsection's slides and nothing current: the printed, final state. */
  expandAll?: boolean;
  /** Open the subsection holding the current slide. Default true. */
  followCurrent?: boolean;
  /** How deep the diagram goes (see `LayoutOptions.levels`). Default `slides`. */
  levels?: 'sections' | 'slides';
  /** Draw the speech as the top node. Default true. */
  showRoot?: boolean;
  /** The least height of a node (see `LayoutOptions.minNodeHeight`). Default 0. */
  minNodeHeight?: number;
}

/** What `StructureMap.setLayout` changes: a fixed width (or null: follow the container), size, shape. */
export interface LayoutChange {
  width: number | null;
  fontSize?: number;
  mode?: LayoutMode | 'auto';
  minNodeHeight?: number;
}

/** A mounted diagram. */
export interface StructureMap {
  /** The wrapper element inside the container. */
  readonly element: HTMLElement;
  /** Marks the slide `slideId` as "you are here" (and opens its subsection). */
  setCurrent(slideId: string | null): void;
  /** Moves keyboard focus into the diagram (to the current node, or the first). */
  focus(): void;
  /** Lays the diagram out again (after its container changed size). */
  relayout(): void;
  /**
   * Lays the diagram out another way: the agenda slide's diagram, scaled with its slide, becomes
   * a vertical tree at the reading column's own width and back.
   */
  setLayout(change: LayoutChange): void;
  /** The layout as drawn (for tests and tooling). */
  layout(): StructureLayout;
  destroy(): void;
}

function defaultFontSize(width: number): number {
  return width < 700 ? 15 : width >= 1400 ? 18 : 16;
}

/**
 * Renders the outline as a navigable diagram into `container` and keeps it live: keyboard
 * (roving focus, arrows, Enter), clicks and taps, the "you are here" mark, full text of shortened
 * labels on focus and hover. The reusable entry point (the agenda slide, the overlay, the
 * reading view's table of contents).
 */
export function mountStructureMap(container: HTMLElement, outline: OutlineNode, options: MountOptions): StructureMap {
  const doc = container.ownerDocument;
  const wrapper = doc.createElement('div');
  wrapper.className = 'structure-map-view';
  const svg = createStructureSvg(doc);
  const tip = doc.createElement('div');
  tip.className = 'structure-tip';
  tip.setAttribute('aria-hidden', 'true');
  tip.hidden = true;
  wrapper.append(svg, tip);
  container.append(wrapper);
  // Mutable: setLayout changes the width, size and shape.
  const opts: MountOptions = { ...options };
  if (opts.width) wrapper.classList.add('is-scaled');
  if (options.expandAll) wrapper.classList.add('is-final');

  const expanded = new Set<string>();
  let current = options.expandAll ? null : (options.current ?? null);
  /** Opens the subsection holding `slideId` (unless told not to follow); whether it was closed. */
  const openSectionOf = (slideId: string | null): boolean => {
    if (!slideId || options.followCurrent === false) return false;
    const section = pathToSlide(outline, slideId).find((n) => n.kind === 'section');
    if (!section || expanded.has(section.key)) return false;
    expanded.add(section.key);
    return true;
  };
  // Drawn at once as `setCurrent(current)` would leave it, so that call, as the deck starts, has
  // nothing to redraw.
  openSectionOf(current);
  let focusKey: string | null = null;
  let layout: StructureLayout;
  let measuredWidth = 0;

  const widthNow = (): number => opts.width ?? (container.clientWidth || measuredWidth || 1024);

  /** The drawn node that marks `current` (its deepest visible ancestor on `path`, current's). */
  const hereKey = (path = current ? pathToSlide(outline, current) : []): string | null => {
    const visible = new Set(layout.nodes.map((n) => n.key));
    return [...path].reverse().find((n) => visible.has(n.key))?.key ?? null;
  };

  const draw = (): void => {
    const width = widthNow();
    layout = layoutStructure(outline, {
      width,
      fontSize: opts.fontSize ?? defaultFontSize(width),
      mode: opts.mode ?? 'auto',
      minNodeHeight: opts.minNodeHeight ?? 0,
      expanded,
      expandAll: options.expandAll ?? false,
      levels: options.levels ?? 'slides',
      showRoot: options.showRoot ?? true,
    });
    const path = current ? pathToSlide(outline, current) : [];
    const here = hereKey(path);
    if (!focusKey || !layout.nodes.some((n) => n.key === focusKey)) focusKey = here ?? layout.nodes[0]?.key ?? null;
    renderStructure(svg, layout, {
      current: here,
      currentPath: new Set(path.map((n) => n.key)),
      focusKey,
      label: t('structureTreeLabel', { title: outline.full }),
    });
    wrapper.dataset.structureState = 'final';
  };

  const nodeEl = (key: string): SVGGElement | undefined =>
    [...svg.querySelectorAll<SVGGElement>('g.structure-node')].find((g) => g.getAttribute('data-key') === key);

  const showTip = (key: string | null): void => {
    const n = key ? layout.nodes.find((x) => x.key === key) : undefined;
    const hasMore = n && (n.truncated || (n.kind === 'part' && n.outline.full !== n.outline.text));
    if (!n || !hasMore) {
      tip.hidden = true;
      return;
    }
    tip.textContent = n.outline.full;
    tip.hidden = false;
    const scale = (svg.clientWidth || layout.width) / layout.width;
    const below = (n.y + n.height) * scale + 6;
    tip.style.left = `${Math.max(0, Math.min(n.x * scale, wrapper.clientWidth - tip.offsetWidth))}px`;
    tip.style.top = `${below}px`;
    tip.style.maxWidth = `${Math.max(240, n.width * scale * 1.6)}px`;
  };

  const perform = (action: NavAction): void => {
    const node = layout.nodes.find((n) => n.key === action.key);
    if (!node) return;
    switch (action.type) {
      case 'focus':
        focusKey = action.key;
        draw();
        nodeEl(action.key)?.focus();
        break;
      case 'expand':
        expanded.add(action.key);
        focusKey = action.key;
        draw();
        break;
      case 'collapse':
        expanded.delete(action.key);
        focusKey = action.key;
        draw();
        break;
      case 'activate':
        focusKey = action.key;
        options.onNavigate(node.outline.target, node.outline);
        break;
    }
  };

  draw();
  const unbind = bindNavigation(svg, {
    layout: () => layout,
    focusKey: () => focusKey,
    perform,
    hover: showTip,
  });

  let observer: ResizeObserver | null = null;
  if (typeof ResizeObserver !== 'undefined') {
    observer = new ResizeObserver(() => {
      const w = container.clientWidth;
      if (!opts.width && w > 0 && Math.abs(w - layout.width) >= 1) {
        measuredWidth = w;
        draw();
      }
    });
    observer.observe(container);
  }

  return {
    element: wrapper,
    setCurrent(slideId) {
      if (options.expandAll) return;
      const moved = slideId !== current;
      current = slideId;
      const opened = openSectionOf(slideId);
      const hadFocus = wrapper.contains(doc.activeElement);
      // Tab returns to "you are here" unless the user is moving inside the diagram.
      if (!moved && !opened && (hadFocus || focusKey === hereKey())) return;
      if (!hadFocus) focusKey = null;
      draw();
    },
    focus() {
      if (focusKey) nodeEl(focusKey)?.focus();
    },
    relayout: draw,
    setLayout(change) {
      opts.width = change.width ?? undefined;
      opts.fontSize = change.fontSize;
      opts.mode = change.mode;
      opts.minNodeHeight = change.minNodeHeight;
      wrapper.classList.toggle('is-scaled', Boolean(opts.width));
      measuredWidth = 0;
      draw();
    },
    layout: () => layout,
    destroy() {
      observer?.disconnect();
      unbind();
      wrapper.remove();
    },
  };
}
