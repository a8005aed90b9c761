import { describe, expect, it } from 'vitest';
import {
  buildOutline,
  chineseNumeral,
  pathToSlide,
  walkOutline,
  type OutlineNode,
} from '../../../src/structure/outline.ts';
import { fixtureDeck, realDeck } from './helpers.ts';

/** A compact picture of the tree: one line per node, indented by level. */
function sketch(node: OutlineNode, depth = 0): string[] {
  const line = `${'  '.repeat(depth)}${node.kind} ${node.key} [${node.label}] ${node.text} | ${node.position}${
    node.editorial === 'none' ? '' : ` (${node.editorial})`
  }`;
  return [line, ...node.children.flatMap((c) => sketch(c, depth + 1))];
}

describe('buildOutline()', () => {
  it('builds speech → parts → subsections → slides from fixture Markdown', () => {
    const outline = buildOutline(fixtureDeck());
    expect(sketch(outline)).toEqual([
      'deck speech: [] 在提升城市治理现代化水平推进会上的讲话 | 全篇 (some)',
      '  part part:opening [开篇] 开篇 | 开篇',
      '    slide title [] 在提升城市治理现代化水平推进会上的讲话 | 开篇，第1页',
      '    slide agenda [] 起承转合 | 开篇，第2页',
      '  part part:qi [起] 把握规律 · 问题导向 | 第一部分 起',
      '    slide qi-intro [] 起：把握规律，问题导向 | 第一部分 起，第1页',
      '    section section:qi/1 [（一）] 从全球化和本土化的历史方位中把握城镇化发展规律，立足国情、顺势而为 | 第一部分 起，第1节',
      '      slide qi-law [] 把握城镇化发展规律 | 第一部分 起，第1节，第1页',
      '      slide qi-trend [] 我国城镇化率 1978—2024 | 第一部分 起，第1节，第2页',
      '    section section:qi/2 [（二）] 强化城市治理问题导向，深入调研，加快补好短板 | 第一部分 起，第2节',
      '      slide qi-problems [] 问题导向 | 第一部分 起，第2节，第1页',
      '  part part:cheng [承] 理顺关系 · 韧性安全 | 第二部分 承',
      '    section section:cheng/1 [（一）] 理顺政府与市场、政府与社会的关系，充分发挥多元主体协同合力 | 第二部分 承，第1节',
      '      slide cheng-relations [] 理顺三者关系 | 第二部分 承，第1节，第1页',
      '    section section:cheng/2 [（二）] 加强韧性安全城市建设 | 第二部分 承，第2节',
      '      slide cheng-resilience [] 韧性安全城市 | 第二部分 承，第2节，第1页',
      '      slide cheng-three [] 三个方面入手 | 第二部分 承，第2节，第2页',
      '  part part:zhuan [转] 四化 · 作风 · 文化治理 | 第三部分 转 (some)',
      '    section section:zhuan/1 [（一）] 持续推动社会治理“四化” | 第三部分 转，第1节 (some)',
      '      slide zhuan-four [] 社会治理“四化” | 第三部分 转，第1节，第1页',
      '      slide zhuan-pro [] 专业化 | 第三部分 转，第1节，第2页 (all)',
      '    section section:zhuan/2 [（二）] 推动公共管理人员工作作风转变 | 第三部分 转，第2节 (all)',
      '      slide zhuan-style [] 工作作风转变 | 第三部分 转，第2节，第1页 (all)',
      '  part part:he [合] 总结与展望 | 第四部分 合 (all)',
      '    slide he-summary [] 合：回到人民城市 | 第四部分 合，第1页 (all)',
      '  part part:closing [结语] 结语与来源 | 结语',
      '    slide sources [] 资料来源 | 结语，第1页',
    ]);
  });

  it('points every node at the slide it leads to, with reveal indices', () => {
    const outline = buildOutline(fixtureDeck());
    const byKey = new Map(walkOutline(outline).map((n) => [n.key, n]));
    expect(byKey.get('part:cheng')!.target).toEqual({ slideId: 'cheng-relations', h: 2, v: 0 });
    expect(byKey.get('section:qi/2')!.target).toEqual({ slideId: 'qi-problems', h: 1, v: 3 });
    expect(byKey.get('cheng-three')!.target).toEqual({ slideId: 'cheng-three', h: 2, v: 2 });
    expect(byKey.get('part:qi')!.full).toBe('把握城镇化发展规律，强化城市治理问题导向');
    expect(byKey.get('section:qi/1')!.full).toBe(
      '（一）从全球化和本土化的历史方位中把握城镇化发展规律，立足国情、顺势而为',
    );
  });

  it('gives every node a unique key even when a slide id equals a part id', () => {
    const deck = fixtureDeck((sources) =>
      sources.map((s) =>
        s.file.endsWith('99-closing.md') ? { ...s, text: s.text.replace('{#sources}', '{#closing}') } : s,
      ),
    );
    const keys = walkOutline(buildOutline(deck)).map((n) => n.key);
    expect(keys).toContain('part:closing');
    expect(keys).toContain('closing');
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('changes when a heading is renamed in Markdown', () => {
    const before = buildOutline(fixtureDeck());
    const after = buildOutline(
      fixtureDeck((sources) =>
        sources.map((s) =>
          s.file.endsWith('02-cheng.md')
            ? {
                ...s,
                text: s.text
                  .replace('section="(二) 加强韧性安全城市建设"', 'section="(二) 建设韧性城市"')
                  .replace('## 三个方面入手', '## 三项举措')
                  .replace('theme: 理顺关系 · 韧性安全', 'theme: 协同 · 韧性'),
              }
            : s,
        ),
      ),
    );
    const text = (o: OutlineNode, key: string): string => walkOutline(o).find((n) => n.key === key)!.text;
    expect(text(before, 'section:cheng/2')).toBe('加强韧性安全城市建设');
    expect(text(after, 'section:cheng/2')).toBe('建设韧性城市');
    expect(text(before, 'cheng-three')).toBe('三个方面入手');
    expect(text(after, 'cheng-three')).toBe('三项举措');
    expect(text(after, 'part:cheng')).toBe('协同 · 韧性');
  });

  it('finds the path from the speech to a slide', () => {
    const outline = buildOutline(fixtureDeck());
    expect(pathToSlide(outline, 'cheng-three').map((n) => n.key)).toEqual([
      'speech:',
      'part:cheng',
      'section:cheng/2',
      'cheng-three',
    ]);
    expect(pathToSlide(outline, 'he-summary').map((n) => n.key)).toEqual(['speech:', 'part:he', 'he-summary']);
    expect(pathToSlide(outline, 'no-such-slide')).toEqual([]);
  });

  it('writes part numbers in Chinese numerals', () => {
    expect([1, 2, 4, 10, 11, 20, 23].map(chineseNumeral)).toEqual(['一', '二', '四', '十', '十一', '二十', '二十三']);
  });

  it('reads the real slides: six groups in 起承转合 order, every slide exactly once', () => {
    const deck = realDeck();
    const outline = buildOutline(deck);
    expect(outline.children.map((p) => p.partKind)).toEqual(deck.parts.map((p) => p.kind));
    const slides = walkOutline(outline).filter((n) => n.kind === 'slide');
    expect(slides.map((n) => n.key)).toEqual(deck.parts.flatMap((p) => p.slides.map((s) => s.id)));
    const sections = deck.parts.flatMap((p) => [...new Set(p.slides.map((s) => s.section).filter(Boolean))]);
    expect(
      walkOutline(outline)
        .filter((n) => n.kind === 'section')
        .map((n) => n.full),
    ).toEqual(sections);
  });
});
