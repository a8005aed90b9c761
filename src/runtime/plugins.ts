import type { RevealPlugin } from 'reveal.js';
import { helpPlugin } from './help-plugin.ts';
import { localisePlugin } from './localise-plugin.ts';

/**
 * The deck's runtime features, each a reveal.js plugin (`{ id, init(deck), destroy() }`).
 * A feature adds its factory here.
 */
export function deckPlugins(): RevealPlugin[] {
  return [localisePlugin(), helpPlugin()];
}
