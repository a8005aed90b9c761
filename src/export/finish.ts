import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFRef,
  PDFString,
  type PDFObject,
} from 'pdf-lib';

/**
 * What every exported PDF gets after Chromium prints it: a structure tree poppler and PDF 1.7
 * readers accept, metadata in the Info dictionary and as XMP, and fixed dates and ids so that the
 * same sources give byte-identical files. (Bookmarks are the exporter's own: outline.ts.)
 */

/** The document's descriptive metadata. */
export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string;
  language: string;
  creator: string;
}

/**
 * The date the PDFs carry: `SOURCE_DATE_EPOCH` (seconds) when set, else the last commit's date in
 * `root`, else 2000-01-01 (the sources alone decide the bytes, never the clock).
 */
export function sourceDate(root: string, env: NodeJS.ProcessEnv = process.env): Date {
  const fromEnv = env.SOURCE_DATE_EPOCH?.trim();
  if (fromEnv && /^\d+$/.test(fromEnv)) return new Date(Number(fromEnv) * 1000);
  try {
    const out = execFileSync('git', ['log', '-1', '--format=%ct'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    if (/^\d+$/.test(out)) return new Date(Number(out) * 1000);
  } catch {
    // Not a git checkout (an unpacked copy): fall through to the fixed date.
  }
  return new Date(Date.UTC(2000, 0, 1));
}

/** PDF 1.7 standard structure types (ISO 32000-1, 14.8.4); poppler rejects others without a RoleMap. */
const STANDARD = new Set(
  (
    'Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3 H4 H5 H6 ' +
    'L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot ' +
    'Ruby RB RT RP Warichu WT WP Figure Formula Form'
  ).split(' '),
);
/** PDF 2.0 types Chromium writes, mapped to their PDF 1.7 kin. */
const PDF2_TO_17: Record<string, string> = {
  Strong: 'Span',
  Em: 'Span',
  Sub: 'Span',
  Aside: 'Note',
  Title: 'H',
  FENote: 'Note',
  DocumentFragment: 'Div',
  Artifact: 'NonStruct',
};

/**
 * Makes the structure tree valid for PDF 1.7 readers: types from PDF 2.0 (Chromium tags `<strong>`
 * as Strong) get a RoleMap entry; Form elements lose the PrintField attributes of the page's
 * controls, which mean nothing on paper and which poppler reports. @returns the types it mapped.
 */
export function repairStructure(doc: PDFDocument): string[] {
  const root = doc.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  if (!root) return [];
  const mapped = new Set<string>();
  const seen = new Set<PDFDict>();
  const visit = (obj: PDFObject | undefined, depth: number): void => {
    if (!obj || depth > 200) return;
    const value = obj instanceof PDFDict || obj instanceof PDFArray ? obj : doc.context.lookup(obj);
    if (value instanceof PDFArray) {
      for (let i = 0; i < value.size(); i++) visit(value.get(i), depth + 1);
      return;
    }
    if (!(value instanceof PDFDict) || seen.has(value)) return;
    seen.add(value);
    const type = value.get(PDFName.of('S'));
    if (type instanceof PDFName) {
      const name = type.decodeText();
      if (!STANDARD.has(name)) mapped.add(name);
      if (name === 'Form') value.delete(PDFName.of('A'));
    }
    visit(value.get(PDFName.of('K')), depth + 1);
  };
  visit(root.get(PDFName.of('K')), 0);
  if (mapped.size > 0) {
    const roleMap = root.lookupMaybe(PDFName.of('RoleMap'), PDFDict) ?? doc.context.obj({});
    for (const name of [...mapped].sort()) {
      roleMap.set(PDFName.of(name), PDFName.of(PDF2_TO_17[name] ?? 'Span'));
    }
    root.set(PDFName.of('RoleMap'), roleMap);
  }
  return [...mapped].sort();
}

/**
 * Renames the structure elements' ids (table header cells, which data cells name in /Headers) to
 * `id000001`, `id000002`, … in the tree's order, and rewrites the IDTree to match. Chromium takes
 * them from its accessibility node numbers, which count every node the renderer made before,
 * in any tab: the same document printed beside another (the four PDFs print at once) got other
 * numbers, and script.pdf differed in a few bytes from one run to the next.
 * @returns how many ids it renamed.
 */
export function stableStructIds(doc: PDFDocument): number {
  const root = doc.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  if (!root) return 0;
  const renamed = new Map<string, string>();
  const text = (v: PDFObject | undefined): string | null =>
    v instanceof PDFString || v instanceof PDFHexString ? v.decodeText() : null;
  const elements: PDFDict[] = [];
  const seen = new Set<PDFDict>();
  const visit = (obj: PDFObject | undefined, depth: number): void => {
    if (!obj || depth > 200) return;
    const value = obj instanceof PDFDict || obj instanceof PDFArray ? obj : doc.context.lookup(obj);
    if (value instanceof PDFArray) {
      for (let i = 0; i < value.size(); i++) visit(value.get(i), depth + 1);
      return;
    }
    if (!(value instanceof PDFDict) || seen.has(value)) return;
    seen.add(value);
    elements.push(value);
    const id = text(value.get(PDFName.of('ID')));
    if (id !== null && !renamed.has(id)) renamed.set(id, `id${String(renamed.size + 1).padStart(6, '0')}`);
    visit(value.get(PDFName.of('K')), depth + 1);
  };
  visit(root.get(PDFName.of('K')), 0);
  if (renamed.size === 0) return 0;
  const attributes = (a: PDFObject | undefined): PDFDict[] => {
    const value = a && !(a instanceof PDFDict) && !(a instanceof PDFArray) ? doc.context.lookup(a) : a;
    if (value instanceof PDFDict) return [value];
    if (value instanceof PDFArray) return value.asArray().flatMap((x) => attributes(x));
    return [];
  };
  for (const element of elements) {
    const id = text(element.get(PDFName.of('ID')));
    if (id !== null) element.set(PDFName.of('ID'), PDFString.of(renamed.get(id)!));
    for (const attribute of attributes(element.get(PDFName.of('A')))) {
      const headers = attribute.lookupMaybe(PDFName.of('Headers'), PDFArray);
      if (!headers) continue;
      for (let i = 0; i < headers.size(); i++) {
        const old = text(headers.get(i));
        if (old !== null && renamed.has(old)) headers.set(i, PDFString.of(renamed.get(old)!));
      }
    }
  }
  // The IDTree: one node holding every name, sorted (a name tree's order); the old nodes go.
  const tree = root.lookupMaybe(PDFName.of('IDTree'), PDFDict);
  if (tree) {
    const pairs: [string, PDFObject][] = [];
    const collect = (node: PDFDict, depth: number): void => {
      const names = node.lookupMaybe(PDFName.of('Names'), PDFArray);
      for (let i = 0; names && i + 1 < names.size(); i += 2) {
        const name = text(names.get(i));
        if (name !== null) pairs.push([renamed.get(name) ?? name, names.get(i + 1)]);
      }
      const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
      for (let i = 0; kids && i < kids.size() && depth < 32; i++) {
        const ref = kids.get(i);
        const kid = doc.context.lookup(ref);
        if (kid instanceof PDFDict) collect(kid, depth + 1);
        if (ref instanceof PDFRef) doc.context.delete(ref);
      }
    };
    collect(tree, 0);
    pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    tree.delete(PDFName.of('Kids'));
    tree.delete(PDFName.of('Limits'));
    tree.set(PDFName.of('Names'), doc.context.obj(pairs.flatMap(([name, ref]) => [PDFString.of(name), ref])));
  }
  return renamed.size;
}

const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A UUID-shaped id from a hash (stable for the same input). */
const uuidOf = (hex: string): string =>
  `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;

/** The XMP packet (ISO 16684-1) saying what the Info dictionary says, for readers that read only XMP. */
export function xmpPacket(
  meta: PdfMetadata,
  producer: string,
  date: Date,
  documentId: string,
  instanceId: string,
): string {
  const iso = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const alt = (s: string): string => `<rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(s)}</rdf:li></rdf:Alt>`;
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about=""
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:xmp="http://ns.adobe.com/xap/1.0/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
 xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">
<dc:format>application/pdf</dc:format>
<dc:title>${alt(meta.title)}</dc:title>
${meta.author ? `<dc:creator><rdf:Seq><rdf:li>${escapeXml(meta.author)}</rdf:li></rdf:Seq></dc:creator>\n` : ''}<dc:description>${alt(meta.subject)}</dc:description>
<dc:language><rdf:Bag><rdf:li>${escapeXml(meta.language)}</rdf:li></rdf:Bag></dc:language>
<pdf:Keywords>${escapeXml(meta.keywords)}</pdf:Keywords>
<pdf:Producer>${escapeXml(producer)}</pdf:Producer>
<xmp:CreatorTool>${escapeXml(meta.creator)}</xmp:CreatorTool>
<xmp:CreateDate>${iso}</xmp:CreateDate>
<xmp:ModifyDate>${iso}</xmp:ModifyDate>
<xmp:MetadataDate>${iso}</xmp:MetadataDate>
<xmpMM:DocumentID>uuid:${documentId}</xmpMM:DocumentID>
<xmpMM:InstanceID>uuid:${instanceId}</xmpMM:InstanceID>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

/** A hash of every stream's bytes in object order: what the pages show, without dates or ids. */
function contentHash(doc: PDFDocument): string {
  const hash = createHash('sha256');
  for (const [ref, obj] of doc.context.enumerateIndirectObjects()) {
    if (obj instanceof PDFRawStream) {
      hash.update(ref.toString());
      hash.update(obj.contents);
    }
  }
  return hash.digest('hex');
}

/**
 * Sets the Info dictionary and the XMP packet from `meta`, both dates to `date`, and the trailer's
 * /ID to hashes of the document's identity (title) and content, replacing Chromium's random ones.
 */
export function stampMetadata(doc: PDFDocument, meta: PdfMetadata, date: Date): void {
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  if (meta.author) doc.setAuthor(meta.author);
  doc.setSubject(meta.subject);
  if (meta.keywords) doc.setKeywords([meta.keywords]);
  doc.setLanguage(meta.language);
  doc.setCreator(meta.creator);
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  const producer = doc.getProducer() ?? 'Chromium';
  const documentId = createHash('sha256').update(meta.title).digest('hex');
  const instanceId = contentHash(doc);
  const xmp = xmpPacket(meta, producer, date, uuidOf(documentId), uuidOf(instanceId));
  const stream = doc.context.stream(new TextEncoder().encode(xmp), { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(stream));
  doc.context.trailerInfo.ID = doc.context.obj([
    PDFHexString.of(documentId.slice(0, 32)),
    PDFHexString.of(instanceId.slice(0, 32)),
  ]);
}
