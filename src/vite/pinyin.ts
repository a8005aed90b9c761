import { pinyin } from 'pinyin-pro';
import type { Deck, DeckExtension } from '../markdown/types.ts';

const HAN = /\p{Script=Han}/gu;

/**
 * Every reading (toneless pinyin, lower case) of each Han character in `text`, as the search
 * matches them (src/runtime/study/pinyin-match.ts): polyphones keep all their readings
 * (行 → `xing hang heng`), and ü is written both v (as input methods type it) and u.
 */
export function readingsOf(text: string): Record<string, string> {
  const chars = [...new Set(text.match(HAN) ?? [])].sort();
  const out: Record<string, string> = {};
  for (const ch of chars) {
    const readings = pinyin(ch, { toneType: 'none', type: 'array', multiple: true, v: true });
    const all = new Set(readings.flatMap((r) => (r.includes('v') ? [r, r.replace(/v/gu, 'u')] : [r])));
    const list = [...all].filter((r) => /^[a-z]+$/u.test(r));
    if (list.length) out[ch] = list.join(' ');
  }
  return out;
}

/**
 * All the text a reader can search: headings, each slide as rendered (with the text of its
 * labels) and its notes, and the charts' own words (titles, labels and notes in their options).
 */
export function searchableText(deck: Deck): string {
  const parts = deck.parts.flatMap((p) => [
    p.title,
    p.theme,
    p.label,
    ...p.slides.flatMap((s) => [s.title, s.section, s.text, s.html, s.notesHtml, ...s.notes.map((n) => n.text)]),
  ]);
  return [deck.meta.title, deck.meta.occasion, ...parts, JSON.stringify(deck.charts.map((c) => c.options))].join('\n');
}

/**
 * Adds `pinyin` to `virtual:deck`: the readings of the deck's own characters only (a few KB),
 * so pinyin search needs no dictionary in the page.
 */
export function pinyinExtension(): DeckExtension {
  return { exports: (deck) => ({ pinyin: readingsOf(searchableText(deck)) }) };
}
