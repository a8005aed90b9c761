import { describe, expect, it } from 'vitest';
import { sanitizeSlideHtml } from '../../../src/markdown/sanitize.ts';

describe('sanitizeSlideHtml() (defence in depth behind checkRawHtml)', () => {
  it('keeps the attributes the compiler writes', () => {
    const html =
      '<a href="#/x" data-slide-link="x">x</a><figure class="chart" id="chart-x" data-chart="chart-x" data-chart-kind="trend"></figure>' +
      '<div class="structure-map" data-structure-map></div><ul><li><input checked disabled type="checkbox" /> 完成</li></ul>';
    const out = sanitizeSlideHtml(html);
    expect(out.html).toContain('data-slide-link="x"');
    expect(out.html).toContain('data-chart-kind="trend"');
    expect(out.html).toContain('data-structure-map');
    expect(out.html).toContain('type="checkbox"');
  });

  it('drops data-* the deck does not write, styles, names, roles and form fields, and says so', () => {
    const cases = [
      '<img src="a.png" data-src="https://evil.example/x.png" alt="x" />',
      '<a href="https://example.com/" data-preview-link>x</a>',
      '<span data-structure-map>x</span>',
      '<p style="position:fixed">x</p>',
      '<img src="a.png" name="deck" alt="x" />',
      '<div role="dialog">x</div>',
      '<input type="password" />',
      '<input type="checkbox" />',
      '<section><aside class="notes">x</aside></section>',
    ];
    for (const html of cases) {
      const out = sanitizeSlideHtml(html);
      expect(out.removed, html).toBe(true);
      expect(out.html, html).not.toMatch(
        /data-src|data-preview-link|data-structure-map|style=|name=|role=|<input|<section|<aside/,
      );
    }
  });
});
