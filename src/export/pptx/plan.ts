import type { Paragraph, Run } from './blocks.ts';
import type { TextMetrics } from './measure.ts';

/**
 * The PowerPoint file as plain data: every slide's shapes placed in the deck's 1600×900 space,
 * its notes and its section. Made by pure functions (layout.ts, diagram.ts, charts.ts) and turned
 * into a file by write.ts, so what goes on a slide is tested without writing a file.
 */

/** A rectangle in the deck's slide space, px. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A paragraph as placed: its runs, bullet, and how it differs from the frame it sits in. */
export interface PlacedParagraph extends Paragraph {
  align?: 'left' | 'center' | 'right';
  /** Font size of this paragraph when it is not the frame's (px; never larger than the frame's). */
  size?: number;
  color?: string;
  bold?: boolean;
}

/** A text box (or a filled shape holding text). */
export interface TextFrame {
  kind: 'text';
  /** The object's name in PowerPoint's selection pane. */
  name: string;
  box: Box;
  paragraphs: PlacedParagraph[];
  metrics: TextMetrics;
  color: string;
  bold?: boolean;
  align: 'left' | 'center' | 'right';
  valign: 'top' | 'middle' | 'bottom';
  /** Inner margin on every side, px. */
  inset: number;
  /** A placeholder of the slide layout (PowerPoint's outline view and screen readers read these). */
  placeholder?: 'title' | 'body';
  fill?: string;
  line?: { color: string; width: number; dash?: 'solid' | 'dash' | 'sysDash' | 'dashDot' };
  geometry?: 'rect' | 'roundRect';
  /** Colour of bullet characters. */
  bulletColor?: string;
  /** The whole shape is a link (a node of the structure diagram). */
  link?: { slide: string; tooltip: string };
}

/** A filled shape without text (a rule, a quotation's bar). Named `decor:…`. */
export interface DecorShape {
  kind: 'decor';
  name: string;
  box: Box;
  fill: string;
}

/** A connector glued to two shapes (by name): it follows them when an organiser moves them. */
export interface Connector {
  kind: 'connector';
  name: string;
  from: string;
  to: string;
  /** Connection sites of a rectangle: 0 top, 1 left, 2 bottom, 3 right. */
  fromSite: 0 | 1 | 2 | 3;
  toSite: 0 | 1 | 2 | 3;
  /** Start and end points, px (straight connectors). */
  start: [number, number];
  end: [number, number];
  color: string;
  width: number;
  arrow: boolean;
}

/** One series of a native chart. */
export interface ChartSeries {
  name: string;
  /** One value per category; null where the data has no value (drawn as a gap). */
  values: (number | null)[];
  color: string;
  /** Marker of the series' points ('none': a plain line). */
  symbol: 'circle' | 'square' | 'triangle' | 'diamond' | 'star' | 'x' | 'dash' | 'none';
  /** Points drawn differently from the series' own marker: hollow (third-party values) or marked alone. */
  points?: { index: number; symbol: ChartSeries['symbol']; hollow: boolean }[];
  /** Line dash (OOXML preset); 'none' draws markers only. */
  dash: 'solid' | 'dash' | 'lgDash' | 'sysDash' | 'sysDot' | 'lgDashDot' | 'none';
  /** Line width, pt. */
  lineWidth: number;
  markerSize: number;
}

/** A native (editable) PowerPoint chart with its data. */
export interface NativeChart {
  /**
   * What PowerPoint draws: lines, areas stacked on each other (each series holds its own values;
   * PowerPoint adds them up, so the stack stays right when a value is edited), or columns side by side.
   */
  type: 'line' | 'stacked-area' | 'bar';
  /** The chart's name: alt text and the chart's title in the data sheet. */
  title: string;
  /** Category labels: one per year from the first to the last year drawn. */
  categories: string[];
  series: ChartSeries[];
  /** Axis title with the unit, e.g. 城镇化率（%）. */
  axisTitle: string;
  valueMin: number;
  valueMax: number;
  valueStep: number;
  /** Show every n-th category label. */
  labelEvery: number;
}

/** A native chart placed on a slide. */
export interface ChartFrame {
  kind: 'chart';
  name: string;
  /** The deck's chart id (`chart-qi-trend`). */
  chartId: string;
  box: Box;
  chart: NativeChart;
}

/** A picture from the deck's public/ folder (a photo or figure the author placed; never text). */
export interface ImageFrame {
  kind: 'image';
  name: string;
  box: Box;
  /** Absolute path of the file. */
  path: string;
  alt: string;
}

/** A native table. */
export interface TableFrame {
  kind: 'table';
  name: string;
  box: Box;
  header: Run[][] | null;
  rows: Run[][][];
  size: number;
}

export type Shape = TextFrame | DecorShape | Connector | ChartFrame | ImageFrame | TableFrame;

/** One PowerPoint slide. */
export interface PlannedSlide {
  /** The deck slide's id. */
  id: string;
  title: string;
  /** PowerPoint section (the part's label: 开篇, 起, …). */
  section: string;
  /** Slide layout of the master: the title slide, or a slide with a title and content. */
  layout: 'title' | 'content';
  shapes: Shape[];
  /** Speaker notes, one entry per paragraph. */
  notes: string[];
}

/** The fonts written on every run. */
export interface PptxFonts {
  /** East-Asian (and Latin) typeface: one the venue PC has, e.g. 微软雅黑. */
  eastAsian: string;
  /** The deck's own family, named as the substitute (theme font scheme, render checks). */
  fallback: string;
}

/** Document properties. */
export interface PptxProperties {
  title: string;
  subject: string;
  /** Speaker and organiser, when set. */
  author: string;
  /** The deck's date as written in the front matter (empty when unknown). */
  date: string;
  language: 'zh-CN';
  keywords: string;
}

/** The whole file. */
export interface DeckPlan {
  properties: PptxProperties;
  fonts: PptxFonts;
  /** Deck settings without a core property (the meeting's date, venue, …), as custom properties. */
  custom?: [string, string][];
  /** Sections in order, each with the ids of its slides. */
  sections: { title: string; slideIds: string[] }[];
  slides: PlannedSlide[];
}
