import { EDITORIAL_TAG } from '../../markdown/compile.ts';
import type { Slide } from '../../markdown/types.ts';
import type { OutlineNode } from '../../structure/outline.ts';
import { slideBlocks, type Block, type Paragraph, type Run } from './blocks.ts';
import { isNativeChart, type ChartPlan, type TilesPlan } from './charts.ts';
import { diagramShapes } from './diagram.ts';
import { LINE_HEIGHT, textHeight, type TextMetrics } from './measure.ts';
import type { Box, PlacedParagraph, Shape, TextFrame } from './plan.ts';
import { TEXT } from './strings.ts';
import { COLOR, PAD, SIZE, SLIDE } from './theme.ts';

/**
 * Places one slide's blocks on a 16:9 PowerPoint slide the way the web deck's layouts do
 * (assets/styles/theme.css): the title in the title placeholder over an accent rule, then the
 * blocks top to bottom; title, statement and quote slides centred. Every text box is measured
 * (measure.ts) and the slide's sizes shrink together, down to 60%, until everything fits, so no box
 * overflows with the fonts the file names. Pure.
 */

/** What a slide's layout needs besides the slide itself. */
export interface LayoutContext {
  /** Whether editorial slides show their quiet 编者概括 tag (deck setting). */
  showEditorialMarks: boolean;
  /** Each chart's PowerPoint plan, by the deck's chart id. */
  charts: ReadonlyMap<string, ChartPlan | TilesPlan>;
  /** The deck's outline (the structure diagram). */
  outline: OutlineNode;
  /** Titles of slides by id (tooltips of links). */
  titles: ReadonlyMap<string, string>;
  /** A picture's file and pixel size, or null when it cannot be read. */
  image?: (src: string) => { path: string; width: number; height: number } | null;
}

/** One laid-out slide. */
export interface LaidOutSlide {
  layout: 'title' | 'content';
  title: string;
  shapes: Shape[];
}

const CONTENT: Box = {
  x: PAD.side,
  y: PAD.top,
  w: SLIDE.width - 2 * PAD.side,
  h: SLIDE.height - PAD.top - PAD.bottom,
};

/** Extra height a frame gets beyond its lines: room for the first line's ascent with any font. */
const SLACK = 0.25;

/** Smallest scale the slide's sizes shrink to before a slide is reported as too full. */
export const MIN_SCALE = 0.6;

function bodyMetrics(size: number, lineHeight: number = LINE_HEIGHT.body): TextMetrics {
  return { size, lineHeight, paragraphGap: 0.3, bulletIndent: 1.1 };
}

/** A text frame of the given paragraphs, sized to hold them at width `w`. */
function textFrame(
  name: string,
  paragraphs: PlacedParagraph[],
  at: { x: number; y: number; w: number },
  m: TextMetrics,
  extra: Partial<TextFrame> = {},
): TextFrame {
  const inset = extra.inset ?? 0;
  const h = textHeight(paragraphs, at.w - 2 * inset, m) + 2 * inset + SLACK * m.size;
  return {
    kind: 'text',
    name,
    box: { x: at.x, y: at.y, w: at.w, h: Math.ceil(h) },
    paragraphs,
    metrics: m,
    color: COLOR.fg,
    align: 'left',
    valign: 'top',
    inset,
    ...extra,
  };
}

function moved<T extends Shape>(shape: T, dy: number): T {
  if (shape.kind === 'connector') {
    return { ...shape, start: [shape.start[0], shape.start[1] + dy], end: [shape.end[0], shape.end[1] + dy] };
  }
  return { ...shape, box: { ...shape.box, y: shape.box.y + dy } };
}

/** A block placed in the body: its height at a scale, and its shapes at a position. */
interface Item {
  /** Fixed height at scale `s`, or null for a block that takes the room left (chart, diagram). */
  height(s: number): number | null;
  /** Smallest useful height of a flexible block. */
  min?: number;
  place(y: number, h: number, s: number): Shape[];
}

const isSmall = (p: Paragraph): boolean => p.runs.length > 0 && p.runs.every((r) => r.small || r.lineBreak);

/** Paragraphs of body text with their sizes: `<small>` notes smaller and muted. */
function bodyParagraphs(paragraphs: readonly Paragraph[], size: number): PlacedParagraph[] {
  return paragraphs.map((p) => (isSmall(p) ? { ...p, size: SIZE.small * (size / SIZE.body), color: COLOR.muted } : p));
}

interface ItemOptions {
  layout: string;
  classes: readonly string[];
  ctx: LayoutContext;
  /** Whether the body placeholder is still free (the first text block takes it). */
  body: { free: boolean };
}

function textItem(paragraphs: Paragraph[], o: ItemOptions, n: number): Item[] {
  const statement = o.layout === 'statement';
  const cards = o.classes.includes('cards');
  const groups: { bullet: boolean; paragraphs: Paragraph[] }[] = [];
  for (const p of paragraphs) {
    const bullet = !!p.bullet;
    const last = groups.at(-1);
    // Statement slides set their sentence large and bold, their list at body size; card slides
    // turn their list into tiles.
    if (last && (!(statement || cards) || last.bullet === bullet)) last.paragraphs.push(p);
    else groups.push({ bullet, paragraphs: [p] });
  }
  return groups.flatMap((g, i) => {
    if (cards && g.bullet) return [cardsItem(g.paragraphs)];
    const twoCol = o.layout === 'two-col' && g.bullet;
    const big = statement && !g.bullet;
    const placeholder = o.body.free && !twoCol;
    if (placeholder) o.body.free = false;
    const name = `正文 ${n}${groups.length > 1 ? `-${i + 1}` : ''}`;
    const make = (y: number, s: number): TextFrame[] => {
      const size = (big ? SIZE.statement : SIZE.body) * s;
      const m = bodyMetrics(size, big ? 1.45 : LINE_HEIGHT.body);
      const paras = bodyParagraphs(g.paragraphs, size);
      const extra: Partial<TextFrame> = {
        bold: big,
        bulletColor: COLOR.accent,
        placeholder: placeholder ? 'body' : undefined,
      };
      if (!twoCol) return [textFrame(name, paras, { x: CONTENT.x, y, w: CONTENT.w }, m, extra)];
      const gap = 64 * s;
      const w = (CONTENT.w - gap) / 2;
      const half = Math.ceil(paras.length / 2);
      return [paras.slice(0, half), paras.slice(half)]
        .filter((c) => c.length > 0)
        .map((c, k) => textFrame(`${name} 第${k + 1}栏`, c, { x: CONTENT.x + k * (w + gap), y, w }, m, extra));
    };
    return [
      {
        height: (s) => Math.max(...make(0, s).map((f) => f.box.h)),
        place: (y, _h, s) => make(y, s),
      },
    ];
  });
}

/** An item `make` draws at any top `y`: its height is the bottom of what it draws at 0. */
function drawnItem(make: (y: number, s: number) => Shape[]): Item {
  return {
    height: (s) => Math.max(...make(0, s).map((sh) => ('box' in sh ? sh.box.y + sh.box.h : 0))),
    place: (y, _h, s) => make(y, s),
  };
}
/** `.cards`: the list as a grid of tiles, three a row (theme.css `section.cards`). */
function cardsItem(paragraphs: Paragraph[]): Item {
  const make = (y: number, s: number): Shape[] => {
    const cols = 3;
    const gap = 24 * s;
    const w = (CONTENT.w - (cols - 1) * gap) / cols;
    const size = SIZE.card * s;
    const m = bodyMetrics(size, LINE_HEIGHT.heading);
    const frames = paragraphs.map((p, i) =>
      textFrame(`卡片 ${i + 1}`, [{ runs: p.runs }], { x: 0, y: 0, w }, m, {
        inset: 24 * s,
        bold: true,
        color: COLOR.accent,
        align: 'center',
        valign: 'middle',
        fill: COLOR.soft,
      }),
    );
    const rowH = Math.max(...frames.map((f) => f.box.h));
    const out: Shape[] = [];
    frames.forEach((f, i) => {
      const x = CONTENT.x + (i % cols) * (w + gap);
      const top = y + Math.floor(i / cols) * (rowH + 6 * s + gap);
      out.push({
        kind: 'decor',
        name: `decor:卡片 ${i + 1} 上边`,
        box: { x, y: top, w, h: 6 * s },
        fill: COLOR.accent,
      });
      out.push({ ...f, box: { x, y: top + 6 * s, w, h: rowH } });
    });
    return out;
  };
  return drawnItem(make);
}

function quoteItem(block: Extract<Block, { kind: 'quote' }>, o: ItemOptions, n: number): Item {
  const make = (y: number, s: number): Shape[] => {
    const size = (o.layout === 'quote' ? SIZE.quote : SIZE.body * 1.05) * s;
    const m = bodyMetrics(size);
    const paras: PlacedParagraph[] = block.paragraphs.map((p) => ({ ...p }));
    if (block.attribution) {
      paras.push({
        runs: [{ text: '—— ' }, ...block.attribution],
        align: 'right',
        size: size * 0.8,
        color: COLOR.muted,
      });
    }
    const attributed = block.attribution !== null;
    const bar = (attributed ? 8 : 6) * s;
    const frame = textFrame(`引文 ${n}`, paras, { x: CONTENT.x + bar, y, w: CONTENT.w - bar }, m, {
      inset: 0.6 * size,
      fill: attributed ? COLOR.soft : undefined,
    });
    return [
      {
        kind: 'decor',
        name: `decor:引文 ${n} 左线`,
        box: { x: CONTENT.x, y, w: bar, h: frame.box.h },
        fill: attributed ? COLOR.accent : COLOR.rule,
      },
      frame,
    ];
  };
  return {
    height: (s) => Math.max(...make(0, s).map((sh) => ('box' in sh ? sh.box.h : 0))),
    place: (y, _h, s) => make(y, s),
  };
}

function headingItem(block: Extract<Block, { kind: 'heading' }>, n: number): Item {
  const make = (y: number, s: number): TextFrame => {
    const size = (block.level <= 3 ? SIZE.h3 : SIZE.body) * s;
    return textFrame(
      `小标题 ${n}`,
      [{ runs: block.runs }],
      { x: CONTENT.x, y, w: CONTENT.w },
      bodyMetrics(size, LINE_HEIGHT.heading),
      {
        bold: true,
        color: COLOR.accent,
      },
    );
  };
  return { height: (s) => make(0, s).box.h, place: (y, _h, s) => [make(y, s)] };
}

/** Lines under a chart: what the web writes on the plot, the source, the footnote. */
function chartNotes(plan: ChartPlan | TilesPlan, s: number): PlacedParagraph[] {
  const callouts = isNativeChart(plan) ? plan.callouts : [];
  return [
    ...callouts.map((c) => ({ runs: [{ text: c }], size: 22 * s, color: COLOR.fg })),
    { runs: [{ text: TEXT.source(plan.source) }], size: SIZE.source * s, color: COLOR.fg },
    ...(plan.footnote ? [{ runs: [{ text: TEXT.note(plan.footnote) }], size: 18 * s, color: COLOR.muted }] : []),
  ];
}

function chartItem(id: string, o: ItemOptions, n: number): Item {
  const plan = o.ctx.charts.get(id);
  if (!plan) return { height: () => 0, place: () => [] };
  const notes = (y: number, s: number): TextFrame =>
    textFrame(`图表 ${n} 来源`, chartNotes(plan, s), { x: CONTENT.x, y, w: CONTENT.w }, bodyMetrics(22 * s, 1.3), {
      color: COLOR.fg,
    });
  if (!isNativeChart(plan)) return tilesItem(plan, notes);
  return {
    height: () => null,
    min: 300,
    place: (y, h, s) => {
      const caption = notes(0, s);
      const chartH = h - caption.box.h - 8 * s;
      return [
        {
          kind: 'chart',
          name: `图表 ${n}：${plan.chart.title}`,
          chartId: id,
          box: { x: CONTENT.x, y, w: CONTENT.w, h: chartH },
          chart: plan.chart,
        },
        { ...caption, box: { ...caption.box, y: y + chartH + 8 * s } },
      ];
    },
  };
}

/** The ranked cities: a row band per size class, a tile per city (rank, name, population where published). */
function tilesItem(plan: TilesPlan, notes: (y: number, s: number) => TextFrame): Item {
  const make = (y: number, s: number): Shape[] => {
    const labelW = 150 * s;
    const cols = 7;
    const gap = 12 * s;
    const w = (CONTENT.w - labelW - (cols - 1) * gap) / cols;
    const tileH = 116 * s;
    const out: Shape[] = [];
    let top = y;
    plan.classes.forEach((cls, c) => {
      const mega = c === 0;
      out.push(
        textFrame(
          `${cls.name}`,
          [
            { runs: [{ text: cls.name }], bold: true },
            { runs: [{ text: cls.count }], size: 22 * s, color: COLOR.muted },
          ],
          { x: CONTENT.x, y: top, w: labelW - 8 * s },
          bodyMetrics(26 * s, 1.3),
        ),
      );
      cls.cities.forEach((city, i) => {
        const x = CONTENT.x + labelW + (i % cols) * (w + gap);
        const ty = top + Math.floor(i / cols) * (tileH + gap);
        const paras: PlacedParagraph[] = [
          { runs: [{ text: String(city.rank) }], size: 18 * s, align: 'left', bold: false },
          { runs: [{ text: city.name }], bold: true },
        ];
        if (city.value) paras.push({ runs: [{ text: city.value }], size: 18 * s, bold: false });
        out.push({
          ...textFrame(`城市 ${city.rank} ${city.name}`, paras, { x, y: ty, w }, bodyMetrics(28 * s, 1.2), {
            inset: 8 * s,
            align: 'center',
            valign: 'top',
            fill: mega ? COLOR.accent : COLOR.white,
            color: mega ? COLOR.white : COLOR.fg,
            line: mega ? undefined : { color: '7F7F7F', width: 1, dash: 'dash' },
            geometry: 'roundRect',
          }),
          box: { x, y: ty, w, h: tileH },
        });
      });
      top += Math.ceil(cls.cities.length / cols) * (tileH + gap) + 24 * s;
    });
    const caption = notes(top, s);
    out.push(caption);
    return out;
  };
  return drawnItem(make);
}

function structureItem(o: ItemOptions): Item {
  return {
    height: () => null,
    min: 200,
    place: (y, h) => diagramShapes(o.ctx.outline, { x: CONTENT.x, y, w: CONTENT.w, h }).shapes,
  };
}

function imageItem(block: Extract<Block, { kind: 'image' }>, o: ItemOptions, n: number): Item {
  const file = o.ctx.image?.(block.src) ?? null;
  if (!file) return { height: () => 0, place: () => [] };
  return {
    height: () => null,
    min: 120,
    place: (y, h) => {
      const ratio = file.width / Math.max(1, file.height);
      const w = Math.min(CONTENT.w, h * ratio);
      const ih = w / ratio;
      return [
        {
          kind: 'image',
          name: `图片 ${n}`,
          box: { x: CONTENT.x + (CONTENT.w - w) / 2, y, w, h: ih },
          path: file.path,
          alt: block.alt,
        },
      ];
    },
  };
}

function tableItem(block: Extract<Block, { kind: 'table' }>, n: number): Item {
  const rows = (block.header ? 1 : 0) + block.rows.length;
  const rowH = (s: number): number => SIZE.body * 0.8 * s * 1.6;
  return {
    height: (s) => rows * rowH(s),
    place: (y, _h, s) => [
      {
        kind: 'table',
        name: `表格 ${n}`,
        box: { x: CONTENT.x, y, w: CONTENT.w, h: rows * rowH(s) },
        header: block.header,
        rows: block.rows,
        size: SIZE.body * 0.8 * s,
      },
    ],
  };
}

function items(blocks: readonly Block[], o: ItemOptions): Item[] {
  const out: Item[] = [];
  let n = 0;
  for (const b of blocks) {
    n += 1;
    if (b.kind === 'text') out.push(...textItem(b.paragraphs, o, n));
    else if (b.kind === 'quote') out.push(quoteItem(b, o, n));
    else if (b.kind === 'heading') out.push(headingItem(b, n));
    else if (b.kind === 'chart') out.push(chartItem(b.id, o, n));
    else if (b.kind === 'structure') out.push(structureItem(o));
    else if (b.kind === 'image') out.push(imageItem(b, o, n));
    else out.push(tableItem(b, n));
  }
  return out;
}

function titleFrame(runs: Run[], s: number, w: number): TextFrame {
  const size = SIZE.h2 * s;
  return textFrame('标题', [{ runs }], { x: CONTENT.x, y: CONTENT.y, w }, bodyMetrics(size, LINE_HEIGHT.heading), {
    placeholder: 'title',
    bold: true,
    valign: 'bottom',
  });
}

/**
 * The quiet tag at the top right of an editorial slide: 概括, as on the projected deck
 * (src/markdown/compile.ts EDITORIAL_TAG); the shape is named 编者概括 in the selection pane.
 */
function editorialTag(): TextFrame {
  const size = SIZE.tag;
  const w = [...EDITORIAL_TAG].length * size + 2 * 12 + 8;
  return textFrame(
    TEXT.editorialTag,
    [{ runs: [{ text: EDITORIAL_TAG }] }],
    { x: CONTENT.x + CONTENT.w - w, y: 14, w },
    bodyMetrics(size, 1.3),
    {
      inset: 6,
      color: COLOR.muted,
      align: 'center',
      line: { color: COLOR.muted, width: 0.75, dash: 'dash' },
      geometry: 'roundRect',
    },
  );
}

/** Lays out one slide. */
export function layoutSlide(slide: Slide, ctx: LayoutContext): LaidOutSlide {
  const blocks = slideBlocks(slide.html);
  const headingAt = blocks.findIndex((b) => b.kind === 'heading');
  const heading = headingAt >= 0 ? (blocks[headingAt] as Extract<Block, { kind: 'heading' }>) : null;
  const rest = blocks.filter((_, i) => i !== headingAt);
  const tag = slide.editorial && ctx.showEditorialMarks ? [editorialTag()] : [];
  // The title keeps clear of the tag in the top right corner.
  const titleW = tag.length > 0 ? tag[0]!.box.x - CONTENT.x - 16 : CONTENT.w;
  if (slide.layout === 'title')
    return { layout: 'title', title: slide.title, shapes: [...titleSlide(heading, rest), ...tag] };

  const centred = ['statement', 'quote'].includes(slide.layout);
  const o: ItemOptions = { layout: slide.layout, classes: slide.classes, ctx, body: { free: true } };
  const body = items(rest, o);
  let best: Shape[] = [];
  for (let s = 1; s >= MIN_SCALE - 1e-9; s -= 0.05) {
    const placed = compose(heading?.runs ?? [{ text: slide.title }], body, s, centred, titleW);
    best = placed.shapes;
    if (placed.fits) break;
  }
  return { layout: 'content', title: slide.title, shapes: [...best, ...tag] };
}

function compose(
  titleRuns: Run[],
  body: Item[],
  s: number,
  centred: boolean,
  titleW: number,
): { shapes: Shape[]; fits: boolean } {
  const title = titleFrame(titleRuns, s, titleW);
  const ruleGap = 0.3 * SIZE.h2 * s;
  const rule = 4 * s;
  const bodyGap = 0.6 * SIZE.h2 * s;
  const header = title!.box.h + ruleGap + rule + bodyGap;
  const gap = 0.6 * SIZE.body * s;
  const fixed = body.map((b) => b.height(s));
  const flex = body.filter((_, i) => fixed[i] === null);
  const fixedTotal = fixed.reduce<number>((a, h) => a + (h ?? 0), 0) + Math.max(0, body.length - 1) * gap;
  const room = CONTENT.h - header;
  const flexMin = flex.reduce((a, b) => a + (b.min ?? 0), 0);
  const fits = fixedTotal + flexMin <= room;
  const flexEach = flex.length > 0 ? Math.max(0, room - fixedTotal) / flex.length : 0;
  const total = header + fixedTotal + flexEach * flex.length;
  const top = centred && flex.length === 0 ? CONTENT.y + Math.max(0, (CONTENT.h - total) / 2) : CONTENT.y;
  const shapes: Shape[] = [];
  shapes.push(moved(title!, top - CONTENT.y));
  const ruleY = top + title!.box.h + ruleGap;
  shapes.push({
    kind: 'decor',
    name: 'decor:标题下线',
    box: { x: CONTENT.x, y: ruleY, w: CONTENT.w, h: rule },
    fill: COLOR.accent,
  });
  let y = ruleY + rule + bodyGap;
  body.forEach((item, i) => {
    const h = fixed[i] ?? flexEach;
    shapes.push(...item.place(y, h, s));
    y += h + gap;
  });
  return { shapes, fits };
}

function titleSlide(heading: Extract<Block, { kind: 'heading' }> | null, rest: Block[]): Shape[] {
  const w = SLIDE.width - 240;
  const x = 120;
  const title = textFrame(
    '标题',
    [{ runs: heading?.runs ?? [] }],
    { x, y: 0, w },
    bodyMetrics(SIZE.h1, LINE_HEIGHT.heading),
    {
      placeholder: 'title',
      bold: true,
      color: COLOR.accent,
      align: 'center',
      valign: 'bottom',
    },
  );
  const paragraphs = rest.flatMap((b) =>
    b.kind === 'text' || b.kind === 'quote' ? b.paragraphs : b.kind === 'heading' ? [{ runs: b.runs }] : [],
  );
  const sub =
    paragraphs.length > 0
      ? textFrame('副标题', paragraphs, { x, y: 0, w }, bodyMetrics(SIZE.body), {
          placeholder: 'body',
          color: COLOR.muted,
          align: 'center',
        })
      : null;
  const gap = 0.6 * SIZE.h1;
  const total = title.box.h + (sub ? gap + sub.box.h : 0);
  const top = (SLIDE.height - total) / 2;
  const out: Shape[] = [moved(title, top)];
  if (sub) out.push(moved(sub, top + title.box.h + gap));
  return out;
}
