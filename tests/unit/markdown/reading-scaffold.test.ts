import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileDeck, deckToHtml } from '../../../src/markdown/compile.ts';
import { notesHeadingHtml, slideLabelHtml } from '../../../src/markdown/reading-scaffold.ts';

const DIR = 'tests/fixtures/markdown';
const fixture = (name: string) => ({ file: `${DIR}/${name}`, text: readFileSync(path.join(DIR, name), 'utf8') });

describe('the reading view’s labels and headings, written at build time', () => {
  it('labels a slide with its number and part, hidden from assistive technology', () => {
    expect(slideLabelHtml(3, '开篇').toString()).toBe(
      '<p class="study-slide-label" aria-hidden="true">第 3 页 · 开篇</p>\n',
    );
    expect(slideLabelHtml(1, '<起>').toString()).toContain('第 1 页 · &lt;起&gt;');
  });

  it('heads the notes one level below the slide’s own top heading, h3 without one', () => {
    expect(notesHeadingHtml('<h1>题目</h1>\n<p>会议</p>').toString()).toBe(
      '<h2 class="study-notes-heading">讲稿全文</h2>\n',
    );
    expect(notesHeadingHtml('<h2>标题</h2>').toString()).toContain('<h3 ');
    // A heading inside a figure or a divider is not the slide's own.
    expect(notesHeadingHtml('<div class="divider"><h1>起</h1></div>\n<h2>标题</h2>').toString()).toContain('<h3 ');
    expect(notesHeadingHtml('<p>没有标题</p>').toString()).toContain('<h3 ');
    expect(notesHeadingHtml('<h5>小</h5>').toString()).toContain('<h6 ');
  });

  it('deckToHtml adds them only when asked (the built page), numbering slides across parts', () => {
    const deck = compileDeck([fixture('good-first.md'), fixture('good-part.md')]);
    const plain = deckToHtml(deck);
    expect(plain).not.toContain('study-slide-label');
    const built = deckToHtml(deck, { reading: true });
    const labels = [...built.matchAll(/<p class="study-slide-label" aria-hidden="true">([^<]*)<\/p>/g)].map(
      (m) => m[1],
    );
    expect(labels.length).toBe(deck.parts.flatMap((p) => p.slides).length);
    expect(labels.map((l) => l!.split(' · ')[0])).toEqual(labels.map((_, i) => `第 ${i + 1} 页`));
    // Each label opens its slide; each notes heading stands right before the notes.
    expect(built.match(/<section id="[^"]+"[^>]*>\n<p class="study-slide-label"/g)?.length).toBe(labels.length);
    expect(built.match(/<\/h[1-6]>\n<aside class="notes">/g)?.length).toBe(labels.length);
  });
});
