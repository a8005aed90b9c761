import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ASSET_PROBLEMS } from '../../../src/markdown/assets.ts';
import { compileDeck, deckToHtml, notesToHtml } from '../../../src/markdown/compile.ts';
import { DeckError } from '../../../src/markdown/errors.ts';
import type { SourceFile } from '../../../src/markdown/types.ts';

const DIR = 'tests/fixtures/markdown';
const fixture = (name: string): SourceFile => ({
  file: `${DIR}/${name}`,
  text: readFileSync(path.join(DIR, name), 'utf8'),
});
const first = fixture('good-first.md');

/** Every bad fixture and the exact message the build prints for it (compiled after good-first.md). */
const BAD: Record<string, string> = {
  'bad-broken-link.md':
    'bad-broken-link.md:11: link to slide "#qi-trnd" which does not exist — use the id of an existing slide (set with {#id} on a slide\'s first line)',
  'bad-chart-in-notes.md':
    'bad-chart-in-notes.md:13: a chart in speaker notes — move the ```chart block above the Note: line',
  'bad-chart-no-kind.md': 'bad-chart-no-kind.md:11: chart block has no "kind" — add "kind: <chart kind>"',
  'bad-deck-not-first.md':
    'bad-deck-not-first.md:7: deck settings are allowed only in the first file — move the "deck:" block to the first slide file',
  'bad-duplicate-id-same-file.md': `bad-duplicate-id-same-file.md:15: duplicate slide id "same" (first used at ${DIR}/bad-duplicate-id-same-file.md:9) — give this slide another id: ids must be unique across the deck`,
  'bad-duplicate-id.md': `bad-duplicate-id.md:9: duplicate slide id "title" (first used at ${DIR}/good-first.md:12) — give this slide another id: ids must be unique across the deck`,
  'bad-empty-slide.md':
    'bad-empty-slide.md:13: the slide has no content for the audience — write a heading or key points above the Note: line, or remove the empty slide',
  'bad-empty.md':
    'bad-empty.md:1: the file is empty — start it with front matter (--- id, kind, label, title, minutes ---) and at least one slide, or delete it',
  'bad-inline-attrs.md':
    'bad-inline-attrs.md:11: cannot read attributes "{fragment=yes}" — inside a slide write {.fragment}, {.class} or {#id}',
  'bad-javascript-href-html.md':
    'bad-javascript-href-html.md:11: unsafe HTML: href=" JaVaScRiPt:alert(1)" on <a> is not an http(s), mailto or relative URL — link only to http(s) pages, mailto: or files in the deck (javascript:, data: and vbscript: are refused)',
  'bad-javascript-url.md':
    'bad-javascript-url.md:11: unsafe HTML: href="javascript:alert(1)" on <a> is not an http(s), mailto or relative URL — link only to http(s) pages, mailto: or files in the deck (javascript:, data: and vbscript: are refused)',
  'bad-kind.md':
    'bad-kind.md:3: field "kind" must be one of opening | part | closing, got "chapter" — write it as kind: <one of opening | part | closing>',
  'bad-layout.md':
    'bad-layout.md:9: unknown layout "grid" — expected one of: "default", "title", "quote", "two-col", "chart", "statement", "structure", "contrast"',
  'bad-missing-image.md':
    'bad-missing-image.md:11: image "img/missing.png" does not exist — put the file in public/ (it is copied into dist/) and link it with a relative path, e.g. ![说明](img/photo.png)',
  'bad-not-utf8.md':
    'bad-not-utf8.md:4: the file is not valid UTF-8 — save it as UTF-8 (in most editors: "Save with encoding" → UTF-8)',
  'bad-minutes-type.md':
    'bad-minutes-type.md:6: field "minutes" must be a number of minutes above 0, got "五" — write it as minutes: <a number of minutes above 0>',
  'bad-missing-minutes.md':
    'bad-missing-minutes.md:2: front matter has no "minutes" — add "minutes:" (minutes planned)',
  'bad-no-frontmatter.md':
    'bad-no-frontmatter.md:1: missing front matter — start the file with a line "---", the YAML fields id, kind, label, title, minutes, and a closing "---"',
  'bad-no-slides.md':
    'bad-no-slides.md:8: the file has front matter but no slides — write at least one slide (a "## heading" and its content) below the front matter',
  'bad-onerror.md':
    'bad-onerror.md:11: unsafe HTML: event handler onerror= on <img> — remove the handler; interactive behaviour belongs in a reveal plugin under src/runtime/',
  'bad-part-id.md':
    'bad-part-id.md:2: field "id" must be an id of lowercase letters, digits and dashes, got "Qi Part" — write it as id: <an id of lowercase letters, digits and dashes>',
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
    'bad-script.md:11: unsafe HTML: <script> can run script or load other content — remove it; slides allow only formatting tags such as <br>, <span>, <small>, <figure>',
  'bad-slide-attribute.md':
    'bad-slide-attribute.md:9: unknown slide attribute "colour" — expected #id, .class or one of: "layout", "section", "editorial"',
  'bad-unclosed-frontmatter.md':
    'bad-unclosed-frontmatter.md:1: front matter is not closed — add a line "---" after the YAML fields',
  'bad-unknown-field.md':
    'bad-unknown-field.md:7: unknown field "author" in front matter — use one of: "id", "kind", "label", "title", "theme", "minutes", "deck"',
  'bad-yaml.md':
    'bad-yaml.md:4: invalid front matter: Flow sequence in block collection must be sufficiently indented and end with a ] — fix the YAML syntax (key: value, one per line, indent nested keys by two spaces)',
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
      `${DIR}/good-part.md:2: the first file has no deck settings — add a "deck:" block with at least a title`,
    );
  });

  it('reports no slide files', () => {
    expect(() => compileDeck([])).toThrow('slides/:1: no slide files');
  });

  it('reports an unknown chart through validateChart with file:line', () => {
    expect(() =>
      compileDeck([first, fixture('good-part.md')], {
        validateChart: (spec) => (spec.kind === 'trend' ? 'unknown chart "trend" — expected one of: line' : null),
      }),
    ).toThrow(`${DIR}/good-part.md:32: unknown chart "trend" — expected one of: line — fix the \`\`\`chart block`);
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
      ['qi-2', 1, 1, '第二页', 30],
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
      '<figure class="chart" id="chart-qi-2" data-chart="chart-qi-2" data-chart-kind="trend"></figure>',
    );
    expect(deck.charts).toEqual([
      {
        id: 'chart-qi-2',
        slideId: 'qi-2',
        kind: 'trend',
        dataset: 'nbs-urbanisation',
        options: { title: '城镇化率' },
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
        message: 'editorial summary "缺失部分" (#qi-missing): the source text is missing here — complete it',
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
