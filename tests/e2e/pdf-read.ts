import type { PdfReport } from '../../src/export/inspect.ts';

/**
 * Reading the exported PDFs back in tests, with pdf.js (no poppler needed): shared by
 * export.spec.ts and the organiser's journey.
 */

/** Text with every space and line break taken out (a PDF's text runs break lines anywhere). */
export const squash = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, '');

/** Every run of text in a PDF with its printed size in points (the text matrix times the page's transform). */
export async function pdfTextSizes(bytes: Uint8Array): Promise<{ page: number; text: string; size: number }[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false }).promise;
  const out: { page: number; text: string; size: number }[] = [];
  try {
    for (let n = 1; n <= pdf.numPages; n++) {
      for (const item of (await (await pdf.getPage(n)).getTextContent()).items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const [a, b] = item.transform as number[];
        out.push({ page: n, text: item.str, size: Math.hypot(a!, b!) });
      }
    }
  } finally {
    await pdf.destroy();
  }
  return out;
}

/**
 * The handout's text read across its pages (squashed): each page less its running head (a part's
 * bookmark title) and its number "第 x 页 / 共 y 页", so a paragraph that runs on over a page
 * break reads whole.
 */
export function handoutText(handout: PdfReport): string {
  return handout.text
    .map((text, i) => {
      let body = squash(text).replace(squash(`第 ${i + 1} 页 / 共 ${handout.pages} 页`), '');
      for (const e of handout.outline) body = body.split(squash(e.title)).join('');
      return body;
    })
    .join('');
}
