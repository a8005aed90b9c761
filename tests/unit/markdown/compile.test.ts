import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileDeck, deckToHtml, EDITORIAL_NOTE } from '../../../src/markdown/compile.ts';
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
    'bad-layout.md:9: unknown layout "grid" — expected one of: "default", "title", "quote", "two-col", "chart", "statement", "structure"',
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
        compileDeck([first, fixture(name)], { assetExists: (src) => src === 'img/exists.png' });
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
      '(一) 把握城镇化发展规律',
      '(一) 把握城镇化发展规律',
      '(二) 强化问题导向',
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
    expect(s.notesText).toBe('马克思指出:“城市本身表明了人口的集中”。');
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

  it('marks editorial slides in notes and lists them as warnings', () => {
    const s = qi!.slides[2]!;
    expect(s.editorial).toBe(true);
    expect(s.notesText.startsWith(EDITORIAL_NOTE)).toBe(true);
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
    expect(html).toContain('<section id="qi-start" class="dense layout-default" data-part="qi" data-part-label="起"');
    expect(html.match(/<aside class="notes">/g)).toHaveLength(4);
    expect(html).toContain('<p class="editorial-tag"');
    const hidden = deckToHtml({ ...deck, meta: { ...deck.meta, showEditorialMarks: false } });
    expect(hidden).not.toContain('editorial-tag');
    expect(hidden).toContain('class="editorial-note"');
  });

  it('accepts a byte-order mark and CRLF line ends', () => {
    const d = compileDeck([first, fixture('good-bom-crlf.md')], { assetExists: (src) => src === 'img/exists.png' });
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

  it('removes HTML outside the allow-list with a warning', () => {
    const text = `${first.text}\n---\n\n## 标签\n\n<marquee>滚动</marquee>\n`;
    const d = compileDeck([{ file: 'x.md', text }]);
    expect(d.parts[0]!.slides[1]!.html).not.toContain('marquee');
    expect(d.warnings.map((w) => w.message)).toContain('HTML outside the allow-list was removed from the slide');
  });
});
