import { describe, expect, it } from 'vitest';
import { deckTerms, markHeadingBreaks, markWordBreaks, wordUnits } from '../../../src/markdown/words.ts';

const terms = deckTerms(['把握规律 · 问题导向', '城市治理现代化 · 起承转合']);

describe('wordUnits()', () => {
  it('never breaks inside the words of the issue’s examples', () => {
    // "顺势而⏎为", "“四⏎化”", "问题⏎导向", "起承转⏎合" are the breaks the room saw.
    expect(wordUnits('立足国情、顺势而为', terms)).toEqual(['立足', '国情、', '顺势', '而为']);
    expect(wordUnits('持续推动社会治理“四化”', terms)).toContain('“四化”');
    expect(wordUnits('强化城市治理问题导向', terms)).toContain('问题导向');
    expect(wordUnits('讲话结构：起承转合', terms)).toEqual(['讲话', '结构：', '起承转合']);
  });

  it('keeps a run of single characters together (the segmenter’s 导|向) and a suffix on its word', () => {
    expect(wordUnits('坚持问题导向')).toEqual(['坚持', '问题', '导向']);
    expect(wordUnits('把握城镇化发展规律')).toEqual(['把握', '城镇化', '发展', '规律']);
  });

  it('keeps "·" and closing marks at the end of a line, opening marks at the start', () => {
    const units = wordUnits('起 · 把握城镇化发展规律，强化城市治理问题导向', terms);
    expect(units[0]).toBe('起 · ');
    for (const u of units) {
      expect('，。、；：？！）》」』】〕”’…·'.includes([...u][0]!), u).toBe(false);
      expect('（《「『【〔“‘'.includes([...u].at(-1)!), u).toBe(false);
    }
  });

  it('never leaves a single character alone at the end', () => {
    expect(wordUnits('人民城市人民建').at(-1)).not.toHaveLength(1);
    expect(wordUnits('城市是人').at(-1)!.length).toBeGreaterThan(1);
  });

  it('gives back the text when joined', () => {
    for (const s of ['社会化 · 法治化', '外来常住人口多大程度享受到了城镇居民的基本公共服务？', 'GDP 增长 5.2%'])
      expect(wordUnits(s, terms).join('')).toBe(s);
  });
});

describe('deckTerms()', () => {
  it('takes the short words of the parts’ themes', () => {
    expect(terms).toEqual(['把握规律', '问题导向', '城市治理现代化', '起承转合']);
  });
});

describe('markWordBreaks() and markHeadingBreaks()', () => {
  it('puts <wbr> between words, never inside a tag, an entity or code', () => {
    expect(markWordBreaks('运用&ldquo;起承转合&rdquo;的思维', terms)).toBe('运用<wbr>“起承转合”<wbr>的<wbr>思维');
    expect(markWordBreaks('<a href="#qi-law">顺势而为</a>&amp;治理', terms)).toBe(
      '<a href="#qi-law">顺势<wbr>而为</a>&amp;<wbr>治理',
    );
    expect(markWordBreaks('<code>城市治理</code>')).toBe('<code>城市治理</code>');
  });

  it('marks headings only', () => {
    expect(markHeadingBreaks('<h2 id="x">问题导向的城市治理</h2><p>城市治理</p>', terms)).toBe(
      '<h2 id="x">问题导向<wbr>的<wbr>城市<wbr>治理</h2><p>城市治理</p>',
    );
  });
});
