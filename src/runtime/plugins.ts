import type { RevealPlugin } from 'reveal.js';
import { a11yPlugin } from './a11y-plugin.ts';
import { chartsPlugin } from './charts/shell.ts';
import { handoutLinkPlugin } from './handout-link.ts';
import { helpPlugin } from './help-plugin.ts';
import { historyPlugin } from './history-plugin.ts';
import { localisePlugin } from './localise-plugin.ts';
import { deckData } from './deck-data.ts';
import { clickToAdvance, presenterPlugin } from './presenter-plugin.ts';
import { presentingPlugin } from './presenting.ts';
import { printPlugin } from './print-plugin.ts';
import { speakerPlugin } from './speaker/speaker-plugin.ts';
import { structurePlugin } from './structure-plugin.ts';
import { comfortPlugin } from './study/comfort.ts';
import { notesPlugin } from './study/notes-plugin.ts';
import { paragraphLinksPlugin } from './study/paragraphs.ts';
import { readingViewPlugin } from './study/reading-view.ts';
import { resumePlugin } from './study/resume.ts';
import { inTasksOfTheirOwn } from './plugin-tasks.ts';
import { searchPlugin } from './study/search.ts';

/**
 * The deck's runtime features, each a reveal.js plugin (`{ id, init(deck), destroy() }`).
 * A feature adds its factory here.
 */
export function deckPlugins(): RevealPlugin[] {
  return inTasksOfTheirOwn([
    presentingPlugin(),
    presenterPlugin({ clickToAdvance: clickToAdvance(deckData.meta.clickToAdvance, window.location.search) }),
    localisePlugin(),
    a11yPlugin(),
    helpPlugin(),
    printPlugin(),
    handoutLinkPlugin(),
    speakerPlugin(),
    historyPlugin(),
    structurePlugin(),
    chartsPlugin(),
    paragraphLinksPlugin(),
    readingViewPlugin(),
    searchPlugin(),
    comfortPlugin(),
    notesPlugin(),
    resumePlugin(),
  ]);
}
