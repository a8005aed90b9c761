/** How long the draw-in takes, in ms. */
export const DRAW_MS = 1200;

/**
 * Animates a drawn chart in: a white cover over the chart shrinks from left to right, uncovering
 * lines, markers and labels in the order of the years. Only the cover's `transform` animates, so
 * the browser composites it without repainting the SVG (no long main-thread tasks, even for the
 * 800 keyboard stops of the comparison chart). Calls `onFinal` once the chart is uncovered, also
 * when cut short by `finish()`.
 * @returns `finish()`, which jumps to the final state at once.
 */
export function animateIn(host: HTMLElement, onFinal: () => void): () => void {
  let done = false;
  const cover = host.ownerDocument.createElement('div');
  cover.className = 'chart-cover';
  cover.setAttribute('aria-hidden', 'true');
  host.append(cover);
  const finish = (): void => {
    if (done) return;
    done = true;
    animation?.cancel();
    cover.remove();
    onFinal();
  };
  const animation =
    typeof cover.animate === 'function'
      ? cover.animate([{ transform: 'scaleX(1)' }, { transform: 'scaleX(0)' }], {
          duration: DRAW_MS,
          easing: 'cubic-bezier(0.3, 0, 0.3, 1)',
          fill: 'forwards',
        })
      : null;
  if (animation) animation.finished.then(finish, finish);
  else finish();
  return finish;
}
