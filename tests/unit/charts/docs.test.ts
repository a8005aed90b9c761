import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chartOptionsMarkdown, OPTIONS_BEGIN, OPTIONS_END, withChartOptions } from '../../../src/charts/docs.ts';
import { KINDS } from '../../../src/charts/registry.ts';

const AUTHORING = 'docs/authoring.md';

describe('the chart options reference (docs/authoring.md)', () => {
  it('is what the kinds define: run `npm run docs` after changing an option', () => {
    const doc = readFileSync(AUTHORING, 'utf8');
    expect(withChartOptions(doc, chartOptionsMarkdown(KINDS)), 'docs/authoring.md differs: run npm run docs').toBe(doc);
  });

  it('names every kind, the tables and columns it reads and every option with its default', () => {
    const md = chartOptionsMarkdown(KINDS);
    for (const kind of KINDS) {
      expect(md).toContain(`#### \`${kind.name}\``);
      for (const [role, columns] of Object.entries(kind.reads))
        expect(md).toContain(`\`${role}\` (${columns.join(', ')})`);
      for (const [name, spec] of Object.entries(kind.options)) {
        expect(md).toContain(`| \`${name}\` |`);
        expect(md).toContain(spec.doc.replace(/\|/g, '\\|'));
      }
    }
  });

  it('notices a changed option doc, and a file without its markers', () => {
    const doc = `intro\n${chartOptionsMarkdown(KINDS)}\noutro\n`;
    const [first] = KINDS;
    const changed = [{ ...first!, doc: 'something else' }, ...KINDS.slice(1)];
    expect(withChartOptions(doc, chartOptionsMarkdown(changed))).not.toBe(doc);
    expect(withChartOptions(doc, chartOptionsMarkdown(KINDS))).toBe(doc);
    expect(withChartOptions(doc.replace(OPTIONS_BEGIN, ''), '')).toBeNull();
    expect(withChartOptions(doc.replace(OPTIONS_END, ''), '')).toBeNull();
  });
});
