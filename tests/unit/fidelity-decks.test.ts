import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileDeck } from '../../src/markdown/compile.ts';
import { DATASETS } from '../../src/charts/data/datasets.ts';
import {
  checkAgainstNotes,
  checkFidelity,
  formatFinding,
  OFFICIAL_NAMES,
  shortForms,
  type FidelityOptions,
} from '../../src/markdown/fidelity.ts';
import { zhCN } from '../../src/common/i18n.ts';
import { readSlideFiles } from '../../src/vite/deck-plugin.ts';

/** Every deck in the repository, with the speech it presents and what its rules need to know. */
const DECKS: { name: string; root: string; speech: string; options: FidelityOptions }[] = [
  {
    name: 'the speech deck (slides/)',
    root: '.',
    speech: 'assets/source/speech.txt',
    options: { names: ['马克思'], structural: ['sources'] },
  },
];

describe.each(DECKS)('$name', ({ root, speech, options }) => {
  const deck = compileDeck(readSlideFiles(root));
  const text = readFileSync(speech, 'utf8');

  it('says only what the speech says: quotations, "name：text" lines, editorial marks, official names', () => {
    expect(checkFidelity(deck, text, options).map(formatFinding)).toEqual([]);
  });

  it('gives no warning in npm run build, which checks the slides against the deck’s own speech notes', () => {
    expect(checkAgainstNotes(deck, options).map(formatFinding)).toEqual([]);
  });
});

describe('the words the engine adds to every deck', () => {
  it('write official names in full: UI strings (chart titles, summaries, footnotes) and dataset credits', () => {
    const texts: [string, string][] = [
      ...Object.entries(zhCN),
      ...Object.entries(DATASETS).flatMap(([name, d]) =>
        [d.source, d.provenance, d.licence].map((text): [string, string] => [name, text]),
      ),
    ];
    const wrong = texts.flatMap(([where, text]) =>
      OFFICIAL_NAMES.flatMap((official) =>
        shortForms(text, official).map((form) => `${where}: ${form} → ${official.name}`),
      ),
    );
    expect(wrong).toEqual([]);
  });
});
