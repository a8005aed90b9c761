/**
 * Paragraph addresses (paragraphs.ts), pure so they are unit-tested: the address a reader shares
 * (`#/<slide id>/p<n>`) and the element id the paragraph carries in the page. The element id starts
 * with `para-`, a prefix the compiler reserves (src/markdown/ids.ts), so no id an author declares
 * can take it; the address holds a `/`, which no slide or element id may contain.
 */

/** The prefix of every paragraph's element id (reserved in RESERVED_ID_PREFIXES). */
export const PARAGRAPH_ID_PREFIX = 'para-';

/** The address of paragraph `n` (1-based) of a slide's speech text, without `#/`: `<slide id>/p<n>`. */
export function paragraphAddress(slideId: string, n: number): string {
  return `${slideId}/p${n}`;
}

/** The element id of paragraph `n` of a slide: `para-<slide id>-<n>` (unique: `n` has no hyphen). */
export function paragraphElementId(slideId: string, n: number): string {
  return `${PARAGRAPH_ID_PREFIX}${slideId}-${n}`;
}

/**
 * The paragraph an address names (`qi-trend/p2`, with or without `#/`, percent-encoded or not):
 * its slide id and number, or null for any other address (a slide, reveal's `#/slide/3`).
 */
export function parseParagraphAddress(hash: string): { slideId: string; n: number } | null {
  let name = hash.replace(/^#\/?/u, '');
  try {
    name = decodeURIComponent(name);
  } catch {
    return null;
  }
  const m = /^([^/]+)\/p([1-9]\d{0,4})$/u.exec(name);
  return m ? { slideId: m[1]!, n: Number(m[2]) } : null;
}

/** The page address that opens paragraph `address` in the reading view, from the current address `href`. */
export function paragraphUrl(href: string, address: string): string {
  const url = new URL(href);
  url.searchParams.set('view', 'read');
  url.hash = `/${address}`;
  return url.href;
}
