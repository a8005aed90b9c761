// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { mountAgendaDiagrams } from '../../../src/structure/agenda.ts';
import { buildOutline } from '../../../src/structure/outline.ts';
import { fixtureDeck } from './helpers.ts';

describe('mountAgendaDiagrams()', () => {
  it('draws parts and subsections into each placeholder and hides the fallback list with its fragments', () => {
    document.body.innerHTML = `<section id="agenda"><h2>起承转合</h2>
      <div class="structure-map" data-structure-map></div>
      <ul><li class="fragment">起</li><li class="fragment">承</li></ul>
      <p class="after">不是替代列表</p></section>`;
    const maps = mountAgendaDiagrams(document.body, buildOutline(fixtureDeck()), {
      slideWidth: 1600,
      onNavigate: () => {},
    });
    expect(maps).toHaveLength(1);
    const kinds = [...document.querySelectorAll('g.structure-node')].map((g) => g.classList[1]);
    expect(new Set(kinds)).toEqual(new Set(['kind-part', 'kind-section']));
    expect(document.querySelector('svg')!.getAttribute('viewBox')).toMatch(/^0 0 1456 /);
    const list = document.querySelector('ul')!;
    expect(list.classList.contains('structure-fallback-hidden')).toBe(true);
    expect(list.querySelectorAll('.fragment')).toHaveLength(0);
    expect(document.querySelector('p.after')!.classList.contains('structure-fallback-hidden')).toBe(false);
    maps.forEach((m) => m.destroy());
    expect(document.querySelector('svg')).toBeNull();
  });
});
