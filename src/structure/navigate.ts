import type { StructureLayout } from './layout.ts';

/** What a key or click asks the diagram to do. */
export type NavAction =
  | { type: 'focus'; key: string }
  | { type: 'expand'; key: string }
  | { type: 'collapse'; key: string }
  | { type: 'activate'; key: string };

/**
 * The action for a key pressed on the focused node (`event.key` names). Follows the WAI-ARIA
 * tree pattern — ↑/↓ previous/next visible node, → expand or enter, ← collapse or go to the
 * parent, Home/End, Enter/Space activate — except that on the 起承转合 chain of parts, ←/→ move
 * to the previous/next part. Pure. Returns null for keys the diagram leaves alone.
 */
export function keyAction(layout: StructureLayout, focusKey: string, key: string): NavAction | null {
  const nodes = layout.nodes;
  const i = nodes.findIndex((n) => n.key === focusKey);
  if (i < 0) return nodes[0] ? { type: 'focus', key: nodes[0].key } : null;
  const node = nodes[i]!;
  const focus = (k: string | undefined): NavAction | null => (k ? { type: 'focus', key: k } : null);
  const children = nodes.filter((n) => n.parentKey === node.key);
  const parts = nodes.filter((n) => n.kind === 'part');
  switch (key) {
    case 'ArrowDown':
      return focus(nodes[i + 1]?.key);
    case 'ArrowUp':
      return focus(nodes[i - 1]?.key);
    case 'Home':
      return focus(nodes[0]?.key);
    case 'End':
      return focus(nodes[nodes.length - 1]?.key);
    case 'Enter':
    case ' ':
      return { type: 'activate', key: node.key };
    case 'ArrowRight':
      if (node.kind === 'part') return focus(parts[parts.indexOf(node) + 1]?.key);
      if (node.expandable && !node.expanded) return { type: 'expand', key: node.key };
      return focus(children[0]?.key);
    case 'ArrowLeft':
      if (node.kind === 'part') return focus(parts[parts.indexOf(node) - 1]?.key ?? node.parentKey ?? undefined);
      if (node.expandable && node.expanded) return { type: 'collapse', key: node.key };
      return focus(node.parentKey ?? undefined);
    default:
      return null;
  }
}

/** What `bindNavigation` needs from the diagram it drives. */
export interface NavigationHost {
  /** The diagram as currently drawn. */
  layout(): StructureLayout;
  /** The node holding the roving tab stop. */
  focusKey(): string | null;
  /** Carries out an action (move focus, expand, collapse, go to the node's slide). */
  perform(action: NavAction): void;
  /** Called when focus or the pointer rests on a node (null when it leaves). */
  hover?(key: string | null): void;
}

/**
 * Wires keys and clicks on a rendered diagram (`g.structure-node[data-key]` inside `svg`):
 * keys act on the focused node and go no further (so reveal does not also change slides);
 * a click or tap on a node activates it, on its triangle expands or collapses it.
 * @returns a function that removes the listeners.
 */
export function bindNavigation(svg: SVGSVGElement, host: NavigationHost): () => void {
  const keyOf = (target: EventTarget | null): string | null => {
    const el = (target as Element | null)?.closest?.('g.structure-node');
    return el?.getAttribute('data-key') ?? null;
  };
  const onKey = (event: KeyboardEvent): void => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const key = keyOf(event.target) ?? host.focusKey();
    if (!key) return;
    const action = keyAction(host.layout(), key, event.key);
    if (!action) return;
    event.preventDefault();
    event.stopPropagation();
    host.perform(action);
  };
  const onClick = (event: MouseEvent): void => {
    const key = keyOf(event.target);
    if (!key) return;
    event.preventDefault();
    const node = host.layout().nodes.find((n) => n.key === key);
    const onToggle = (event.target as Element).closest?.('.node-toggle, .node-toggle-hit');
    if (node?.expandable && onToggle) {
      host.perform({ type: node.expanded ? 'collapse' : 'expand', key });
      host.perform({ type: 'focus', key });
    } else {
      host.perform({ type: 'activate', key });
    }
  };
  const onFocus = (event: FocusEvent): void => host.hover?.(keyOf(event.target));
  const onBlur = (): void => host.hover?.(null);
  const onOver = (event: MouseEvent): void => host.hover?.(keyOf(event.target));
  const onLeave = (): void => host.hover?.(null);
  svg.addEventListener('keydown', onKey);
  svg.addEventListener('click', onClick);
  svg.addEventListener('focusin', onFocus);
  svg.addEventListener('focusout', onBlur);
  svg.addEventListener('mouseover', onOver);
  svg.addEventListener('mouseleave', onLeave);
  return () => {
    svg.removeEventListener('keydown', onKey);
    svg.removeEventListener('click', onClick);
    svg.removeEventListener('focusin', onFocus);
    svg.removeEventListener('focusout', onBlur);
    svg.removeEventListener('mouseover', onOver);
    svg.removeEventListener('mouseleave', onLeave);
  };
}
