import type { Face, Run, SpeechDocument } from './text.ts';

/**
 * The 讲话稿's page layout after GB/T 9704-2012 (党政机关公文格式), as a pure function: every line
 * is set here, on a grid of 22 lines of 28 characters a page, so the numbers the standard gives
 * are true by construction (and measured again from the PDF by a test). Line breaking keeps
 * closing punctuation off the start of a line and opening punctuation off its end (避头尾), keeps
 * numbers whole, and never leaves one character alone on a paragraph's last line.
 */

/** GB/T 9704-2012 page geometry, in millimetres and points. */
export const GRID = {
  pageWidth: 210,
  pageHeight: 297,
  /** 天头 (top margin) and 订口 (left margin). */
  top: 37,
  left: 28,
  /** 版心 (type area). */
  width: 156,
  height: 225,
  lines: 22,
  chars: 28,
  /** 三号 body and headings, 二号 title, 四号 page numbers. */
  bodyPt: 16,
  titlePt: 22,
  pageNumberPt: 14,
  /** The page number's 一字线 sits 7 mm below the type area. */
  pageNumberBelow: 7,
} as const;

export const MM_PER_PT = 25.4 / 72;
/** One character cell and one line pitch of the grid, in millimetres. */
export const CELL = GRID.width / GRID.chars;
export const PITCH = GRID.height / GRID.lines;

/** Width of a character in a face, in em of its font size (measured from the font at print time). */
export type Advance = (char: string, face: Face) => number;

/** One line on the grid. */
export interface Line {
  runs: Run[];
  /** Indent in cells (两字 for a paragraph's first line). */
  indent: number;
  /** Spread to the full measure (every line of a paragraph but its last). */
  justify: boolean;
  /** Title lines are centred in the title face. */
  align: 'start' | 'center';
  kind: 'title' | 'subtitle' | 'blank' | 'salutation' | 'heading1' | 'paragraph' | 'insert';
  /** The slide the line's paragraph starts on. */
  slideId: string;
  /** Width of the line's glyphs in grid cells, before justification (0 for title lines). */
  cells: number;
}

export interface SpeechLayout {
  pages: Line[][];
}

/** Characters that may not start a line (避头). */
export const NO_START = new Set([...'，。、；：？！）》」』】〕〉”’…—·%,.;:?!)]}']);
/** Characters that may not end a line (避尾). */
export const NO_END = new Set([...'（《「『【〔〈“‘([{']);
const PUNCTUATION = new Set([...NO_START, ...NO_END]);
/** Half-width letters and digits that stay together (2024, 66.16%, WDI). */
const WORD = /[A-Za-z0-9.%\-+/]/;

interface Glyph {
  char: string;
  face: Face;
  /** Width in grid cells. */
  cells: number;
}

/**
 * The width of a glyph in grid cells: the grid spaces characters so that 28 full-width ones fill
 * the 156 mm measure, i.e. every glyph gets the same tracking (cell minus one em).
 */
function cellsOf(advance: number, fontPt: number): number {
  const tracking = CELL - GRID.bodyPt * MM_PER_PT;
  return (advance * fontPt * MM_PER_PT + tracking) / CELL;
}

/** Units that may not be split: a half-width word, or one character. */
function units(glyphs: Glyph[]): Glyph[][] {
  const out: Glyph[][] = [];
  for (const g of glyphs) {
    const last = out.at(-1);
    if (last && WORD.test(g.char) && WORD.test(last.at(-1)!.char)) last.push(g);
    else out.push([g]);
  }
  return out;
}

const width = (line: Glyph[][]): number => line.reduce((n, u) => n + u.reduce((m, g) => m + g.cells, 0), 0);
const first = (u: Glyph[] | undefined): string => u?.[0]?.char ?? '';
const lastChar = (u: Glyph[] | undefined): string => u?.at(-1)?.char ?? '';
const letters = (line: Glyph[][]): number => line.flat().filter((g) => !PUNCTUATION.has(g.char)).length;

/** Breaks one paragraph into lines of at most `measure` cells (the first `indent` cells shorter). */
export function breakParagraph(glyphs: Glyph[], measure: number, indent: number): Glyph[][][] {
  const lines: Glyph[][][] = [];
  let line: Glyph[][] = [];
  const room = (): number => measure - (lines.length === 0 ? indent : 0) + 1e-6;
  const pending = units(glyphs);
  while (pending.length > 0) {
    const unit = pending.shift()!;
    if (line.length === 0 || width(line) + width([unit]) <= room()) {
      line.push(unit);
      continue;
    }
    // The unit does not fit: break before it, moving units down while the break is forbidden.
    pending.unshift(unit);
    while (line.length > 1 && (NO_START.has(first(pending[0])) || NO_END.has(lastChar(line.at(-1))))) {
      pending.unshift(line.pop()!);
    }
    lines.push(line);
    line = [];
  }
  if (line.length > 0) lines.push(line);
  // No character alone on the last line: take characters down from the line above.
  while (lines.length > 1 && letters(lines.at(-1)!) < 2) {
    const above = lines.at(-2)!;
    if (above.length <= 2) break;
    const moved = above.pop()!;
    lines.at(-1)!.unshift(moved);
    while (above.length > 1 && (NO_START.has(first(lines.at(-1)![0])) || NO_END.has(lastChar(above.at(-1))))) {
      lines.at(-1)!.unshift(above.pop()!);
    }
  }
  return lines;
}

/** Glyph runs back to text runs, joining neighbours of the same face. */
function toRuns(line: Glyph[][]): Run[] {
  const runs: Run[] = [];
  for (const g of line.flat()) {
    const last = runs.at(-1);
    if (last && last.face === g.face) last.text += g.char;
    else runs.push({ text: g.char, face: g.face });
  }
  return runs;
}

/** Splits a title into lines of at most `max` characters, as evenly as the length allows. */
function titleLines(title: string, max: number): string[] {
  const chars = [...title];
  const count = Math.max(1, Math.ceil(chars.length / max));
  const size = Math.ceil(chars.length / count);
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += size) out.push(chars.slice(i, i + size).join(''));
  return out;
}

/**
 * Lays the 讲话稿 out on the GB/T grid: the title (二号, centred) and its subtitle lines, a blank
 * line, then every block, 22 lines a page. `advance` gives each glyph's width in em.
 */
export function layoutSpeech(doc: SpeechDocument, advance: Advance): SpeechLayout {
  const lines: Line[] = [];
  const titleMax = Math.floor(GRID.width / (GRID.titlePt * MM_PER_PT));
  for (const text of titleLines(doc.title, titleMax)) {
    lines.push({
      runs: [{ text, face: 'title' }],
      indent: 0,
      justify: false,
      align: 'center',
      kind: 'title',
      slideId: '',
      cells: 0,
    });
  }
  for (const text of doc.subtitle) {
    lines.push({
      runs: [{ text, face: 'heading2' }],
      indent: 0,
      justify: false,
      align: 'center',
      kind: 'subtitle',
      slideId: '',
      cells: 0,
    });
  }
  lines.push({ runs: [], indent: 0, justify: false, align: 'start', kind: 'blank', slideId: '', cells: 0 });
  for (const block of doc.blocks) {
    const glyphs: Glyph[] = block.runs.flatMap((run) =>
      [...run.text].map((char) => ({ char, face: run.face, cells: cellsOf(advance(char, run.face), GRID.bodyPt) })),
    );
    // 每段左空二字; the salutation stands at the margin (顶格).
    const indent = block.kind === 'salutation' ? 0 : 2;
    const broken = breakParagraph(glyphs, GRID.chars, indent);
    broken.forEach((line, i) => {
      lines.push({
        runs: toRuns(line),
        indent: i === 0 ? indent : 0,
        justify: i < broken.length - 1,
        align: 'start',
        kind: block.kind,
        slideId: block.slideId,
        cells: width(line),
      });
    });
  }
  const pages: Line[][] = [];
  for (let i = 0; i < lines.length; i += GRID.lines) pages.push(lines.slice(i, i + GRID.lines));
  return { pages };
}
