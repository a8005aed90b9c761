/** Marks that end a sentence, and ；, which ends an enumerated point (一要…；二要…). */
const ENDS = new Set('。！？!?；;');
/** Closing marks that stay with the sentence they end: 。” or ！） */
const CLOSERS = new Set('”’」』）)】》"\'');
const OPEN_QUOTES = new Set('“「『');
const CLOSE_QUOTES = new Set('”」』');

/**
 * Splits a paragraph into units: sentences ended by 。！？ (full or half width) or by ；, with any
 * closing quotation marks or brackets that follow. Marks inside a quotation (“…。…”) do not split.
 * The units, joined, give back `text` exactly.
 */
export function splitUnits(text: string): string[] {
  const chars = [...text];
  const units: string[] = [];
  let start = 0;
  let depth = 0;
  let ascii = false;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    // A quotation that ends a sentence (…分散。”) ends it after its closing mark.
    const closesSentence = CLOSE_QUOTES.has(ch) && depth === 1 && ENDS.has(chars[i - 1] ?? '');
    if (OPEN_QUOTES.has(ch)) depth++;
    else if (CLOSE_QUOTES.has(ch)) depth = Math.max(0, depth - 1);
    else if (ch === '"') ascii = !ascii;
    if (depth > 0 || ascii || !(ENDS.has(ch) || closesSentence)) continue;
    let end = i + 1;
    while (end < chars.length && (ENDS.has(chars[end]!) || (CLOSERS.has(chars[end]!) && chars[end] !== '"'))) {
      if (CLOSE_QUOTES.has(chars[end]!)) depth = Math.max(0, depth - 1);
      end++;
    }
    units.push(chars.slice(start, end).join(''));
    start = end;
    i = end - 1;
  }
  if (start < chars.length) units.push(chars.slice(start).join(''));
  return units.filter((u) => u.trim() !== '');
}

/** Whether a paragraph's text ends a sentence (。！？…, possibly inside closing quotation marks). */
export function endsSentence(text: string): boolean {
  return /[。！？!?…；;.．]['"”’」』）)】》]*\s*$/u.test(text);
}
