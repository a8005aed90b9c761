import Reveal, { type RevealApi, type RevealPlugin } from 'reveal.js';
import { REVEAL_DEFAULTS } from '../../config.ts';
import { validControls } from '../localise-plugin.ts';
import { deckPlugins } from '../plugins.ts';
import { previewStructurePlugin } from './preview-structure.ts';

/**
 * Plugins that also run inside the speaker view's previews: the ones that draw slide content
 * (charts). Interface plugins (help, toolbars, indicators, announcers, the speaker plugin
 * itself) stay out: they would add keys and controls to a box a few hundred pixels wide.
 */
export const PREVIEW_PLUGIN_IDS: ReadonlySet<string> = new Set(['charts']);

/** A fresh set of plugins for one preview: the deck's content plugins plus the agenda diagram. */
export function previewPlugins(): RevealPlugin[] {
  return [...deckPlugins().filter((p) => PREVIEW_PLUGIN_IDS.has(p.id)), previewStructurePlugin()];
}

/** Settings of a preview: a silent, embedded, non-interactive reveal instance. */
const PREVIEW_CONFIG = {
  ...REVEAL_DEFAULTS,
  embedded: true,
  controls: false,
  progress: false,
  slideNumber: false,
  keyboard: false,
  touch: false,
  mouseWheel: false,
  hash: false,
  history: false,
  respondToHashChanges: false,
  overview: false,
  help: false,
  pause: false,
  previewLinks: false,
  autoSlide: 0,
  transition: 'none',
  backgroundTransition: 'none',
  viewDistance: 2,
  /** Never reveal's phone scroll view, however small the preview. */
  scrollActivationWidth: 0,
} as const;

/** One slide preview (current or next) in the speaker view. */
export interface SlidePreview {
  /** Shows the slide at reveal indices (h, v) with fragments up to `f` shown (-1: none; `all`). */
  show(h: number, v: number, f: number | 'all'): void;
  /** Re-fits the preview to its box. */
  layout(): void;
  destroy(): void;
}

/**
 * Starts an embedded reveal instance on `root` (a `.reveal` element holding the deck's slides)
 * with `plugins` (default `previewPlugins()`).
 */
export async function createPreview(
  root: HTMLElement,
  plugins: RevealPlugin[] = previewPlugins(),
): Promise<SlidePreview> {
  const reveal: RevealApi = new Reveal(root, { ...PREVIEW_CONFIG, plugins });
  await reveal.initialize();
  validControls(root);
  const box = root.parentElement;
  const resize = typeof ResizeObserver === 'function' && box ? new ResizeObserver(() => reveal.layout()) : null;
  if (box) resize?.observe(box);
  return {
    show(h, v, f) {
      reveal.slide(h, v, f === 'all' ? Number.MAX_SAFE_INTEGER : f);
    },
    layout() {
      reveal.layout();
    },
    destroy() {
      resize?.disconnect();
      reveal.destroy();
    },
  };
}
