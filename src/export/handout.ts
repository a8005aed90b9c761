import { escapeHtml } from '../markdown/text.ts';
import type { DeckMeta } from '../markdown/types.ts';
import type { PartHeading } from '../markdown/views.ts';
import { t, type UiKey } from '../common/i18n.ts';
import { partHeadingText } from '../common/part-heading.ts';

/** How the handout lays out slides: each with its notes below, or three per page with ruled space. */
export type HandoutLayout = 'notes' | '3up';
export const HANDOUT_LAYOUTS: readonly HandoutLayout[] = ['notes', '3up'];

/** One slide as printed by the deck's print view, ready to be placed in the handout. */
export interface PrintedSlide {
  id: string;
  /** Part id (`data-part`). */
  part: string;
  title: string;
  /** The slide's `<section>` as laid out by the print view (charts drawn), without its notes. */
  html: string;
  /** The speaker notes' HTML (the full text of the speech for this slide). */
  notesHtml: string;
}

/** Everything the handout shows. */
export interface HandoutInput {
  meta: DeckMeta;
  parts: PartHeading[];
  slides: PrintedSlide[];
  /** The deck's stylesheets (relative to the page), so slides look as in the deck. */
  stylesheets: string[];
  layout: HandoutLayout;
}

/** The cover's fields, in order; empty settings are left out. */
const COVER_FIELDS: [keyof DeckMeta, UiKey][] = [
  ['occasion', 'handoutOccasion'],
  ['speaker', 'handoutSpeaker'],
  ['organiser', 'handoutOrganiser'],
  ['date', 'handoutDate'],
  ['venue', 'handoutVenue'],
];

/** Ruled lines beside each slide in the 3-up layout. */
const RULED_LINES = 9;

/**
 * A UI template with `{n}`/`{total}` turned into a CSS `content` value with page counters,
 * e.g. `第 {n} 页 / 共 {total} 页` → `"第 " counter(page) " 页 / 共 " counter(pages) " 页"`.
 */
export function pageCounterContent(template: string): string {
  return template
    .split(/(\{n\}|\{total\})/)
    .filter((piece) => piece !== '')
    .map((piece) =>
      piece === '{n}' ? 'counter(page)' : piece === '{total}' ? 'counter(pages)' : JSON.stringify(piece),
    )
    .join(' ');
}

function cover(meta: DeckMeta, parts: HandoutInput['parts'], slideCount: number): string {
  const fields = COVER_FIELDS.filter(([key]) => String(meta[key] ?? '').trim() !== '')
    .map(([key, label]) => `<dt>${escapeHtml(t(label))}</dt><dd>${escapeHtml(String(meta[key]))}</dd>`)
    .join('');
  const toc = parts
    .map((p) => `<li><span class="handout-toc-label">${escapeHtml(p.label)}</span>${escapeHtml(p.title)}</li>`)
    .join('');
  return (
    `<header class="handout-cover">\n<p class="handout-title">${escapeHtml(meta.title)}</p>\n` +
    (fields ? `<dl class="handout-settings">${fields}</dl>\n` : '') +
    `<ol class="handout-toc">${toc}</ol>\n` +
    `<p class="handout-count">${escapeHtml(t('handoutSlideCount', { n: slideCount }))}</p>\n</header>`
  );
}

/** The slide inside the deck's own structure (`.reveal .slides > section.part > section`), so the theme applies as on screen. */
function slideFrame(slide: PrintedSlide, kind: string): string {
  return (
    `<div class="handout-slide"><div class="reveal"><div class="slides">` +
    `<section class="part part-${escapeHtml(kind)}" data-part="${escapeHtml(slide.part)}">${slide.html}</section>` +
    `</div></div></div>`
  );
}

function item(slide: PrintedSlide, index: number, partHeading: string, kind: string, layout: HandoutLayout): string {
  const heading = partHeading ? `<h1 class="handout-part-heading">${escapeHtml(partHeading)}</h1>\n` : '';
  const number = `<p class="handout-slide-number">${index + 1}</p>`;
  const side =
    layout === '3up'
      ? `<div class="handout-lines" aria-hidden="true"><p>${escapeHtml(t('handoutWriteHere'))}</p>${'<span></span>'.repeat(RULED_LINES)}</div>`
      : `<div class="handout-notes">${slide.notesHtml.trim() || `<p>${escapeHtml(t('handoutNoNotes'))}</p>`}</div>`;
  const classes = ['handout-item', partHeading ? 'handout-part-start' : ''].filter(Boolean).join(' ');
  return `<article class="${classes}" data-slide="${escapeHtml(slide.id)}">\n${heading}<div class="handout-body">${slideFrame(slide, kind)}${number}${side}</div>\n</article>`;
}

/**
 * The handout as its own print document (A4 portrait): a cover with the deck settings, then each
 * slide with its speaker notes below (or three slides a page with ruled space), a level-1 heading
 * per part for the PDF outline, and "第 x 页 / 共 y 页" in the page margin. Pure: no I/O.
 */
export function handoutHtml(input: HandoutInput): string {
  const parts = new Map(input.parts.map((p) => [p.id, p]));
  let previous = '';
  const items = input.slides.map((slide, i) => {
    const part = parts.get(slide.part);
    const heading = part && slide.part !== previous ? partHeadingText(part) : '';
    previous = slide.part;
    return item(slide, i, heading, part?.kind ?? 'part', input.layout);
  });
  const title = t('handoutTitle', { title: input.meta.title });
  const links = input.stylesheets.map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}" />`).join('\n');
  return `<!doctype html>
<html lang="zh-CN" class="print-pdf">
<head>
<meta charset="utf-8" />
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'none'" />
<title>${escapeHtml(title)}</title>
${links}
<style>
@page {
  size: A4 portrait;
  margin: 16mm 16mm 18mm;
  @bottom-center {
    content: ${pageCounterContent(t('handoutPageNumber'))};
    font-family: 'Deck Sans SC', sans-serif;
    font-size: 9pt;
    color: #333;
  }
}
</style>
</head>
<body class="handout handout-layout-${input.layout}">
${cover(input.meta, input.parts, input.slides.length)}
<main>
${items.join('\n')}
</main>
</body>
</html>
`;
}
