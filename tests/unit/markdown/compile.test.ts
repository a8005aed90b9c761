import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ASSET_PROBLEMS } from '../../../src/markdown/assets.ts';
import { compileDeck, deckToHtml, notesToHtml } from '../../../src/markdown/compile.ts';
import { DeckError, DeckErrors, MAX_PROBLEMS, problemsOf } from '../../../src/markdown/errors.ts';
import type { SourceFile } from '../../../src/markdown/types.ts';

const DIR = 'tests/fixtures/markdown';
const fixture = (name: string): SourceFile => ({
  file: `${DIR}/${name}`,
  text: readFileSync(path.join(DIR, name), 'utf8'),
});
const first = fixture('good-first.md');

/** Every bad fixture and the exact message the build prints for it (compiled after good-first.md). */
const BAD: Record<string, string> = {
  'bad-attribute-near-miss.md':
    'bad-attribute-near-miss.md:9: 未知的幻灯片属性“layuot”（slide attribute） — 您是否想写 layout？可写 #id、.class、layout=版式、section="…"、editorial',
  'bad-attrs-in-notes.md':
    'bad-attrs-in-notes.md:17: 备注（Note:）里出现了属性行 {#qi-second}：是不是少了分页线 ---？这样下一页会并进这一页的备注 — 在下一页开始之前（它的属性行或标题之上）加一行 ---；备注里的文字不用标题',
  'bad-attrs-not-first.md':
    'bad-attrs-not-first.md:11: 属性行 {#qi-late} 不在这一页的第一行，不会生效（slide attributes） — 幻灯片属性写在 --- 之后的第一行；给标题、段落或列表项加属性，写在那一行的末尾，如 ## 标题 {.fragment}',
  'bad-broken-link.md':
    'bad-broken-link.md:11: 找不到链接指向的幻灯片“#qi-trnd”（slide link） — 链接写成 [文字](#id)，id 是要去的一页第一行 {#id} 里的名字',
  'bad-chart-in-notes.md':
    'bad-chart-in-notes.md:13: 图表（chart）不能放在备注里 — 把 ```chart 代码块移到 Note: 一行之上，放在幻灯片上',
  'bad-sources-in-notes.md':
    'bad-sources-in-notes.md:13: 资料来源（```sources）不能放在备注里 — 把 ```sources 代码块移到 Note: 一行之上，放在资料来源页上',
  'bad-sources-text.md':
    'bad-sources-text.md:11: ```sources 代码块里不写内容：资料来源由各图表所用数据的说明（.yaml）生成 — 删去代码块里的文字；要改来源、许可，改数据说明里的 source、provenance、licence',
  'bad-chart-no-kind.md':
    'bad-chart-no-kind.md:11: 图表代码块没有写图表类型 kind（chart kind） — 加一行 kind: 图表类型，如 kind: line；可用的类型见 npm run deck -- help',
  'bad-deck-not-first.md':
    'bad-deck-not-first.md:7: deck: 设置只能写在第一个文件里 — 把 deck: 和它下面的字段移到第一个幻灯片文件（按文件名排在最前的那个）',
  'bad-duplicate-id-same-file.md': `bad-duplicate-id-same-file.md:15: 幻灯片 id “same”重复，${DIR}/bad-duplicate-id-same-file.md:9 已经用了（duplicate slide id） — 给这一页换一个 id：整个演示文稿里 id 不能重复`,
  'bad-duplicate-id.md': `bad-duplicate-id.md:9: 幻灯片 id “title”重复，${DIR}/good-first.md:12 已经用了（duplicate slide id） — 给这一页换一个 id：整个演示文稿里 id 不能重复`,
  'bad-empty-slide.md':
    'bad-empty-slide.md:13: 这一页没有给听众看的内容 — 在 Note: 一行之上写标题或要点，或删去这一页（连同它的 ---）',
  'bad-empty.md':
    'bad-empty.md:1: 文件是空的（empty file） — 在开头写 front matter（--- 之间的 id、kind、label、title、minutes），再写至少一页幻灯片；或删去这个文件',
  'bad-inline-attrs.md':
    'bad-inline-attrs.md:11: 无法读取属性“{fragment=yes}”（attributes） — 在标题、段落或列表项的最后只能写 {.fragment}、{.class} 或 {#id}，中间空一格',
  'bad-javascript-href-html.md':
    'bad-javascript-href-html.md:11: 不安全的链接：href=" JaVaScRiPt:alert(1)" 会运行脚本或加载其他内容（unsafe URL） — 只链接 http(s) 网页、mailto: 或演示文稿里的文件（相对路径，如 图片/a.png）；javascript:、data:、vbscript: 一律不行',
  'bad-javascript-url.md':
    'bad-javascript-url.md:11: 不安全的链接：href="javascript:alert(1)" 会运行脚本或加载其他内容（unsafe URL） — 只链接 http(s) 网页、mailto: 或演示文稿里的文件（相对路径，如 图片/a.png）；javascript:、data:、vbscript: 一律不行',
  'bad-kind.md':
    'bad-kind.md:3: kind 应为 opening、part、closing 之一，这里是 "chapter" — 写成 kind: part（开篇 opening，正文部分 part，结语 closing）',
  'bad-layout.md':
    'bad-layout.md:9: 未知的版式“grid”（layout） — 可用的版式：default、title、quote、two-col、chart、statement、structure、contrast',
  'bad-minutes-type.md':
    'bad-minutes-type.md:6: minutes 应为大于 0 的分钟数（阿拉伯数字），这里是 "五" — 写成 minutes: 5',
  'bad-missing-break.md':
    'bad-missing-break.md:17: 备注（Note:）里出现了标题“## 第二页”：是不是少了分页线 ---？这样下一页会并进这一页的备注 — 在下一页开始之前（它的属性行或标题之上）加一行 ---；备注里的文字不用标题',
  'bad-missing-image.md':
    'bad-missing-image.md:11: 找不到图片“img/missing.png”（image） — 把图片放进 public/img/missing.png（public/ 里的文件会复制进 dist/），用相对路径引用，如 ![说明](图片/照片.png)；文件名要一字不差',
  'bad-missing-minutes.md':
    'bad-missing-minutes.md:2: front matter 缺少 minutes（计划用时（分钟），演讲者视图按它提示节奏） — 加一行 minutes: …',
  'bad-no-frontmatter.md':
    'bad-no-frontmatter.md:1: 文件开头没有 front matter — 第一行写 ---，接着写 id、kind、label、title、minutes 各一行（字段: 值），再写一行 ---',
  'bad-no-slides.md':
    'bad-no-slides.md:8: 这个文件只有 front matter，没有幻灯片 — 在 front matter 之下至少写一页：一行 ## 标题，和它的要点',
  'bad-not-utf8.md':
    'bad-not-utf8.md:4: 文件不是 UTF-8 编码（not UTF-8） — 用记事本、WPS 或 VS Code 打开，把编码改为 UTF-8',
  'bad-notes-no-colon.md':
    'bad-notes-no-colon.md:13: 备注标记“Note”少了冒号，下面的讲稿会投到幻灯片上 — 写成 Note:（单独一行）',
  'bad-notes-typo.md':
    'bad-notes-typo.md:13: “Nots:”不是备注标记，下面的讲稿会投到幻灯片上（Note:） — 您是否想写 Note:？备注标记写成 Note:（或 备注：），单独一行',
  'bad-onerror.md':
    'bad-onerror.md:11: 不安全的 HTML：<img> 上的事件处理 onerror=（event handler） — 删去它；交互功能写在 src/runtime/ 的 reveal 插件里',
  'bad-part-id.md':
    'bad-part-id.md:2: id 应为小写字母、数字和短横线组成的 id，以字母开头，这里是 "Qi Part" — 写成 id: qi 或 part-1',
  'bad-role-nested.md':
    'bad-role-nested.md:15: “::: direction” 写在了第 13 行打开的 ::: 块里面（roles do not nest） — 先用一行 ::: 结束第 13 行的块，再开始新的块',
  'bad-role-on-slide.md':
    'bad-role-on-slide.md:11: ::: 角色块只能写在备注里（role blocks belong in the notes） — 把它移到 Note: 一行之下；幻灯片上的文字都给听众看',
  'bad-role-stray-close.md':
    'bad-role-stray-close.md:14: 多余的 :::（no block is open） — 删去这一行，或在它前面用 ::: 角色名 打开一个块',
  'bad-role-unclosed.md':
    'bad-role-unclosed.md:15: ::: direction 块没有结束（block not closed） — 在块的最后一行之后加一行 :::',
  'bad-role-unknown.md':
    'bad-role-unknown.md:13: 未知的内容角色 “stage”（unknown role） — 写成 ::: 加以下之一："speech", "讲稿", "direction", "提示", "note", "备注", "editorial", "概括", "source", "出处"',
  'bad-script.md':
    'bad-script.md:11: 不安全的 HTML：<script> 能运行脚本或加载其他内容（unsafe HTML） — 删去它；幻灯片里只能用 <br>、<span>、<small>、<figure> 等排版标签',
  'bad-second-notes.md':
    'bad-second-notes.md:17: 备注（Note:）里出现了第二个备注标记“备注：”：是不是少了分页线 ---？这样下一页会并进这一页的备注 — 在下一页开始之前（它的属性行或标题之上）加一行 ---；备注里的文字不用标题',
  'bad-slide-attribute.md':
    'bad-slide-attribute.md:9: 未知的幻灯片属性“colour”（slide attribute） — 可写 #id、.class、layout=版式、section="…"、editorial',
  'bad-unclosed-fence.md':
    'bad-unclosed-fence.md:11: 这个代码块没有结束（unclosed ```）：它之后的分页线 --- 和幻灯片都被当成了代码 — 在代码块最后一行之后加一行 ```',
  'bad-unclosed-frontmatter.md':
    'bad-unclosed-frontmatter.md:1: front matter 没有结束 — 在 minutes 等字段之后加一行 ---，再写幻灯片',
  'bad-unknown-field.md':
    'bad-unknown-field.md:7: 未知的字段“author”（unknown field in front matter） — 可用的字段：id、kind、label、title、theme、minutes、deck',
  'bad-wide-attrs.md':
    'bad-wide-attrs.md:9: 属性行用了全角花括号：｛#qi-wide｝（slide attributes） — 改成半角花括号：{#qi-wide}',
  'bad-wide-heading.md':
    'bad-wide-heading.md:9: “＃＃”用了全角井号，这一行不会成为标题（heading） — 改成半角井号加空格：## 全角标题',
  'bad-windows-path.md':
    'bad-windows-path.md:11: “C:\\图片\\会场.png”是这台电脑上的文件路径，别的电脑上找不到（Windows path） — 把文件复制到演示文稿的 public/图片/ 里，写成 ![会场](图片/会场.png)',
  'bad-yaml-colon-value.md':
    'bad-yaml-colon-value.md:5:8: title 的值里有“冒号加空格”，YAML 把它读成了另一个字段（colon in value） — 给整个值加引号：title: "城市: 人民的城市"',
  'bad-yaml-deck-field.md':
    'bad-yaml-deck-field.md:7: speaker 是整场讲话的设置，要写在 deck: 下面（deck field） — 把这一行移到第一个文件的 deck: 之下，前面空两格：  speaker: …',
  'bad-yaml-tab.md':
    'bad-yaml-tab.md:8:1: 这一行用 Tab 键缩进，YAML 不接受（tab） — 删去 Tab，改用空格缩进：deck: 下面的字段前面空两个空格',
  'bad-yaml-wide-colon.md':
    'bad-yaml-wide-colon.md:2:3: 字段名 id 后面用了全角冒号“：”，YAML 只认半角冒号（full-width colon） — 改成半角冒号加一个空格：id: qi',
  'bad-yaml.md':
    'bad-yaml.md:3:7: 方括号 [ 没有闭合（flow sequence） — 在同一行的末尾补上 ]，如 years: [1978, 2024]；值里要有 [ 时整体加引号',
};

describe('compileDeck() on bad input', () => {
  it('has an expected message for every bad-*.md fixture', () => {
    const files = readdirSync(DIR).filter((f) => f.startsWith('bad-'));
    expect(files.sort()).toEqual(Object.keys(BAD).sort());
  });

  for (const [name, message] of Object.entries(BAD)) {
    it(`reports ${name} with file:line and what to do`, () => {
      let caught: unknown;
      try {
        compileDeck([first, fixture(name)], {
          checkAsset: (src) => (src === 'img/exists.png' ? null : ASSET_PROBLEMS.missing(src)),
        });
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(DeckError);
      expect((caught as DeckError).message).toBe(`${DIR}/${message}`);
      expect((caught as DeckError).file).toBe(`${DIR}/${name}`);
    });
  }

  it('requires deck settings in the first file', () => {
    expect(() => compileDeck([fixture('good-part.md')])).toThrow(
      `${DIR}/good-part.md:2: 第一个文件没有 deck: 设置 — 加一行 deck:，下面空两格写 title: 讲话标题（还可写 occasion、speaker 等）`,
    );
  });

  it('reports no slide files', () => {
    expect(() => compileDeck([])).toThrow(
      'slides/:1: 没有幻灯片文件（no slide files） — 在 slides/ 里加 Markdown 文件，如 slides/00-opening.md',
    );
  });

  it('reports an unknown chart through validateChart with file:line', () => {
    expect(() =>
      compileDeck([first, fixture('good-part.md')], {
        validateChart: (spec) => (spec.kind === 'trend' ? 'unknown chart "trend" — expected one of: line' : null),
      }),
    ).toThrow(
      `${DIR}/good-part.md:32: unknown chart "trend" — expected one of: line — 改正 \`\`\`chart 代码块（可用的图表类型和选项见 npm run deck -- help）`,
    );
  });
});

describe('compileDeck() on good input', () => {
  const deck = compileDeck([first, fixture('good-part.md')]);
  const [opening, qi] = deck.parts;

  it('reads the deck settings from the first file', () => {
    expect(deck.meta).toEqual({
      title: '测试讲话',
      occasion: '测试会议',
      speaker: '',
      organiser: '',
      date: '',
      venue: '',
      showEditorialMarks: true,
      clickToAdvance: false,
    });
  });

  it('makes one part per file with its front matter, in order', () => {
    expect(deck.parts.map((p) => [p.id, p.kind, p.label, p.minutes])).toEqual([
      ['opening', 'opening', '开篇', 2],
      ['qi', 'part', '起', 5],
    ]);
    expect(qi!.theme).toBe('把握规律 · 问题导向');
    expect(opening!.theme).toBe('开篇');
  });

  it('gives slides ids, positions and titles', () => {
    expect(qi!.slides.map((s) => [s.id, s.h, s.v, s.title, s.line])).toEqual([
      ['qi-start', 1, 0, '把握规律', 10],
      ['qi-di-er-ye', 1, 1, '第二页', 30],
      ['qi-missing', 1, 2, '缺失部分', 44],
    ]);
  });

  it('carries subsections forward until the next section=', () => {
    expect(qi!.slides.map((s) => s.section)).toEqual([
      '（一）把握城镇化发展规律',
      '（一）把握城镇化发展规律',
      '（二）强化问题导向',
    ]);
  });

  it('renders fragments, + lists, attributed quotations and slide links', () => {
    const html = qi!.slides[0]!.html;
    expect(html).toContain('<h2 class="fragment">把握规律</h2>');
    expect(html).toContain('<li class="fragment">立足国情</li>');
    expect(html).toContain('<li class="fragment fade-up">普通要点</li>');
    expect(html).toMatch(
      /<figure class="quotation">\s*<blockquote>\s*<p>城市本身表明了人口的集中<\/p>\s*<\/blockquote>\s*<figcaption>马克思<\/figcaption>/,
    );
    expect(html).toContain('<a href="#/title" data-slide-link="title">开头</a>');
    expect(html).toContain('<span class="hint">提示</span>');
  });

  it('keeps notes apart from the audience slide', () => {
    const s = qi!.slides[0]!;
    expect(s.html).not.toContain('马克思指出');
    expect(s.notesText).toBe('马克思指出：“城市本身表明了人口的集中”。');
  });

  it('turns a chart block into a placeholder and a spec with its position', () => {
    expect(qi!.slides[1]!.html).toContain(
      '<figure class="chart" id="chart-qi-di-er-ye" data-chart="chart-qi-di-er-ye" data-chart-kind="trend"></figure>',
    );
    expect(deck.charts).toEqual([
      {
        id: 'chart-qi-di-er-ye',
        slideId: 'qi-di-er-ye',
        kind: 'trend',
        dataset: 'nbs-urbanisation',
        options: { title: '城镇化率' },
        keys: { kind: { line: 33, column: 1 }, dataset: { line: 34, column: 1 }, title: { line: 35, column: 1 } },
        file: `${DIR}/good-part.md`,
        line: 32,
      },
    ]);
  });

  it('keeps editorial summaries in their role and lists editorial slides as warnings', () => {
    const s = qi!.slides[2]!;
    expect(s.editorial).toBe(true);
    expect(s.notes.map((b) => [b.role, b.text])).toEqual([
      ['editorial', '概括。'],
      ['note', '请补写本节。'],
    ]);
    expect(s.notesText).toBe('');
    expect(deck.warnings).toEqual([
      {
        file: `${DIR}/good-part.md`,
        line: 44,
        message: '编者概括“缺失部分”（#qi-missing）：这里缺讲稿原文 — 补上原文后删去 editorial',
        editorial: true,
      },
    ]);
  });

  it('writes one vertical stack per part with notes asides and the editorial tag', () => {
    const html = deckToHtml(deck);
    expect(html.match(/<section class="part /g)).toHaveLength(2);
    // The first slide of a part of the frame is its divider: 起 large, 第一部分, theme, the chain lit.
    expect(html).toContain(
      '<section id="qi-start" class="dense layout-default part-divider" data-part="qi" data-part-label="起"',
    );
    expect(html).toContain('<span class="divider-char len-1" aria-hidden="true">起</span>');
    expect(html).toContain('<p class="divider-ordinal">第一部分</p>');
    expect(html).toMatch(
      /<ol class="divider-chain" aria-label="讲话结构"><li class="is-current" aria-current="step">起<\/li>/,
    );
    expect(html.match(/<aside class="notes">/g)).toHaveLength(4);
    expect(html).toContain('<p class="editorial-tag" title="编者概括：本部分为根据讲稿其他部分的概括">');
    expect(html).not.toContain('data-projected="hidden"');
    // The deck setting hides the tag on projected slides only: it stays for the reading view and print.
    const hidden = deckToHtml({ ...deck, meta: { ...deck.meta, showEditorialMarks: false } });
    expect(hidden).toContain(
      '<p class="editorial-tag" title="编者概括：本部分为根据讲稿其他部分的概括" data-projected="hidden">',
    );
    expect(hidden).toContain(
      '<div class="role role-editorial" data-role="editorial"><p class="role-label">【编者概括】</p>',
    );
  });

  it('widens punctuation between Chinese characters in titles, sections, slides and notes, never in links or code', () => {
    const text = `${first.text}\n---\n\n{#w section="(三) 标题,说明"}\n\n## (一) 要点,说明\n\n城市(尤其是超大城市)复杂;见[链接](https://example.com/a,b) \`a,中\`\n\nNote:\n\n同志们:\n`;
    const s = compileDeck([{ file: 'x.md', text }]).parts[0]!.slides[1]!;
    expect(s.title).toBe('（一）要点，说明');
    expect(s.section).toBe('（三）标题，说明');
    expect(s.html).toContain('城市（尤其是超大城市）复杂；见<a href="https://example.com/a,b" rel="noopener">链接</a>');
    expect(s.html).toContain('<code>a,中</code>');
    expect(s.notesText).toBe('同志们：');
  });

  it('escapes every value it writes into markup, whatever the deck data holds', () => {
    const evil = '"><meta http-equiv="refresh" content="0">';
    const [part] = deck.parts;
    const hostile = {
      ...deck,
      parts: [
        {
          ...part!,
          id: evil,
          kind: evil as never,
          label: evil,
          slides: [{ ...part!.slides[0]!, id: evil, classes: [evil], layout: evil, section: evil, title: evil }],
        },
      ],
    };
    const html = deckToHtml(hostile);
    expect(html).not.toContain('<meta');
    expect(html).not.toContain('"><');
    expect(html).toContain('&quot;&gt;&lt;meta http-equiv=&quot;refresh&quot;');
  });

  it('accepts a byte-order mark and CRLF line ends', () => {
    const d = compileDeck([first, fixture('good-bom-crlf.md')], {
      checkAsset: (src) => (src === 'img/exists.png' ? null : ASSET_PROBLEMS.missing(src)),
    });
    expect(d.parts[1]!.slides.map((s) => [s.title, s.line])).toEqual([
      ['标题', 9],
      ['第二页', 15],
    ]);
    expect(d.parts[1]!.slides[0]!.html).toContain('<img src="img/exists.png" alt="照片" />');
    expect(d.parts[1]!.slides[1]!.notesText).toBe('讲稿');
  });

  it('does not split slides at --- inside a code block', () => {
    const text = `${first.text}\n---\n\n## 代码\n\n\`\`\`\n---\n\`\`\`\n`;
    const d = compileDeck([{ file: 'x.md', text }]);
    expect(d.parts[0]!.slides).toHaveLength(2);
  });

  it('stops at HTML outside the allow-list with file:line', () => {
    const text = `${first.text}\n---\n\n## 标签\n\n<marquee>滚动</marquee>\n`;
    expect(() => compileDeck([{ file: 'x.md', text }])).toThrow(/^x\.md:26: HTML 标签 <marquee> 不在允许的范围内 — /);
  });
});

describe('compileDeck() content roles', () => {
  const deck = compileDeck([first, fixture('good-roles.md')]);
  const [all, warn] = deck.parts[1]!.slides;

  it('splits the notes into role blocks in source order, speech outside ::: blocks, Chinese names too', () => {
    expect(all!.notes.map((b) => [b.role, b.line, b.text])).toEqual([
      ['direction', 16, '待会场安静后开始宣读。'],
      ['speech', 19, '同志们：\n城市治理（一）很重要，更关乎人民。'],
      ['note', 24, '请演讲者补写。'],
      ['source', 28, '本文链接：https://example.com/a,b'],
      ['direction', 32, '停顿。'],
    ]);
  });

  it('keeps notesHtml and notesText to the speech role', () => {
    expect(all!.notesText).toBe('同志们：\n城市治理（一）很重要，更关乎人民。');
    expect(all!.notesHtml).not.toContain('待会场');
    expect(all!.notesHtml).not.toContain('请演讲者');
  });

  it('warns with file:line when a speech paragraph reads like a direction or a request', () => {
    expect(deck.warnings).toEqual([
      {
        file: `${DIR}/good-roles.md`,
        line: 43,
        message:
          '讲稿（speech）段落像是演讲提示或给演讲者的话（“无需宣读”） — 讲话原文以外的文字请放进 ::: direction 或 ::: note 块',
      },
      {
        file: `${DIR}/good-roles.md`,
        line: 47,
        message:
          '讲稿（speech）段落像是演讲提示或给演讲者的话（“请演讲者”） — 讲话原文以外的文字请放进 ::: direction 或 ::: note 块',
      },
    ]);
    expect(warn!.notesText).toContain('第二段是讲稿。');
  });

  it('warns when an editorial slide carries speech-role notes', () => {
    const text = `${first.text}\n---\n\n{#e editorial}\n\n## 概括\n\nNote:\n\n概括的文字。\n`;
    expect(compileDeck([{ file: 'x.md', text }]).warnings.map((w) => `${w.file}:${w.line}: ${w.message}`)).toContain(
      'x.md:30: 编者概括页的备注里有讲稿（speech）文字 — 概括的文字请放进 ::: editorial 块，讲话原文请放在非概括页',
    );
  });

  it('writes each block with data-role: directions and notes as <details>, editorial and source labelled', () => {
    const html = notesToHtml(all!.notes);
    expect([...html.matchAll(/data-role="(\w+)"/g)].map((m) => m[1])).toEqual([
      'direction',
      'speech',
      'note',
      'source',
      'direction',
    ]);
    expect(html).toContain(
      '<details class="role role-direction" data-role="direction"><summary class="role-label">演讲提示</summary>',
    );
    expect(html).toContain(
      '<details class="role role-note" data-role="note"><summary class="role-label">编者备注</summary>',
    );
    expect(html).toContain('<div class="role role-source" data-role="source"><p class="role-label">【出处】</p>');
    expect(html).toContain('<div class="role role-speech" data-role="speech">\n<p>同志们：</p>');
  });
});

/** Every warn fixture and the warnings the build prints for it: the deck still builds. */
const WARN: Record<string, string[]> = {
  'warn-hash-comment.md': [
    'warn-hash-comment.md:6:13: # 之后的文字被当成注释删去了：读到的值是“理顺关系”（YAML comment） — 如果 # 是值的一部分，给整个值加引号："理顺关系 #韧性安全"',
  ],
  'warn-no-heading.md': [
    'warn-no-heading.md:10: 这一页没有标题（heading）：目录、搜索、结构图和 PDF 里它只显示这一部分的标题 — 在内容的第一行写 ## 标题',
    'warn-no-heading.md:19: 这一页没有标题（heading），也没有 {#id}：它的地址 #qi-2 随位置变化，插入一页就会变 — 在内容的第一行写 ## 标题',
  ],
  'warn-no-notes.md': [
    'warn-no-notes.md:9: 这一页没有备注（Note:）：演讲者视图、阅读视图和讲义里没有它的讲稿 — 在幻灯片内容之后加一行 Note:，下面写这一页的讲稿',
  ],
};

describe('compileDeck() on input it builds but warns about', () => {
  it('has expected warnings for every warn-*.md fixture', () => {
    const files = readdirSync(DIR).filter((f) => f.startsWith('warn-'));
    expect(files.sort()).toEqual(Object.keys(WARN).sort());
  });

  for (const [name, messages] of Object.entries(WARN)) {
    it(`warns about ${name} with file:line and what to do`, () => {
      const deck = compileDeck([first, fixture(name)]);
      const shown = deck.warnings.map((w) => `${w.file}:${w.line}${w.column ? `:${w.column}` : ''}: ${w.message}`);
      expect(shown).toEqual(messages.map((m) => `${DIR}/${m}`));
    });
  }
});

describe('compileDeck() against silent damage', () => {
  it('accepts the notes marker as note:, Note：, 备注： and with the notes on the same line', () => {
    const slides = compileDeck([first, fixture('good-notes-variants.md')]).parts[1]!.slides;
    expect(slides.map((s) => [s.title, s.text, s.notesText])).toEqual([
      ['小写', '小写\n要点一', '讲稿一。'],
      ['全角冒号', '全角冒号\n要点二', '讲稿二。'],
      ['中文', '中文\n要点三', '讲稿三。'],
      ['同一行', '同一行\n要点四', '另一方面，讲稿四。\n接着讲。'],
    ]);
  });

  it('links images and files in folders with Chinese names, checking the image exists', () => {
    const asked: string[] = [];
    const deck = compileDeck([first, fixture('good-chinese-path.md')], {
      checkAsset: (src) => {
        asked.push(src);
        return null;
      },
    });
    expect(asked).toEqual(['图片/会场.png']);
    const html = deck.parts[1]!.slides[0]!.html;
    expect(html).toContain('<img src="%E5%9B%BE%E7%89%87/%E4%BC%9A%E5%9C%BA.png" alt="会场照片" />');
    expect(html).toContain('<a href="材料/讲话.pdf" rel="noopener">下载材料</a>');
  });

  it('gives a slide without {#id} an id from its heading that stays when a slide is inserted before it', () => {
    const part = (extra: string): string =>
      `---\nid: cheng\nkind: part\nlabel: 承\ntitle: 承\nminutes: 3\n---\n${extra}\n## 人口向城市聚集\n\nNote:\n\n讲稿。\n\n---\n\n## 第二页\n\nNote:\n\n讲稿。\n`;
    const ids = (text: string): string[] =>
      compileDeck([first, { file: 'x.md', text }]).parts[1]!.slides.map((s) => s.id);
    expect(ids(part(''))).toEqual(['cheng-ren-kou-xiang-cheng-shi-ju', 'cheng-di-er-ye']);
    expect(ids(part('\n## 插入的一页\n\nNote:\n\n讲稿。\n\n---\n'))).toEqual([
      'cheng-cha-ru-de-yi-ye',
      'cheng-ren-kou-xiang-cheng-shi-ju',
      'cheng-di-er-ye',
    ]);
  });

  it('tells two slides with the same heading apart without {#id}', () => {
    const text = `${first.text}\n---\n\n## 小结\n\nNote:\n\n一。\n\n---\n\n## 小结\n\nNote:\n\n二。\n`;
    expect(compileDeck([{ file: 'x.md', text }]).parts[0]!.slides.map((s) => s.id)).toEqual([
      'title',
      'opening-xiao-jie',
      'opening-xiao-jie-2',
    ]);
  });

  it('reports every mistake of a deck in one build, each at its own line', () => {
    const text = [
      '---',
      'id: qi',
      'kind: part',
      'label: 起',
      'title: 起',
      'minutes: 3',
      '---',
      '',
      '{layuot=chart}',
      '',
      '## 第一页',
      '',
      'Note:',
      '',
      '讲稿。',
      '',
      '---',
      '',
      '＃＃ 第二页',
      '',
      'Note:',
      '',
      '讲稿。',
      '',
      '## 第三页',
      '',
      '要点',
      '',
    ].join('\n');
    let caught: unknown;
    try {
      compileDeck([first, { file: 'x.md', text }]);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(DeckErrors);
    expect(problemsOf(caught as DeckError).map((e) => e.message)).toEqual([
      'x.md:9: 未知的幻灯片属性“layuot”（slide attribute） — 您是否想写 layout？可写 #id、.class、layout=版式、section="…"、editorial',
      'x.md:19: “＃＃”用了全角井号，这一行不会成为标题（heading） — 改成半角井号加空格：## 第二页',
      'x.md:25: 备注（Note:）里出现了标题“## 第三页”：是不是少了分页线 ---？这样下一页会并进这一页的备注 — 在下一页开始之前（它的属性行或标题之上）加一行 ---；备注里的文字不用标题',
    ]);
    expect((caught as DeckError).message.split('\n')).toHaveLength(3);
  });

  it('stops listing after MAX_PROBLEMS and says so', () => {
    const slides = Array.from(
      { length: MAX_PROBLEMS + 5 },
      (_, i) => `\n{colour=red}\n\n## 第${i}页\n\nNote:\n\n讲稿。\n`,
    );
    let caught: unknown;
    try {
      compileDeck([{ file: 'x.md', text: `${first.text}\n---\n${slides.join('\n---\n')}` }]);
    } catch (e) {
      caught = e;
    }
    expect(problemsOf(caught as DeckError)).toHaveLength(MAX_PROBLEMS);
    expect((caught as DeckError).message.split('\n').at(-1)).toBe(
      `…… 只列出了前 ${MAX_PROBLEMS} 个问题 — 改正以上问题后再构建，会列出其余的`,
    );
  });
});
