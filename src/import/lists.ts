import { words } from './text.ts';

/** One 、-list found in a text: its items and the stretch of the text they span, verbatim. */
export interface FoundList {
  items: string[];
  /** The text from the first item to the last, as written (`房屋建筑、城市桥梁、建筑幕墙、隧道`). */
  span: string;
}

/** The longest item a list may have: longer pieces are clauses, not list items. */
const MAX_ITEM = 12;
const CLAUSE = /[^，,。；;：:！？!?]+/gu;
const JOINERS = new Set(['和', '与', '及', '以及', '或', '或者', '同']);

/**
 * The 、-lists of a text (规模、角色、短板、伦理、技术和文化等): per clause, the pieces between 、,
 * the first trimmed to its last words and the last cut at 等 and split at 和/与/及, each item as
 * long as its neighbours. Items are always substrings of the text: nothing is reworded.
 */
export function findLists(text: string): FoundList[] {
  const lists: FoundList[] = [];
  for (const raw of text.match(CLAUSE) ?? []) {
    // A quoted list (“让数据多跑路、让群众少跑路”) is a list inside its marks.
    const clause = /^“[^“”]*”$/u.test(raw) ? raw.slice(1, -1) : raw;
    if (!clause.includes('、')) continue;
    const pieces = clause.split('、');
    const middle = pieces.slice(1, -1);
    let last = pieces.at(-1)!;
    const etc = last.indexOf('等');
    if (etc > 0) last = last.slice(0, etc);
    const lastItems = splitJoined(last);
    const reference = median([...middle, ...lastItems.slice(0, -1)].map(len)) ?? len(lastItems[0]!);
    const first = suffixWords(pieces[0]!, reference);
    if (etc < 0 || lastItems.length === 1) {
      lastItems[lastItems.length - 1] = prefixWords(lastItems.at(-1)!, reference);
    }
    const items = [first, ...middle, ...lastItems].map((s) => s.trim());
    if (items.some((s) => s === '' || len(s) > MAX_ITEM || !balanced(s))) continue;
    const start = clause.indexOf(first, pieces[0]!.length - first.length);
    const lastItem = items.at(-1)!;
    const end = clause.lastIndexOf(lastItem) + lastItem.length;
    lists.push({ items, span: clause.slice(start, end) });
  }
  return lists;
}

/** `文化传承和群众诉求` → [文化传承, 群众诉求] at a joining word (not inside 和谐). */
function splitJoined(piece: string): string[] {
  const ws = words(piece);
  const at = ws.findIndex((w, i) => i > 0 && JOINERS.has(w));
  if (at < 0) return [piece];
  return [ws.slice(0, at).join(''), ws.slice(at + 1).join('')];
}

/** The last words of `text` that make at least `min` characters (要抓好房屋建筑 → 房屋建筑). */
function suffixWords(text: string, min: number): string {
  const ws = words(text);
  let out = '';
  for (let i = ws.length - 1; i >= 0 && len(out) < min; i--) out = ws[i]! + out;
  return out;
}

/** The first words of `text` that make at least `min` characters (专业化水平 → 专业化). */
function prefixWords(text: string, min: number): string {
  const ws = words(text);
  let out = '';
  for (let i = 0; i < ws.length && len(out) < min; i++) out += ws[i]!;
  return out;
}

/** Whether an item's quotation marks open and close within it (“身入”基层, not “七嘴八舌). */
function balanced(s: string): boolean {
  return (s.match(/“/g) ?? []).length === (s.match(/”/g) ?? []).length;
}

function len(s: string): number {
  return [...s].length;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)]!;
}
