import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib';

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

function decodeString(value: unknown): string {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : '';
}

/** The outline tree (titles and target pages), read with pdf-lib. */
function readOutline(doc: PDFDocument): OutlineEntry[] {
  const pages = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i + 1]));
  const pageOf = (item: PDFDict): number | null => {
    const dest = item.lookup(PDFName.of('Dest'));
    const first = dest instanceof PDFArray ? dest.get(0) : undefined;
    return first instanceof PDFRef ? (pages.get(first.toString()) ?? null) : null;
  };
  const walk = (first: PDFDict | undefined, depth: number): OutlineEntry[] => {
    const entries: OutlineEntry[] = [];
    for (let node = first; node && depth < 16; node = node.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const title = node.lookup(PDFName.of('Title'));
      entries.push({
        title: decodeString(title),
        page: pageOf(node),
        items: walk(node.lookupMaybe(PDFName.of('First'), PDFDict), depth + 1),
      });
    }
    return entries;
  };
  const root = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  return walk(root?.lookupMaybe(PDFName.of('First'), PDFDict), 0);
}

/**
 * Reads a PDF back: pages, sizes, outline (with target pages), metadata, tagging, fonts and text.
 * Fonts and outline come from pdf-lib; text from pdf.js.
 * `text: false` skips text extraction (the slow part), leaving `text` empty.
 */
export async function inspectPdf(bytes: Uint8Array, { text: withText = true } = {}): Promise<PdfReport> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const text: string[] = [];
  if (withText) {
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false }).promise;
    try {
      for (let n = 1; n <= pdf.numPages; n++) {
        const content = await (await pdf.getPage(n)).getTextContent();
        text.push(content.items.map((it) => ('str' in it ? it.str + (it.hasEOL ? '\n' : '') : '')).join(''));
      }
    } finally {
      await pdf.destroy();
    }
  }
  return { ...inspectDocument(doc), text };
}

/**
 * What a PDF document pdf-lib holds contains (as `inspectPdf`, without the text): the exporter
 * checks each PDF it has just finished and saved from the document it saved, not by parsing the
 * bytes again.
 */
export function inspectDocument(doc: PDFDocument): PdfReport {
  const fonts: PdfReport['fonts'] = [];
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (obj instanceof PDFDict && name(obj, 'Type') === 'Font') {
      fonts.push({ subtype: name(obj, 'Subtype'), name: name(obj, 'BaseFont') });
    }
  }
  const markInfo = doc.catalog.lookupMaybe(PDFName.of('MarkInfo'), PDFDict);
  return {
    pages: doc.getPageCount(),
    sizes: doc.getPages().map((p) => p.getSize()),
    outline: readOutline(doc),
    info: {
      title: doc.getTitle() ?? '',
      author: doc.getAuthor() ?? '',
      subject: doc.getSubject() ?? '',
      keywords: doc.getKeywords() ?? '',
      language: decodeString(doc.catalog.lookup(PDFName.of('Lang'))),
    },
    tagged: markInfo?.get(PDFName.of('Marked'))?.toString() === 'true',
    fonts,
    text: [],
  };
}

/** Problems that make a written PDF unfit to hand out; empty when it is fine. */
export function pdfProblems(
  report: PdfReport,
  expect: { pages?: number; minPages?: number; bookmarks: number },
): string[] {
  const problems: string[] = [];
  if (expect.pages !== undefined && report.pages !== expect.pages) {
    problems.push(`has ${report.pages} pages, expected ${expect.pages}`);
  }
  if (expect.minPages !== undefined && report.pages < expect.minPages) {
    problems.push(`has ${report.pages} pages, expected at least ${expect.minPages}`);
  }
  if (report.fonts.length === 0) problems.push('embeds no fonts (its text did not print)');
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
