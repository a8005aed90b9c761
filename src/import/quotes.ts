import type { Quotation } from './types.ts';

/** Verbs that introduce someone's words (说 not in 说明, 说法). */
const VERB = /(?:指出|强调|要求|表示|提出|写道|说(?![明法服]))/gu;
/** Between the verb and the opening mark: a short stretch (指出了…的目标与路径，即) without a full stop. */
const BRIDGE = /^[^“”。！？!?]{0,24}$/u;
/** Adverbs between the speaker and the verb: 再次强调, 所指出, 也曾说. */
const ADVERBS = /(?:再次|多次|反复|明确|深刻|曾经?|也|还|又|都|所|进一步|特别|专门|可以|应该|应当)+$/u;
/** Words that join the clause to what went before: 对此，正如. */
const CONNECTIVES = /^(?:正如|对此|为此|同时|此外|而且|并且|因此|所以|但是?|就像|如同)/u;
/** A clause that only says where or when: 在党的二十大报告中, 2024年春节前夕. */
const CONTEXT = /^(?:在.{1,24}(?:中|上|时|里)|\d{4}年.{0,12}|今年.{0,12}|去年.{0,12})$/u;
/** 俗话说, 常言道, 这一点可以说: a saying or a manner of speaking, not someone's words. */
const SAYINGS = /^(?:俗话|常言|老话|古话|有句话|有句老话|人们常|大家常|有人|[这那此其它])/u;
const CLAUSE_BREAK = /[。！？!?；;，,：:]/u;

/**
 * The first quotation in a unit that the text attributes to someone (“…” after 指出/强调/说/要求…),
 * with the attribution in the text's own words: the speaker before the verb, and a clause of place
 * or time just before it (2024年春节前夕，习近平总书记视察我市时). Null when the unit quotes no
 * one by name.
 */
export function findQuotation(unit: string): Quotation | null {
  for (const q of unit.matchAll(/“([^”]+)”/g)) {
    const from = Math.max(0, q.index - 32);
    const verbs = [...unit.slice(from, q.index).matchAll(VERB)];
    const verb = verbs.at(-1);
    if (!verb) continue;
    const at = from + verb.index;
    const bridge = unit.slice(at + verb[0].length, q.index);
    if (!BRIDGE.test(bridge)) continue;
    const before = unit.slice(0, at);
    const clauseStart = lastBreak(before);
    const clause = before.slice(clauseStart).replace(CONNECTIVES, '').trim();
    const subject = clause.replace(ADVERBS, '').trim();
    if (subject === '' || /^[的了着]/.test(subject) || SAYINGS.test(subject)) continue;
    let attribution = subject;
    if (clauseStart > 0) {
      const prev = before.slice(0, clauseStart - 1);
      const context = prev.slice(lastBreak(prev)).replace(CONNECTIVES, '').trim();
      if (CONTEXT.test(context)) attribution = `${context}${before[clauseStart - 1]}${subject}`;
    }
    const lead = `${clause}${verb[0]}${bridge.replace(/[:：,，\s]*(?:即|道)?[:：,，\s]*$/u, '')}`;
    return { quote: q[1]!, attribution, lead };
  }
  return null;
}

function lastBreak(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) if (CLAUSE_BREAK.test(text[i]!)) return i + 1;
  return 0;
}

/** Every quotation (“…”) in a unit, attributed or not. */
export function quotationsIn(unit: string): string[] {
  return [...unit.matchAll(/“([^”]+)”/g)].map((m) => m[1]!);
}
