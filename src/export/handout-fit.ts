import type { Page } from 'playwright';
import { SLIDE_GEOMETRY } from '../config.ts';
import {
  handout3upFrame,
  handoutTextHeight,
  handoutTextWidth,
  planHandout,
  type MeasuredItem,
  type PageGeometry,
} from './handout-plan.ts';

/**
 * The handout tab's shell around handout-plan.ts: measures the laid-out handout (print media, the
 * page's text width), sizes each slide's frame as planned, and raises any slide text that would
 * print under 6 pt to 6 pt. The page scripts are plain JavaScript strings (not functions): the
 * handout's CSP allows no script of its own, and transpiled functions may carry helpers the page
 * lacks.
 */

/** The smallest printed text, in CSS px (6 pt = 8 px; a little over, for rounding in the PDF). */
export const MIN_TEXT_PX = 8.2;

/** How far a slide's smallest text may be raised when its slide prints smaller (crowding). */
const MAX_RAISE = 1.35;

/** Text elements in the slide frames with their printed size, and a frame's width/scale setter. */
const HELPERS = `
  var SLIDE_WIDTH = ${SLIDE_GEOMETRY.width};
  function texts(root) {
    var out = [];
    root.querySelectorAll('*').forEach(function (el) {
      var own = Array.prototype.some.call(el.childNodes, function (n) { return n.nodeType === 3 && n.textContent.trim() !== ''; });
      if (!own) return;
      var style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') return;
      var rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) return;
      var scale;
      if (el instanceof SVGGraphicsElement) {
        var box = el.getBBox();
        if (box.width === 0 || box.height === 0) return;
        scale = Math.sqrt((rect.width * rect.height) / (box.width * box.height));
      } else {
        if (el.offsetWidth === 0 || el.offsetHeight === 0) return;
        scale = Math.sqrt((rect.width * rect.height) / (el.offsetWidth * el.offsetHeight));
      }
      var size = parseFloat(style.fontSize);
      out.push({ el: el, size: size, printed: size * scale });
    });
    return out;
  }
  function setFrame(item, width) {
    item.style.setProperty('--handout-frame', width + 'px');
    item.style.setProperty('--handout-scale', String(width / SLIDE_WIDTH));
  }
`;

/** Measures every notes-layout item at the full frame width. @returns items and page geometry. */
const MEASURE = `(function (arg) {
  ${HELPERS}
  var body = document.body;
  body.style.width = arg.textWidth + 'px';
  var frame = arg.textWidth;
  var items = Array.prototype.map.call(document.querySelectorAll('.handout-item'), function (item) {
    setFrame(item, frame);
    return item;
  }).map(function (item) {
    var heading = item.querySelector('.handout-part-heading');
    var slide = item.querySelector('.handout-slide');
    var notes = item.querySelector('.handout-notes');
    var cs = getComputedStyle(item);
    var outer = item.getBoundingClientRect().height + parseFloat(cs.marginTop) + parseFloat(cs.marginBottom);
    var headingHeight = heading ? heading.getBoundingClientRect().height + parseFloat(getComputedStyle(heading).marginBottom) : 0;
    var notesStyle = getComputedStyle(notes);
    var lineHeight = parseFloat(notesStyle.lineHeight) || parseFloat(notesStyle.fontSize) * 1.75;
    // The frame may not end a page (break-after: avoid): its text's first two lines go with it.
    var first = Array.prototype.find.call(notes.querySelectorAll('p'), function (p) { return !p.classList.contains('role-label'); });
    var keep = first ? first.getBoundingClientRect().top - notes.getBoundingClientRect().top + Math.min(2 * lineHeight, first.getBoundingClientRect().height) : 0;
    var text = notes.getBoundingClientRect().height + parseFloat(notesStyle.marginTop) + parseFloat(notesStyle.marginBottom);
    var frameHeight = slide.getBoundingClientRect().height;
    var all = texts(slide);
    // Short labels (a 概括 tag) have room to grow; running text decides how small the slide may print.
    var smallest = all.filter(function (t) { return t.el.textContent.trim().length >= 6; })
      .reduce(function (m, t) { return Math.min(m, t.printed); }, Infinity);
    var chart = slide.querySelector('svg.chart-svg') !== null;
    // The slide's smallest text in px of the slide, then the narrowest frame it may print at.
    var slidePx = smallest * SLIDE_WIDTH / frame;
    var minWidth = chart || !isFinite(slidePx) ? frame : Math.min(frame, arg.minTextPx * SLIDE_WIDTH / (slidePx * arg.maxRaise));
    return {
      id: item.getAttribute('data-slide'),
      part: item.getAttribute('data-part'),
      partStart: item.classList.contains('handout-part-start'),
      heading: headingHeight,
      chrome: outer - headingHeight - frameHeight - text,
      text: text,
      line: lineHeight,
      keep: keep,
      minWidth: Math.max(minWidth, frame * 0.55)
    };
  });
  body.style.width = '';
  return items;
})`;

/** Sets each frame's width (px by slide id), then raises text printing under `minTextPx`. @returns texts raised. */
const APPLY = `(function (arg) {
  ${HELPERS}
  document.body.style.width = arg.textWidth + 'px';
  document.querySelectorAll('.handout-item').forEach(function (item) {
    var width = arg.plan[item.getAttribute('data-slide')];
    if (width) setFrame(item, width);
  });
  var raised = 0;
  var small = [];
  document.querySelectorAll('.handout-slide').forEach(function (slide) {
    texts(slide).forEach(function (t) { if (t.printed < arg.minTextPx) small.push(t); });
  });
  // All measured first, then set: a parent's new size must not change what its children measured.
  small.forEach(function (t) {
    t.el.style.fontSize = (t.size * arg.minTextPx / t.printed).toFixed(2) + 'px';
    raised++;
  });
  document.body.style.width = '';
  return raised;
})`;

/**
 * Sizes the 3-up layout's frames so that each sheet's three slides fill its page: as wide as
 * `arg.frame`, narrower on a sheet whose part headings leave less height.
 */
const FIT_SHEETS = `(function (arg) {
  ${HELPERS}
  document.querySelectorAll('.handout-sheet').forEach(function (sheet) {
    var items = Array.prototype.slice.call(sheet.querySelectorAll('.handout-item'));
    var headings = items.reduce(function (sum, item) {
      var h = item.querySelector('.handout-part-heading');
      if (!h) return sum;
      var cs = getComputedStyle(h);
      return sum + h.getBoundingClientRect().height + parseFloat(cs.marginTop) + parseFloat(cs.marginBottom);
    }, 0);
    var gap = parseFloat(getComputedStyle(sheet).rowGap) || 0;
    var room = (arg.height - headings - gap * (arg.perPage - 1)) / arg.perPage - arg.slack;
    var width = Math.min(arg.frame, room * 16 / 9);
    items.forEach(function (item) { setFrame(item, width); });
  });
})`;

/** Raises text under `minTextPx` in every slide frame (the 3-up layout, once its frames are sized). */
const RAISE = `(function (arg) {
  ${HELPERS}
  var small = [];
  document.querySelectorAll('.handout-slide').forEach(function (slide) {
    texts(slide).forEach(function (t) { if (t.printed < arg.minTextPx) small.push(t); });
  });
  small.forEach(function (t) { t.el.style.fontSize = (t.size * arg.minTextPx / t.printed).toFixed(2) + 'px'; });
  return small.length;
})`;

/** Writes the page each part starts on into the cover's contents (by part id). */
const CONTENTS = `(function (pages) {
  document.querySelectorAll('.handout-toc li[data-part]').forEach(function (li) {
    var page = pages[li.getAttribute('data-part')];
    if (page) li.querySelector('.handout-toc-page').textContent = String(page);
  });
})`;

/**
 * The scale the handout prints a chart's slide at, printed px per slide px: its frame's full width
 * (a chart's slide is never printed smaller in the notes layout; 3-up frames are at most this).
 * `npm run pdf` draws the charts for it (print-charts.ts), so their text prints at its size.
 */
export function handoutSlideScale(layout: 'notes' | '3up'): number {
  return (layout === '3up' ? handout3upFrame() : handoutTextWidth()) / SLIDE_GEOMETRY.width;
}

/**
 * Lays the loaded handout out for print: in the notes layout, each slide's frame from the plan
 * (full width, or smaller where a slide would otherwise leave a page more than a quarter blank);
 * in every layout, no slide text under 6 pt. With `contents`, writes the pages the plan expects
 * each part to start on into the cover's contents. Call after the fonts are loaded, before
 * printing. Leaves the tab in print media, as it measured it: switching back would style and lay out
 * the whole handout once more before its print. @returns the page each part is expected to start on, by part id.
 */
export async function fitHandout(
  tab: Page,
  layout: 'notes' | '3up',
  { contents = false }: { contents?: boolean } = {},
): Promise<Record<string, number>> {
  await tab.emulateMedia({ media: 'print' });
  let partPages: Record<string, number>;
  if (layout === '3up') {
    // A little under the page's height: borders and rounding must not push a slide to the next page.
    const sheets = { height: handoutTextHeight(), frame: handout3upFrame(), perPage: 3, slack: 4 };
    await tab.evaluate(`${FIT_SHEETS}(${JSON.stringify(sheets)})`);
    await tab.evaluate(`${RAISE}(${JSON.stringify({ minTextPx: MIN_TEXT_PX })})`);
    // Three slides a page after the cover: a part starts on the page of its first slide.
    const parts = (await tab.evaluate(
      `Array.prototype.map.call(document.querySelectorAll('.handout-item'), function (a) { return a.getAttribute('data-part'); })`,
    )) as string[];
    partPages = {};
    parts.forEach((part, i) => (partPages[part] ??= 2 + Math.floor(i / 3)));
  } else {
    const textWidth = handoutTextWidth();
    const items = (await tab.evaluate(
      `${MEASURE}(${JSON.stringify({ textWidth, minTextPx: MIN_TEXT_PX, maxRaise: MAX_RAISE })})`,
    )) as MeasuredItem[];
    const page: PageGeometry = { height: handoutTextHeight(), frame: textWidth, aspect: 9 / 16 };
    const plan = planHandout(items, page);
    await tab.evaluate(`${APPLY}(${JSON.stringify({ textWidth, plan: plan.frames, minTextPx: MIN_TEXT_PX })})`);
    // The cover is page 1.
    partPages = {};
    for (const item of items) partPages[item.part] ??= plan.pages[item.id]! + 1;
  }
  if (contents) await tab.evaluate(`${CONTENTS}(${JSON.stringify(partPages)})`);
  return partPages;
}
