import { escapeHtml } from '../markdown/text.ts';
import type { DeckMeta } from '../markdown/types.ts';
import type { PartHeading } from '../markdown/views.ts';
import { t, type UiKey } from '../common/i18n.ts';
import { partHeadingText, titleWithoutLabel } from '../common/part-heading.ts';
import { HANDOUT_PAGE } from './handout-plan.ts';
import { destinationLinks } from './destinations.ts';

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
  /** The page each part starts on, by part id (the cover's table of contents); blank until known. */
  partPages?: Record<string, number>;
  /** The date printed on the cover when the deck sets none (the sources' date, e.g. 2026年11月29日). */
  printedOn?: string;
}

/** The cover's label for the date the handout was made, when the deck names no date of its own. */
export const PRINTED_ON_LABEL = '印制日期';

/** A date as the cover writes it: 2026年11月29日 (UTC, so every machine writes the same). */
export function chineseDate(date: Date): string {
  return `${date.getUTCFullYear()}年${date.getUTCMonth() + 1}月${date.getUTCDate()}日`;
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

/** A part's title beside its label in the contents, never repeating the label (结语 shows its theme). */
function tocTitle(part: HandoutInput['parts'][number]): string {
  const title = titleWithoutLabel(part);
  const rest = title.startsWith(part.label) ? title.slice(part.label.length).trim() : title;
  return rest || part.theme || '';
}

function cover(input: HandoutInput): string {
  const { meta, parts } = input;
  const slideCount = input.slides.length;
  const printedOn =
    !meta.date.trim() && input.printedOn
      ? `<dt>${escapeHtml(PRINTED_ON_LABEL)}</dt><dd>${escapeHtml(input.printedOn)}</dd>`
      : '';
  const fields =
    COVER_FIELDS.filter(([key]) => String(meta[key] ?? '').trim() !== '')
      .map(([key, label]) => `<dt>${escapeHtml(t(label))}</dt><dd>${escapeHtml(String(meta[key]))}</dd>`)
      .join('') + printedOn;
  // The page numbers are blank on the first print (the exporter learns them from it), in a box
  // of fixed width, so filling them in moves nothing.
  const toc = parts
    .map(
      (p) =>
        `<li data-part="${escapeHtml(p.id)}"><span class="handout-toc-label">${escapeHtml(p.label)}</span>` +
        `<span class="handout-toc-title">${escapeHtml(tocTitle(p))}</span>` +
        `<span class="handout-toc-page">${input.partPages?.[p.id] ?? ''}</span></li>`,
    )
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

/** The id of a slide's item in the handout (its named destination in the PDF: the page it prints on). */
export const handoutItemId = (slideId: string): string => `handout-${slideId}`;

/** Whether a printed slide carries a chart (its frame never prints smaller than the text width). */
const hasChart = (slide: PrintedSlide): boolean => /<svg[^>]*\bclass="[^"]*\bchart-svg\b/.test(slide.html);

function item(slide: PrintedSlide, index: number, partHeading: string, kind: string, layout: HandoutLayout): string {
  const heading = partHeading ? `<h1 class="handout-part-heading">${escapeHtml(partHeading)}</h1>\n` : '';
  const number = `<p class="handout-slide-number">${index + 1}</p>`;
  const side =
    layout === '3up'
      ? `<div class="handout-lines" aria-hidden="true"><p>${escapeHtml(t('handoutWriteHere'))}</p>${'<span></span>'.repeat(RULED_LINES)}</div>`
      : slide.notesHtml.trim()
        ? `<div class="handout-notes">${slide.notesHtml.trim()}</div>`
        : `<div class="handout-notes handout-no-notes"><p>${escapeHtml(t('handoutNoNotes'))}</p></div>`;
  const classes = ['handout-item', partHeading ? 'handout-part-start' : '', hasChart(slide) ? 'handout-chart' : '']
    .filter(Boolean)
    .join(' ');
  return `<article class="${classes}" id="${escapeHtml(handoutItemId(slide.id))}" data-slide="${escapeHtml(slide.id)}" data-part="${escapeHtml(slide.part)}">\n${heading}<div class="handout-body">${slideFrame(slide, kind)}${number}${side}</div>\n</article>`;
}

/** The running head of a page: its part's heading (CSS content for the page's top-left box). */
const runningHead = (name: string, text: string): string =>
  `@page ${name} { @top-left { content: ${JSON.stringify(text)}; font-family: 'Deck Sans SC', sans-serif; font-size: 9pt; color: #333; vertical-align: bottom; padding-bottom: 2mm; border-bottom: 0.3mm solid #999; } }`;

/** Slides a page in the 3-up layout. */
const PER_PAGE = 3;

/**
 * The handout as its own print document (A4 portrait): a cover with the deck settings, then each
 * slide with its speaker notes below (or three slides a page with ruled space), a level-1 heading
 * per part for the PDF outline, and "第 x 页 / 共 y 页" in the page margin. Pure: no I/O.
 */
export function handoutHtml(input: HandoutInput): string {
  const parts = new Map(input.parts.map((p) => [p.id, p]));
  let previous = '';
  // Each slide's item, and the part heading it opens with (when it starts a part).
  const items = input.slides.map((slide, i) => {
    const part = parts.get(slide.part);
    const heading = part && slide.part !== previous ? partHeadingText(part) : '';
    previous = slide.part;
    return { slide, heading, html: item(slide, i, heading, part?.kind ?? 'part', input.layout) };
  });
  const headOf = (slide: PrintedSlide): string => {
    const part = parts.get(slide.part);
    return part ? partHeadingText(part) : '';
  };
  let pages: { name: string; head: string; items: string[] }[];
  if (input.layout === '3up') {
    // Three slides on every page, parts running on (a part's heading where it starts): the page's
    // head names the parts on it.
    pages = [];
    for (let i = 0; i < items.length; i += PER_PAGE) {
      const group = items.slice(i, i + PER_PAGE);
      const head = [...new Set(group.map((g) => headOf(g.slide)).filter(Boolean))].join(' / ');
      pages.push({ name: `sheet-${pages.length + 1}`, head, items: group.map((g) => g.html) });
    }
  } else {
    // Each part on pages of its own name, whose top margin carries the part's heading (running head).
    pages = [];
    for (const g of items) {
      if (g.heading || pages.length === 0) {
        pages.push({ name: `part-${pages.length + 1}`, head: headOf(g.slide), items: [] });
      }
      pages.at(-1)!.items.push(g.html);
    }
  }
  const runningHeads = pages
    .filter((p) => p.head)
    .map((p) => runningHead(p.name, p.head))
    .join('\n');
  const sectionClass = input.layout === '3up' ? 'handout-sheet' : 'handout-part';
  const title = t('handoutTitle', { title: input.meta.title });
  const style = `@page {
  size: A4 portrait;
  margin: ${HANDOUT_PAGE.marginTop}mm ${HANDOUT_PAGE.marginSide}mm ${HANDOUT_PAGE.marginBottom}mm;
  @bottom-center {
    content: ${pageCounterContent(t('handoutPageNumber'))};
    font-family: 'Deck Sans SC', sans-serif;
    font-size: 9pt;
    color: #333;
  }
}
${runningHeads}
.handout-sheet { height: ${297 - HANDOUT_PAGE.marginTop - HANDOUT_PAGE.marginBottom - 1}mm; }`;
  return `${documentHead(title, input.stylesheets, style)}
<body class="handout handout-layout-${input.layout}">
${cover(input)}
<main>
${pages.map((p) => `<section class="${sectionClass}" style="page: ${p.name}">\n${p.items.join('\n')}\n</section>`).join('\n')}
</main>
${destinationLinks(input.slides.map((s) => handoutItemId(s.id)))}
</body>
</html>
`;
}

/** The handout document's start, to its `<body>`: its stylesheets (the deck's), its own style. */
function documentHead(title: string, stylesheets: readonly string[], style: string): string {
  const links = stylesheets.map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}" />`).join('\n');
  return `<!doctype html>
<html lang="zh-CN" class="print-pdf">
<head>
<meta charset="utf-8" />
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'none'" />
<title>${escapeHtml(title)}</title>
${links}
<style>
${style}
</style>
</head>`;
}

/**
 * An empty handout document with the deck's stylesheets: the exporter opens it while the deck
 * is still laying out, so the handout's fonts are loaded before its slides exist, and then puts
 * the handout into it in place (`handoutHtml`'s head and body; see pdf.ts).
 */
export function handoutShellHtml(stylesheets: readonly string[]): string {
  return `${documentHead('', stylesheets, '')}\n<body></body>\n</html>\n`;
}
