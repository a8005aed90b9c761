/** The SVG namespace, for `createElementNS`. */
export const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * A decorative 24×24 icon from one SVG path (`d`), hidden from screen readers: the button or link
 * that holds it carries the accessible name.
 */
export function iconSvg(doc: Document, d: string): SVGSVGElement {
  const svg = doc.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = doc.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', d);
  svg.append(path);
  return svg;
}
