import { parseDocument } from 'htmlparser2';
import { t } from '../common/i18n.ts';
import { markup, type SafeHtml } from './html.ts';

/**
 * What the reading view adds to each slide (src/runtime/study/reading-view.ts), written into the
 * page at build time: a slide label above the slide (`第 3 页 · 开篇`) and a heading above its full
 * text (`讲稿全文`). Added by the script after load they pushed the page down under the reader's
 * eyes (a layout shift of 0.8 in Lighthouse's phone run); in the HTML they are there from the
 * first paint. The style sheet shows them in the reading view only (assets/styles/study.css).
 */

/** The label above the `n`th slide (from 1) of the part `partLabel`. */
export function slideLabelHtml(n: number, partLabel: string): SafeHtml {
  return markup`<p class="study-slide-label" aria-hidden="true">${t('studySlideLabel', { n, part: partLabel })}</p>\n`;
}

/**
 * The heading above a slide's notes, one level below the slide's own top heading (h1 on the title
 * slide, h2 elsewhere; the first heading that is a direct child of the slide) so headings never
 * skip a level; h3 when the slide has none.
 */
export function notesHeadingHtml(slideBody: string): SafeHtml {
  const top = parseDocument(slideBody).children.find(
    (n) => n.type === 'tag' && /^h[1-5]$/.test((n as { name: string }).name),
  ) as { name: string } | undefined;
  const level = Math.min(6, (top ? Number(top.name[1]) : 2) + 1);
  return markup`<h${level} class="study-notes-heading">${t('studyNotesHeading')}</h${level}>\n`;
}
