import { printDocument } from '../print-document.ts';
import { escapeHtml } from '../../markdown/text.ts';
import { ROLES } from '../../markdown/roles.ts';
import { s as t, SCRIPT_STRINGS } from './strings.ts';
import { partHeadingText } from '../../common/part-heading.ts';
import { pageCounterContent } from '../handout.ts';
import { destinationLinks } from '../destinations.ts';
import type { ScriptBlock, ScriptDocument, ScriptPart, ScriptSlide } from './text.ts';

/** The script's faces: data: URLs of TrueType files cut to its text (speech/fonts.ts). */
export interface ScriptFonts {
  /** The speech (宋体 role). */
  serif: string;
  /** Stage directions and editorial summaries (楷体 role). */
  kai: string;
  /** Headings, slide numbers, notes and the page numbers (黑体 role). */
  sans: string;
}

/** Sizes in points: the speech is read at arm's length, so 20 pt. */
export const SCRIPT_SIZES = { speech: 20, direction: 16, note: 13, marker: 22, heading: 22 } as const;

/** A part's planned minutes, as the script prints them ("计划 0.4 分钟（第 1 至 1.4 分钟）"). */
const planLine = (p: ScriptPart): string =>
  t('plan', { minutes: p.minutes, from: p.startsAt, to: p.startsAt + p.minutes });

/** The first page's line on the whole speech. */
const totalLine = (doc: ScriptDocument): string =>
  t('total', { parts: doc.parts.length, slides: doc.slideCount, minutes: doc.minutes });

/**
 * Every string the script prints besides the deck's text (the fonts are cut to include it): the
 * labels, and the figures as printed — a part of 0.4 minutes needs the '.', which a deck's own text
 * may not have (the example deck's did not, and its '.' came from a system font, as Type 3).
 */
export function scriptChrome(doc: ScriptDocument): string {
  return [
    t('title', { title: '' }),
    totalLine(doc),
    ...doc.parts.map(planLine),
    t('advance'),
    SCRIPT_STRINGS.pageNumber,
    ...Object.values(ROLES).map((r) => r.label),
    '【】·：/',
    String(doc.slideCount),
  ].join('');
}

function block(b: ScriptBlock): string {
  const paragraphs = b.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('');
  if (b.role === 'speech') return `<div class="b b-speech">${paragraphs}</div>`;
  return `<div class="b b-${b.role}"><p class="b-label">【${escapeHtml(ROLES[b.role].label)}】</p>${paragraphs}</div>`;
}

function slide(s: ScriptSlide, total: number): string {
  // The number beside the text where the speaker advances to this slide.
  const marker =
    `<p class="advance" aria-label="${escapeHtml(t('advance'))} ${s.number} / ${total}">` +
    `<span class="advance-label">${escapeHtml(t('advance'))}</span>` +
    `<span class="advance-n">${s.number}</span></p>`;
  const title = `<p class="slide-title">${escapeHtml(s.title)}</p>`;
  return `<section class="slide${s.editorial ? ' editorial' : ''}" data-slide="${escapeHtml(s.id)}">${marker}${title}${s.blocks.map(block).join('')}</section>`;
}

/** The id of a part's page in the script (its named destination in the PDF: the page it starts on). */
export const scriptPartId = (partId: string): string => `part-${partId}`;

function part(p: ScriptPart, total: number): string {
  const plan = planLine(p);
  return (
    `<article class="part" id="${escapeHtml(scriptPartId(p.id))}" data-part="${escapeHtml(p.id)}">` +
    `<h1>${escapeHtml(partHeadingText(p))}</h1><p class="plan">${escapeHtml(plan)}</p>` +
    p.slides.map((s) => slide(s, total)).join('\n') +
    `</article>`
  );
}

/**
 * The speaker's script as a print document (A4 portrait): a first page with the title and each
 * part's planned minutes, then each part from a new page, its slides in order with the slide
 * number in the left margin where the speaker advances, the speech in 20 pt, stage directions and
 * notes in their own faces and frames (greyscale: faces, rules and labels, no colour). Pure.
 */
export function scriptHtml(doc: ScriptDocument, fonts: ScriptFonts): string {
  const title = t('title', { title: doc.meta.title });
  const overview = doc.parts
    .map((p) => `<tr><th scope="row">${escapeHtml(partHeadingText(p))}</th><td>${escapeHtml(planLine(p))}</td></tr>`)
    .join('');
  const total = totalLine(doc);
  return printDocument(
    title,
    `@font-face { font-family: 'Script Song'; font-weight: 400; src: url('${fonts.serif}') format('truetype'); }
@font-face { font-family: 'Script Kai'; font-weight: 500; src: url('${fonts.kai}') format('truetype'); }
@font-face { font-family: 'Script Hei'; font-weight: 500; src: url('${fonts.sans}') format('truetype'); }
@page {
  size: A4 portrait;
  margin: 16mm 16mm 18mm 12mm;
  @bottom-center {
    content: ${pageCounterContent(SCRIPT_STRINGS.pageNumber)};
    font-family: 'Script Hei';
    font-weight: 500;
    font-size: 10pt;
  }
}
* { font-synthesis: none; }
html, body { margin: 0; padding: 0; }
/* The left column (24 mm) holds the slide numbers, beside the text. */
body { padding-left: 24mm; }
body { color: #000; font-family: 'Script Song'; font-size: ${SCRIPT_SIZES.speech}pt; line-height: 1.6; }
.cover { break-after: page; padding-top: 40mm; }
.cover .title { text-wrap: balance; margin: 0 0 8mm; font-family: 'Script Hei'; font-weight: 500; font-size: 24pt; line-height: 1.4; }
.cover .occasion, .cover .total { margin: 0 0 6mm; font-family: 'Script Hei'; font-weight: 500; font-size: 14pt; }
.cover table { border-collapse: collapse; font-family: 'Script Hei'; font-weight: 500; font-size: 13pt; line-height: 1.5; }
.cover th, .cover td { padding: 2mm 4mm 2mm 0; text-align: left; vertical-align: top; border-bottom: 0.3mm solid #000; }
.cover th { font-weight: 500; }
.cover td { white-space: nowrap; }
.part { break-before: page; }
h1 { margin: 0 0 2mm; font-family: 'Script Hei'; font-weight: 500; font-size: ${SCRIPT_SIZES.heading}pt; line-height: 1.35; }
.plan { margin: 0 0 6mm; padding-bottom: 2mm; border-bottom: 0.8mm solid #000; font-family: 'Script Hei'; font-weight: 500; font-size: 14pt; }
.slide { position: relative; margin: 0 0 5mm; padding-top: 2mm; border-top: 0.3mm solid #000; }
.plan + .slide { border-top: 0; padding-top: 0; }
.advance { position: absolute; left: -24mm; top: 1mm; width: 20mm; margin: 0; text-align: right; font-family: 'Script Hei'; font-weight: 500; line-height: 1.1; break-inside: avoid; }
.plan + .slide .advance { top: -1mm; }
.advance-label { display: block; font-size: 10pt; }
.advance-n { display: inline-block; min-width: 12mm; padding: 0.5mm 1.5mm; border: 0.6mm solid #000; text-align: center; font-size: ${SCRIPT_SIZES.marker}pt; }
.slide-title { margin: 0 0 2mm; font-family: 'Script Hei'; font-weight: 500; font-size: 11pt; line-height: 1.4; break-after: avoid; }
.b { margin: 0 0 3mm; }
.b p { margin: 0 0 0.3em; orphans: 2; widows: 2; }
.b-speech p { text-indent: 2em; }
.b-label { font-family: 'Script Hei'; font-weight: 500; font-size: 10pt; margin: 0 0 1mm; break-after: avoid; }
.b-direction { padding: 1.5mm 3mm; border-left: 2mm solid #000; background: #e6e6e6; font-family: 'Script Kai'; font-weight: 500; font-size: ${SCRIPT_SIZES.direction}pt; line-height: 1.5; }
.b-note { padding: 1.5mm 3mm; border: 0.4mm dashed #000; font-family: 'Script Hei'; font-weight: 500; font-size: ${SCRIPT_SIZES.note}pt; line-height: 1.5; }
.b-editorial { padding: 1.5mm 3mm; border-left: 1.2mm dashed #000; font-family: 'Script Kai'; font-weight: 500; }
.b-editorial p { text-indent: 2em; }
.b-editorial .b-label, .b-direction .b-label, .b-note .b-label { text-indent: 0; }`,
    `<header class="cover">
<p class="title">${escapeHtml(title)}</p>
${doc.meta.occasion ? `<p class="occasion">${escapeHtml(doc.meta.occasion)}</p>` : ''}
<p class="total">${escapeHtml(total)}</p>
<table><tbody>${overview}</tbody></table>
</header>
${doc.parts.map((p) => part(p, doc.slideCount)).join('\n')}
${destinationLinks(doc.parts.map((p) => scriptPartId(p.id)))}`,
    [fonts.serif, fonts.kai, fonts.sans],
  );
}
