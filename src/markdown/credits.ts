import { markup } from './html.ts';
import type { DataCredit } from './types.ts';
import { widenHtml } from './width.ts';

/**
 * The 资料来源 slide's data credits, made from the descriptions of the datasets the charts draw
 * (never typed by hand, so a new CSV's credit cannot be forgotten and a changed source line
 * cannot go stale). The projected slide lists each dataset's name and source line and the
 * licences; the full provenance goes to the notes as provenance (source role), which the reading
 * view shows and the projected slide never does.
 */

const NO_LICENCE = '未注明';

/** Each licence once, in the order first named (`A；B` in one description counts as two). */
export function licenceList(credits: readonly DataCredit[]): string[] {
  const seen = new Set<string>();
  for (const c of credits) {
    const parts = c.licence.split(/[；;]/).map((p) => p.trim());
    for (const p of parts.filter(Boolean)) seen.add(p);
  }
  return [...seen];
}

const withoutStop = (text: string): string => text.trim().replace(/[。.]+$/, '');

/** The slide's part: a list of the datasets with their source lines, and one line of licences. */
export function creditsSlideHtml(credits: readonly DataCredit[]): string {
  if (credits.length === 0) return '<div class="data-sources"></div>';
  const items = credits.map((c) => markup`<li>${c.title || c.dataset}：${c.source}</li>\n`);
  const unlicensed = credits.filter((c) => c.licence.trim() === '').map((c) => c.title || c.dataset);
  const licences = [...licenceList(credits), ...(unlicensed.length ? [`${unlicensed.join('、')}：${NO_LICENCE}`] : [])];
  return widenHtml(
    markup`<div class="data-sources">\n<ul>\n${items}</ul>\n<p class="data-licences"><small>许可：${licences.join('；')}</small></p>\n</div>`.toString(),
  );
}

/** The notes' provenance block: each dataset's full provenance (else its source line) and licence. */
export function creditsNoteHtml(credits: readonly DataCredit[]): string {
  const items = credits.map(
    (c) =>
      markup`<li><strong>${c.title || c.dataset}</strong>（${c.dataset}）：${withoutStop(c.provenance || c.source)}。许可：${withoutStop(c.licence) || NO_LICENCE}。</li>\n`,
  );
  return widenHtml(markup`<p>图表数据（取自各数据的说明）：</p>\n<ul>\n${items}</ul>\n`.toString());
}
