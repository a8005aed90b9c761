// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { buildIndex, search } from '../../../src/runtime/study/search-index.ts';
import { clearHighlights, highlight, textMap } from '../../../src/runtime/study/text-map.ts';

function section(html: string): HTMLElement {
  const el = document.createElement('section');
  el.innerHTML = html;
  document.body.append(el);
  return el;
}

describe('textMap()', () => {
  it('joins text in order, separates blocks, and skips charts, hidden parts and excluded subtrees', () => {
    const el = section(
      '<h2>城市<strong>治理</strong></h2><ul><li>规模</li><li>角色</li></ul>' +
        '<figure data-chart="x"><svg><text>图</text></svg></figure><span aria-hidden="true">隐</span>' +
        '<aside class="notes"><p>讲稿</p></aside>',
    );
    expect(textMap(el, 'aside.notes').text).toBe('城市治理\n规模\n角色\n');
    expect(textMap(el).text).toContain('讲稿');
  });
});

describe('highlight()', () => {
  it('marks a match that crosses elements and restores the text afterwards', () => {
    const el = section('<p>提升城市<em>治理（现代化）</em>水平</p>');
    const map = textMap(el);
    const hit = search(buildIndex([{ slideId: 's', field: 'slide', text: map.text }]), '城市治理(现代化').hits[0]!;
    const marks = highlight(map, hit.start, hit.end);
    expect(marks.map((m) => m.textContent)).toEqual(['城市', '治理（现代化']);
    expect(el.textContent).toBe('提升城市治理（现代化）水平');
    clearHighlights(el);
    expect(el.querySelector('mark')).toBeNull();
    expect(el.innerHTML).toBe('<p>提升城市<em>治理（现代化）</em>水平</p>');
  });

  it('inserts query text only as text nodes', () => {
    const el = section('<p>a &lt;img src=x onerror=alert(1)&gt; b</p>');
    const map = textMap(el);
    const hit = search(buildIndex([{ slideId: 's', field: 'slide', text: map.text }]), '<img src=x').hits[0]!;
    highlight(map, hit.start, hit.end);
    expect(el.querySelector('img')).toBeNull();
    expect(el.querySelector('mark')?.textContent).toBe('<img src=x');
  });
});
