import type { RevealApi, RevealPlugin } from 'reveal.js';
import { mountStructureMap, type StructureMap } from '../../structure/mount.ts';
import { buildOutline } from '../../structure/outline.ts';
import { deckData } from '../deck-data.ts';

/** The agenda diagram's settings on the audience slide (see structure-plugin.ts). */
const AGENDA = { sidePadding: 144, fontSize: 24, width: 1600 } as const;

/**
 * The structure diagram inside a speaker-view preview: drawn on the agenda slide like the
 * audience sees it (the fallback list hidden, "you are here" following the preview), without the
 * structure plugin's keys, overlay and indicator, which belong to the audience window only.
 */
export function previewStructurePlugin(): RevealPlugin {
  let deck: RevealApi | null = null;
  const maps: StructureMap[] = [];

  const slideId = (): string | null => {
    const slide = deck?.getCurrentSlide();
    return slide ? slide.id || slide.dataset.speakerId || null : null;
  };
  const follow = (): void => {
    const id = slideId();
    for (const map of maps) map.setCurrent(id);
  };

  return {
    id: 'speaker-structure',
    init(reveal) {
      deck = reveal;
      const root = reveal.getRevealElement();
      if (!root) return;
      const outline = buildOutline(deckData);
      const configured = Number(reveal.getConfig().width);
      const width = (Number.isFinite(configured) && configured > 0 ? configured : AGENDA.width) - AGENDA.sidePadding;
      root.querySelectorAll<HTMLElement>('[data-structure-map]').forEach((placeholder) => {
        maps.push(
          mountStructureMap(placeholder, outline, {
            width,
            fontSize: AGENDA.fontSize,
            mode: 'flow',
            levels: 'sections',
            showRoot: false,
            onNavigate: () => undefined,
          }),
        );
        for (let el = placeholder.nextElementSibling; el?.matches('ul, ol, .structure-fallback');) {
          el.classList.add('structure-fallback-hidden');
          // As on the audience slide: a hidden list holds no fragments (steps stay in step).
          el.querySelectorAll('.fragment').forEach((f) => f.classList.remove('fragment'));
          el.classList.remove('fragment');
          el = el.nextElementSibling;
        }
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
