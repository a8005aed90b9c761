import { createHash } from 'node:crypto';
import path from 'node:path';
import { build, type Plugin, type ResolvedConfig } from 'vite';
import { LAZY_ENTRIES, type LazyFeature } from '../config.ts';
import { markup } from '../markdown/html.ts';

/** A feature script (src/runtime/lazy.ts) as the build writes it. */
export interface FeatureScript {
  name: LazyFeature;
  /** Path inside dist/, e.g. `assets/charts-AbCd1234.js`. */
  fileName: string;
  code: string;
}

/**
 * Style sheets stay in the deck's one style sheet (the stand-ins import them): a feature script
 * carries script only.
 */
const noStyles: Plugin = {
  name: 'deck-feature-no-styles',
  enforce: 'pre',
  load(id) {
    return /\.css(\?|$)/.test(id) ? '' : null;
  },
};

/**
 * Builds each feature's entry module into one classic script (IIFE) of its own. `plugins` gives
 * each build what the entries import besides files (`virtual:deck`, by the deck plugin).
 */
export async function buildFeatureScripts(config: ResolvedConfig, plugins: () => Plugin[]): Promise<FeatureScript[]> {
  const scripts: FeatureScript[] = [];
  for (const [name, entry] of Object.entries(LAZY_ENTRIES) as [LazyFeature, string][]) {
    const result = await build({
      root: config.root,
      configFile: false,
      logLevel: 'silent',
      plugins: [noStyles, ...plugins()],
      build: {
        write: false,
        target: config.build.target,
        minify: true,
        emptyOutDir: false,
        reportCompressedSize: false,
        lib: {
          entry: path.join(config.root, entry),
          formats: ['iife'],
          name: `deckFeature_${name}`,
          fileName: () => `${name}.js`,
        },
      },
    });
    const outputs = Array.isArray(result) ? result : [result];
    const chunk = outputs.flatMap((o) => ('output' in o ? o.output : [])).find((c) => c.type === 'chunk');
    if (!chunk || chunk.type !== 'chunk') throw new Error(`${entry}: the build produced no script`);
    const hash = createHash('sha256').update(chunk.code).digest('base64url').slice(0, 8);
    scripts.push({ name, fileName: `${config.build.assetsDir}/${name}-${hash}.js`, code: chunk.code });
  }
  return scripts;
}

/** Names the feature scripts on the deck's own script tag (`data-lazy`), where lazy.ts looks. */
export function withFeatureScripts(html: string, scripts: FeatureScript[]): string {
  if (scripts.length === 0) return html;
  const list = scripts.map((s) => `${s.name}=./${s.fileName}`).join(' ');
  // `src` is the built tag's attribute as written (already escaped): kept as it is.
  return html.replace(/<script defer src="([^"]+)"/, (tag: string) => `${tag}${String(markup` data-lazy="${list}"`)}`);
}
