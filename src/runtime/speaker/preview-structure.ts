import type { RevealApi, RevealPlugin } from 'reveal.js';
import { mountAgendaDiagrams } from '../../structure/agenda.ts';
import type { StructureMap } from '../../structure/mount.ts';
import { buildOutline } from '../../structure/outline.ts';
import { deckData } from '../deck-data.ts';

/**
 * The structure diagram inside a speaker-view preview: drawn on the agenda slide as the audience
 * sees it (the fallback list hidden, "you are here" following the preview), without the
 * structure plugin's keys, overlay and indicator, which belong to the audience window only.
 */
export function previewStructurePlugin(): RevealPlugin {
  let deck: RevealApi | null = null;
  let maps: StructureMap[] = [];

  const follow = (): void => {
    const slide = deck?.getCurrentSlide();
    // In the next preview's copy the slide's own id is in data-speaker-id (see clone.ts).
    const id = (slide?.dataset.speakerId ?? slide?.id) || null;
    for (const map of maps) map.setCurrent(id);
  };

  return {
    id: 'speaker-structure',
    init(reveal) {
      deck = reveal;
      const root = reveal.getRevealElement();
      if (!root) return;
      // The preview is inert: its diagram is a picture, activating a node does nothing.
      maps = mountAgendaDiagrams(root, buildOutline(deckData), {
        slideWidth: reveal.getConfig().width,
        onNavigate: () => undefined,
      });
      reveal.on('slidechanged', follow);
      reveal.on('ready', follow);
    },
    destroy() {
      deck?.off('slidechanged', follow);
      deck?.off('ready', follow);
      for (const map of maps.splice(0)) map.destroy();
      deck = null;
    },
  };
}
