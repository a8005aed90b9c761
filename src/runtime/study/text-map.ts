/**
 * The visible text of a page element as one string, with a map back to its text nodes, so a
 * match found in the string (search-index.ts) is highlighted on the page with `<mark>` elements
 * made from DOM nodes (never HTML strings: queries are untrusted).
 */

/** Content that is not searchable text: drawn charts, diagrams, hidden helpers, the notes of a slide. */
const SKIP =
  'svg, figure[data-chart], .structure-map-view, script, style, template, .sr-only, [aria-hidden="true"], .study-notes-heading';
const BLOCK = /^(P|LI|UL|OL|H[1-6]|DIV|FIGURE|FIGCAPTION|BLOCKQUOTE|SECTION|ASIDE|TABLE|TR|TD|TH|BR|DT|DD)$/u;

/** One text node and where its text starts in the joined string. */
interface Segment {
  node: Text;
  start: number;
}

/** An element's text and the map from string offsets to text nodes. */
export interface TextMap {
  text: string;
  segments: Segment[];
}

/**
 * Joins the text of `root` in document order; block elements are separated by a newline so a
 * phrase never matches across two list items. `exclude` drops matching subtrees too.
 */
export function textMap(root: Element, exclude = ''): TextMap {
  const skip = exclude ? `${SKIP}, ${exclude}` : SKIP;
  let text = '';
  const segments: Segment[] = [];
  const walk = (el: Element): void => {
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === Node.TEXT_NODE) {
        const node = child as Text;
        if (node.data) {
          segments.push({ node, start: text.length });
          text += node.data;
        }
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        const e = child as Element;
        if (e.matches(skip)) continue;
        const block = BLOCK.test(e.tagName);
        if (block && text && !text.endsWith('\n')) text += '\n';
        walk(e);
        if (block && text && !text.endsWith('\n')) text += '\n';
      }
    }
  };
  walk(root);
  return { text, segments };
}

/** Class of the highlight marks. */
export const HIT_CLASS = 'study-hit';

/**
 * Wraps the characters `[start, end)` of `map.text` in `<mark class="study-hit">` (or `className`) elements (one
 * per text node the range crosses). Returns the marks, first first.
 */
export function highlight(map: TextMap, start: number, end: number, className: string = HIT_CLASS): HTMLElement[] {
  const marks: HTMLElement[] = [];
  for (const { node, start: s } of map.segments) {
    const e = s + node.data.length;
    if (e <= start || s >= end) continue;
    const from = Math.max(start, s) - s;
    const to = Math.min(end, e) - s;
    const range = node.ownerDocument.createRange();
    range.setStart(node, from);
    range.setEnd(node, to);
    const mark = node.ownerDocument.createElement('mark');
    mark.className = className;
    range.surroundContents(mark);
    marks.push(mark);
  }
  return marks;
}

/** Removes every highlight mark (of `className`) under `root`, restoring the text nodes. */
export function clearHighlights(root: ParentNode, className: string = HIT_CLASS): void {
  root.querySelectorAll(`mark.${className}`).forEach((mark) => {
    const parent = mark.parentNode;
    if (!parent) return;
    mark.replaceWith(...mark.childNodes);
    parent.normalize();
  });
}
