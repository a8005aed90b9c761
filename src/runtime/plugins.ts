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
import { searchPlugin } from './study/search.ts';

/** Resolves in a new task: the browser may paint and handle input before the work that follows. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Each plugin starts in a task of its own, and reveal's own start after the last: reveal waits for
 * a plugin whose `init` returns a promise before it starts the next, so the order is kept. Run in
 * one task, starting the deck held a 4×-slowed phone's main thread for half a second (Lighthouse's
 * total blocking time, and a tap meanwhile waited).
 */
export function inTasksOfTheirOwn(plugins: RevealPlugin[]): RevealPlugin[] {
  return plugins.map((plugin, i) => {
    const init = plugin.init?.bind(plugin);
    const last = i === plugins.length - 1;
    return Object.assign(Object.create(plugin) as RevealPlugin, {
      async init(deck: Parameters<NonNullable<RevealPlugin['init']>>[0]): Promise<void> {
        await nextTask();
        await init?.(deck);
        if (last) await nextTask();
      },
    });
  });
}

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
