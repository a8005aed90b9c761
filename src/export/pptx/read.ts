import { XMLParser } from 'fast-xml-parser';
import JSZip from 'jszip';

/**
 * Reads a .pptx back (jszip + fast-xml-parser) into plain data: slides with their shapes, text,
 * runs, links, pictures and charts, the notes, the sections and the document properties. The
 * export checks its own file with it before it replaces the old one, and the tests assert on it.
 */

/** A node of fast-xml-parser's order-preserving tree. */
type XNode = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  preserveOrder: true,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
});

function nameOf(n: XNode): string {
  return Object.keys(n).find((k) => k !== ':@') ?? '';
}
function kids(n: XNode): XNode[] {
  const v = n[nameOf(n)];
  return Array.isArray(v) ? (v as XNode[]) : [];
}
function attr(n: XNode | undefined, key: string): string | undefined {
  return (n?.[':@'] as Record<string, string> | undefined)?.[key];
}
function child(n: XNode | undefined, name: string): XNode | undefined {
  return n ? kids(n).find((c) => nameOf(c) === name) : undefined;
}
function path(n: XNode | undefined, ...names: string[]): XNode | undefined {
  return names.reduce<XNode | undefined>((at, name) => child(at, name), n);
}
/** Every descendant named `name`, in document order. */
function all(n: XNode, name: string): XNode[] {
  const out: XNode[] = [];
  const walk = (x: XNode): void => {
    for (const c of kids(x)) {
      if (nameOf(c) === name) out.push(c);
      walk(c);
    }
  };
  walk(n);
  return out;
}
function textOf(n: XNode): string {
  if (nameOf(n) === '#text') return String(n['#text'] ?? '');
  return kids(n).map(textOf).join('');
}
function parse(xml: string): XNode {
  const doc = parser.parse(xml) as XNode[];
  return doc.find((n) => !nameOf(n).startsWith('?')) ?? {};
}

/** One run of text with its language and typefaces. */
export interface ReadRun {
  text: string;
  lang: string | null;
  eastAsian: string | null;
  latin: string | null;
  bold: boolean;
  italic: boolean;
}

/** One paragraph: its text, bullet and level. */
export interface ReadParagraph {
  text: string;
  /** A bullet character or number is set on the paragraph. */
  bullet: boolean;
  level: number;
  runs: ReadRun[];
}

/** A box in EMU. */
export interface ReadBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A shape of a slide. */
export interface ReadShape {
  kind: 'sp' | 'cxnSp' | 'graphicFrame' | 'pic' | 'grpSp';
  id: string;
  name: string;
  /** Placeholder type (`title`, `body`, …) or null. */
  placeholder: string | null;
  box: ReadBox | null;
  geometry: string | null;
  /** Whether it draws a fill or an outline (a shape that is seen without text). */
  visible: boolean;
  paragraphs: ReadParagraph[];
  text: string;
  /** The slide a click on the shape goes to (1-based), when it links to one. */
  linkSlide: number | null;
  /** Connectors: the ids of the shapes they are glued to. */
  glue: { from: string; to: string } | null;
  /** Graphic frames: the chart part they show. */
  chart: string | null;
}

/** A chart's data as stored in its part (the values PowerPoint shows and edits). */
export interface ReadChart {
  part: string;
  /** Chart types in the plot area (`lineChart`, …). */
  types: string[];
  /** How the first chart type groups its series (`standard`, `stacked`, `clustered`, …), or null. */
  grouping: string | null;
  series: {
    name: string;
    categories: string[];
    values: (number | null)[];
    dash: string | null;
    /** The fill's colour (`RRGGBB`: areas, columns), else the line's, or null when the series draws neither. */
    color: string | null;
  }[];
  /** The value axis's title (it names the unit). */
  valueAxisTitle: string;
  /** Whether the chart has an embedded workbook (its data can be edited in PowerPoint). */
  workbook: boolean;
}

/** One slide read back. */
export interface ReadSlide {
  /** 1-based position. */
  index: number;
  part: string;
  title: string | null;
  shapes: ReadShape[];
  notes: ReadParagraph[];
  charts: ReadChart[];
  /** Links in text runs: the slide (1-based) or address they go to. */
  runLinks: { text: string; slide: number | null; url: string | null }[];
}

/** The file read back. */
export interface PptxReport {
  /** Slide size in EMU. */
  size: { cx: number; cy: number };
  slides: ReadSlide[];
  sections: { name: string; slides: number[] }[];
  properties: Record<string, string>;
  custom: Record<string, string>;
  /** Every part name in the package. */
  parts: string[];
  /** `[Content_Types].xml` overrides naming parts that are not in the package. */
  missingParts: string[];
  /** Theme font scheme: East-Asian typefaces and the Simplified Chinese script font. */
  themeFonts: { eastAsian: string[]; hans: string[] };
}

function readRuns(p: XNode): ReadRun[] {
  return kids(p)
    .filter((c) => nameOf(c) === 'a:r' || nameOf(c) === 'a:fld')
    .map((r) => {
      const rPr = child(r, 'a:rPr');
      return {
        text: textOf(child(r, 'a:t') ?? {}),
        lang: attr(rPr, 'lang') ?? null,
        eastAsian: attr(child(rPr, 'a:ea'), 'typeface') ?? null,
        latin: attr(child(rPr, 'a:latin'), 'typeface') ?? null,
        bold: attr(rPr, 'b') === '1',
        italic: attr(rPr, 'i') === '1',
      };
    });
}

function readParagraphs(txBody: XNode | undefined): ReadParagraph[] {
  if (!txBody) return [];
  return kids(txBody)
    .filter((c) => nameOf(c) === 'a:p')
    .map((p) => {
      const pPr = child(p, 'a:pPr');
      const runs = readRuns(p);
      return {
        text: runs.map((r) => r.text).join(''),
        bullet: !!(child(pPr, 'a:buChar') || child(pPr, 'a:buAutoNum')),
        level: Number(attr(pPr, 'lvl') ?? 0),
        runs,
      };
    });
}

function readBox(xfrm: XNode | undefined): ReadBox | null {
  const off = child(xfrm, 'a:off');
  const ext = child(xfrm, 'a:ext');
  if (!off || !ext) return null;
  return {
    x: Number(attr(off, 'x')),
    y: Number(attr(off, 'y')),
    w: Number(attr(ext, 'cx')),
    h: Number(attr(ext, 'cy')),
  };
}

function relsOf(xml: string | undefined): Map<string, { target: string; type: string }> {
  const out = new Map<string, { target: string; type: string }>();
  if (!xml) return out;
  for (const r of all(parse(xml), 'Relationship')) {
    out.set(attr(r, 'Id') ?? '', { target: attr(r, 'Target') ?? '', type: attr(r, 'Type') ?? '' });
  }
  return out;
}

function resolve(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

function relsPath(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i)}/_rels/${part.slice(i + 1)}.rels`;
}

async function readChart(zip: JSZip, part: string): Promise<ReadChart> {
  const root = parse(await zip.file(part)!.async('string'));
  const plot = path(root, 'c:chart', 'c:plotArea');
  const types = kids(plot ?? {})
    .map(nameOf)
    .filter((n) => n.endsWith('Chart'));
  const first = kids(plot ?? {}).find((k) => nameOf(k).endsWith('Chart'));
  const grouping = attr(child(first, 'c:grouping'), 'val') ?? null;
  const series = all(plot ?? {}, 'c:ser').map((ser) => {
    const name = textOf(all(child(ser, 'c:tx') ?? {}, 'c:v')[0] ?? {});
    const catPts = all(child(ser, 'c:cat') ?? {}, 'c:pt');
    const categories = catPts.map((pt) => textOf(child(pt, 'c:v') ?? {}));
    const cache = all(child(ser, 'c:val') ?? {}, 'c:numCache')[0];
    const count = Number(attr(child(cache, 'c:ptCount'), 'val') ?? 0);
    const values: (number | null)[] = Array.from({ length: count }, () => null);
    for (const pt of all(cache ?? {}, 'c:pt')) {
      const v = textOf(child(pt, 'c:v') ?? {}).trim();
      values[Number(attr(pt, 'idx'))] = v === '' ? null : Number(v);
    }
    const line = path(ser, 'c:spPr', 'a:ln');
    const dash = attr(all(child(ser, 'c:spPr') ?? {}, 'a:prstDash')[0], 'val') ?? null;
    const color =
      attr(path(ser, 'c:spPr', 'a:solidFill', 'a:srgbClr'), 'val') ??
      attr(path(line, 'a:solidFill', 'a:srgbClr'), 'val') ??
      null;
    return { name, categories, values, dash, color };
  });
  const valueAxisTitle = all(path(plot, 'c:valAx', 'c:title') ?? {}, 'a:t')
    .map(textOf)
    .join('');
  const rels = relsOf(await zip.file(relsPath(part))?.async('string'));
  const workbook = [...rels.values()].some(
    (r) => /package$/.test(r.type) && zip.file(resolve(part, r.target)) !== null,
  );
  return { part, types, grouping, series, workbook, valueAxisTitle };
}

/** Reads a .pptx file's bytes. */
export async function readPptx(bytes: Uint8Array): Promise<PptxReport> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
  const str = async (n: string): Promise<string | undefined> => zip.file(n)?.async('string');
  const pres = parse((await str('ppt/presentation.xml'))!);
  const presRels = relsOf(await str('ppt/_rels/presentation.xml.rels'));
  const sldIds = all(pres, 'p:sldId');
  const slideParts = sldIds.map((s) =>
    resolve('ppt/presentation.xml', presRels.get(attr(s, 'r:id') ?? '')?.target ?? ''),
  );
  const indexOfPart = new Map(slideParts.map((p, i) => [p, i + 1]));
  const idToIndex = new Map(sldIds.map((s, i) => [attr(s, 'id') ?? '', i + 1]));
  const sz = path(pres, 'p:sldSz');

  const slides: ReadSlide[] = [];
  for (const [i, part] of slideParts.entries()) {
    const root = parse((await str(part))!);
    const rels = relsOf(await str(relsPath(part)));
    const linkTarget = (rid: string | undefined): { slide: number | null; url: string | null } => {
      const rel = rid ? rels.get(rid) : undefined;
      if (!rel) return { slide: null, url: null };
      if (/\/slide$/.test(rel.type)) return { slide: indexOfPart.get(resolve(part, rel.target)) ?? null, url: null };
      return { slide: null, url: rel.target };
    };
    const tree = path(root, 'p:cSld', 'p:spTree') ?? {};
    const shapes: ReadShape[] = [];
    const charts: ReadChart[] = [];
    for (const node of kids(tree)) {
      const kind = nameOf(node) as ReadShape['kind'];
      if (!['p:sp', 'p:cxnSp', 'p:graphicFrame', 'p:pic', 'p:grpSp'].includes(kind)) continue;
      const short = kind.slice(2) as ReadShape['kind'];
      const cNvPr = all(node, 'p:cNvPr')[0];
      const ph = all(node, 'p:ph')[0];
      const spPr = child(node, 'p:spPr');
      const xfrm = short === 'graphicFrame' ? child(node, 'p:xfrm') : child(spPr, 'a:xfrm');
      const paragraphs = readParagraphs(child(node, 'p:txBody'));
      const hasFill = !!spPr && (!!child(spPr, 'a:solidFill') || !!child(spPr, 'a:gradFill'));
      const ln = child(spPr, 'a:ln');
      const hasLine = !!ln && !child(ln, 'a:noFill') && kids(ln).length > 0;
      const shapeLink = child(cNvPr, 'a:hlinkClick');
      const cNvCxnSpPr = all(node, 'p:cNvCxnSpPr')[0];
      const chartRef = all(node, 'c:chart')[0];
      let chart: string | null = null;
      if (chartRef) {
        const rel = rels.get(attr(chartRef, 'r:id') ?? '');
        if (rel) {
          chart = resolve(part, rel.target);
          charts.push(await readChart(zip, chart));
        }
      }
      shapes.push({
        kind: short,
        id: attr(cNvPr, 'id') ?? '',
        name: attr(cNvPr, 'name') ?? '',
        placeholder: ph ? (attr(ph, 'type') ?? 'body') : null,
        box: readBox(xfrm),
        geometry: attr(child(spPr, 'a:prstGeom'), 'prst') ?? null,
        visible: hasFill || hasLine,
        paragraphs,
        text: paragraphs.map((p) => p.text).join('\n'),
        linkSlide: shapeLink ? linkTarget(attr(shapeLink, 'r:id')).slide : null,
        glue: cNvCxnSpPr
          ? {
              from: attr(child(cNvCxnSpPr, 'a:stCxn'), 'id') ?? '',
              to: attr(child(cNvCxnSpPr, 'a:endCxn'), 'id') ?? '',
            }
          : null,
        chart,
      });
    }
    const runLinks = all(tree, 'a:r').flatMap((r) => {
      const link = all(r, 'a:hlinkClick')[0];
      return link ? [{ text: textOf(child(r, 'a:t') ?? {}), ...linkTarget(attr(link, 'r:id')) }] : [];
    });
    const notesRel = [...rels.values()].find((r) => /notesSlide$/.test(r.type));
    let notes: ReadParagraph[] = [];
    if (notesRel) {
      const notesRoot = parse((await str(resolve(part, notesRel.target)))!);
      const body = all(notesRoot, 'p:sp').find((sp) => {
        const ph = all(sp, 'p:ph')[0];
        return ph && attr(ph, 'type') === 'body';
      });
      notes = readParagraphs(child(body ?? {}, 'p:txBody'));
    }
    const title = shapes.find((s) => s.placeholder === 'title' || s.placeholder === 'ctrTitle');
    slides.push({ index: i + 1, part, title: title ? title.text : null, shapes, notes, charts, runLinks });
  }

  const sections = all(pres, 'p14:section').map((s) => ({
    name: attr(s, 'name') ?? '',
    slides: all(s, 'p14:sldId').map((x) => idToIndex.get(attr(x, 'id') ?? '') ?? 0),
  }));
  const properties: Record<string, string> = {};
  const core = await str('docProps/core.xml');
  if (core) for (const c of kids(parse(core))) if (!nameOf(c).startsWith('#')) properties[nameOf(c)] = textOf(c);
  const custom: Record<string, string> = {};
  const customXml = await str('docProps/custom.xml');
  if (customXml) for (const p of all(parse(customXml), 'property')) custom[attr(p, 'name') ?? ''] = textOf(p);
  const types = parse((await str('[Content_Types].xml'))!);
  const missingParts = all(types, 'Override')
    .map((o) => (attr(o, 'PartName') ?? '').replace(/^\//, ''))
    .filter((n) => !parts.includes(n));
  const theme = parse((await str('ppt/theme/theme1.xml')) ?? '<a:theme/>');
  const themeFonts = {
    eastAsian: [...all(theme, 'a:majorFont'), ...all(theme, 'a:minorFont')].map(
      (f) => attr(child(f, 'a:ea'), 'typeface') ?? '',
    ),
    hans: all(theme, 'a:font')
      .filter((f) => attr(f, 'script') === 'Hans')
      .map((f) => attr(f, 'typeface') ?? ''),
  };
  return {
    size: { cx: Number(attr(sz, 'cx')), cy: Number(attr(sz, 'cy')) },
    slides,
    sections,
    properties,
    custom,
    parts,
    missingParts,
    themeFonts,
  };
}
