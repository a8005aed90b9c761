/**
 * Text widths without a DOM, for SVG labels laid out at build time, in jsdom and in print: a CJK
 * glyph is one em in the deck font, Latin letters and digits are narrower. The estimate errs wide,
 * so a label placed by it never overlaps what follows.
 */

/** Estimated advance of one character, in em. */
export function charWidth(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  if (code < 0x20) return 0;
  if (ch === ' ') return 0.3;
  if (code < 0x7f) return /[A-Z0-9%@#&WM]/.test(ch) ? 0.66 : 0.56;
  // Narrow punctuation and symbols outside CJK.
  if (code < 0x2e80 && !'…—–·“”‘’'.includes(ch)) return 0.66;
  return 1;
}

/** Estimated width of `text` in em (multiply by the font size for px). */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch);
  return w;
}
