/**
 * Entry of the charts script (src/runtime/lazy.ts): d3, every chart kind and the chart data, loaded
 * once the deck is up (src/runtime/charts/shell.ts) instead of with the first slide.
 */
import { provideFeature } from '../features.ts';
import { chartsPlugin } from './plugin.ts';

provideFeature('charts', { chartsPlugin });
