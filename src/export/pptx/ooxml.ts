import JSZip from 'jszip';
import type { ChartSeries, DeckPlan, NativeChart, PptxFonts } from './plan.ts';
import { PX_PER_INCH } from './theme.ts';

/** EMU (the file's length unit) per px of the deck's slide. */
const EMU_PER_PX = 914400 / PX_PER_INCH;

/**
 * What pptxgenjs 4.0.1 writes wrongly or not at all, put right part by part after it has written
 * the file. Each fix is a pure function of one part's XML (tested on its own) and says which upstream
 * defect or missing feature it answers. Nothing here decides content: it only completes or corrects
 * what the plan already holds.
 */

const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * pptxgenjs writes one `<a:pPr>` per run, so a paragraph of several runs (a bullet with a bold
 * word) holds several, after its runs: a schema violation PowerPoint answers with its repair
 * dialog (gitbrent/PptxGenJS#1081). Keeps each paragraph's first `<a:pPr>` only.
 */
export function singleParagraphProperties(xml: string): string {
  return xml.replace(/<a:p>([\s\S]*?)<\/a:p>/g, (_, inner: string) => {
    let seen = false;
    const body = inner.replace(/<a:pPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:pPr>)/g, (m) => {
      if (seen) return '';
      seen = true;
      return m;
    });
    return `<a:p>${body}</a:p>`;
  });
}

/**
 * `[Content_Types].xml` names a slide master per slide (`slideMaster2.xml`, …) though only one is
 * written (gitbrent/PptxGenJS#1444). Drops overrides of parts that are not in the package.
 */
export function existingOverrides(xml: string, parts: ReadonlySet<string>): string {
  return xml.replace(/\s*<Override PartName="([^"]+)"[^>]*\/>/g, (m, name: string) =>
    parts.has(name.replace(/^\//, '')) ? m : '',
  );
}

/** A shape without text gets an empty text body (gitbrent/PptxGenJS#1441: PowerPoint repairs it otherwise). */
export function shapesWithTextBody(xml: string): string {
  return xml.replace(/<p:sp>([\s\S]*?)<\/p:sp>/g, (m, inner: string) =>
    inner.includes('<p:txBody>')
      ? m
      : `<p:sp>${inner}<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang="zh-CN"/></a:p></p:txBody></p:sp>`,
  );
}

/**
 * pptxgenjs has no connectors: the plan's connectors are written as lines named
 * `connector:<from>><to>`. Each becomes a `<p:cxnSp>` glued (stCxn/endCxn) to the shapes it joins,
 * so it follows them when they are moved. `sites` gives each connector's connection sites.
 */
export function gluedConnectors(
  xml: string,
  sites: ReadonlyMap<string, { from: string; to: string; fromSite: number; toSite: number }>,
): string {
  const ids = new Map<string, string>();
  for (const m of xml.matchAll(/<p:cNvPr id="(\d+)" name="([^"]*)"/g)) ids.set(unescape(m[2]!), m[1]!);
  return xml.replace(
    /<p:sp>(<p:nvSpPr><p:cNvPr id="(\d+)" name="(connector:[^"]*)"[^>]*>(?:<\/p:cNvPr>)?)[\s\S]*?(<p:spPr>[\s\S]*?<\/p:spPr>)[\s\S]*?<\/p:sp>/g,
    (m, _nv: string, id: string, rawName: string, spPr: string) => {
      const name = unescape(rawName);
      const glue = sites.get(name);
      const from = glue ? ids.get(glue.from) : undefined;
      const to = glue ? ids.get(glue.to) : undefined;
      if (!glue || !from || !to) return m;
      const geometry = spPr.replace(/<a:prstGeom prst="line">/, '<a:prstGeom prst="straightConnector1">');
      return (
        `<p:cxnSp><p:nvCxnSpPr><p:cNvPr id="${id}" name="${rawName}"/><p:cNvCxnSpPr>` +
        `<a:stCxn id="${from}" idx="${glue.fromSite}"/><a:endCxn id="${to}" idx="${glue.toSite}"/>` +
        `</p:cNvCxnSpPr><p:nvPr/></p:nvCxnSpPr>${geometry}</p:cxnSp>`
      );
    },
  );
}

function unescape(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Typeface elements every run carries: Latin, East-Asian and complex script, in schema order. */
function typefaces(latin: string, fonts: PptxFonts): string {
  const f = escapeXml(fonts.eastAsian);
  return (
    `<a:latin typeface="${escapeXml(latin)}" pitchFamily="34" charset="0"/>` +
    `<a:ea typeface="${f}" pitchFamily="34" charset="-122"/>` +
    `<a:cs typeface="${f}" pitchFamily="34" charset="-120"/>`
  );
}

/**
 * Every run, end-of-paragraph and default run property in a part gets `lang="zh-CN"` and the
 * file's East-Asian typeface (the Latin one is kept where the run names its own, e.g. code).
 * pptxgenjs leaves notes, slide numbers, charts and empty paragraphs in `en-US` with no East-Asian
 * font, so PowerPoint would pick a Japanese or default face for their Chinese text.
 */
export function chineseRuns(xml: string, fonts: PptxFonts): string {
  return xml.replace(
    /<a:(rPr|endParaRPr|defRPr)\b([^>]*?)(\/>|>([\s\S]*?)<\/a:\1>)/g,
    (_m, tag: string, attrs: string, _close: string, inner: string | undefined) => {
      let a = attrs.replace(/\s(lang|altLang)="[^"]*"/g, '');
      a = ` lang="zh-CN" altLang="en-US"${a}`;
      let body = inner ?? '';
      const latin = /<a:latin typeface="([^"]*)"/.exec(body)?.[1];
      body = body.replace(/<a:(latin|ea|cs)\b[^>]*?(?:\/>|>[\s\S]*?<\/a:\1>)/g, '');
      const faces = typefaces(latin && latin !== fonts.eastAsian ? unescape(latin) : fonts.eastAsian, fonts);
      // Schema order: line, fill, effects, highlight, underline … then latin/ea/cs, then sym, links, rtl, extLst.
      const at = body.search(/<a:(sym|hlinkClick|hlinkMouseOver|rtl|extLst)\b/);
      body = at < 0 ? body + faces : body.slice(0, at) + faces + body.slice(at);
      return `<a:${tag}${a}>${body}</a:${tag}>`;
    },
  );
}

/**
 * The notes text: pptxgenjs writes it as one run whose text holds line breaks, which PowerPoint
 * shows as one long line. Each line becomes a paragraph.
 */
export function notesParagraphs(xml: string): string {
  return xml.replace(
    /(<p:nvPr><p:ph type="body" idx="1"\/><\/p:nvPr><\/p:nvSpPr><p:spPr\/><p:txBody><a:bodyPr\/><a:lstStyle\/>)<a:p><a:r><a:rPr[^>]*\/><a:t>([\s\S]*?)<\/a:t><\/a:r>(?:<a:endParaRPr[^>]*\/>)?<\/a:p>/,
    (_m, head: string, text: string) => {
      const lines = text.split('\n');
      const paragraphs = lines.map((line) =>
        line.trim() === ''
          ? '<a:p><a:endParaRPr lang="zh-CN"/></a:p>'
          : `<a:p><a:r><a:rPr lang="zh-CN"/><a:t>${line}</a:t></a:r></a:p>`,
      );
      return head + paragraphs.join('');
    },
  );
}

/**
 * A shape that is a link as a whole (a diagram node) keeps the link on the shape only: its runs
 * lose their own copies of it, and with them the underline PowerPoint draws under linked text.
 */
export function plainLinkedShapes(xml: string): string {
  return xml.replace(/<p:sp>([\s\S]*?)<\/p:sp>/g, (m, inner: string) => {
    if (!/<p:cNvPr [^>]*>\s*<a:hlinkClick/.test(inner)) return m;
    const [head, body = ''] = m.split('<p:txBody>');
    const plain = body.replace(/ u="sng"/g, '').replace(/<a:hlinkClick\b[^>]*?(?:\/>|>[\s\S]*?<\/a:hlinkClick>)/g, '');
    return body ? `${head}<p:txBody>${plain}` : m;
  });
}

/**
 * Placeholders where the plan puts them: pptxgenjs places a slide's title and body placeholders
 * where the slide layout has them, whatever the slide says. Also names them as the plan does.
 */
export function placeholderGeometry(
  xml: string,
  frames: ReadonlyMap<string, { name: string; x: number; y: number; w: number; h: number }>,
): string {
  return xml.replace(/<p:sp>([\s\S]*?)<\/p:sp>/g, (m, inner: string) => {
    const type = /<p:ph\b[^>]*?type="(title|body)"/.exec(inner)?.[1];
    const frame = type ? frames.get(type) : undefined;
    if (!frame) return m;
    const emu = (v: number): number => Math.round(v);
    return m
      .replace(/(<p:cNvPr id="\d+" name=")[^"]*(")/, `$1${escapeXml(frame.name)}$2`)
      .replace(
        /<a:xfrm>[\s\S]*?<\/a:xfrm>/,
        `<a:xfrm><a:off x="${emu(frame.x)}" y="${emu(frame.y)}"/><a:ext cx="${emu(frame.w)}" cy="${emu(frame.h)}"/></a:xfrm>`,
      );
  });
}

/**
 * pptxgenjs puts every placeholder of the slide layout on every slide, also those the slide does
 * not fill (a body placeholder on a chart slide): PowerPoint then shows 单击此处添加文本 while the
 * slide is edited. Placeholders without text are removed.
 */
export function noEmptyPlaceholders(xml: string): string {
  return xml.replace(/<p:sp>([\s\S]*?)<\/p:sp>/g, (m, inner: string) =>
    /<p:ph\b/.test(inner) && !/<a:t>[^<]*\S[^<]*<\/a:t>/.test(inner) ? '' : m,
  );
}

/**
 * The theme's font scheme: headings and body in the East-Asian typeface for Latin and East-Asian
 * text, the deck's own family named for Simplified Chinese. pptxgenjs leaves `<a:ea typeface="">`
 * empty and names 等线 for Chinese.
 */
export function themeFonts(xml: string, fonts: PptxFonts): string {
  const f = escapeXml(fonts.eastAsian);
  return xml
    .replace(/(<a:(?:major|minor)Font>)<a:latin typeface="[^"]*"[^>]*\/>/g, `$1<a:latin typeface="${f}"/>`)
    .replace(/<a:ea typeface=""\/>/g, `<a:ea typeface="${f}"/>`)
    .replace(
      /<a:font script="Hans" typeface="[^"]*"\/>/g,
      `<a:font script="Hans" typeface="${escapeXml(fonts.fallback)}"/>`,
    );
}

const DASH_XML = (dash: ChartSeries['dash']): string => (dash === 'none' ? '' : `<a:prstDash val="${dash}"/>`);

function markerXml(symbol: ChartSeries['symbol'], size: number, color: string, hollow: boolean): string {
  if (symbol === 'none') return '<c:marker><c:symbol val="none"/></c:marker>';
  const fill = hollow ? 'FFFFFF' : color;
  return (
    `<c:marker><c:symbol val="${symbol}"/><c:size val="${size}"/><c:spPr>` +
    `<a:solidFill><a:srgbClr val="${fill}"/></a:solidFill>` +
    `<a:ln w="15875"><a:solidFill><a:srgbClr val="${color}"/></a:solidFill></a:ln></c:spPr></c:marker>`
  );
}

/**
 * A native chart's series drawn as the deck draws them: pptxgenjs gives every series of a line chart one
 * dash, width and marker. Sets each series' line (dash, width, or none for marker-only series), its
 * marker, and per-point markers (`<c:dPt>`: hollow third-party values, markers at decades), and
 * removes the empty `<c:pt>` pptxgenjs writes for missing values, which some readers take for zero.
 */
export function chartSeries(xml: string, chart: NativeChart): string {
  let k = -1;
  const series = xml.replace(/<c:ser>([\s\S]*?)<\/c:ser>/g, (_m, inner: string) => {
    k += 1;
    const s = chart.series[k];
    if (!s) return `<c:ser>${inner}</c:ser>`;
    const part = (tag: string): string =>
      new RegExp(`<c:${tag}\\b[^>]*?(?:/>|>[\\s\\S]*?</c:${tag}>)`).exec(inner)?.[0] ?? '';
    const line =
      s.dash === 'none' || s.lineWidth === 0
        ? '<a:ln><a:noFill/></a:ln>'
        : `<a:ln w="${Math.round(s.lineWidth * 12700)}" cap="rnd"><a:solidFill><a:srgbClr val="${s.color}"/></a:solidFill>${DASH_XML(s.dash)}<a:round/></a:ln>`;
    const spPr = `<c:spPr>${line}</c:spPr>`;
    const points = (s.points ?? [])
      .filter((p) => p.index >= 0)
      .map(
        (p) =>
          `<c:dPt><c:idx val="${p.index}"/>${markerXml(p.symbol, s.markerSize, s.color, p.hollow)}<c:bubble3D val="0"/></c:dPt>`,
      )
      .join('');
    const values = part('val').replace(/<c:pt idx="\d+"><c:v><\/c:v><\/c:pt>/g, '');
    if (chart.type !== 'line') {
      // CT_AreaSer and CT_BarSer: idx, order, tx, spPr, (bars only) invertIfNegative, dPt*, dLbls,
      // cat, val. pptxgenjs' own fill stays; it writes invertIfNegative for areas too, which they may not have.
      return (
        '<c:ser>' +
        part('idx') +
        part('order') +
        part('tx') +
        part('spPr') +
        (chart.type === 'bar' ? part('invertIfNegative') : '') +
        part('dLbls') +
        part('cat') +
        values +
        '</c:ser>'
      );
    }
    // CT_LineSer's order: idx, order, tx, spPr, marker, dPt*, dLbls, cat, val, smooth. pptxgenjs writes
    // dLbls before the marker and an invertIfNegative a line series may not have.
    return (
      '<c:ser>' +
      part('idx') +
      part('order') +
      part('tx') +
      spPr +
      markerXml(s.symbol, s.markerSize, s.color, false) +
      points +
      part('dLbls') +
      part('cat') +
      values +
      part('smooth') +
      '</c:ser>'
    );
  });
  // An area starts and ends on the value axis, as on the web, not half a category in.
  const crossing =
    chart.type === 'stacked-area'
      ? series.replace(/<c:crossBetween val="between"\/>/, '<c:crossBetween val="midCat"/>')
      : series;
  // CT_CatAx's order puts tickLblSkip before noMultiLvlLbl; pptxgenjs writes it last, where readers ignore it.
  return crossing.replace(
    /(<c:noMultiLvlLbl val="\d"\/>)\s*(<c:tickLblSkip val="(\d+)"\/>)/,
    '$2<c:tickMarkSkip val="$3"/>$1',
  );
}

/**
 * The master's body style adds 20% of a line before every paragraph (pptxgenjs' default), which
 * the plan does not expect: its paragraphs carry their own spacing. Set to zero.
 */
export function noInheritedSpacing(xml: string): string {
  return xml.replace(/<a:spcBef><a:spcPct val="\d+"\/><\/a:spcBef>/g, '<a:spcBef><a:spcPts val="0"/></a:spcBef>');
}

/** Empty cells (`<c><v></v></c>`) of a chart's data sheet are left out, as Excel writes missing values. */
export function sheetWithoutEmptyCells(xml: string): string {
  return xml.replace(/<c r="[A-Z]+\d+"(?: s="\d+")?><v><\/v><\/c>/g, '');
}

/** Core properties: language, keywords, and the dates (ISO 8601). */
export function coreProperties(xml: string, plan: DeckPlan, when: Date): string {
  const iso = when.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const p = plan.properties;
  let out = xml
    .replace(
      /<dcterms:created[^>]*>[^<]*<\/dcterms:created>/,
      `<dcterms:created xsi:type="dcterms:W3CDTF">${iso}</dcterms:created>`,
    )
    .replace(
      /<dcterms:modified[^>]*>[^<]*<\/dcterms:modified>/,
      `<dcterms:modified xsi:type="dcterms:W3CDTF">${iso}</dcterms:modified>`,
    )
    .replace(
      /<cp:lastModifiedBy>[^<]*<\/cp:lastModifiedBy>/,
      `<cp:lastModifiedBy>${escapeXml(p.author)}</cp:lastModifiedBy>`,
    );
  const extra =
    `<dc:language>${p.language}</dc:language>` +
    (p.keywords ? `<cp:keywords>${escapeXml(p.keywords)}</cp:keywords>` : '');
  out = out.replace(/(<\/dc:subject>)/, `$1${extra}`);
  return out;
}

/** The deck settings that have no core property (the meeting's date, venue, …) as custom properties. */
export function customProperties(values: readonly [string, string][]): string {
  const props = values
    .map(
      ([name, value], i) =>
        `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${i + 2}" name="${escapeXml(name)}"><vt:lpwstr>${escapeXml(value)}</vt:lpwstr></property>`,
    )
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    props +
    '</Properties>'
  );
}

/** Slide XML files in presentation order (from presentation.xml and its relationships). */
export async function slideParts(zip: JSZip): Promise<string[]> {
  const pres = await zip.file('ppt/presentation.xml')!.async('string');
  const rels = await zip.file('ppt/_rels/presentation.xml.rels')!.async('string');
  const targets = new Map([...rels.matchAll(/Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]));
  for (const m of rels.matchAll(/Target="([^"]+)"[^>]*Id="([^"]+)"/g)) targets.set(m[2]!, m[1]!);
  return [...pres.matchAll(/<p:sldId [^>]*r:id="([^"]+)"/g)].map(
    (m) =>
      `ppt/${targets
        .get(m[1]!)!
        .replace(/^\//, '')
        .replace(/^ppt\//, '')}`,
  );
}

/** The chart parts a slide refers to, in the order its graphic frames appear. */
export async function chartPartsOf(zip: JSZip, slidePart: string): Promise<string[]> {
  const relsPath = slidePart.replace(/slides\/(slide\d+\.xml)$/, 'slides/_rels/$1.rels');
  const xml = await zip.file(slidePart)!.async('string');
  const rels = (await zip.file(relsPath)?.async('string')) ?? '';
  const byId = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship [^>]*>/g)) {
    const id = /Id="([^"]+)"/.exec(m[0])?.[1];
    const target = /Target="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) byId.set(id, target);
  }
  return [...xml.matchAll(/<c:chart r:id="([^"]+)"/g)].map((m) => {
    const target = byId.get(m[1]!) ?? '';
    return target.startsWith('/') ? target.slice(1) : `ppt/charts/${target.split('/').pop()}`;
  });
}

/**
 * Puts a pptxgenjs file right: the fixes above on every part they concern, connectors glued, notes
 * in paragraphs, the properties completed. Returns the new file's bytes.
 */
export async function finishPackage(bytes: Uint8Array, plan: DeckPlan, when: Date): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
  const read = (n: string): Promise<string> => zip.file(n)!.async('string');
  const slides = await slideParts(zip);
  const connectorSites = new Map(
    plan.slides.flatMap((s) => s.shapes.flatMap((sh) => (sh.kind === 'connector' ? [[sh.name, sh] as const] : []))),
  );
  for (const [i, part] of slides.entries()) {
    let xml = await read(part);
    const planned = plan.slides[i]!;
    const placeholders = new Map(
      planned.shapes.flatMap((sh) =>
        sh.kind === 'text' && sh.placeholder
          ? [
              [
                sh.placeholder,
                {
                  name: sh.name,
                  x: sh.box.x * EMU_PER_PX,
                  y: sh.box.y * EMU_PER_PX,
                  w: sh.box.w * EMU_PER_PX,
                  h: sh.box.h * EMU_PER_PX,
                },
              ] as const,
            ]
          : [],
      ),
    );
    xml = noEmptyPlaceholders(xml);
    xml = placeholderGeometry(xml, placeholders);
    xml = singleParagraphProperties(xml);
    xml = gluedConnectors(xml, connectorSites);
    xml = shapesWithTextBody(xml);
    xml = plainLinkedShapes(xml);
    xml = chineseRuns(xml, plan.fonts);
    zip.file(part, xml);
    const charts = planned.shapes.filter((s) => s.kind === 'chart');
    const parts = await chartPartsOf(zip, part);
    for (const [k, chartPart] of parts.entries()) {
      const frame = charts[k];
      if (!frame || frame.kind !== 'chart') continue;
      zip.file(chartPart, chineseRuns(chartSeries(await read(chartPart), frame.chart), plan.fonts));
      const rels =
        (await zip.file(chartPart.replace(/charts\/(chart\d+\.xml)$/, 'charts/_rels/$1.rels'))?.async('string')) ?? '';
      const sheet = /Target="\.\.\/embeddings\/([^"]+)"/.exec(rels)?.[1];
      if (sheet) {
        const book = await JSZip.loadAsync(await zip.file(`ppt/embeddings/${sheet}`)!.async('uint8array'));
        const ws = 'xl/worksheets/sheet1.xml';
        book.file(ws, sheetWithoutEmptyCells(await book.file(ws)!.async('string')));
        zip.file(`ppt/embeddings/${sheet}`, await book.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
      }
    }
  }
  for (const n of names) {
    if (/^ppt\/(slideLayouts|slideMasters)\/[^/]+\.xml$/.test(n)) {
      const fixed = shapesWithTextBody(singleParagraphProperties(noInheritedSpacing(await read(n))));
      zip.file(n, chineseRuns(fixed, plan.fonts));
    } else if (/^ppt\/notesSlides\/[^/]+\.xml$/.test(n)) {
      zip.file(n, chineseRuns(notesParagraphs(await read(n)), plan.fonts));
    } else if (/^ppt\/notesMasters\/[^/]+\.xml$/.test(n)) {
      zip.file(n, chineseRuns(await read(n), plan.fonts));
    } else if (/^ppt\/theme\/[^/]+\.xml$/.test(n)) {
      zip.file(n, themeFonts(await read(n), plan.fonts));
    }
  }
  zip.file('docProps/core.xml', coreProperties(await read('docProps/core.xml'), plan, when));
  const custom = customPropertyValues(plan);
  let types = existingOverrides(await read('[Content_Types].xml'), new Set(names));
  if (custom.length > 0) {
    zip.file('docProps/custom.xml', customProperties(custom));
    types = types.replace(
      '</Types>',
      '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>',
    );
    const rels = await read('_rels/.rels');
    zip.file(
      '_rels/.rels',
      rels.replace(
        '</Relationships>',
        '<Relationship Id="rIdCustom" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>',
      ),
    );
  }
  zip.file('[Content_Types].xml', types);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

/** The named deck settings worth keeping with the file (only those set). */
export function customPropertyValues(plan: DeckPlan): [string, string][] {
  return (plan.custom ?? []).filter(([, v]) => v.trim() !== '');
}
