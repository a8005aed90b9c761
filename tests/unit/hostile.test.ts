import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTables } from '../../src/charts/data/load.ts';
import { validateChart } from '../../src/charts/kinds.ts';
import { compileDeck } from '../../src/markdown/compile.ts';
import { DeckError } from '../../src/markdown/errors.ts';
import type { SourceFile } from '../../src/markdown/types.ts';

/**
 * The regression corpus of hostile inputs (tests/fixtures/hostile/): files an attacker, a pasted
 * web page or a careless export could hand the build. Each must stop the build with its exact
 * `file:line[:column]` message, never a TypeError, a silent pass or markup in the page.
 */
const DIR = 'tests/fixtures/hostile';
const read = (dir: string, name: string): SourceFile => ({
  file: `${dir}/${name}`,
  text: readFileSync(path.join(dir, name), 'utf8'),
});
const first = read('tests/fixtures/markdown', 'good-first.md');
const tables = loadTables(process.cwd());

const FRONT_MATTER = '"id", "kind", "label", "title", "theme", "minutes", "deck"';
const DECK_SETTINGS = '"title", "occasion", "speaker", "organiser", "date", "venue", "showEditorialMarks"';
const TREND_OPTIONS = '"kind", "dataset", "title", "years", "benchmarks", "annotate"';
const CHART_HINT = ' — fix the ```chart block (see docs/authoring.md: Charts)';

/**
 * Slide files (compiled after good-first.md, or alone when named first-*.md, with the real chart
 * checks) and the exact message each stops the build with.
 */
const MARKDOWN: Record<string, string> = {
  'markdown/proto-front-matter.md': `:2: unknown field "__proto__" in front matter — use one of: ${FRONT_MATTER}`,
  'markdown/constructor-field.md': `:7: unknown field "constructor" in front matter — use one of: ${FRONT_MATTER}`,
  'markdown/first-proto-deck.md': `:8: unknown field "__proto__" in deck settings — use one of: ${DECK_SETTINGS}`,
  'markdown/first-tostring-deck.md': `:9: unknown field "toString" in deck settings — use one of: ${DECK_SETTINGS}`,
  'charts/option-constructor.md': `:11: unknown option "constructor" for a trend chart — expected one of: ${TREND_OPTIONS}${CHART_HINT}`,
  'charts/option-toString.md': `:11: unknown option "toString" for a trend chart — expected one of: ${TREND_OPTIONS}${CHART_HINT}`,
  'charts/option-proto.md': `:11: unknown option "__proto__" for a trend chart — expected one of: ${TREND_OPTIONS}${CHART_HINT}`,
};

function compileHostile(relative: string): unknown {
  const dir = path.posix.join(DIR, path.posix.dirname(relative));
  const file = read(dir, path.posix.basename(relative));
  const sources = path.posix.basename(relative).startsWith('first-') ? [file] : [first, file];
  try {
    compileDeck(sources, { validateChart: (spec) => validateChart(spec, tables) });
  } catch (e) {
    return e;
  }
  return null;
}

describe('the hostile corpus', () => {
  it('has an expected message for every Markdown fixture', () => {
    const files = ['markdown', 'charts'].flatMap((d) => readdirSync(path.join(DIR, d)).map((f) => `${d}/${f}`));
    expect(files.sort()).toEqual(Object.keys(MARKDOWN).sort());
  });

  for (const [relative, message] of Object.entries(MARKDOWN)) {
    it(`stops ${relative} with file:line and what to do`, () => {
      const caught = compileHostile(relative);
      expect(caught).toBeInstanceOf(DeckError);
      expect((caught as DeckError).message).toBe(`${DIR}/${relative}${message}`);
    });
  }
});
