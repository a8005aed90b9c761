import { describe, expect, it } from 'vitest';
import { compileDeck } from '../../../src/markdown/compile.ts';
import {
  checkAgainstNotes,
  checkFidelity,
  formatFinding,
  OFFICIAL_NAMES,
  overlapShare,
  shortForms,
  type FidelityOptions,
} from '../../../src/markdown/fidelity.ts';

/** A small speech with the shapes the rules meet: direct and indirect speech, half-width punctuation. */
const SPEECH = [
  '同志们:',
  '张三同志指出:“城市是人民的城市,治理要靠人民。”我们要持续推进基层治理。',
  '2023年秋天,李四同志在调研时强调,“社区治理要精细”,要求各区抓好落实。',
  '某某工作报告指出,要加强基层治理体系建设,提升基层治理效能。',
  '党的十八大以来,基层治理取得了明显进展。第七次全国人口普查显示城镇人口继续增长。',
].join('\n');

/** Compiles one part whose slides are `slides` (Markdown, separated as in a deck file). */
function deckOf(slides: string, title = '开篇', theme = '开篇'): ReturnType<typeof compileDeck> {
  const text = [
    '---',
    'id: opening',
    'kind: opening',
    'label: 开篇',
    `title: ${title}`,
    `theme: ${theme}`,
    'minutes: 2',
    'deck:',
    '  title: 测试讲话',
    '---',
    '',
    slides,
  ].join('\n');
  return compileDeck([{ file: 'slides/00-test.md', text }]);
}

const check = (slides: string, options: FidelityOptions = {}): string[] =>
  checkFidelity(deckOf(slides), SPEECH, options).map((f) => `${f.rule} ${f.slide}`);

describe('checkFidelity(): quotations', () => {
  it('accepts a quotation that is verbatim but for punctuation width, with the person the sentence names', () => {
    expect(check('{#a}\n\n## 推进基层治理\n\n> 城市是人民的城市，治理要靠人民。\n> —— 张三同志\n')).toEqual([]);
  });

  it('accepts a caption made of pieces of the quotation’s sentence (who, when, where)', () => {
    expect(check('{#a}\n\n## 推进基层治理\n\n> 社区治理要精细\n> —— 李四同志，2023年秋天调研时\n')).toEqual([]);
  });

  it('reports a quotation with one character changed', () => {
    expect(check('{#a}\n\n## 推进基层治理\n\n> 城市是人民的城市，治理要依靠人民。\n> —— 张三同志\n')).toEqual([
      'quotation a',
    ]);
  });

  it('reports indirect speech set as a block quotation: the speaker’s 要 is not the report’s words', () => {
    expect(check('{#a}\n\n## 推进基层治理\n\n> 要加强基层治理体系建设\n> —— 某某工作报告\n')).toEqual(['quotation a']);
  });

  it('reports an unattributed block quote that the speech does not quote', () => {
    expect(check('{#a}\n\n## 推进基层治理\n\n> 我们要持续推进基层治理\n')).toEqual(['quotation a']);
  });

  it('lets …… stand for words left out, in order and within one quotation', () => {
    expect(check('{#a}\n\n## 推进基层治理\n\n> 城市是……治理要靠人民。\n> —— 张三同志\n')).toEqual([]);
    expect(check('{#a}\n\n## 推进基层治理\n\n> 治理要靠人民……城市是人民的城市\n> —— 张三同志\n')).toEqual([
      'quotation a',
    ]);
  });

  it('reports a caption naming someone the sentence does not name for that quotation', () => {
    expect(check('{#a}\n\n## 推进基层治理\n\n> 城市是人民的城市，治理要靠人民。\n> —— 李四同志\n')).toEqual([
      'attribution a',
    ]);
    expect(check('{#a}\n\n## 推进基层治理\n\n> 社区治理要精细\n> —— 李四同志，某某工作报告\n')).toEqual([
      'attribution a',
    ]);
  });

  it('says what is wrong and what to do, at the slide’s file:line', () => {
    const [finding] = checkFidelity(
      deckOf('{#a}\n\n## 推进基层治理\n\n> 要加强基层治理体系建设\n> —— 某某工作报告\n'),
      SPEECH,
    );
    expect(formatFinding(finding!)).toBe(
      'slides/00-test.md:12: 引语“要加强基层治理体系建设”不是讲稿中加引号的原话 — 逐字照录讲稿“…”中的文字（删去的字写作“……”），或改为不加引号的要点',
    );
  });
});

describe('checkFidelity(): "name：text" lines read as quotations', () => {
  it('accepts a name-colon line that quotes the speech with the name its sentence gives', () => {
    expect(check('{#a}\n\n## 推进基层治理\n\n- 张三同志：城市是人民的城市\n')).toEqual([]);
  });

  it('reports a name-colon line that paraphrases', () => {
    expect(check('{#a}\n\n## 推进基层治理\n\n- 张三同志：城市属于人民\n')).toEqual(['name-colon a']);
  });

  it('reports a name-colon line credited to someone else', () => {
    expect(check('{#a}\n\n## 推进基层治理\n\n- 李四同志：城市是人民的城市\n')).toEqual(['name-colon a']);
  });

  it('treats an official name before the colon as a credit (党的十八大以来：…)', () => {
    expect(check('{#a}\n\n## 推进基层治理\n\n- 党的十八大以来：基层治理取得了明显进展\n')).toEqual(['name-colon a']);
  });

  it('knows persons from the names option, and leaves ordinary "要点：text" lines alone', () => {
    expect(check('{#a}\n\n## 推进基层治理\n\n- 王五：城市属于人民\n')).toEqual([]);
    expect(check('{#a}\n\n## 推进基层治理\n\n- 王五：城市属于人民\n', { names: ['王五'] })).toEqual(['name-colon a']);
    expect(check('{#a}\n\n## 推进基层治理\n\n- 要求：各区抓好落实\n- 例如：基层治理体系建设\n')).toEqual([]);
  });
});

describe('checkFidelity(): slides not drawn from the speech', () => {
  const invented = '{#made-up}\n\n## 展望未来\n\n- 乘风破浪会有时\n- 直挂云帆济沧海\n';

  it('reports a slide with no overlap with the speech unless it is editorial or structural', () => {
    expect(check(invented)).toEqual(['no-overlap made-up']);
    expect(check(invented.replace('{#made-up}', '{#made-up editorial}'))).toEqual([]);
    expect(check(invented, { structural: ['made-up'] })).toEqual([]);
    expect(check(invented.replace('{#made-up}', '{#made-up layout=title}'))).toEqual([]);
  });

  it('measures overlap as the share of letters in common runs of four or more characters', () => {
    const speech = '基层治理取得了明显进展';
    expect(overlapShare('基层治理', speech)).toBe(1);
    expect(overlapShare('基层，治理：取得', speech)).toBe(1);
    expect(overlapShare('基层进展', speech)).toBe(0);
    expect(overlapShare('基层治理很好', speech)).toBeCloseTo(4 / 6);
  });
});

describe('checkFidelity(): official names in full', () => {
  it('holds the names the speech writes in full, each with its wrong short forms', () => {
    const byName = Object.fromEntries(OFFICIAL_NAMES.map((n) => [n.name, n.wrong]));
    expect(byName['习近平总书记']).toEqual(expect.arrayContaining(['习总书记', '总书记']));
    expect(byName['党的二十大报告']).toEqual(expect.arrayContaining(['二十大报告']));
    expect(byName['党的十八大']).toEqual(expect.arrayContaining(['十八大']));
    expect(byName['第七次全国人口普查']).toEqual(expect.arrayContaining(['第七次人口普查', '七普']));
    for (const official of OFFICIAL_NAMES) {
      expect(shortForms(`……${official.name}……`, official)).toEqual([]);
      for (const wrong of official.wrong) expect(shortForms(`……${wrong}……`, official)).toEqual([wrong]);
    }
  });

  it('reports a short form on the slide, in the notes (any role, at its line), in a chart title and in a part title', () => {
    expect(check('{#a}\n\n## 推进基层治理\n\n- 十八大以来，基层治理取得了明显进展\n')).toEqual(['official-name a']);
    expect(check('{#a}\n\n## 推进基层治理\n\n- 基层治理取得了明显进展\n\nNote:\n\n十八大以来的进展。\n')).toEqual([
      'official-name a',
    ]);
    const inNote = checkFidelity(
      deckOf(
        '{#a}\n\n## 推进基层治理\n\n- 基层治理取得了明显进展\n\nNote:\n\n::: note\n请核对十八大以来的数据。\n:::\n',
      ),
      SPEECH,
    );
    expect(inNote.map(formatFinding)).toEqual([
      'slides/00-test.md:21: 备注把“党的十八大”简写作“十八大” — 写全称“党的十八大”',
    ]);
    expect(
      check('{#a layout=chart}\n\n## 城镇人口\n\n```chart\nkind: cities\ndataset: x\ntitle: 第七次人口普查\n```\n'),
    ).toEqual(['official-name a']);
    expect(
      checkFidelity(deckOf('{#a}\n\n## 推进基层治理\n\n- 基层治理取得了明显进展\n', '开篇', '十八大以来'), SPEECH).map(
        (f) => f.rule,
      ),
    ).toEqual(['official-name']);
    expect(check('{#a}\n\n## 推进基层治理\n\n- 党的十八大以来，基层治理取得了明显进展\n')).toEqual([]);
  });
});

describe('checkAgainstNotes(): a deck checked against its own speech notes (what npm run build prints)', () => {
  const slide = (body: string, notes: string): string => `${body}\n\nNote:\n\n${notes}\n`;
  const speech = '张三同志指出:“城市是人民的城市,治理要靠人民。”我们要持续推进基层治理。';

  it('finds a paraphrase credited with a name-colon line, and no problem in a faithful slide', () => {
    const deck = deckOf(
      [
        slide('{#good}\n\n## 推进基层治理\n\n> 城市是人民的城市，治理要靠人民。\n> —— 张三同志', speech),
        slide('{#bad}\n\n## 推进基层治理\n\n- 张三同志：城市属于人民', '我们要持续推进基层治理。'),
      ].join('\n---\n\n'),
    );
    expect(checkAgainstNotes(deck).map((f) => `${f.rule} ${f.slide}`)).toEqual(['name-colon bad']);
  });

  it('counts a slide with no speech in its notes (title, agenda, sources) as structural', () => {
    const deck = deckOf(
      [
        slide('{#talk}\n\n## 推进基层治理\n\n- 持续推进基层治理', speech),
        slide('{#credits}\n\n## 资料来源\n\n- 某某出版社', '::: source\n某某出版社，2023年。\n:::'),
        slide('{#made-up}\n\n## 展望未来\n\n- 乘风破浪会有时', '直挂云帆济沧海。'),
      ].join('\n---\n\n'),
    );
    expect(checkAgainstNotes(deck).map((f) => `${f.rule} ${f.slide}`)).toEqual(['no-overlap made-up']);
  });
});
