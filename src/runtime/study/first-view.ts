import { isPrintView } from '../../common/print.ts';

/** The two ways to look at the deck. */
export type StudyView = 'slides' | 'read';

/** What decides the first view: the URL's `view` parameter and the screen. */
export interface FirstViewInput {
  /** `location.search`. */
  search: string;
  /** Whether the screen is a phone held upright (see `PHONE_PORTRAIT`). */
  phonePortrait: boolean;
}

/**
 * A phone held upright: at most 480 CSS px wide and taller than wide. Slides at 16:9 shrink to a
 * strip there, so such phones open the reading view first.
 */
export const PHONE_PORTRAIT = '(max-width: 480px) and (orientation: portrait)';

/**
 * The view the deck opens in. Precedence: `?view=read` / `?view=slides` (also `reading`,
 * `slide`), then the device (upright phone → reading view), else slides. Print (`?print-pdf`)
 * always gets slides.
 */
export function firstView({ search, phonePortrait }: FirstViewInput): StudyView {
  const params = new URLSearchParams(search);
  if (isPrintView(search)) return 'slides';
  const asked = params.get('view');
  if (asked === 'read' || asked === 'reading') return 'read';
  if (asked === 'slides' || asked === 'slide') return 'slides';
  return phonePortrait ? 'read' : 'slides';
}
