import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';

/** One bookmark of a PDF outline. */
export interface OutlineEntry {
  title: string;
  /** 1-based page the bookmark points to, or null when it cannot be resolved. */
  page: number | null;
  items: OutlineEntry[];
}

/** What a written PDF contains, read back with JavaScript PDF libraries (no poppler needed). */
export interface PdfReport {
  pages: number;
  /** Page sizes in PDF points, one per page. */
  sizes: { width: number; height: number }[];
  outline: OutlineEntry[];
  info: { title: string; author: string; subject: string; keywords: string; language: string };
  tagged: boolean;
  /** Every font dictionary's `/Subtype` with its `/BaseFont`, e.g. `Type0 AAAAAA+NotoSansSC-Regular`. */
  fonts: { subtype: string; name: string }[];
  /** The text of each page, in content order (pdf.js text extraction). */
  text: string[];
}

function name(dict: PDFDict, key: string): string {
  const v = dict.get(PDFName.of(key));
  return v instanceof PDFName ? v.decodeText() : '';
}

/**
 * Reads a PDF back: pages, sizes, outline (with target pages), metadata, tagging, fonts and text.
 * Fonts come from pdf-lib (every font dictionary in the file); outline and text from pdf.js.
 * `text: false` skips text extraction (the slow part), leaving `text` empty.
 */
export async function inspectPdf(bytes: Uint8Array, { text: withText = true } = {}): Promise<PdfReport> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const fonts: PdfReport['fonts'] = [];
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (obj instanceof PDFDict && name(obj, 'Type') === 'Font') {
      fonts.push({ subtype: name(obj, 'Subtype'), name: name(obj, 'BaseFont') });
    }
  }
  const markInfo = doc.catalog.lookupMaybe(PDFName.of('MarkInfo'), PDFDict);
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false }).promise;
  try {
    const resolvePage = async (dest: unknown): Promise<number | null> => {
      try {
        const explicit = typeof dest === 'string' ? await pdf.getDestination(dest) : dest;
        if (!Array.isArray(explicit) || !explicit[0]) return null;
        return (await pdf.getPageIndex(explicit[0] as { num: number; gen: number })) + 1;
      } catch {
        return null;
      }
    };
    type RawItem = { title: string; dest: unknown; items: RawItem[] };
    const walk = async (items: RawItem[] | null): Promise<OutlineEntry[]> =>
      Promise.all(
        (items ?? []).map(async (i) => ({ title: i.title, page: await resolvePage(i.dest), items: await walk(i.items) })),
      );
    const outline = await walk((await pdf.getOutline()) as RawItem[] | null);
    const text: string[] = [];
    for (let n = 1; withText && n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      text.push(
        content.items.map((it) => ('str' in it ? it.str + (it.hasEOL ? '\n' : '') : '')).join(''),
      );
    }
    return {
      pages: doc.getPageCount(),
      sizes: doc.getPages().map((p) => p.getSize()),
      outline,
      info: {
        title: doc.getTitle() ?? '',
        author: doc.getAuthor() ?? '',
        subject: doc.getSubject() ?? '',
        keywords: doc.getKeywords() ?? '',
        language: String(doc.catalog.get(PDFName.of('Lang'))?.toString() ?? '').replace(/^\(|\)$/g, ''),
      },
      tagged: markInfo?.get(PDFName.of('Marked'))?.toString() === 'true',
      fonts,
      text,
    };
  } finally {
    await pdf.destroy();
  }
}

/** Problems that make a written PDF unfit to hand out; empty when it is fine. */
export function pdfProblems(report: PdfReport, expect: { pages?: number; minPages?: number; bookmarks: number }): string[] {
  const problems: string[] = [];
  if (expect.pages !== undefined && report.pages !== expect.pages) {
    problems.push(`has ${report.pages} pages, expected ${expect.pages}`);
  }
  if (expect.minPages !== undefined && report.pages < expect.minPages) {
    problems.push(`has ${report.pages} pages, expected at least ${expect.minPages}`);
  }
  const type3 = report.fonts.filter((f) => f.subtype === 'Type3');
  if (type3.length > 0) problems.push(`embeds ${type3.length} Type 3 fonts (text would not be real text)`);
  if (report.outline.length < expect.bookmarks) {
    problems.push(`has ${report.outline.length} top-level bookmarks, expected ${expect.bookmarks}`);
  }
  if (!report.info.title) problems.push('has no title in its metadata');
  if (report.info.language !== 'zh-CN') problems.push(`has language "${report.info.language}", expected zh-CN`);
  if (!report.tagged) problems.push('is not a tagged PDF');
  const blank = report.text.findIndex((t) => t.trim() === '');
  if (report.text.length > 0 && blank >= 0) problems.push(`page ${blank + 1} has no text (blank page?)`);
  return problems;
}
