import { featureUrls, type LazyFeature, type LazyFeatures } from './features.ts';

/** In `npm run dev` there are no feature scripts: Vite serves the entry modules themselves. */
const DEV_IMPORTS: Record<LazyFeature, () => Promise<unknown>> = import.meta.env.DEV
  ? { charts: () => import('./charts/entry.ts') }
  : ({} as Record<LazyFeature, () => Promise<unknown>>);

const loading = new Map<LazyFeature, Promise<unknown>>();

/**
 * Loads a feature once (later calls share the first load) and resolves to what its script
 * provides. Rejects when the script is missing or fails; callers degrade without the feature.
 */
export function loadFeature<K extends LazyFeature>(name: K): Promise<LazyFeatures[K]> {
  let pending = loading.get(name);
  if (!pending) {
    pending = new Promise<void>((resolve, reject) => {
      if (window.deckFeatures?.[name]) return resolve();
      if (import.meta.env.DEV) {
        DEV_IMPORTS[name]().then(() => resolve(), reject);
        return;
      }
      const url = featureUrls(document.querySelector<HTMLScriptElement>('script[data-lazy]')?.dataset.lazy)[name];
      if (!url) return reject(new Error(`deck: no script for the ${name} feature`));
      const script = document.createElement('script');
      script.src = url;
      script.async = true;
      script.dataset.feature = name;
      script.addEventListener('load', () => resolve());
      script.addEventListener('error', () => reject(new Error(`deck: ${url} did not load`)));
      document.head.append(script);
    }).then(() => {
      const api = window.deckFeatures?.[name];
      if (!api) throw new Error(`deck: the ${name} script provided nothing`);
      return api;
    });
    loading.set(name, pending);
  }
  return pending as Promise<LazyFeatures[K]>;
}
