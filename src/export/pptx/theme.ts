import { SLIDE_GEOMETRY } from '../../config.ts';

/**
 * The deck's look in PowerPoint terms: colours and sizes copied from assets/styles/theme.css (the
 * web deck's theme, in the same 1600×900 slide space), so the file looks like the projected deck.
 * Sizes are px of that space; the writer turns them into inches (÷ 120) and points (× 0.6).
 */

/** Slide size in the deck's space (src/config.ts SLIDE_GEOMETRY) and the PowerPoint layout it maps to (16:9, 13.333 × 7.5 in). */
export const SLIDE = {
  width: SLIDE_GEOMETRY.width,
  height: SLIDE_GEOMETRY.height,
  inches: { w: 13.333, h: 7.5 },
} as const;

/** px of the deck's slide per inch of the PowerPoint slide. */
export const PX_PER_INCH = SLIDE.width / SLIDE.inches.w;

/** Colours without `#` (theme.css custom properties). */
export const COLOR = {
  fg: '1D1D1F',
  muted: '595959',
  accent: 'A61B1B',
  accent2: '0B5394',
  rule: 'D9D9D9',
  soft: 'F6F1E9',
  white: 'FFFFFF',
} as const;

/** Padding of a slide (theme.css `section { padding: 48px 72px 64px }`). */
export const PAD = { top: 48, side: 72, bottom: 64 } as const;

/** Font sizes, px (theme.css). */
export const SIZE = {
  body: 32,
  h1: 68,
  h2: 52,
  h3: 40,
  statement: 44,
  quote: 36,
  card: 44,
  small: 24,
  caption: 26,
  source: 20,
  tag: 18,
  slideNumber: 16,
  minimum: 16,
} as const;
