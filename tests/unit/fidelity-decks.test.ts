import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileDeck } from '../../src/markdown/compile.ts';
import { loadDeckData } from '../../src/charts/data/deck-data.ts';
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
import { importSpeech } from '../../src/import/import.ts';
import { readSpeech } from '../../src/import/read.ts';
import type { Deck } from '../../src/markdown/types.ts';

/** A deck and the speech it presents, with what its rules need to know. */
interface CheckedDeck {
  name: string;
  deck: Deck;
  speech: string;
  options: FidelityOptions;
}

const SPEECH = 'assets/source/speech.txt';

/** What `npm run import` drafts from a speech file, compiled as the build compiles it. */
async function imported(file: string): Promise<Deck> {
  const result = importSpeech(await readSpeech(file), { outDir: 'decks/check' });
  const slides = result.files.filter((f) => f.path.startsWith('slides/'));
  return compileDeck(slides.sort((a, b) => a.path.localeCompare(b.path)).map((f) => ({ file: f.path, text: f.text })));
}

/** Every deck in the repository, and the importer's draft of our speech (extractive by promise). */
const DECKS: CheckedDeck[] = [
  {
    name: 'the speech deck (slides/)',
    deck: compileDeck(readSlideFiles('.')),
    speech: readFileSync(SPEECH, 'utf8'),
    options: { names: ['马克思'], structural: ['sources'] },
  },
  {
    name: 'the example deck (examples/three-parts/)',
    deck: compileDeck(readSlideFiles('examples/three-parts')),
    speech: readFileSync('examples/three-parts/speech.txt', 'utf8'),
    options: {},
  },
  {
    name: 'our speech as npm run import drafts it',
    deck: await imported(SPEECH),
    speech: readFileSync(SPEECH, 'utf8'),
    options: { names: ['马克思'] },
  },
];

describe.each(DECKS)('$name', ({ deck, speech, options }) => {
  it('says only what the speech says: quotations, "name：text" lines, editorial marks, official names', () => {
    expect(checkFidelity(deck, speech, options).map(formatFinding)).toEqual([]);
  });

  it('gives no warning in npm run build, which checks the slides against the deck’s own speech notes', () => {
    expect(checkAgainstNotes(deck, options).map(formatFinding)).toEqual([]);
  });
});

describe('the words the engine adds to every deck', () => {
  it('write official names in full: UI strings (chart titles, summaries, footnotes) and dataset credits', () => {
    const texts: [string, string][] = [
      ...Object.entries(zhCN),
      ...[...loadDeckData(process.cwd()).datasets.values()].flatMap((d) =>
        [d.info.title, d.info.source, d.info.provenance, d.info.licence].map((text): [string, string] => [
          d.file,
          text,
        ]),
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
