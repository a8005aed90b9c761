// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { cloneDeckElement } from '../../../src/runtime/speaker/clone.ts';

describe('cloneDeckElement()', () => {
  it('prefixes every id, keeps the original in data-speaker-id and renames id references', () => {
    const root = document.createElement('div');
    root.innerHTML =
      '<div class="slides"><section id="qi"><figure id="chart-qi" data-chart="chart-qi"></figure>' +
      '<button aria-controls="chart-qi-table x">查看数据</button><label for="f">字段</label></section></div>';
    const copy = cloneDeckElement(root, 'p-');
    expect(copy.querySelector('section')!.id).toBe('p-qi');
    expect(copy.querySelector('section')!.dataset.speakerId).toBe('qi');
    expect(copy.querySelector('figure')!.id).toBe('p-chart-qi');
    expect(copy.querySelector('figure')!.dataset.chart).toBe('chart-qi');
    expect(copy.querySelector('button')!.getAttribute('aria-controls')).toBe('p-chart-qi-table p-x');
    expect(copy.querySelector('label')!.getAttribute('for')).toBe('p-f');
    // The original is untouched.
    expect(root.querySelector('section')!.id).toBe('qi');
    expect(root.querySelector('section')!.dataset.speakerId).toBeUndefined();
  });
});
