import PptxGenJS from 'pptxgenjs';
import type { Run } from './blocks.ts';
import type { ChartFrame, DeckPlan, PlacedParagraph, PlannedSlide, TableFrame, TextFrame } from './plan.ts';
import { COLOR, PX_PER_INCH, SIZE, SLIDE } from './theme.ts';

/**
 * The pptxgenjs wiring: turns a `DeckPlan` into .pptx bytes. Nothing is decided here: positions,
 * sizes and text come from the plan; this only speaks pptxgenjs. What the library writes wrongly
 * or not at all is put right afterwards, part by part (ooxml.ts).
 */

/** Deck px → inches. */
const inch = (px: number): number => Math.round((px / PX_PER_INCH) * 10000) / 10000;
/** Deck px → points. */
const pt = (px: number): number => Math.round(px * (72 / PX_PER_INCH) * 100) / 100;

/** Names of the two slide layouts the file's master defines. */
export const LAYOUTS = { title: '标题幻灯片', content: '标题和内容' } as const;

type TextRun = PptxGenJS.TextProps;

type RunProps = NonNullable<TextRun['options']>;

function runOptions(run: Run, p: PlacedParagraph, frame: TextFrame, index: (id: string) => number): RunProps {
  const size = p.size ?? frame.metrics.size;
  const o: RunProps = {
    fontSize: pt(run.small && !p.size ? size * 0.8 : size),
    bold: p.bold ?? frame.bold ?? false,
    color: p.color ?? frame.color,
  };
  if (run.bold) {
    o.bold = true;
    // As on the web deck: strong text is set in the accent colour (not on coloured tiles).
    if (!frame.fill || frame.fill === COLOR.white || frame.fill === COLOR.soft) o.color = COLOR.accent;
  }
  if (run.italic) o.italic = true;
  if (run.strike) o.strike = 'sngStrike';
  if (run.sup) o.superscript = true;
  if (run.sub) o.subscript = true;
  if (run.code) o.fontFace = 'Consolas';
  if (run.small && !p.size) o.color = COLOR.muted;
  if (run.link && 'slide' in run.link) {
    const n = index(run.link.slide);
    if (n > 0) o.hyperlink = { slide: n };
    o.color = COLOR.accent2;
  } else if (run.link) {
    o.hyperlink = { url: run.link.url };
    o.color = COLOR.accent2;
  }
  return o;
}

/** A frame's paragraphs as pptxgenjs text runs: paragraph properties on each paragraph's first run. */
export function textRuns(frame: TextFrame, index: (id: string) => number): TextRun[] {
  const out: TextRun[] = [];
  frame.paragraphs.forEach((p, pi) => {
    const size = p.size ?? frame.metrics.size;
    const align = p.align ?? frame.align;
    const runs = p.runs.length > 0 ? p.runs : [{ text: '' }];
    let softBreak = false;
    runs.forEach((run, ri) => {
      if (run.lineBreak) {
        softBreak = true;
        return;
      }
      const options = runOptions(run, p, frame, index);
      options.align = align;
      if (softBreak) options.softBreakBefore = true;
      softBreak = false;
      if (ri === 0 || out.length === 0 || out.at(-1)?.options?.breakLine) {
        options.lineSpacing = pt(size * frame.metrics.lineHeight);
        if (pi < frame.paragraphs.length - 1)
          options.paraSpaceAfter = pt(frame.metrics.paragraphGap * frame.metrics.size);
        if (p.bullet) {
          options.bullet = p.bullet.ordered
            ? { type: 'number', indent: pt(frame.metrics.bulletIndent * frame.metrics.size) }
            : { indent: pt(frame.metrics.bulletIndent * frame.metrics.size) };
          if (p.bullet.level > 0) options.indentLevel = p.bullet.level;
        }
      }
      out.push({ text: run.text, options });
    });
    const last = out.at(-1);
    if (last && pi < frame.paragraphs.length - 1) last.options = { ...last.options, breakLine: true };
  });
  return out;
}

function box(b: { x: number; y: number; w: number; h: number }): PptxGenJS.PositionProps {
  return { x: inch(b.x), y: inch(b.y), w: inch(b.w), h: inch(b.h) };
}

function addText(
  pptx: PptxGenJS,
  slide: PptxGenJS.Slide,
  f: TextFrame,
  index: (id: string) => number,
  fontFace: string,
): void {
  const inset = pt(f.inset);
  const options: PptxGenJS.TextPropsOptions = {
    ...box(f.box),
    objectName: f.name,
    margin: [inset, inset, inset, inset],
    valign: f.valign,
    align: f.align,
    color: f.color,
    fontSize: pt(f.metrics.size),
    lang: 'zh-CN',
    fontFace,
    fit: 'none',
    wrap: true,
  };
  if (f.placeholder) options.placeholder = f.placeholder;
  if (f.fill) options.fill = { color: f.fill };
  if (f.line) options.line = { color: f.line.color, width: f.line.width, dashType: f.line.dash ?? 'solid' };
  if (f.geometry === 'roundRect') {
    options.shape = pptx.ShapeType.roundRect;
    options.rectRadius = 0.08;
  } else if (f.fill || f.line) {
    options.shape = pptx.ShapeType.rect;
  }
  const runs = textRuns(f, index);
  if (f.link) {
    const n = index(f.link.slide);
    // pptxgenjs registers a link's relationship only for runs: the shape shares its first run's link
    // object, which receives the relationship id (ooxml.ts then drops the runs' own links).
    const link = { slide: n, tooltip: f.link.tooltip };
    if (n > 0 && runs[0]) {
      options.hyperlink = link;
      runs[0].options = { ...runs[0].options, hyperlink: link };
    }
  }
  slide.addText(runs, options);
}

function addChart(pptx: PptxGenJS, slide: PptxGenJS.Slide, f: ChartFrame): void {
  const c = f.chart;
  const labelPt = pt(20);
  const type = ({ line: 'line', 'stacked-area': 'area', bar: 'bar' } as const)[c.type];
  slide.addChart(
    pptx.ChartType[type],
    c.series.map((s) => ({
      name: s.name,
      labels: c.categories,
      values: s.values.map((v) => (v === null ? null : v)) as number[],
    })),
    {
      ...box(f.box),
      objectName: f.name,
      altText: c.title,
      chartColors: c.series.map((s) => s.color),
      // The web's areas are 75% opaque with a white edge between the layers; columns stand side by side.
      ...(c.type === 'stacked-area'
        ? { barGrouping: 'stacked', chartColorsOpacity: 75, dataBorder: { pt: 1, color: COLOR.white } }
        : c.type === 'bar'
          ? { barDir: 'col', barGrouping: 'clustered', barGapWidthPct: 50 }
          : {}),
      lineSize: 2,
      lineDataSymbol: 'circle',
      lineDataSymbolSize: 6,
      displayBlanksAs: 'gap',
      showLegend: true,
      legendPos: 't',
      legendFontSize: labelPt,
      legendFontFace: 'Arial',
      catAxisLabelFontSize: labelPt,
      valAxisLabelFontSize: labelPt,
      catAxisLabelFrequency: String(c.labelEvery),
      catAxisLabelColor: COLOR.fg,
      valAxisLabelColor: COLOR.fg,
      valAxisMinVal: c.valueMin,
      valAxisMaxVal: c.valueMax,
      valAxisMajorUnit: c.valueStep,
      valGridLine: { color: 'E5E5E5', size: 0.75 },
      catGridLine: { style: 'none' },
      showValAxisTitle: true,
      valAxisTitle: c.axisTitle,
      valAxisTitleFontSize: labelPt,
      valAxisTitleColor: COLOR.muted,
      catAxisOrientation: 'minMax',
      chartArea: { fill: { color: COLOR.white } },
    },
  );
}

function addTable(slide: PptxGenJS.Slide, f: TableFrame): void {
  const cell = (runs: Run[], header: boolean): PptxGenJS.TableCell => ({
    text: runs.map((r) => r.text).join(''),
    options: {
      bold: header,
      fontSize: pt(f.size),
      color: COLOR.fg,
      lang: 'zh-CN',
      fill: header ? { color: COLOR.soft } : undefined,
    },
  });
  const rows: PptxGenJS.TableRow[] = [];
  if (f.header) rows.push(f.header.map((c) => cell(c, true)));
  for (const r of f.rows) rows.push(r.map((c) => cell(c, false)));
  slide.addTable(rows, { ...box(f.box), objectName: f.name, border: { type: 'solid', color: COLOR.rule, pt: 0.75 } });
}

function addSlide(pptx: PptxGenJS, s: PlannedSlide, index: (id: string) => number, fontFace: string): void {
  const slide = pptx.addSlide({ masterName: LAYOUTS[s.layout], sectionTitle: s.section });
  for (const shape of s.shapes) {
    if (shape.kind === 'text') addText(pptx, slide, shape, index, fontFace);
    else if (shape.kind === 'decor') {
      slide.addShape(pptx.ShapeType.rect, {
        ...box(shape.box),
        objectName: shape.name,
        fill: { color: shape.fill },
        line: { type: 'none' },
      });
    } else if (shape.kind === 'connector') {
      const [x1, y1] = shape.start;
      const [x2, y2] = shape.end;
      slide.addShape(pptx.ShapeType.line, {
        x: inch(Math.min(x1, x2)),
        y: inch(Math.min(y1, y2)),
        w: inch(Math.abs(x2 - x1)),
        h: inch(Math.abs(y2 - y1)),
        flipH: x2 < x1,
        flipV: y2 < y1,
        objectName: shape.name,
        line: { color: shape.color, width: shape.width, endArrowType: shape.arrow ? 'triangle' : undefined },
      });
    } else if (shape.kind === 'chart') addChart(pptx, slide, shape);
    else if (shape.kind === 'image')
      slide.addImage({ ...box(shape.box), path: shape.path, altText: shape.alt, objectName: shape.name });
    else addTable(slide, shape);
  }
  slide.addNotes(s.notes.join('\n'));
}

/** The slide master: white, the slide number at the bottom right, a title slide and a content slide. */
function defineLayouts(pptx: PptxGenJS, fontFace: string): void {
  const slideNumber: PptxGenJS.SlideNumberProps = {
    x: inch(SLIDE.width - 200),
    y: inch(SLIDE.height - 44),
    w: inch(128),
    h: inch(28),
    fontFace,
    fontSize: pt(SIZE.slideNumber),
    color: COLOR.muted,
    align: 'right',
  };
  /** A master with a title and a body placeholder in these boxes (inches). */
  type Box = { x: number; y: number; w: number; h: number };
  const master = (title: string, titleBox: Box, bodyBox: Box): void =>
    pptx.defineSlideMaster({
      title,
      background: { color: COLOR.white },
      slideNumber,
      objects: [
        { placeholder: { options: { name: 'title', type: 'title', ...titleBox }, text: '' } },
        { placeholder: { options: { name: 'body', type: 'body', ...bodyBox }, text: '' } },
      ],
    });
  master(LAYOUTS.title, { x: 1, y: 2.5, w: 11.33, h: 1.2 }, { x: 1, y: 4, w: 11.33, h: 1 });
  master(LAYOUTS.content, { x: 0.6, y: 0.4, w: 12.13, h: 0.9 }, { x: 0.6, y: 1.6, w: 12.13, h: 5.2 });
}

/** Writes the plan with pptxgenjs; returns the .pptx bytes (before ooxml.ts puts them right). */
export async function writePlan(plan: DeckPlan): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = plan.properties.title;
  pptx.subject = plan.properties.subject;
  pptx.author = plan.properties.author;
  pptx.company = '';
  pptx.theme = { headFontFace: plan.fonts.eastAsian, bodyFontFace: plan.fonts.eastAsian };
  defineLayouts(pptx, plan.fonts.eastAsian);
  const positions = new Map(plan.slides.map((s, i) => [s.id, i + 1]));
  const index = (id: string): number => positions.get(id) ?? 0;
  for (const section of plan.sections) pptx.addSection({ title: section.title });
  for (const s of plan.slides) addSlide(pptx, s, index, plan.fonts.eastAsian);
  // Stored, not compressed: ooxml.ts rewrites the package and compresses it once.
  const out = (await pptx.write({ outputType: 'uint8array', compression: false })) as Uint8Array;
  return out;
}
