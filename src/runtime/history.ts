/**
 * The history rule, shared by the slide view and the reading view: a jump (any move that is not
 * the next or previous step in reading order) adds a browser history entry, so Back returns to
 * where the reader was; a sequential step replaces the current entry, so Back does not walk back
 * through every fragment. Addresses name slides by id: `#/<slide-id>`, optionally followed by
 * `/<fragment>` (reveal) or `/p<n>` (a paragraph of the speech text).
 */

/** The slide id an address (`location.hash`) names, or '' when it names none. */
export function hashSlideId(hash: string): string {
  const name = hash.replace(/^#\/?/u, '').split('/')[0] ?? '';
  try {
    return decodeURIComponent(name);
  } catch {
    return '';
  }
}

/**
 * Whether moving from slide index `from` to `to` (positions in reading order) is a sequential
 * step (the next or previous slide, or staying) rather than a jump.
 */
export function isSequentialStep(from: number, to: number): boolean {
  return from >= 0 && to >= 0 && Math.abs(to - from) <= 1;
}

/** Writes `url` into the browser's address as `how`; a page that refuses (file:// in some browsers) keeps its address. */
function writeAddress(how: 'push' | 'replace', url: URL): void {
  try {
    if (url.href === window.location.href) return;
    if (how === 'push') window.history.pushState(null, '', url.href);
    else window.history.replaceState(window.history.state, '', url.href);
  } catch {
    /* history refused: the move still happens */
  }
}

/** The current address with `hash` (e.g. `#/qi-trend`; `#/` for none), keeping the path and query. */
function withHash(hash: string): URL {
  const url = new URL(window.location.href);
  url.hash = hash === '#/' ? '' : hash;
  return url;
}

/** Adds a history entry for `hash` on top of the current one (a jump). */
export function pushAddress(hash: string): void {
  writeAddress('push', withHash(hash));
}

/** Makes the current history entry name `hash` (a step), at once. */
export function replaceAddress(hash: string): void {
  writeAddress('replace', withHash(hash));
}

/**
 * Cancels an address write reveal has scheduled but not yet made. Reveal replaces the address at
 * most once a second and defers a later write by up to a second (its location controller's
 * debounced `replaceState`); a view that takes over the address (the reading view) cancels it, or
 * it would land after the view's own jump and name reveal's slide instead. Reveal's controller is
 * internal, so a build without it simply has nothing to cancel.
 */
export function cancelRevealAddressWrite(deck: object): void {
  const controller = (deck as { location?: unknown }).location;
  if (typeof controller !== 'object' || controller === null) return;
  const pending = (controller as { replaceStateTimeout?: unknown }).replaceStateTimeout;
  if (pending !== undefined) window.clearTimeout(pending as number);
}
