import { describe, expect, it } from 'vitest';
import { handoutHtml, handoutItemId, pageCounterContent, type HandoutInput } from '../../../src/export/handout.ts';
import { partHeadingText } from '../../../src/common/part-heading.ts';

const input = (overrides: Partial<HandoutInput> = {}): HandoutInput => ({
  meta: {
    title: '在提升城市治理现代化水平推进会上的讲话',
    occasion: '提升城市治理现代化水平推进会',
    speaker: '',
    organiser: '',
    date: '',
    venue: '',
    showEditorialMarks: true,
    clickToAdvance: false,
  },
  parts: [
    { id: 'opening', kind: 'opening', label: '开篇', title: '开篇', theme: '开篇' },
    { id: 'qi', kind: 'part', label: '起', title: '把握城镇化发展规律', theme: '把握规律' },
  ],
  slides: [
    {
      id: 'title',
      part: 'opening',
      title: '标题',
      html: '<section id="title"><h1>标题</h1></section>',
      notesHtml: '<p>同志们：</p>',
    },
    { id: 'qi-1', part: 'qi', title: '趋势', html: '<section id="qi-1"><h2>趋势</h2></section>', notesHtml: '' },
    {
      id: 'qi-2',
      part: 'qi',
      title: '问题',
      html: '<section id="qi-2"><h2>问题</h2></section>',
      notesHtml: '<p>讲稿</p>',
    },
  ],
  stylesheets: ['./assets/style.css'],
  layout: 'notes',
  ...overrides,
});

describe('pageCounterContent()', () => {
  it('turns {n} and {total} into CSS page counters, keeping the Chinese text', () => {
    expect(pageCounterContent('第 {n} 页 / 共 {total} 页')).toBe(
      '"第 " counter(page) " 页 / 共 " counter(pages) " 页"',
    );
  });
});

describe('partHeadingText()', () => {
  it('joins label and title, and does not repeat a title equal to the label', () => {
    expect(partHeadingText({ label: '起', title: '把握城镇化发展规律' })).toBe('起 · 把握城镇化发展规律');
    expect(partHeadingText({ label: '结语', title: '结语' })).toBe('结语');
  });
});

describe('handoutHtml()', () => {
  it('puts the deck settings on the cover and leaves empty ones out', () => {
    const html = handoutHtml(input());
    expect(html).toContain('<dt>会议</dt><dd>提升城市治理现代化水平推进会</dd>');
    expect(html).not.toContain('讲话人');
    expect(html).not.toContain('主办单位');
    const withSpeaker = handoutHtml(input({ meta: { ...input().meta, speaker: '某某' } }));
    expect(withSpeaker).toContain('<dt>讲话人</dt><dd>某某</dd>');
  });

  it('gives each part one level-1 heading before its first slide, and each slide its notes', () => {
    const html = handoutHtml(input());
    expect(html.match(/<h1 class="handout-part-heading">/g)).toHaveLength(2);
    expect(html.indexOf('起 · 把握城镇化发展规律')).toBeLessThan(html.indexOf('id="qi-1"'));
    expect(html.indexOf('id="title"')).toBeLessThan(html.indexOf('同志们'));
    expect(html).toContain('本页没有讲稿。');
    expect(html).toContain('counter(pages)');
    expect(html).toContain('<html lang="zh-CN" class="print-pdf">');
    expect(html).toContain('<section class="part part-part" data-part="qi"><section id="qi-1">');
  });

  it('3up: no notes, ruled space instead', () => {
    const html = handoutHtml(input({ layout: '3up' }));
    expect(html).toContain('handout-layout-3up');
    expect(html).not.toContain('同志们');
    expect(html.match(/class="handout-lines"/g)).toHaveLength(3);
  });

  it('3up: three slides on every page whatever their parts, each page headed by the parts on it', () => {
    const four = input({
      layout: '3up',
      slides: [
        ...input().slides,
        { id: 'qi-3', part: 'qi', title: '再问', html: '<section id="qi-3"><h2>再问</h2></section>', notesHtml: '' },
      ],
    });
    const html = handoutHtml(four);
    const sheets = [
      ...html.matchAll(
        /<section class="handout-sheet" style="page: (sheet-\d+)">([\s\S]*?)<\/section>\n(?=<section class="handout-sheet"|<\/main>)/g,
      ),
    ];
    expect(sheets.map((m) => m[1])).toEqual(['sheet-1', 'sheet-2']);
    expect(sheets.map((m) => (m[2]!.match(/<article /g) ?? []).length)).toEqual([3, 1]);
    // A part starting mid-page keeps its heading (and its bookmark) over its first slide.
    expect(sheets[0]![2]).toContain('<h1 class="handout-part-heading">起 · 把握城镇化发展规律</h1>');
    expect(html).toContain('@page sheet-1 { @top-left { content: "开篇 / 起 · 把握城镇化发展规律";');
    expect(html).toContain('@page sheet-2 { @top-left { content: "起 · 把握城镇化发展规律";');
  });

  it('notes: a slide with no speech says so in a line of its own, no empty box', () => {
    const html = handoutHtml(input());
    expect(html).toContain('<div class="handout-notes handout-no-notes"><p>本页没有讲稿。</p></div>');
    expect(html.match(/handout-no-notes/g)).toHaveLength(1);
  });

  it('escapes settings so a title cannot inject markup', () => {
    const html = handoutHtml(input({ meta: { ...input().meta, title: '<script>x</script>' } }));
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
  });

  it('gives every slide an item id and a hidden link to it, so the print names the page each slide is on', () => {
    for (const layout of ['notes', '3up'] as const) {
      const html = handoutHtml(input({ layout }));
      for (const id of ['title', 'qi-1', 'qi-2']) {
        expect(html).toContain(`<article class="handout-item`);
        expect(html).toMatch(new RegExp(`<article [^>]*id="${handoutItemId(id)}"`));
        expect(html).toContain(`<a href="#${handoutItemId(id)}" tabindex="-1"></a>`);
      }
      // The links print nothing and are hidden from assistive technology.
      expect(html).toMatch(/<nav class="print-destinations" aria-hidden="true" style="[^"]*visibility: hidden/);
    }
  });
});
