import { joinHtml, markup, type SafeHtml } from './html.ts';
import type { Part } from './types.ts';

const NUMERALS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → 一, 12 → 十二 (enough for the parts of a speech). */
export function chineseNumeral(n: number): string {
  if (n <= 10) return NUMERALS[n] ?? String(n);
  if (n < 20) return `十${NUMERALS[n - 10]}`;
  if (n < 100) return `${NUMERALS[Math.floor(n / 10)]}十${n % 10 === 0 ? '' : NUMERALS[n % 10]}`;
  return String(n);
}

/** What a part's divider adds around its first slide's own content. */
export interface PartDivider {
  /** Before the slide's HTML: the wrapper opens, the large part character and "第一部分". */
  before: SafeHtml;
  /** After it: the part's theme, the chain of parts with this one lit; the wrapper closes. */
  after: SafeHtml;
}

/**
 * The divider that opens a part of the speech's frame (kind `part`: 起, 承, 转, 合 in this deck,
 * whatever the deck's own parts are called): its character large, 第N部分, its theme, and the
 * chain of the frame's parts with the current one lit. Labels come from the deck's parts. Null
 * for the opening and closing, which are not numbered parts.
 */
export function partDivider(
  parts: readonly Pick<Part, 'id' | 'kind' | 'label' | 'theme'>[],
  partId: string,
): PartDivider | null {
  const frame = parts.filter((p) => p.kind === 'part');
  const index = frame.findIndex((p) => p.id === partId);
  const part = frame[index];
  if (!part) return null;
  // A label of several characters (第一部分 in a deck whose parts are not named 起承转合) is set on
  // one line, smaller by its length (len-N), so it never stacks out of the slide; the ordinal is
  // left out when the label already says it.
  const length = Math.min(8, [...part.label].length);
  const ordinal = `第${chineseNumeral(index + 1)}部分`;
  const ordinalLine = part.label === ordinal ? '' : markup`<p class="divider-ordinal">${ordinal}</p>`;
  const before = markup`<div class="divider">\n<div class="divider-mark"><span class="divider-char len-${String(length)}" aria-hidden="true">${part.label}</span>${ordinalLine}</div>\n`;
  const chain = frame.map((p) =>
    p.id === partId ? markup`<li class="is-current" aria-current="step">${p.label}</li>` : markup`<li>${p.label}</li>`,
  );
  const theme = part.theme ? markup`<p class="divider-theme">${part.theme}</p>\n` : '';
  const after = markup`${theme}<ol class="divider-chain" aria-label="讲话结构">${joinHtml(chain, '')}</ol>\n</div>\n`;
  return { before, after };
}
