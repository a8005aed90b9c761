import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFNull, type PDFRef } from 'pdf-lib';

/** One bookmark to write: its title, the 1-based page it opens, and its children. */
export interface Bookmark {
  title: string;
  page: number;
  items: Bookmark[];
}

/**
 * Writes the document's outline (bookmarks) with pdf-lib, replacing any outline the PDF has.
 * Chromium builds its outline from the accessibility tree, which it may leave out under load
 * (a PDF with no bookmarks at all); pages the exporter knows make the outline certain.
 * Parts are open, their slides listed below them.
 */
export function writeOutline(doc: PDFDocument, bookmarks: Bookmark[]): void {
  const pages = doc.getPages();
  const { context } = doc;
  const root = context.obj({ Type: 'Outlines' });
  const rootRef = context.register(root);

  /** Writes `items` under `parent`; returns how many entries are visible below it. */
  const add = (parent: PDFDict, parentRef: PDFRef, items: Bookmark[]): number => {
    const refs = items.map(() => context.nextRef());
    let visible = 0;
    items.forEach((item, i) => {
      const page = pages[Math.min(Math.max(item.page, 1), pages.length) - 1]!;
      const dict = context.obj({});
      dict.set(PDFName.of('Title'), PDFHexString.fromText(item.title));
      dict.set(PDFName.of('Parent'), parentRef);
      dict.set(PDFName.of('Dest'), context.obj([page.ref, PDFName.of('XYZ'), PDFNull, PDFNull, PDFNull]));
      if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1]!);
      if (i < items.length - 1) dict.set(PDFName.of('Next'), refs[i + 1]!);
      const below = item.items.length > 0 ? add(dict, refs[i]!, item.items) : 0;
      context.assign(refs[i]!, dict);
      visible += 1 + below;
    });
    if (refs.length > 0) {
      parent.set(PDFName.of('First'), refs[0]!);
      parent.set(PDFName.of('Last'), refs.at(-1)!);
      parent.set(PDFName.of('Count'), PDFNumber.of(visible));
    }
    return visible;
  };
  add(root, rootRef, bookmarks);
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
