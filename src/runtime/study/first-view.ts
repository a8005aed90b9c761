import { isPrintView } from '../../common/print.ts';

/** The two ways to look at the deck. */
export type StudyView = 'slides' | 'read';

/** What decides the first view: the URL's `view` parameter and the screen. */
export interface FirstViewInput {
  /** `location.search`. */
  search: string;
  /** Whether the screen is a phone or tablet held upright (see `UPRIGHT_HANDHELD`). */
  upright: boolean;
}

/**
 * A phone or tablet held upright: at most 1024 CSS px wide and taller than wide. Slides at 16:9
 * shrink to a strip there (a 768 px tablet shows them at under half size, footnotes at 8 px), so
 * such screens open the reading view first. A tablet turned sideways gets the slides.
 */
export const UPRIGHT_HANDHELD = '(max-width: 1024px) and (orientation: portrait)';

/**
 * The view the deck opens in. Precedence: `?view=read` / `?view=slides` (also `reading`,
 * `slide`), then the device (upright phone or tablet → reading view), else slides. Print (`?print-pdf`)
 * always gets slides.
 */
export function firstView({ search, upright }: FirstViewInput): StudyView {
  const params = new URLSearchParams(search);
  if (isPrintView(search)) return 'slides';
  const asked = params.get('view');
  if (asked === 'read' || asked === 'reading') return 'read';
  if (asked === 'slides' || asked === 'slide') return 'slides';
  return upright ? 'read' : 'slides';
}
