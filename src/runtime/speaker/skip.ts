/**
 * Skipping editorial summaries while presenting (the speaker view's 跳过编者概括页): a step
 * (a clicker, the arrow keys, a swipe, the speaker view's next/previous) onto an editorial slide
 * goes on, in the same direction, to the nearest slide that is not one. A jump (a link, the
 * structure map, Home/End, G) lands where it was asked: the caller only asks for steps.
 */

/** Keys that step through the deck (reveal's defaults): space, PageUp/Down, arrows, N P H J K L. */
export const STEP_KEYS: ReadonlySet<number> = new Set([32, 33, 34, 37, 38, 39, 40, 72, 74, 75, 76, 78, 80]);

/**
 * Where a step from slide `from` to slide `to` (indices in deck order) lands when editorial slides
 * are skipped: `to` itself when it is not editorial, else the nearest non-editorial slide beyond it
 * in the same direction, or `from` (stay) when there is none.
 */
export function landingIndex(editorial: readonly boolean[], from: number, to: number): number {
  if (to < 0 || to >= editorial.length || !editorial[to] || to === from) return to;
  const step = to > from ? 1 : -1;
  for (let i = to; i >= 0 && i < editorial.length; i += step) if (!editorial[i]) return i;
  return from;
}

/** The slide after `index` that a step forward shows (skipping editorial ones when asked), or -1. */
export function nextShown(editorial: readonly boolean[], index: number, skip: boolean): number {
  if (index + 1 >= editorial.length) return -1;
  if (!skip) return index + 1;
  const landing = landingIndex(editorial, index, index + 1);
  return landing === index ? -1 : landing;
}
