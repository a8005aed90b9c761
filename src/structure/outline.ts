import type { PartKind } from '../markdown/types.ts';
import type { OutlineSource } from '../markdown/views.ts';
import { t } from '../common/i18n.ts';
import { chineseNumeral } from '../markdown/part-divider.ts';

/** The levels of the speech's outline, from the whole speech down to single slides. */
export type OutlineKind = 'deck' | 'part' | 'section' | 'slide';

/** How much of a node stands where the source text is missing (editorial summaries). */
export type EditorialShare = 'none' | 'some' | 'all';

/** A slide the deck can go to: its id and reveal's indices. */
export interface OutlineTarget {
  slideId: string;
  h: number;
  v: number;
}

/** One node of the outline tree: the speech, a part, a subsection or a slide. */
export interface OutlineNode {
  /**
   * Unique across the tree: `speech:` for the root, `part:<part id>`, `section:<part id>/<n>`,
   * and the slide id for slides (slide ids never contain a colon).
   */
  key: string;
  kind: OutlineKind;
  /** Short tag shown before the text: a part's 起, a section's (一); empty when none. */
  label: string;
  /** The text shown in the diagram: the part's theme, the section heading, the slide title. */
  text: string;
  /** The full text (the part's full title), shown on focus and hover and read by screen readers. */
  full: string;
  /** Where the node stands, as read aloud: "第二部分 承，第1节". */
  position: string;
  /** The part the node belongs to (empty for the root). */
  partId: string;
  partKind: PartKind | null;
  /** The slide the node leads to: its own, or its first slide. */
  target: OutlineTarget;
  /** Ids of every slide at or under this node. */
  slideIds: string[];
  editorial: EditorialShare;
  children: OutlineNode[];
}

export { chineseNumeral };

/** A heading's leading "(一)" / "（二）", split off as the node's label. */
const SECTION_NUMBER = /^\s*([(（][一二三四五六七八九十〇\d]+[)）])\s*(.*)$/su;

function splitSectionHeading(heading: string): { label: string; text: string } {
  const m = SECTION_NUMBER.exec(heading);
  return m && m[2] ? { label: m[1]!, text: m[2] } : { label: '', text: heading };
}

function share(flags: readonly boolean[]): EditorialShare {
  const n = flags.filter(Boolean).length;
  return n === 0 ? 'none' : n === flags.length ? 'all' : 'some';
}

/**
 * The deck's outline as a tree: the speech → its parts (开篇, 起, 承, 转, 合, 结语) → their
 * subsections (from slides' `section=` attributes; a slide belongs to the last section started
 * in its file) → the slides. Slides before a part's first section hang directly under the part.
 * Pure: built from compiled data only, never by hand.
 */
export function buildOutline(deck: OutlineSource): OutlineNode {
  let partNumber = 0;
  const parts = deck.parts
    .filter((p) => p.slides.length > 0)
    .map((part): OutlineNode => {
      const ordinal =
        part.kind === 'part' ? t('structurePartOrdinal', { n: chineseNumeral(++partNumber), label: '' }) : '';
      // A label that already counts the part (第二部分) is not said twice.
      const partPosition =
        part.kind !== 'part'
          ? part.label
          : part.label === ordinal.trim()
            ? part.label
            : t('structurePartOrdinal', { n: chineseNumeral(partNumber), label: part.label });
      const children: OutlineNode[] = [];
      let section: OutlineNode | null = null;
      let sectionHeading = '';
      let sectionCount = 0;
      for (const slide of part.slides) {
        if (slide.section && slide.section !== sectionHeading) {
          sectionHeading = slide.section;
          sectionCount += 1;
          const { label, text } = splitSectionHeading(slide.section);
          section = {
            key: `section:${part.id}/${sectionCount}`,
            kind: 'section',
            label,
            text,
            full: slide.section,
            position: t('structureSection', { part: partPosition, n: sectionCount }),
            partId: part.id,
            partKind: part.kind,
            target: { slideId: slide.id, h: slide.h, v: slide.v },
            slideIds: [],
            editorial: 'none',
            children: [],
          };
          children.push(section);
        } else if (!slide.section) {
          section = null;
          sectionHeading = '';
        }
        const parent = section;
        const siblings = parent ? parent.children : children;
        const index = siblings.filter((c) => c.kind === 'slide').length + 1;
        siblings.push({
          key: slide.id,
          kind: 'slide',
          label: '',
          text: slide.title,
          full: slide.title,
          position: t('structureSlide', { parent: parent ? parent.position : partPosition, n: index }),
          partId: part.id,
          partKind: part.kind,
          target: { slideId: slide.id, h: slide.h, v: slide.v },
          slideIds: [slide.id],
          editorial: slide.editorial ? 'all' : 'none',
          children: [],
        });
      }
      const editorialOf = new Map(part.slides.map((s) => [s.id, s.editorial]));
      for (const child of children) {
        if (child.kind !== 'section') continue;
        child.slideIds = child.children.map((c) => c.key);
        child.editorial = share(child.slideIds.map((id) => editorialOf.get(id) ?? false));
      }
      const first = part.slides[0]!;
      return {
        key: `part:${part.id}`,
        kind: 'part',
        label: part.label,
        text: part.theme || part.title,
        full: part.title,
        position: partPosition,
        partId: part.id,
        partKind: part.kind,
        target: { slideId: first.id, h: first.h, v: first.v },
        slideIds: part.slides.map((s) => s.id),
        editorial: share(part.slides.map((s) => s.editorial)),
        children,
      };
    });
  const first = parts[0]?.target ?? { slideId: '', h: 0, v: 0 };
  const flags = deck.parts.flatMap((p) => p.slides.map((s) => s.editorial));
  return {
    key: 'speech:',
    kind: 'deck',
    label: '',
    text: deck.meta.title,
    full: deck.meta.title,
    position: t('structureRoot'),
    partId: '',
    partKind: null,
    target: first,
    slideIds: parts.flatMap((p) => p.slideIds),
    editorial: share(flags),
    children: parts,
  };
}

/** Every node of the tree in document order (the node itself first). */
export function walkOutline(node: OutlineNode): OutlineNode[] {
  return [node, ...node.children.flatMap(walkOutline)];
}

/** The chain of keys from the root to the node holding `slideId` as a slide (empty when absent). */
export function pathToSlide(root: OutlineNode, slideId: string): OutlineNode[] {
  if (root.kind === 'slide' && root.key === slideId) return [root];
  if (!root.slideIds.includes(slideId)) return [];
  for (const child of root.children) {
    const path = pathToSlide(child, slideId);
    if (path.length > 0) return [root, ...path];
  }
  return [root];
}
