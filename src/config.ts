/** Where the deck's files live, relative to the project root. */
export const PATHS = {
  /** Markdown slide files, one per part, read in name order. */
  slides: 'slides',
  /** CSV datasets and their SOURCES.md. */
  data: 'assets/data',
} as const;

/** reveal.js settings the deck starts with (see reveal's config.d.ts for each field). */
export const REVEAL_DEFAULTS = {
  /** Logical slide size: 16:9, scaled by reveal to any screen. */
  width: 1600,
  height: 900,
  margin: 0.04,
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
  center: false,
  /**
   * reveal's own scroll view never switches in by width: the deck chooses a phone's first view
   * itself (src/runtime/study/first-view.ts), and the reading view is the scrolling one.
   */
  scrollActivationWidth: 0,
  /** Slides are flex columns, so a layout can centre its content (title, statement, quote). */
  display: 'flex',
  transition: 'slide',
  backgroundTransition: 'fade',
  /** Our own Chinese help overlay replaces reveal's English one. */
  help: false,
  pause: true,
  /** Links and focusable content inside slides must stay keyboard reachable. */
  keyboard: true,
  pdfSeparateFragments: false,
  pdfMaxPagesPerSlide: 1,
  showNotes: false,
} as const;
