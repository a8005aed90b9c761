import type { DeckFolder } from '../config.ts';
import type { AssetProblem } from './assets.ts';

/** A source position: the Markdown file (as given to the compiler) and a 1-based line. */
export interface SourcePos {
  file: string;
  line: number;
}

/** One Markdown file handed to the compiler. */
export interface SourceFile {
  /** Path shown in messages, e.g. `slides/01-qi.md`. */
  file: string;
  text: string;
}

/** Deck-wide settings, read from the first file's front matter `deck:` block. */
export interface DeckMeta {
  /** The speech's title. */
  title: string;
  /** The occasion (meeting) the speech was given at; empty when unknown. */
  occasion: string;
  speaker: string;
  organiser: string;
  date: string;
  venue: string;
  /** Whether editorial marks show on projected slides (they always show in notes). Default true. */
  showEditorialMarks: boolean;
  /**
   * Typefaces of the PowerPoint file (`npm run pptx`), when the front matter names them: `font` is
   * written on every run (default 微软雅黑, which PowerPoint and WPS on Windows have), `fallback` is
   * the deck's own family named as its substitute (default Noto Sans SC).
   */
  pptx?: { font?: string; fallback?: string };
  /** Whether a click on a projected slide goes to the next step (as in PowerPoint). Default false. */
  clickToAdvance: boolean;
}

/** What role a file plays in the speech's frame. */
export type PartKind = 'opening' | 'part' | 'closing';

/** One chart declared in Markdown with a ```chart block. */
export interface ChartSpec extends SourcePos {
  /** Unique within the deck, e.g. `chart-qi-trend-1`. */
  id: string;
  slideId: string;
  kind: string;
  dataset: string;
  /** Every other key of the block, unvalidated by the compiler core. */
  options: Record<string, unknown>;
  /** Where each key of the block is written (file line and column), so a message points at it. */
  keys?: Record<string, { line: number; column: number }>;
}

/**
 * What is wrong with a chart block, from the chart feature: the compiler adds the position, of
 * `key`'s own line when it names one (`annotate`), else of the block.
 */
export interface ChartProblem {
  problem: string;
  hint: string;
  key?: string;
}

/**
 * Who a piece of the notes is for (see docs: content roles). `speech`: the speaker's words (the
 * default); `direction`: how to deliver; `note`: a note to the speaker or editor; `editorial`: an
 * editorial summary the audience may see, marked; `source`: where the speech and the data come from.
 */
export type ContentRole = 'speech' | 'direction' | 'note' | 'editorial' | 'source';

/** One block of the speaker notes in one role, in source order. */
export interface NoteBlock extends SourcePos {
  role: ContentRole;
  /** Sanitised HTML, punctuation widened. */
  html: string;
  /** Plain text of `html`. */
  text: string;
}

/** One slide (a reveal `<section>` inside its part's vertical stack). */
export interface Slide extends SourcePos {
  /** Stable id, used in `#/id` links, the structure diagram, search and resume. */
  id: string;
  /** Horizontal index (the part) and vertical index (slide in part) in reveal. */
  h: number;
  v: number;
  /** Plain-text title: the slide's first heading, or the part title. */
  title: string;
  /** The subsection the slide belongs to, e.g. `(一) 把握城镇化发展规律`; empty when none. */
  section: string;
  /** Extra classes on the `<section>`; `layout-*` classes come from `layout=`. */
  classes: string[];
  layout: string;
  /** True where the text is missing from the source and the slide is an editorial summary. */
  editorial: boolean;
  /** Sanitised HTML of the audience slide (without notes). */
  html: string;
  /** Every block of the speaker notes with its role, in source order. */
  notes: NoteBlock[];
  /** HTML of the notes' speech-role blocks only: the speaker's words for this slide. */
  notesHtml: string;
  /** The speech-role notes as plain text (for search, print and the sentence-coverage test). */
  notesText: string;
  /** The slide body as plain text. */
  text: string;
  charts: ChartSpec[];
}

/** One file: a part of the speech, compiled to one reveal vertical stack. */
export interface Part extends SourcePos {
  id: string;
  kind: PartKind;
  /** Short label shown in indicators: 开篇, 起, 承, 转, 合, 结语. */
  label: string;
  /** Full title of the part. */
  title: string;
  /** Short theme for the diagram and indicators. */
  theme: string;
  /** Minutes planned for the part (the speaker view's pacing timer). */
  minutes: number;
  slides: Slide[];
}

/** A build warning that does not stop the build: `问题 — 怎么做`, printed after `file:line[:column]: `. */
export interface DeckWarning extends SourcePos {
  column?: number;
  message: string;
  /** Set on the list of editorial slides still to complete, which the build prints as one block. */
  editorial?: boolean;
}

/** The compiled deck. Plain data: serialisable to JSON. */
export interface Deck {
  meta: DeckMeta;
  parts: Part[];
  charts: ChartSpec[];
  warnings: DeckWarning[];
}

/**
 * How one dataset the deck's charts draw is credited, from its description beside the data (a
 * sidecar or a dataset file): what the ```sources block of a 资料来源 slide lists.
 */
export interface DataCredit {
  /** The dataset's name (`nbs-urbanisation`, `某市城镇化`). */
  dataset: string;
  /** What the data is. */
  title: string;
  /** The one-line source the charts show. */
  source: string;
  /** Where the figures come from in full; empty when the description gives none. */
  provenance: string;
  /** The terms it is published under; empty when the description gives none. */
  licence: string;
  /** The description's file, as messages show it (`assets/data/某市城镇化.yaml`). */
  file: string;
}

/** Options for `compileDeck`. */
export interface CompileOptions {
  /**
   * Validates a chart declaration; returns what is wrong (the compiler adds `file:line:column`)
   * or null. Default: accept any chart.
   */
  validateChart?: (spec: ChartSpec) => ChartProblem | string | null;
  /**
   * Checks an image's `src` (Markdown or raw `<img>`, slide or notes) against the site's files,
   * after the compiler's own checks (src/markdown/assets.ts). Default: not checked.
   */
  checkAsset?: (src: string) => AssetProblem | null;
  /**
   * The credits of the datasets `charts` draw (each once, in the order first drawn), for the
   * ```sources block of a 资料来源 slide. Default: none (the block then lists nothing, with a warning).
   */
  creditData?: (charts: readonly ChartSpec[]) => DataCredit[];
}

/**
 * A build-time feature that plugs into the deck build (the charts are one): the compiler and the
 * Vite plugin call these hooks and know nothing of the feature itself.
 */
export interface DeckExtension {
  /** Chart validation and anything else `compileDeck` accepts, for the deck in `folder`. */
  compileOptions?: (folder: DeckFolder) => CompileOptions;
  /** Named exports added to `virtual:deck`, computed from the compiled deck. */
  exports?: (deck: Deck, folder: DeckFolder) => Record<string, unknown>;
  /**
   * Files and folders (absolute) whose change must recompile the deck. In a folder, a file added
   * while `npm run dev` runs counts too (a new CSV beside its sidecar).
   */
  watch?: (folder: DeckFolder) => string[];
}
