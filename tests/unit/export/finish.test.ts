import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { stableStructIds } from '../../../src/export/finish.ts';

/**
 * A tagged PDF with a table row as Chromium writes it: a header cell with an /ID taken from its
 * accessibility node number, a data cell naming it in /Headers, and an IDTree of one leaf.
 */
async function tableRow(first: number): Promise<PDFDocument> {
  const doc = await PDFDocument.create();
  doc.addPage();
  const { context } = doc;
  const ids = [first, first + 2].map((n) => `node${String(n).padStart(8, '0')}`);
  const root = context.obj({ Type: 'StructTreeRoot' });
  const rootRef = context.register(root);
  const cells = ids.flatMap((id) => {
    const th = context.register(
      context.obj({ Type: 'StructElem', S: 'TH', P: rootRef, ID: PDFString.of(id), A: [{ O: 'Table', Scope: 'Row' }] }),
    );
    const td = context.register(
      context.obj({ Type: 'StructElem', S: 'TD', P: rootRef, A: [{ O: 'Table', Headers: [PDFString.of(id)] }] }),
    );
    return [th, td];
  });
  root.set(PDFName.of('K'), context.obj(cells));
  const leaf = context.register(
    context.obj({
      Limits: [PDFString.of(ids[0]!), PDFString.of(ids[1]!)],
      Names: [PDFString.of(ids[0]!), cells[0]!, PDFString.of(ids[1]!), cells[2]!],
    }),
  );
  root.set(PDFName.of('IDTree'), context.register(context.obj({ Kids: [leaf] })));
  doc.catalog.set(PDFName.of('StructTreeRoot'), rootRef);
  return doc;
}

const save = (doc: PDFDocument): Promise<Uint8Array> => doc.save({ useObjectStreams: false });

describe('stableStructIds', () => {
  it('gives the same document the same ids whatever node numbers Chromium started from', async () => {
    const [a, b] = await Promise.all([tableRow(22), tableRow(34)]);
    // The fixture itself differs only by those numbers.
    expect(Buffer.compare(Buffer.from(await save(a)), Buffer.from(await save(b)))).not.toBe(0);
    expect(stableStructIds(a)).toBe(2);
    expect(stableStructIds(b)).toBe(2);
    expect(Buffer.compare(Buffer.from(await save(a)), Buffer.from(await save(b)))).toBe(0);
    expect(Buffer.from(await save(a)).toString('latin1')).not.toContain('node000000');
  });

  it('keeps every header reference and the IDTree pointing at the same cells, names sorted', async () => {
    const doc = await tableRow(98);
    stableStructIds(doc);
    const root = doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
    const kids = root.lookup(PDFName.of('K'), PDFArray).asArray();
    const cell = (i: number): PDFDict => doc.context.lookup(kids[i], PDFDict);
    const id = (d: PDFDict): string => (d.lookup(PDFName.of('ID')) as PDFString).decodeText();
    const headers = (d: PDFDict): string =>
      (
        d
          .lookup(PDFName.of('A'), PDFArray)
          .lookup(0, PDFDict)
          .lookup(PDFName.of('Headers'), PDFArray)
          .get(0) as PDFString
      ).decodeText();
    expect([id(cell(0)), id(cell(2))]).toEqual(['id000001', 'id000002']);
    expect([headers(cell(1)), headers(cell(3))]).toEqual(['id000001', 'id000002']);
    const tree = root.lookup(PDFName.of('IDTree'), PDFDict);
    expect(tree.has(PDFName.of('Kids'))).toBe(false);
    const names = tree.lookup(PDFName.of('Names'), PDFArray).asArray();
    expect((names[0] as PDFString).decodeText()).toBe('id000001');
    expect(names[1]).toBe(kids[0]);
    expect((names[2] as PDFString).decodeText()).toBe('id000002');
    expect(names[3]).toBe(kids[2]);
  });

  it('leaves a PDF without ids or without a structure tree alone', async () => {
    expect(stableStructIds(await PDFDocument.create())).toBe(0);
  });
});
