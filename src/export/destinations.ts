import { PDFArray, PDFDict, PDFName, PDFRef, type PDFDocument } from 'pdf-lib';

/**
 * Links to `ids` that print nothing: Chromium writes a named destination (the page and place) for
 * every element a link on the page points to, so a print document carrying these tells the
 * exporter on which page each of those elements printed (`namedPages`), with no text search.
 * Hidden from assistive technology and from the page; the ids must exist in the document.
 */
export function destinationLinks(ids: readonly string[]): string {
  const links = ids.map((id) => `<a href="#${encodeURIComponent(id)}" tabindex="-1"></a>`).join('');
  return `<nav class="print-destinations" aria-hidden="true" style="position: absolute; top: 0; left: 0; width: 0; height: 0; overflow: hidden; visibility: hidden">${links}</nav>`;
}

/** The 1-based page each named destination of the PDF opens, by name (see `destinationLinks`). */
export function namedPages(doc: PDFDocument): Map<string, number> {
  const pages = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i + 1]));
  const found = new Map<string, number>();
  const dests = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  for (const [name, value] of dests?.entries() ?? []) {
    let dest = doc.context.lookup(value);
    if (dest instanceof PDFDict) dest = dest.lookup(PDFName.of('D'));
    const page = dest instanceof PDFArray ? dest.get(0) : undefined;
    const at = page instanceof PDFRef ? pages.get(page.toString()) : undefined;
    if (!at) continue;
    const raw = name.decodeText();
    let id = raw;
    try {
      id = decodeURIComponent(raw);
    } catch {
      // A name with a bare % is kept as written.
    }
    found.set(id, at);
  }
  return found;
}
