import { SLIDE_GEOMETRY } from '../config.ts';
import { mountStructureMap, type LayoutChange, type StructureMap } from './mount.ts';
import type { OutlineNode, OutlineTarget } from './outline.ts';

/** The agenda slide's diagram, in the slide's own space (src/config.ts SLIDE_GEOMETRY). */
export const AGENDA = {
  /** Slide width when reveal's config has none. */
  slideWidth: SLIDE_GEOMETRY.width,
  /** Left + right padding of a slide (theme.css). */
  sidePadding: 144,
  fontSize: 24,
} as const;

/**
 * The agenda's diagram in the reading column: not a slide scaled into the text column (4 px text on
 * a phone) but a vertical tree at the column's own width, text of 14 px and more, every node a
 * 44 px touch target.
 */
export const AGENDA_READING: LayoutChange = { width: null, fontSize: 16, mode: 'auto', minNodeHeight: 44 };

/** Options of `mountAgendaDiagrams`. */
export interface AgendaOptions {
  /** reveal's logical slide width (`deck.getConfig().width`). Default `SLIDE_GEOMETRY.width`. */
  slideWidth?: unknown;
  /** Print view: the final state, nothing current. Default false. */
  print?: boolean;
  /**
   * Drawn for the reading view at once (AGENDA_READING): the page opens in it, and drawing the
   * slide's layout first is work thrown away. Default false.
   */
  reading?: boolean;
  /** The slide marked "you are here" from the start (see `MountOptions.current`). Default none. */
  current?: string | null;
  onNavigate(target: OutlineTarget, node: OutlineNode): void;
}

/** Elements right after a placeholder that only stand in for the diagram (a plain list of parts). */
function fallbackAfter(placeholder: Element): Element[] {
  const out: Element[] = [];
  for (let el = placeholder.nextElementSibling; el; el = el.nextElementSibling) {
    if (el.matches('ul, ol, .structure-fallback')) out.push(el);
    else break;
  }
  return out;
}

/**
 * Draws the agenda diagram (parts and subsections, the parts as the 起承转合 chain) into every
 * `[data-structure-map]` placeholder under `root`, at a fixed width so it scales with the slide,
 * and hides the fallback list that follows each placeholder (taking its fragments with it, so
 * the slide has no invisible steps). Used by the deck and by the speaker view's previews.
 */
export function mountAgendaDiagrams(root: ParentNode, outline: OutlineNode, options: AgendaOptions): StructureMap[] {
  const configured = Number(options.slideWidth);
  const width = (Number.isFinite(configured) && configured > 0 ? configured : AGENDA.slideWidth) - AGENDA.sidePadding;
  return [...root.querySelectorAll<HTMLElement>('[data-structure-map]')].map((placeholder) => {
    const reading = options.reading && !options.print;
    const map = mountStructureMap(placeholder, outline, {
      ...(reading
        ? { fontSize: AGENDA_READING.fontSize, mode: AGENDA_READING.mode, minNodeHeight: AGENDA_READING.minNodeHeight }
        : { width, fontSize: AGENDA.fontSize, mode: 'flow' as const }),
      levels: 'sections',
      showRoot: false,
      expandAll: options.print ?? false,
      current: options.current ?? null,
      onNavigate: options.onNavigate,
    });
    for (const el of fallbackAfter(placeholder)) {
      el.classList.add('structure-fallback-hidden');
      el.setAttribute('aria-hidden', 'true');
      el.querySelectorAll('.fragment').forEach((f) => f.classList.remove('fragment'));
      el.classList.remove('fragment');
    }
    return map;
  });
}
