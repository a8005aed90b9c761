import { textWidth } from '../../common/text-width.ts';
import { wrapText } from '../../structure/wrap.ts';
import { runsText, type Paragraph } from './blocks.ts';

/**
 * Text measurement for PowerPoint text boxes without the fonts at hand. Widths come from the
 * diagram's estimator (src/common/text-width.ts: a CJK glyph is one em in 微软雅黑 and in Noto Sans SC
 * alike; Latin letters and digits are estimated wide), so a box measured here holds its text with
 * either font. Line pitch is not estimated: every paragraph is written with an exact line spacing
 * (`lineHeight` × size), so PowerPoint, WPS and LibreOffice all stack lines at the same distance.
 * All sizes are in the deck's own units (px of the 1600×900 slide).
 */

/** Line pitch as a multiple of the font size (written as exact spacing on every paragraph). */
export const LINE_HEIGHT = { body: 1.35, heading: 1.2 } as const;

/** How a text box's paragraphs are set. */
export interface TextMetrics {
  /** Font size of the box's text, px. */
  size: number;
  /** Line pitch multiple (see LINE_HEIGHT). */
  lineHeight: number;
  /** Extra space after each paragraph, in multiples of `size`. */
  paragraphGap: number;
  /** Indent of a bullet paragraph per level (level 0 included), in multiples of `size`. */
  bulletIndent: number;
}

/** A paragraph that may set its own (smaller) size. */
export type SizedParagraph = Paragraph & { size?: number };

/** The lines a paragraph takes in a box `width` px wide (after the bullet's indent). */
export function paragraphLines(paragraph: SizedParagraph, width: number, m: TextMetrics): number {
  const size = paragraph.size ?? m.size;
  const indent = paragraph.bullet ? (paragraph.bullet.level + 1) * m.bulletIndent * m.size : 0;
  // 3% to spare: line breaking differs a little between PowerPoint, WPS and LibreOffice.
  const maxEm = Math.max(1, ((width - indent) * 0.97) / size);
  // Line breaks split the paragraph into pieces that each wrap on their own.
  const pieces: string[] = [''];
  for (const run of paragraph.runs) {
    if (run.lineBreak) pieces.push('');
    else pieces[pieces.length - 1] += run.text;
  }
  return pieces.reduce(
    (n, piece) => n + Math.max(1, wrapText(withAutospace(piece), maxEm, Number.MAX_SAFE_INTEGER).lines.length),
    0,
  );
}

const CJK = '\\u2e80-\\u9fff\\uf900-\\uffef';
const CJK_THEN_LATIN = new RegExp(`([${CJK}])([!-~])`, 'gu');
const LATIN_THEN_CJK = new RegExp(`([!-~])([${CJK}])`, 'gu');

/**
 * Text as measured: a space between Chinese and Latin letters, digits or ASCII punctuation, where
 * WPS and LibreOffice add a quarter em (their default "space between Asian and Latin text") and
 * PowerPoint adds none. Measuring with it keeps a box big enough in all three.
 */
export function withAutospace(text: string): string {
  return text.replace(CJK_THEN_LATIN, '$1 $2').replace(LATIN_THEN_CJK, '$1 $2');
}

/**
 * Height in px the paragraphs take at width `width`: lines × pitch (each paragraph at its own
 * size) plus the gaps between paragraphs.
 */
export function textHeight(paragraphs: readonly SizedParagraph[], width: number, m: TextMetrics): number {
  if (paragraphs.length === 0) return 0;
  const lines = paragraphs.reduce(
    (h, p) => h + paragraphLines(p, width, m) * pitch({ size: p.size ?? m.size, lineHeight: m.lineHeight }),
    0,
  );
  return lines + (paragraphs.length - 1) * m.paragraphGap * m.size;
}

/** The distance between two lines' baselines, px, as written in the file. */
export function pitch(m: Pick<TextMetrics, 'size' | 'lineHeight'>): number {
  return m.size * m.lineHeight;
}

/** Width a single line of `text` needs at `size`, px. */
export function lineWidth(text: string, size: number): number {
  return textWidth(text.replace(/\s+/g, ' ').trim()) * size;
}

/** Plain text of paragraphs, one line each. */
export function paragraphsText(paragraphs: readonly Paragraph[]): string {
  return paragraphs.map((p) => runsText(p.runs)).join('\n');
}
