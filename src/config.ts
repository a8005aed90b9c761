/**
 * Where a deck's files live, relative to its folder (the project root for the default deck, or
 * the folder given with `--deck`; see src/deck-folder.ts).
 */
export const PATHS = {
  /** Markdown slide files, one per part, read in name order. */
  slides: 'slides',
  /** CSV datasets and their SOURCES.md. */
  data: 'assets/data',
  /** Files copied into the built site verbatim (images). */
  public: 'public',
  /** The built site. */
  dist: 'dist',
  /** Exported files (PDF). */
  export: 'export',
} as const;

/**
 * Where one deck's files live. The engine (index.html, src/, vite.config.ts) is the project's;
 * a deck is a folder laid out like the project: `slides/*.md`, optional `assets/data/` and
 * `public/`, and its outputs in its own `dist/` and `export/`. The default deck is the project
 * itself, so `slides/`, `dist/` and `export/` at the project root are untouched by other decks.
 */
export interface DeckFolder {
  /** The project: index.html, src/, vite.config.ts, node_modules/. Absolute. */
  project: string;
  /** The deck folder (the project itself for the default deck). Absolute. */
  root: string;
  /** Markdown slide files, one per part. */
  slides: string;
  /** CSV datasets and their SOURCES.md. */
  data: string;
  /** Files copied into the built site verbatim (images). */
  public: string;
  /** The built site. */
  dist: string;
  /** `npm run pdf` (and other exports) write here by default. */
  export: string;
}

/**
 * Logical slide size (16:9, scaled by reveal to any screen) and margin. On its own so the
 * first-paint head script (src/runtime/prepaint.ts) carries these three numbers, not every setting.
 */
export const SLIDE_GEOMETRY = { width: 1600, height: 900, margin: 0.04 } as const;

/** reveal.js settings the deck starts with (see reveal's config.d.ts for each field). */
export const REVEAL_DEFAULTS = {
  ...SLIDE_GEOMETRY,
  hash: true,
  /** Hash addresses use slide ids (`#/qi-trend`), stable across edits. */
  hashOneBasedIndex: false,
  respondToHashChanges: true,
  history: false,
  controls: true,
  controlsTutorial: false,
  progress: true,
  slideNumber: 'c/t',
  showSlideNumber: 'all',
  overview: true,
  /**
   * Every "next" input (→, ↓, Space, the on-screen next control, a swipe) is one step in reading order,
   * fragments included, and every "previous" one step back; parts are jumped only on explicit
   * inputs (src/runtime/keymap.ts).
   */
  navigationMode: 'linear',
  /**
   * reveal's own keys that our key table (src/runtime/keymap.ts) does not list do nothing: H J K L
   * (vim-style moves), V ; : (more pause keys), A (auto-slide). H is presenting mode, run before
   * reveal sees it.
   */
  keyboard: Object.fromEntries([72, 74, 75, 76, 86, 59, 58, 65].map((code) => [code, () => undefined])),
  center: false,
  /**
   * reveal's own scroll view never switches in by width: the deck chooses a phone's first view
   * itself (src/runtime/study/first-view.ts), and the reading view is the scrolling one.
   */
  scrollActivationWidth: 0,
  /** Slides are flex columns, so a layout can centre its content (title, statement, quote). */
  display: 'flex',
  /**
   * Slides kept laid out either side of the current one (reveal's default is 3). Two is enough for
   * the next step's transition and cuts the layout a jump between chart slides costs
   * (`npm run bench`, charts).
   */
  viewDistance: 2,
  transition: 'slide',
  backgroundTransition: 'fade',
  /** Our own Chinese help overlay replaces reveal's English one. */
  help: false,
  pause: true,
  pdfSeparateFragments: false,
  pdfMaxPagesPerSlide: 1,
  showNotes: false,
  /**
   * reveal's postMessage API lets any page that frames or opens the deck call its methods (move
   * it, read the notes) and hear its events: off. The speaker view has its own checked protocol.
   */
  postMessage: false,
  postMessageEvents: false,
} as const;

/**
 * HTTP headers every host of the built site should send (docs/guide.md), set by `npm run preview`
 * and the export server: no page of another site may frame the deck. A `<meta>` CSP cannot say
 * this (browsers ignore `frame-ancestors` there), so it has to be a header.
 */
export const FRAME_HEADERS = {
  'Content-Security-Policy': "frame-ancestors 'none'",
  'X-Frame-Options': 'DENY',
} as const;

/** The one family the theme uses: `font-family: 'Deck Sans SC'`, any weight. */
export const FONT_FAMILY = 'Deck Sans SC';

/**
 * The faces shipped: static Noto Sans SC weights (static fonts embed as CID subsets in PDFs;
 * variable ones as Type 3, and so does synthesised bold). Each weight is split by `unicode-range`
 * into faces of the same family that together cover every glyph the deck can show:
 * - regular: the glyphs of everything on screen but the notes (slides, part dividers, the
 *   page's controls, chart data: preloaded for the first slide), and the glyphs only the speech
 *   text in the notes uses (the reading view, the speaker view, search, the handout: loaded when
 *   one of them shows, or when the deck is idle). The speech alone has some 860 distinct
 *   characters; at ~128 bytes a glyph, one face with all of them would be most of the first
 *   slide's bytes and would grow with every new character of any note.
 * - bold: the glyphs of headings and other bold slide text (small, preloaded), and the rest
 *   (loaded only when bold text needs one of them, e.g. a chart annotation).
 * So every character, on screen and on paper, is drawn in its real weight.
 */
export const FONT_FACES = [
  { weight: 400, file: 'deck-sans-sc-400.woff2', glyphs: 'screen', preload: true },
  { weight: 400, file: 'deck-sans-sc-400-notes.woff2', glyphs: 'notes', preload: false },
  { weight: 700, file: 'deck-sans-sc-700-heading.woff2', glyphs: 'bold', preload: true },
  { weight: 700, file: 'deck-sans-sc-700-rest.woff2', glyphs: 'rest', preload: false },
] as const;

/** Built font files (hashed by Vite: `deck-sans-sc-400-AbC123.woff2`) that the first slide needs. */
export function isPreloadedFont(builtFile: string): boolean {
  const name = builtFile.split('/').pop() ?? '';
  return FONT_FACES.some(
    // Vite's content hash is 8 characters: `deck-sans-sc-400-extra-90-…` is another face.
    (f) => f.preload && new RegExp(`^${f.file.replace('.woff2', '')}-[\\w-]{8}\\.woff2$`).test(name),
  );
}

/** The features built as scripts of their own and loaded when first needed (src/runtime/features.ts). */
export type LazyFeature = 'charts';

/**
 * The entry module of each such feature, from the project root: the build (src/vite/lazy.ts) makes
 * one classic script of each.
 */
export const LAZY_ENTRIES: Record<LazyFeature, string> = {
  charts: 'src/runtime/charts/entry.ts',
};
