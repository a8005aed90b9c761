// Runs one of the project's TypeScript command-line entries (src/export/cli.ts, pptx-cli.ts).
//
// Loading the entry through tsx's loader cost every run about half a second (its loader thread,
// and each of some sixty modules transformed and resolved on the way). The entry is bundled once
// per state of the sources into node_modules/.cache/deck-cli/ with esbuild (packages stay
// imports), and later runs import that one file. When the bundle cannot be made (no esbuild, a
// read-only node_modules), the entry runs through tsx as before.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STALE_MS = 10 * 60 * 1000;
/**
 * CommonJS packages the commands load, taken with require() in the bundle rather than imported:
 * Node reads a CommonJS package imported from ES modules through its export scanner first, which
 * cost pdf-lib and Playwright some 0.5 s of CPU at every start (0.45 -> 0.23 s and 0.89 -> 0.60 s).
 */
const REQUIRED = ['pdf-lib', 'playwright'];

/**
 * An esbuild plugin: each of `REQUIRED` becomes a module that requires the package and exports its
 * names, listed when the bundle is made (the package is loaded from `root` to list them).
 */
function requirePlugin(root) {
  const load = createRequire(path.join(root, 'package.json'));
  return {
    name: 'require-commonjs',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) =>
        REQUIRED.includes(args.path) ? { path: args.path, namespace: 'require-commonjs' } : undefined,
      );
      build.onLoad({ filter: /.*/, namespace: 'require-commonjs' }, (args) => {
        const names = Object.keys(load(args.path)).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n) && n !== 'default');
        return {
          contents: [
            "import { createRequire } from 'node:module';",
            // From the bundle's place in the project's node_modules/.cache/.
            `const m = createRequire(import.meta.url)(${JSON.stringify(args.path)});`,
            'export default m;',
            `export const { ${names.join(', ')} } = m;`,
          ].join('\n'),
          loader: 'js',
          resolveDir: root,
        };
      });
    },
  };
}

/** A fingerprint of the sources the bundle is made of: every file under src/, its size and time. */
function sourcesFingerprint(root) {
  const hash = createHash('sha1');
  const src = path.join(root, 'src');
  for (const file of readdirSync(src, { recursive: true }).map(String).sort()) {
    const stat = statSync(path.join(src, file));
    if (stat.isFile()) hash.update(`${file}\0${stat.size}\0${stat.mtimeMs}\n`);
  }
  hash.update(statSync(path.join(root, 'package.json')).mtimeMs.toString());
  return hash.digest('hex').slice(0, 12);
}

/**
 * The bundle of `entry` (a path from `root`, the project's folder) for the sources under `root`/src
 * as they are, in `root`/node_modules/.cache/deck-cli/, made when missing; null when it cannot be.
 */
export async function bundleEntry(root, entry) {
  try {
    const cache = path.join(root, 'node_modules', '.cache', 'deck-cli');
    const name = path.basename(entry, '.ts');
    const out = path.join(cache, `${name}-${sourcesFingerprint(root)}.mjs`);
    try {
      statSync(out);
      return out;
    } catch {
      // Not made yet for these sources.
    }
    const { build } = await import('esbuild');
    mkdirSync(cache, { recursive: true });
    // Written aside and renamed: two commands started at once never import a half-written file.
    const partial = `${out}.${process.pid}.partial`;
    await build({
      entryPoints: [path.join(root, entry)],
      outfile: partial,
      bundle: true,
      packages: 'external',
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'silent',
      plugins: [requirePlugin(root)],
    });
    renameSync(partial, out);
    // Bundles of earlier states of the sources, once no command that started with one can still
    // be about to import it.
    for (const old of readdirSync(cache)) {
      const file = path.join(cache, old);
      if (old.startsWith(`${name}-`) && old !== path.basename(out) && Date.now() - statSync(file).mtimeMs > STALE_MS) {
        rmSync(file, { force: true });
      }
    }
    return out;
  } catch {
    return null;
  }
}

/** Runs `entry` (a path from the project's root). */
export async function runTs(entry) {
  const bundled = await bundleEntry(ROOT, entry);
  if (bundled) {
    await import(pathToFileURL(bundled).href);
    return;
  }
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(path.join(ROOT, entry)).href);
}
