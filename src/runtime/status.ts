/** When each live region last shown a message (`say`) empties again. */
const clearing = new WeakMap<HTMLElement, number>();

/**
 * Shows `text` in `region` (a `role="status"` element, styled as a toast) for `ms`, then empties
 * it. The text is set after a pause, so that the same message said twice is announced twice.
 */
export function say(region: HTMLElement, text: string, ms = 4000): void {
  region.textContent = '';
  window.setTimeout(() => (region.textContent = text), 30);
  window.clearTimeout(clearing.get(region));
  clearing.set(
    region,
    window.setTimeout(() => (region.textContent = ''), ms),
  );
}
