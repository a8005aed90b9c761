import { describe, expect, it } from 'vitest';
import {
  afterText,
  MAX_BLANK,
  planFrames,
  planHandout,
  type MeasuredItem,
  type PageGeometry,
} from '../../../src/export/handout-plan.ts';

/** A page of 1000 px, slides 600 px wide (338 px tall) at full size. */
const page: PageGeometry = { height: 1000, frame: 600, aspect: 9 / 16 };

const item = (id: string, text: number, over: Partial<MeasuredItem> = {}): MeasuredItem => ({
  id,
  part: 'p',
  partStart: false,
  heading: 0,
  chrome: 30,
  text,
  line: 25,
  keep: 50,
  minWidth: 330,
  ...over,
});

describe('planFrames()', () => {
  it('prints every slide at the full width while they fit under one another', () => {
    const plan = planFrames([item('a', 50, { partStart: true }), item('b', 50)], page);
    expect(plan).toEqual({ a: 600, b: 600 });
  });

  it('prints a slide smaller when moving it to the next page would leave over a quarter blank', () => {
    // a: 30 + 337.5 + 300 = 667.5 used; b needs 367.5 + two lines: 332.5 left is too little, 33 % blank.
    const plan = planFrames([item('a', 300, { partStart: true }), item('b', 100)], page);
    expect(plan.b).toBeLessThan(600);
    expect(plan.b).toBeGreaterThanOrEqual(330);
    // The shrunk slide, its chrome and two lines of its text fit the room left.
    expect(667.5 + 30 + plan.b! * page.aspect + 50).toBeLessThanOrEqual(page.height);
  });

  it('moves a slide to the next page when the room left is a quarter of the page or less', () => {
    // a: 30 + 337.5 + 400 = 767.5 used; 232.5 left (23 %): the next page.
    const plan = planFrames([item('a', 400, { partStart: true }), item('b', 100)], page);
    expect(1000 - 767.5).toBeLessThanOrEqual(page.height * MAX_BLANK);
    expect(plan.b).toBe(600);
  });

  it('never prints a slide narrower than its own minimum (its text would be crowded), nor a chart', () => {
    const plan = planFrames([item('a', 300, { partStart: true }), item('b', 100, { minWidth: 600 })], page);
    expect(plan.b).toBe(600);
  });

  it('prints the last slide of a part smaller when its text would spill a few lines onto a page of their own', () => {
    // 30 + 337.5 + 700 (+ half a line of slack) runs 80 px past the page.
    expect(planFrames([item('a', 700, { partStart: true })], page)).toEqual({ a: Math.floor(600 - 80 / page.aspect) });
    // Not when the spill is more than a quarter of a page: that page is the part's own last page.
    expect(planFrames([item('a', 1000, { partStart: true })], page)).toEqual({ a: 600 });
  });

  it('shares that between the slides on the last page of the part, each within its minimum', () => {
    // a and b on one page: 2 × 367.5 + 100 + 300 (+ 12.5) runs 147.5 px past; b alone could give
    // (600 - 400) × 9/16 = 112.5 px, a and b together 225 px.
    const plan = planFrames(
      [item('a', 100, { partStart: true, minWidth: 400 }), item('b', 300, { minWidth: 400 })],
      page,
    );
    expect(plan.a).toBeLessThan(600);
    expect(plan.b).toBeLessThan(600);
    expect(Math.min(plan.a!, plan.b!)).toBeGreaterThanOrEqual(400 - 1);
    expect(2 * 30 + (plan.a! + plan.b!) * page.aspect + 100 + 300 + 12.5).toBeLessThanOrEqual(page.height + 1);
    // When the page's slides cannot give enough, none shrinks: the part ends on a page of its own.
    const stiff = planFrames(
      [item('a', 100, { partStart: true, minWidth: 600 }), item('b', 300, { minWidth: 500 })],
      page,
    );
    expect(stiff).toEqual({ a: 600, b: 600 });
  });

  it('keeps with a shrunk slide what must go with it: a label and the first two lines (keep)', () => {
    const plan = planFrames([item('a', 300, { partStart: true }), item('b', 300, { keep: 90 }), item('c', 5)], page);
    expect(667.5 + 30 + plan.b! * page.aspect + 90).toBeLessThanOrEqual(page.height);
  });

  it('starts every part on a new page, so the part before it may end with blank space', () => {
    const plan = planFrames(
      [item('a', 200, { partStart: true }), item('b', 100, { partStart: true, heading: 40 })],
      page,
    );
    expect(plan).toEqual({ a: 600, b: 600 });
  });

  it('follows text across pages: whole lines, two at least, go over', () => {
    // a's 52 lines start at 367.5: 25 fit (632.5 px), 27 (675 px) go on; b then has 325 px (32 %)
    // left, and prints smaller to fill it with two lines of its text.
    const plan = planFrames([item('a', 1300, { partStart: true }), item('b', 100)], page);
    expect(plan.b).toBe(Math.floor((1000 - 675 - 30 - 50 - 12.5) / page.aspect));
  });
});

describe('planHandout()', () => {
  it('gives the page each slide starts on: a part starts a page, text and slides move on', () => {
    const { pages } = planHandout(
      [
        item('a', 300, { partStart: true }),
        item('b', 300, { minWidth: 600 }),
        item('c', 1300),
        item('d', 25, { partStart: true }),
      ],
      page,
    );
    // b does not fit under a and may not shrink: page 2; c, shrunk under it, runs on over pages 3
    // and 4 (1300 px of text); d starts a part: page 5.
    expect(pages).toEqual({ a: 1, b: 2, c: 2, d: 5 });
  });
});

describe('afterText()', () => {
  it('ends text on its page when it fits', () => {
    expect(afterText(100, 200, 25, 1000)).toBe(300);
  });

  it('moves whole lines to the next page, never fewer than two (widows), never leaving one (orphans)', () => {
    // 26 lines from 367.5: 25 would fit, but then one would go alone: 24 stay, 2 go.
    expect(afterText(367.5, 26 * 25, 25, 1000)).toBe(50);
    // One line of room: the whole text goes on.
    expect(afterText(960, 100, 25, 1000)).toBe(100);
  });
});
