/** Reading comfort's stored preferences (comfort.ts), read back safely: pure, unit-tested. */

/** Text sizes of the reading view, as multiples of its base size (itself in rem). */
export const TEXT_STEPS = [0.875, 1, 1.125, 1.25, 1.5, 1.75] as const;
export const DEFAULT_STEP = 1;
export const SIZE_KEY = 'textSize';
export const THEME_KEY = 'theme';
/** The class the night theme's styles hang on (study.css). */
export const NIGHT_CLASS = 'study-night';

/** A stored text size read back: its index in TEXT_STEPS, or the default (100%) for anything else. */
export function parseTextStep(stored: unknown): number {
  if (typeof stored !== 'number' || !Number.isFinite(stored)) return DEFAULT_STEP;
  const i = TEXT_STEPS.indexOf(stored as (typeof TEXT_STEPS)[number]);
  return i >= 0 ? i : DEFAULT_STEP;
}

/** A stored theme choice read back: the reader's own choice, or null to follow the system. */
export function parseTheme(stored: unknown): 'night' | 'day' | null {
  return stored === 'night' || stored === 'day' ? stored : null;
}
