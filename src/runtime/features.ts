import { LAZY_ENTRIES, type LazyFeature } from '../config.ts';
import type { chartsPlugin } from './charts/plugin.ts';

export type { LazyFeature };

/**
 * Code the first view does not need, built as classic scripts of their own and loaded when first
 * needed. The deck is one classic (IIFE) script because Chromium runs no `type="module"` script
 * from file:// (a presenter opens the site from a USB stick); a `<script src>` added at run time
 * loads from file:// and from a server alike, and stays inside CSP `script-src 'self'`.
 *
 * Each feature has a typed entry point: `LazyFeatures` names what its script provides, its entry
 * module (`src/runtime/<feature>/entry.ts`) calls `provideFeature`, the deck loads it with
 * `loadFeature` (src/runtime/lazy.ts), and the build (src/vite/lazy.ts) writes
 * `assets/<feature>-<hash>.js` and names it in the deck script's `data-lazy` attribute
 * (`charts=./assets/charts-….js`); LAZY_ENTRIES (src/config.ts) lists the entries.
 */
export interface LazyFeatures {
  /** The D3 charts: d3, every chart kind and the chart data (src/runtime/charts/entry.ts). */
  charts: { chartsPlugin: typeof chartsPlugin };
}

/** Where a loaded feature script leaves what it provides. */
declare global {
  interface Window {
    deckFeatures?: Partial<LazyFeatures>;
  }
}

/** Called by a feature's entry module when its script runs. */
export function provideFeature<K extends LazyFeature>(name: K, api: LazyFeatures[K]): void {
  (window.deckFeatures ??= {})[name] = api;
}

/** The feature scripts the build made, by name, from the deck script's `data-lazy` attribute. */
export function featureUrls(attribute: string | null | undefined): Partial<Record<LazyFeature, string>> {
  const urls: Partial<Record<LazyFeature, string>> = {};
  for (const pair of (attribute ?? '').split(' ')) {
    const at = pair.indexOf('=');
    const name = pair.slice(0, at);
    if (at > 0 && Object.hasOwn(LAZY_ENTRIES, name)) urls[name as LazyFeature] = pair.slice(at + 1);
  }
  return urls;
}
