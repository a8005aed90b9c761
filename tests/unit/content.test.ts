import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileDeck } from '../../src/markdown/compile.ts';
import type { ContentRole, Slide } from '../../src/markdown/types.ts';
import { foldWidth } from '../../src/markdown/width.ts';
import { readSlideFiles } from '../../src/vite/deck-plugin.ts';

/** The deck's real content: `slides/*.md` of the project (or of CONTENT_ROOT while drafting). */
const ROOT = process.env.CONTENT_ROOT ?? process.cwd();
const deck = compileDeck(readSlideFiles(ROOT));
const slides: Slide[] = deck.parts.flatMap((p) => p.slides);

/** speech.txt: lines 1–2 repeat the title; the last three lines are the publishing page's footer. */
const SOURCE = readFileSync('assets/source/speech.txt', 'utf8').replace(/\r/g, '').replace(/\n+$/, '');
const LINES = SOURCE.split('\n');
const SPEECH = LINES.slice(2, LINES.length - 3);
const FOOTER = LINES.slice(-3);

/**
 * Whitespace and punctuation width are the only things normalised: Chinese text has no whitespace
 * that matters, and display text is widened at build time (，for ,) while the source stays as found.
 */
const squash = (s: string): string => foldWidth(s).replace(/\s+/g, '');
/** The text of a slide's notes in the given roles. */
const roleText = (s: Slide, ...roles: ContentRole[]): string =>
  s.notes
    .filter((b) => roles.includes(b.role))
    .map((b) => b.text)
    .join('\n');

/** Sentences: split after 。！？ (and the half-width ? ! the text also uses, plus a closing ”), and at line ends. */
function sentences(lines: readonly string[]): string[] {
  return lines.flatMap((line) => (line.match(/[^。！？?!]+(?:[。！？?!]+”?|$)/g) ?? []).map(squash).filter(Boolean));
}

const NOTES = slides.map((s) => squash(s.notesText));
// Joined without a separator: a long sentence may be read clause by clause over consecutive slides.
const ALL_NOTES = NOTES.join('');

/** The slide whose notes contain the given position of ALL_NOTES. */
function slideAt(offset: number): string {
  let end = 0;
  for (let i = 0; i < slides.length; i++) {
    end += NOTES[i]!.length;
    if (offset < end) return slides[i]!.id;
  }
  return '(end of deck)';
}

function occurrences(haystack: string, needle: string): number {
  let n = 0;
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length)) n++;
  return n;
}

/** Plain text of a fragment of compiled HTML (entities the compiler emits decoded). */
const textOf = (html: string): string =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();

/** Every attributed quotation on audience slides: the quoted text and its caption. */
const FIGURES = slides.flatMap((s) =>
  [
    ...s.html.matchAll(
      /<figure class="quotation">\s*<blockquote>([\s\S]*?)<\/blockquote>\s*<figcaption>([\s\S]*?)<\/figcaption>/g,
    ),
  ].map((m) => ({ slide: s.id, quote: squash(textOf(m[1]!)), caption: textOf(m[2]!) })),
);

/** Block quotes that are not inside an attributed figure. */
const PLAIN_QUOTES = slides.flatMap((s) =>
  [
    ...s.html
      .replace(/<figure class="quotation">[\s\S]*?<\/figure>/g, '')
      .matchAll(/<blockquote>([\s\S]*?)<\/blockquote>/g),
  ].map((m) => ({ slide: s.id, quote: squash(textOf(m[1]!)) })),
);

describe('the deck content (slides/*.md)', () => {
  it('has the parts opening, qi, cheng, zhuan, he, closing in order, labelled 开篇 起 承 转 合 结语, with their minutes', () => {
    expect(deck.parts.map((p) => p.id)).toEqual(['opening', 'qi', 'cheng', 'zhuan', 'he', 'closing']);
    expect(deck.parts.map((p) => p.label)).toEqual(['开篇', '起', '承', '转', '合', '结语']);
    expect(deck.parts.map((p) => p.minutes)).toEqual([2, 5, 4, 3, 2, 1]);
    expect(deck.parts.map((p) => p.kind)).toEqual(['opening', 'part', 'part', 'part', 'part', 'closing']);
  });

  it('carries the deck settings the source gives and leaves the rest empty', () => {
    expect(deck.meta).toEqual({
      title: LINES[0],
      occasion: '提升城市治理现代化水平推进会',
      speaker: '',
      organiser: '',
      date: '',
      venue: '',
      showEditorialMarks: true,
      clickToAdvance: false,
    });
    expect(LINES[0]).toContain(deck.meta.occasion);
  });

  it('puts every sentence of the speech in the notes, in order', () => {
    const all = sentences(SPEECH);
    expect(all.length).toBeGreaterThan(60);
    let cursor = 0;
    for (const [i, sentence] of all.entries()) {
      const at = ALL_NOTES.indexOf(sentence, cursor);
      if (at < 0) {
        const anywhere = ALL_NOTES.indexOf(sentence);
        throw new Error(
          `sentence ${i + 1} is missing from the notes (looked from slide ${slideAt(cursor)} on)` +
            (anywhere >= 0 ? ` (it appears earlier, in ${slideAt(anywhere)}: out of order)` : '') +
            `: ${sentence}`,
        );
      }
      cursor = at + sentence.length;
    }
  });

  it('reads each sentence of the speech only once (no sentence repeated in another slide’s notes)', () => {
    const repeated = sentences(SPEECH)
      .filter((s) => s.length >= 8)
      .filter((s) => occurrences(ALL_NOTES, s) !== 1);
    expect(repeated).toEqual([]);
  });

  it('shows each attributed quotation verbatim in a figure whose caption names who the text says spoke', () => {
    const quoted = [...SPEECH.join('\n').matchAll(/([^。\n]*?)(?:指出:|强调,|即)“([^”]+)”/g)].map((m) => ({
      before: m[1]!,
      quote: squash(m[2]!),
    }));
    // 马克思, the 二十大 report, the 2024 visit, 治理和管理, 防灾减灾救灾.
    expect(quoted.length).toBe(5);
    for (const { before, quote } of quoted) {
      const figure = FIGURES.find((f) => f.quote === quote);
      expect(figure, `no attributed quotation on any slide for “${quote}”`).toBeDefined();
      const speakers = ['马克思', '习近平总书记', '党的二十大报告'].filter((name) => before.includes(name));
      expect(speakers.length).toBeGreaterThan(0);
      for (const name of speakers) expect(figure!.caption).toContain(name);
    }
  });

  it('gives the quotations the text leaves unattributed as plain block quotes, without a caption', () => {
    for (const quote of [
      '考察一个城市首先看规划,规划科学是最大的效益,规划失误是最大的浪费,规划折腾是最大的忌讳',
      '不畏浮云遮望眼。',
      '没有调查就没有发言权',
      '城市管理应该像绣花一样精细',
    ]) {
      expect(SOURCE).toContain(`“${quote}”`);
      expect(PLAIN_QUOTES.map((q) => q.quote)).toContain(quote);
      expect(FIGURES.map((f) => f.quote)).not.toContain(quote);
    }
  });

  it('marks as editorial exactly the gaps: 专业化, 三(二), 三(三), all of 合 and the closing recap', () => {
    const he = deck.parts.find((p) => p.id === 'he')!;
    const zhuan = deck.parts.find((p) => p.id === 'zhuan')!;
    expect(he.slides.length).toBeGreaterThan(0);
    expect(he.slides.every((s) => s.editorial)).toBe(true);

    const gap = (s: Slide): boolean =>
      squash(s.section).startsWith('(二)推动公共管理人员工作作风转变') ||
      squash(s.section).startsWith('(三)推动“物质治理”向“文化治理”转变');
    const gaps = zhuan.slides.filter(gap);
    expect(gaps.map((s) => s.section.slice(0, 3)).sort()).toEqual(['（三）', '（二）']);
    expect(gaps.every((s) => s.editorial)).toBe(true);

    const professional = zhuan.slides.filter((s) => s.editorial && !gap(s));
    expect(professional.length).toBe(1);
    expect(professional[0]!.title).toContain('专业化');
    expect(professional[0]!.section).toMatch(/^（一）/);

    // The speech has no conclusion: the recap that closes the deck (and the 结语 theme) is ours.
    const closing = deck.parts.find((p) => p.id === 'closing')!;
    expect(closing.theme).toContain('编者概括');
    const recap = closing.slides.filter((s) => s.id === 'closing');

    const expected = new Set([...he.slides, ...gaps, ...professional, ...recap].map((s) => s.id));
    expect(slides.filter((s) => s.editorial).map((s) => s.id)).toEqual(
      slides.filter((s) => expected.has(s.id)).map((s) => s.id),
    );
    // Each carries its summary in the editorial role, and none of the speaker's words.
    for (const s of slides.filter((x) => x.editorial)) {
      expect(roleText(s, 'editorial'), s.id).not.toBe('');
      expect(s.notesText, s.id).toBe('');
    }
  });

  it('keeps the cut-off sentence as the speech has it in a non-editorial slide, the stop told to the speaker only', () => {
    const cut = squash(SPEECH.at(-1)!.split('。').slice(-2).join('。'));
    expect(cut).toBe('四是推动城市社会治理专业化。要改变');
    const holders = slides.filter((s) => squash(s.notesText).includes(cut));
    expect(holders.length).toBe(1);
    const holder = holders[0]!;
    expect(holder.editorial).toBe(false);
    expect(squash(holder.notesText)).toBe(`${cut}……`);
    expect(holder.text).toContain('要改变……');
    expect(roleText(holder, 'note')).toContain('中断');
  });

  it('gives every slide notes: the speech, or a direction, note, editorial summary or source', () => {
    expect(slides.filter((s) => s.notes.length === 0).map((s) => s.id)).toEqual([]);
  });

  it('never shows the audience 缺失, 中断 or 请演讲者: not on slides, in titles, sections or editorial summaries', () => {
    const shown = slides.flatMap((s) => [
      { where: `${s.id} (slide)`, text: `${s.title}\n${s.section}\n${s.text}` },
      { where: `${s.id} (speech, editorial)`, text: roleText(s, 'speech', 'editorial') },
    ]);
    for (const p of deck.parts) shown.push({ where: `part ${p.id}`, text: `${p.label}\n${p.title}\n${p.theme}` });
    const bad = shown.filter((x) => /缺失|中断|请演讲者/.test(x.text)).map((x) => x.where);
    expect(bad).toEqual([]);
  });

  it('declares every direction and request in its role: the build warns about no speech paragraph', () => {
    expect(
      deck.warnings.filter((w) => w.message.startsWith('讲稿（speech）')).map((w) => `${w.file}:${w.line}`),
    ).toEqual([]);
  });

  it('credits the publishing page footer as provenance on the sources slide, never on a slide or as speech', () => {
    const [, stamp, address] = FOOTER;
    expect(stamp).toMatch(/^本文2024-07-13/);
    expect(address).toMatch(/^本文链接:https:/);
    const sources = slides.find((s) => s.id === 'sources');
    expect(sources).toBeDefined();
    for (const line of FOOTER) expect(squash(roleText(sources!, 'source'))).toContain(squash(line!));
    for (const line of [stamp!, address!, 'feels123', '精选讲稿']) {
      expect(slides.filter((s) => squash(`${s.notesText}${s.text}`).includes(squash(line))).map((s) => s.id)).toEqual(
        [],
      );
    }
  });

  it('places each chart where its sentence stands and keeps chart slides to a heading and one short line', () => {
    const at: Record<string, { kind: string; dataset: string; sentence: string }> = {
      'opening-megacities': { kind: 'cities', dataset: 'megacities-2020', sentence: '由于城市社会(尤其是超大型城市)' },
      'qi-trend': { kind: 'trend', dataset: 'nbs-urbanisation', sentence: '我国城镇化起步较晚、水平低,但发展速度快。' },
      'qi-world': { kind: 'compare', dataset: 'wb-urban-share', sentence: '处于城镇化较快发展的中后期' },
      'qi-population': { kind: 'population', dataset: 'nbs-urbanisation', sentence: '促进农业转移人口市民化' },
      'qi-hukou': {
        kind: 'gap',
        dataset: 'hukou-urbanisation',
        sentence: '外来常住人口多大程度享受到了城镇居民的基本公共服务?',
      },
    };
    for (const [id, want] of Object.entries(at)) {
      const slide = slides.find((s) => s.id === id);
      expect(slide, id).toBeDefined();
      expect(slide!.layout).toBe('chart');
      expect(slide!.charts.map((c) => [c.kind, c.dataset])).toEqual([[want.kind, want.dataset]]);
      expect(squash(slide!.notesText)).toContain(squash(want.sentence));
      const textLines = slide!.text.split('\n').filter((l) => l.trim() !== '');
      expect(textLines.length, `${id}: ${textLines.join(' / ')}`).toBeLessThanOrEqual(2);
    }
    expect(slides.find((s) => s.id === 'qi-hukou')!.section).toMatch(/^（二）/);
  });

  it('keeps audience slides readable from the back: short headings, at most six short lines per list', () => {
    const tooLong: string[] = [];
    for (const s of slides) {
      // The title slide and the verbatim credit lines of the sources slide are exempt.
      if (s.layout === 'title' || s.id === 'sources') continue;
      if ([...s.title].length > 30) tooLong.push(`${s.id}: heading “${s.title}”`);
      for (const list of s.html.matchAll(/<[uo]l>([\s\S]*?)<\/[uo]l>/g)) {
        const items = [...list[1]!.matchAll(/<li[^>]*>([\s\S]*?)<\/li>/g)].map((m) => textOf(m[1]!));
        if (items.length > 6) tooLong.push(`${s.id}: ${items.length} list items`);
        for (const item of items) if ([...item].length > 26) tooLong.push(`${s.id}: “${item}”`);
      }
    }
    expect(tooLong).toEqual([]);
  });

  it('starts each of the four parts with a title slide naming its 起承转合 label, the part heading in its notes', () => {
    for (const [i, id] of ['qi', 'cheng', 'zhuan'].entries()) {
      const part = deck.parts.find((p) => p.id === id)!;
      const first = part.slides[0]!;
      expect(first.id).toBe(`${id}-title`);
      expect(first.title.startsWith(`${part.label} · `)).toBe(true);
      const heading = SPEECH.find((l) => l.startsWith(`${'一二三'[i]}、`))!;
      expect(squash(first.notesText)).toBe(squash(heading));
    }
    const he = deck.parts.find((p) => p.id === 'he')!;
    expect(he.slides[0]!.id).toBe('he-title');
    expect(he.slides[0]!.title.startsWith('合 · ')).toBe(true);
  });
});
