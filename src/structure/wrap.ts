import { textWidth } from '../common/text-width.ts';
import { NO_LINE_END, NO_LINE_START, wordUnits } from '../markdown/words.ts';

/**
 * Line wrapping for diagram labels without a DOM, with widths estimated from the characters
 * (src/common/text-width.ts), so a wrapped label never overflows its box.
 */

/** Characters that must not start a line (Chinese line-breaking rules, `line-break: strict`). */
const NO_START = new Set(NO_LINE_START);
/** Characters that must not end a line. */
const NO_END = new Set(NO_LINE_END);

/** Splits text into units that stay together: runs of Latin letters/digits, or single characters. */
function units(text: string): string[] {
  return text.match(/[A-Za-z0-9.%+\-/]+|\s+|[^\sA-Za-z0-9.%+\-/]/gu) ?? [];
}

/** The wrapped lines of a label and whether it was shortened. */
export interface WrappedText {
  lines: string[];
  truncated: boolean;
}

/**
 * Wraps `text` into lines at most `maxEm` wide (in em), at most `maxLines` lines; a label that
 * does not fit ends its last line with "…". With `words`, breaks only between words (`terms` kept
 * whole), else between any two characters; keeps Chinese punctuation off line starts.
 */
export function wrapText(
  text: string,
  maxEm: number,
  maxLines: number,
  options: { words?: boolean; terms?: readonly string[] } = {},
): WrappedText {
  const clean = text.replace(/\s+/g, ' ').trim();
  const lines: string[] = [];
  let line = '';
  let width = 0;
  // Diagram labels keep words whole (`words.ts`: 问题导向, 顺势而为 never break inside); an
  // estimate of how PowerPoint wraps goes by characters, as PowerPoint does.
  for (const unit of options.words ? wordUnits(clean, options.terms) : units(clean)) {
    const w = textWidth(unit);
    if (width + w > maxEm && line.trim() !== '') {
      // Move a character that may not end or may not start a line onto the next line.
      let carry = '';
      const chars = [...line];
      const first = [...unit][0] ?? '';
      if (NO_START.has(first) && chars.length > 1) carry = chars.pop()!;
      while (chars.length > 1 && NO_END.has(chars[chars.length - 1]!)) carry = chars.pop()! + carry;
      lines.push(chars.join('').trimEnd());
      line = (carry + unit).trimStart();
      width = textWidth(line);
      if (w > maxEm) {
        // A single unit wider than the line (a long Latin run): break it by characters.
        const broken = hardBreak(line, maxEm);
        lines.push(...broken.slice(0, -1));
        line = broken[broken.length - 1] ?? '';
        width = textWidth(line);
      }
    } else {
      line += unit;
      width += w;
    }
  }
  if (line.trim() !== '') lines.push(line.trim());
  if (lines.length <= maxLines) return { lines, truncated: false };
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = shorten(kept[maxLines - 1]!, maxEm);
  return { lines: kept, truncated: true };
}

function hardBreak(text: string, maxEm: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const ch of text) {
    if (textWidth(line + ch) > maxEm && line) {
      out.push(line);
      line = '';
    }
    line += ch;
  }
  out.push(line);
  return out;
}

/** `line` cut so that it and a trailing "…" fit in `maxEm`. */
function shorten(line: string, maxEm: number): string {
  const chars = [...line];
  while (chars.length > 0 && textWidth(chars.join('') + '…') > maxEm) chars.pop();
  while (chars.length > 0 && (NO_END.has(chars[chars.length - 1]!) || NO_START.has(chars[chars.length - 1]!))) {
    chars.pop();
  }
  return chars.join('').trimEnd() + '…';
}
