// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { loadTables } from '../../../../src/charts/data/load.ts';
import { kindNamed } from '../../../../src/charts/registry.ts';
import { chartPayload } from '../../../../src/charts/validate.ts';
import { buildFigure } from '../../../../src/runtime/charts/figure.ts';

const tables = loadTables(process.cwd());

/** A chart's figure placeholder on a slide, filled as the plugin fills it. */
function figureFor(kind: string, options: Record<string, unknown> = {}) {
  const section = document.createElement('section');
  section.dataset.title = '幻灯片标题';
  const figure = section.appendChild(document.createElement('figure'));
  figure.id = `chart-${kind}`;
  const payload = chartPayload(
    { id: figure.id, slideId: 's', kind, dataset: '', options, file: 't.md', line: 1 },
    tables,
  );
  return { figure, chart: buildFigure(figure, kindNamed(kind)!, payload) };
}

describe('buildFigure()', () => {
  it('gives every chart its hint, a "查看数据" toggle for a hidden table, a source line and a footnote', () => {
    const { figure } = figureFor('trend');
    const toggle = figure.querySelector('button.chart-data-toggle')!;
    expect(toggle.textContent).toBe('查看数据');
    expect(toggle.getAttribute('aria-controls')).toBe('chart-trend-table');
    const table = figure.querySelector<HTMLElement>('#chart-trend-table')!;
    expect(table.hidden).toBe(true);
    (toggle as HTMLButtonElement).click();
    expect([table.hidden, toggle.getAttribute('aria-expanded'), toggle.textContent]).toEqual([
      false,
      'true',
      '隐藏数据',
    ]);
    expect(table.querySelector('caption')?.textContent).toBe('幻灯片标题（数据表）');
    expect(figure.querySelector('.chart-source')?.textContent).toMatch(/^来源：国家统计局/);
    expect(figure.querySelector('.chart-footnote')?.textContent).toMatch(/^注：/);
    expect(figure.classList.contains('chart-kind-trend')).toBe(true);
  });

  it("adds a kind's own toolbar (the comparison's legend buttons) and none for the others", () => {
    expect(
      figureFor('compare', { countries: ['CHN', 'WLD'] }).figure.querySelectorAll('.chart-legend-button'),
    ).toHaveLength(2);
    expect(figureFor('gap').figure.querySelectorAll('.chart-legend-button')).toHaveLength(0);
  });

  it('writes no empty "注：" line under a chart whose data has no footnote', () => {
    const figure = document.createElement('figure');
    figure.id = 'chart-plain';
    const payload = chartPayload(
      { id: figure.id, slideId: 's', kind: 'trend', dataset: '', options: {}, file: 't.md', line: 1 },
      tables,
    );
    buildFigure(figure, kindNamed('trend')!, { ...payload, data: { ...payload.data, footnote: '' } });
    expect(figure.querySelector('.chart-source')?.textContent).toMatch(/^来源：/);
    expect(figure.querySelector('.chart-footnote')).toBeNull();
  });

  it("uses the kind's own table: a row per city for the city tiles", () => {
    const { figure } = figureFor('cities');
    expect(figure.querySelectorAll('.chart-table tbody tr')).toHaveLength(21);
    expect(figure.querySelector('.chart-table thead')?.textContent).toContain('城市');
  });
});
