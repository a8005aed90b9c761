/**
 * Entry of the small classic script in <head> (built on its own by src/vite/deck-plugin.ts):
 * it must run before the slides are parsed and painted, long before the deferred deck bundle.
 */
import { startPrepaint } from './prepaint.ts';

startPrepaint();
