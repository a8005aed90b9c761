import { PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { writeOutline } from '../../../src/export/outline.ts';
import { inspectDocument, inspectPdf, pdfProblems } from '../../../src/export/inspect.ts';

/** A finished PDF as the exporter holds it: pages, a font, an outline, metadata, tagged. */
async function finished(): Promise<PDFDocument> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const text of ['one', 'two', 'three']) doc.addPage([595, 842]).drawText(text, { font, x: 50, y: 700 });
  writeOutline(doc, [
    { title: '起', page: 1, items: [{ title: '第一页', page: 2, items: [] }] },
    { title: '承', page: 3, items: [] },
  ]);
  doc.setTitle('讲义');
  doc.catalog.set(PDFName.of('Lang'), PDFString.of('zh-CN'));
  doc.catalog.set(PDFName.of('MarkInfo'), doc.context.obj({ Marked: true }));
  return doc;
}

describe('inspectDocument()', () => {
  it('reports on the document it is given what parsing its saved bytes reports (without the text)', async () => {
    const doc = await finished();
    const bytes = await doc.save();
    const fromBytes = await inspectPdf(bytes, { text: false });
    expect(inspectDocument(doc)).toEqual(fromBytes);
    expect(fromBytes.pages).toBe(3);
    expect(fromBytes.outline.map((o) => [o.title, o.page, o.items.length])).toEqual([
      ['起', 1, 1],
      ['承', 3, 0],
    ]);
    expect(pdfProblems(inspectDocument(doc), { pages: 3, bookmarks: 2 })).toEqual([]);
    expect(pdfProblems(inspectDocument(doc), { pages: 4, bookmarks: 3 })).toHaveLength(2);
  });
});
