import { printDocument } from '../print-document.ts';
import { escapeHtml } from '../../markdown/text.ts';
import { CELL, GRID, MM_PER_PT, PITCH, type Line, type SpeechLayout } from './layout.ts';
import type { Face } from './text.ts';

/** One font face of the 讲话稿: the family a run's face prints in, with its file (a data: URL). */
export interface PrintFace {
  family: string;
  /** Fonts to try first: installed fonts named in the front matter (e.g. 仿宋_GB2312). */
  installed: string[];
  url: string;
  weight: number;
  /** Characters the face's file is used for (CSS unicode-range); others fall back to `fallback`. */
  unicodeRange?: string;
  fallback?: string;
}

/** The page number of page `n`: "— 1 —". */
export const pageNumberText = (n: number): string => `— ${n} —`;

const mm = (n: number): string => `${+n.toFixed(3)}mm`;
/** The grid's tracking: 28 characters of 16 pt fill 156 mm. */
const TRACKING = CELL - GRID.bodyPt * MM_PER_PT;

export function fontFamily(face: PrintFace): string {
  return [...face.installed, face.family, ...(face.fallback ? [face.fallback] : [])]
    .map((f) => `'${f.replace(/'/g, '')}'`)
    .join(', ');
}

/**
 * One line, placed on its grid row by a transform: a paint offset is not snapped to whole pixels,
 * so every baseline sits exactly 225/22 mm below the one above (a line box of that height would
 * be rounded to 38 or 39 px, alternately).
 */
function line(l: Line, row: number): string {
  if (l.kind === 'blank') return '';
  const at = `transform:translateY(${mm(row * PITCH)})`;
  const glyphs = l.runs.reduce((n, r) => n + [...r.text].length, 0);
  // Justified lines spread the room a kinsoku break left over evenly between their characters.
  const room = GRID.chars - l.indent - l.cells;
  const extra = l.justify && glyphs > 1 && room > 1e-6 ? (room * CELL) / (glyphs - 1) : 0;
  const style =
    l.align === 'center'
      ? ` style="${at}"`
      : ` style="${at};padding-left:${mm(l.indent * CELL)};letter-spacing:${mm(TRACKING + extra)}"`;
  const runs = l.runs.map((r) => `<span class="f-${r.face}">${escapeHtml(r.text)}</span>`).join('');
  return `<div class="l k-${l.kind}"${style}>${runs}</div>`;
}

/**
 * The 讲话稿 as a print document: one absolutely sized A4 page per layout page, lines on the
 * GB/T grid, and the page number "— n —" in 四号 7 mm below the type area, right on odd pages and
 * left on even ones, one character in from the edge of the type area. Pure: no I/O.
 */
export function speechHtml(layout: SpeechLayout, faces: Record<Face | 'pageNumber', PrintFace>, title: string): string {
  const fontFaces = Object.values(faces)
    .filter((f, i, all) => all.findIndex((g) => g.family === f.family) === i)
    .map(
      (f) =>
        `@font-face { font-family: '${f.family}'; font-weight: ${f.weight}; src: url('${f.url}') format('truetype');${f.unicodeRange ? ` unicode-range: ${f.unicodeRange};` : ''} }`,
    )
    .join('\n');
  const faceRules = (Object.entries(faces) as [string, PrintFace][])
    .map(([face, f]) => `.f-${face} { font-family: ${fontFamily(f)}; font-weight: ${f.weight}; }`)
    .join('\n');
  const indentOneChar = GRID.pageNumberPt * MM_PER_PT;
  const pages = layout.pages
    .map((lines, i) => {
      const n = i + 1;
      const side =
        n % 2 === 1
          ? `right:${mm(GRID.pageWidth - GRID.left - GRID.width + indentOneChar)}`
          : `left:${mm(GRID.left + indentOneChar)}`;
      return (
        `<section class="page"><div class="area">${lines.map((l, row) => line(l, row)).join('')}</div>` +
        `<p class="pn f-pageNumber" style="${side}">${pageNumberText(n)}</p></section>`
      );
    })
    .join('\n');
  return printDocument(
    title,
    `${fontFaces}
${faceRules}
@page { size: A4 portrait; margin: 0; }
html, body { margin: 0; padding: 0; }
body { font-size: ${GRID.bodyPt}pt; color: #000; text-rendering: geometricPrecision; font-kerning: none; font-feature-settings: 'palt' 0; }
.page { position: relative; width: ${GRID.pageWidth}mm; height: ${GRID.pageHeight}mm; overflow: hidden; break-after: page; }
.page:last-child { break-after: auto; }
.area { position: absolute; left: ${GRID.left}mm; top: ${GRID.top}mm; width: ${GRID.width}mm; height: ${GRID.height}mm; }
/* The body face's strut alone sets each line's baseline: runs in other faces (楷体, 黑体) have no
   height of their own, so their ascent and descent cannot move it. */
.l { position: absolute; left: 0; top: 0; width: 100%; height: ${mm(PITCH)}; line-height: ${mm(PITCH)}; white-space: pre; font-family: ${fontFamily(faces.body)}; }
.l > span { line-height: 0; }
.k-title { font-size: ${GRID.titlePt}pt; text-align: center; }
.k-subtitle { text-align: center; }
.k-insert .f-insert { color: #000; }
.pn { position: absolute; top: ${mm(GRID.top + GRID.height + GRID.pageNumberBelow)}; margin: 0; font-size: ${GRID.pageNumberPt}pt; line-height: 1; white-space: pre; }`,
    `${pages}`,
    Object.values(faces).map((f) => f.url),
  );
}
