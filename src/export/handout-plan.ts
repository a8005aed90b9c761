/**
 * Where the handout's slides go on paper (notes layout), decided from measurements the handout tab
 * takes (handout-fit.ts). Pure: no DOM, no I/O.
 *
 * Every slide prints at the full text width, above its speech text: smaller, its text would print
 * under 6 pt. A slide is one unbreakable box (a third of a page), so a slide that does not fit
 * under the one before would leave the rest of the page blank: then, when that rest is more than
 * a quarter of the page, the slide is printed smaller to fit it, down to the width at which its
 * text can still be raised to 6 pt without crowding the slide (`minWidth`).
 */

/** An item of the notes layout as the handout tab measured it, lengths in CSS px (96 a inch). */
export interface MeasuredItem {
  id: string;
  /** Its part's id. */
  part: string;
  /** Starts a part: a new page, its heading first. */
  partStart: boolean;
  /** The part heading's height with its margins (0 when none). */
  heading: number;
  /** Everything the item stacks besides the slide frame and its text (number, gaps, rules). */
  chrome: number;
  /** The speech text below the slide, with its margins. */
  text: number;
  /** One line of the speech text. */
  line: number;
  /**
   * The least of its text that goes with the slide: from the text's top to the end of its first
   * paragraph's second line (a label such as 【编者概括】 and a box's padding included).
   */
  keep: number;
  /** The narrowest frame (px) at which the slide may print (its text then raised to 6 pt). */
  minWidth: number;
}

/** The page's text area and the slide's full size, in CSS px. */
export interface PageGeometry {
  /** Height of the page's text area (A4 less the margins). */
  height: number;
  /** The full frame width (the text width). */
  frame: number;
  /** Frame height over width (9/16). */
  aspect: number;
}

/** The width (CSS px) each slide's frame prints at, by slide id. */
export type FramePlan = Record<string, number>;

const MM = 96 / 25.4;

/** The handout's page margins in mm (A4 portrait): the running head and page number sit in them. */
export const HANDOUT_PAGE = { marginTop: 16, marginBottom: 16, marginSide: 14 } as const;

/** The handout page's text width in CSS px (210 mm less the side margins). */
export const handoutTextWidth = (): number => (210 - 2 * HANDOUT_PAGE.marginSide) * MM;

/** The handout page's text height in CSS px (297 mm less top and bottom margins). */
export const handoutTextHeight = (): number => (297 - HANDOUT_PAGE.marginTop - HANDOUT_PAGE.marginBottom) * MM;

/**
 * The 3-up layout's slide frame at its widest, in CSS px: three 16:9 frames of 140 mm with the
 * gaps and two part headings fill the page's text height (265 mm); ruled lines take the rest of
 * the width. A sheet with more headings gets narrower frames (handout-fit.ts).
 */
export const handout3upFrame = (): number => 140 * MM;

/** The most of a page that may stay blank when no part ends on it (the 25 %). */
export const MAX_BLANK = 0.25;

/** A paragraph leaves at least two lines on each side of a page break (`orphans`/`widows: 2`). */
const LINES_WITH_SLIDE = 2;

/** Slack for what the model does not see (paragraph margins at a break), in lines. */
const SLACK_LINES = 0.5;

/** Where text starting at `y` ends, and how many page breaks it crosses (see `afterText`). */
function flowText(y: number, text: number, line: number, height: number): { y: number; breaks: number } {
  let at = y;
  let left = text;
  let breaks = 0;
  while (at + left > height) {
    const fit = Math.floor((height - at) / line);
    const lines = Math.ceil(left / line);
    // Fewer than two lines here (orphans) or there (widows): the break moves up or the text moves on.
    const stay = fit < LINES_WITH_SLIDE ? 0 : Math.min(fit, lines - LINES_WITH_SLIDE);
    left -= stay * line;
    at = 0;
    breaks++;
  }
  return { y: at + left, breaks };
}

/**
 * Where text of height `text` ends when it starts at `y` on a page of height `height`: a page break
 * moves whole lines, and at least two of them.
 */
export function afterText(y: number, text: number, line: number, height: number): number {
  return flowText(y, text, line, height).y;
}

/** The plan: each slide's frame width, and the page (1 = the first after the cover's) it starts on. */
export interface HandoutPlan {
  frames: FramePlan;
  pages: Record<string, number>;
}

/**
 * Plans the frames: walks each part's items page by page as the print will (a part starts a page;
 * text flows on across pages, a slide does not) and returns each slide's frame width and page.
 */
export function planHandout(items: readonly MeasuredItem[], page: PageGeometry): HandoutPlan {
  const frames: FramePlan = {};
  const pages: Record<string, number> = {};
  let y = 0;
  let at = 0;
  items.forEach((item, i) => {
    if (item.partStart || at === 0) {
      y = 0;
      at++;
    }
    y += item.heading;
    const keep = Math.min(item.keep, item.text);
    const slack = SLACK_LINES * item.line;
    const full = item.chrome + page.frame * page.aspect;
    let width = page.frame;
    if (y > 0 && y + full + keep > page.height) {
      const room = page.height - y;
      // Printed smaller to use the room, else on the next page (leaving at most a quarter blank).
      const fitted = (room - item.chrome - keep - slack) / page.aspect;
      if (room > page.height * MAX_BLANK && fitted >= item.minWidth) {
        width = Math.floor(Math.min(page.frame, fitted));
      } else {
        y = 0;
        at++;
      }
    }
    // A part whose last text would spill a few lines onto a page of their own ends on its page
    // instead: the slides on that page print smaller by as much, each within its minimum.
    const last = i === items.length - 1 || items[i + 1]!.partStart;
    const spill = y + item.chrome + width * page.aspect + item.text + slack - page.height;
    if (last && spill > 0 && spill < page.height * MAX_BLANK) {
      const mates = items.slice(0, i).filter((m) => m.part === item.part && pages[m.id] === at);
      const room = (m: MeasuredItem, w: number): number => Math.max(0, (w - m.minWidth) * page.aspect);
      const spare = mates.reduce((sum, m) => sum + room(m, frames[m.id]!), room(item, width));
      if (spare >= spill) {
        let saved = 0;
        for (const m of mates) {
          const cut = Math.ceil((spill * room(m, frames[m.id]!)) / spare);
          frames[m.id] = Math.floor(frames[m.id]! - cut / page.aspect);
          saved += cut;
        }
        y -= saved;
        width = Math.floor(width - Math.max(0, spill - saved) / page.aspect);
      }
    }
    frames[item.id] = width;
    pages[item.id] = at;
    const flowed = flowText(y + item.chrome + width * page.aspect, item.text, item.line, page.height);
    y = flowed.y;
    at += flowed.breaks;
  });
  return { frames, pages };
}

/** Each slide's frame width (see `planHandout`). */
export function planFrames(items: readonly MeasuredItem[], page: PageGeometry): FramePlan {
  return planHandout(items, page).frames;
}
