import { select } from 'd3-selection';
import 'd3-transition';
import { SVG_NS } from './frame.ts';

/** How long the draw-in takes, in ms. */
export const DRAW_MS = 1400;

/**
 * Animates a finished chart in: a clip uncovers the lines and markers from left to right (dashes
 * and gaps stay as drawn), then annotations fade in. Calls `onFinal` once the chart is in its
 * final state, also when cut short by `finish()`.
 * @returns `finish()`, which jumps to the final state at once.
 */
export function animateIn(svg: SVGSVGElement, clipId: string, onFinal: () => void): () => void {
  let done = false;
  const doc = svg.ownerDocument;
  const width = svg.viewBox.baseVal?.width || 2000;
  const defs = svg.appendChild(doc.createElementNS(SVG_NS, 'defs'));
  const clip = defs.appendChild(doc.createElementNS(SVG_NS, 'clipPath'));
  clip.setAttribute('id', clipId);
  clip.setAttribute('clipPathUnits', 'userSpaceOnUse');
  const rect = clip.appendChild(doc.createElementNS(SVG_NS, 'rect'));
  rect.setAttribute('x', '-200');
  rect.setAttribute('y', '-400');
  rect.setAttribute('width', '0');
  rect.setAttribute('height', '2000');
  const marks = select(svg).selectAll<SVGGElement, unknown>('.chart-marks').attr('clip-path', `url(#${clipId})`);
  const notes = select(svg)
    .selectAll<SVGElement, unknown>('.chart-annotations, .chart-gaps, .chart-gap-label')
    .style('opacity', 0);

  const finish = (): void => {
    if (done) return;
    done = true;
    select(rect).interrupt();
    notes.interrupt().style('opacity', null);
    marks.attr('clip-path', null);
    defs.remove();
    onFinal();
  };
  const draw = select(rect)
    .transition()
    .duration(DRAW_MS)
    .attr('width', width + 400);
  const fade = notes
    .transition()
    .delay(DRAW_MS * 0.7)
    .duration(400)
    .style('opacity', 1);
  Promise.all([draw.end(), notes.empty() ? Promise.resolve() : fade.end()]).then(finish, finish);
  return finish;
}
