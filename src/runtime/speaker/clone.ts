/** Attributes that refer to element ids, renamed with the ids of a copy. */
const ID_REFS = ['aria-labelledby', 'aria-describedby', 'aria-controls', 'for'] as const;

/**
 * A copy of the deck's `.reveal` element for a second preview. Ids get `prefix` so the page
 * keeps unique ids (and plugins that key on ids, such as the charts, still find theirs); the
 * original id stays in `data-speaker-id`.
 */
export function cloneDeckElement(root: HTMLElement, prefix = 'speaker-next__'): HTMLElement {
  const copy = root.cloneNode(true) as HTMLElement;
  for (const el of copy.querySelectorAll<HTMLElement>('[id]')) {
    el.dataset.speakerId = el.id;
    el.id = `${prefix}${el.id}`;
  }
  for (const name of ID_REFS) {
    for (const el of copy.querySelectorAll(`[${name}]`)) {
      const ids = (el.getAttribute(name) ?? '').split(/\s+/).filter(Boolean);
      el.setAttribute(name, ids.map((id) => `${prefix}${id}`).join(' '));
    }
  }
  return copy;
}
