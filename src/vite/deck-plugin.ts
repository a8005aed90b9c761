import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { build, type Plugin, type ResolvedConfig, type Rollup, type ViteDevServer } from 'vite';
import { compileDeck, deckToHtml } from '../markdown/compile.ts';
import { readSlideFiles } from '../markdown/files.ts';
import { t } from '../common/i18n.ts';
import { DeckError } from '../markdown/errors.ts';
import { checkAgainstNotes, formatFinding } from '../markdown/fidelity.ts';
import { markup } from '../markdown/html.ts';
import { toRuntimeDeck } from '../markdown/views.ts';
import type { CompileOptions, Deck, DeckExtension, DeckWarning } from '../markdown/types.ts';
import { isPreloadedFont } from '../config.ts';
import { deckFolder, type DeckFolder } from '../deck-folder.ts';
import { checkAsset, checkPublicDir } from './assets.ts';
import { buildFeatureScripts, withFeatureScripts } from './lazy.ts';

const VIRTUAL = 'virtual:deck';
const RESOLVED = '\0' + VIRTUAL;
const SLOT = '<!-- deck:slides -->';

export { readSlideFiles };

/**
 * Compiles a deck folder with the build's features (charts), checking its images against the
 * project's files at `root` (src/vite/assets.ts) and refusing links in `public/` that lead out.
 * @throws DeckError (DeckErrors for several problems) as compileDeck does.
 */
export function compileFolder(deckDir: DeckFolder, extensions: DeckExtension[], root = deckDir.project): Deck {
  checkPublicDir(root, deckDir.public);
  const options: CompileOptions = Object.assign(
    { checkAsset: (src: string) => checkAsset(root, src, deckDir.public) },
    ...extensions.map((e) => e.compileOptions?.(deckDir) ?? {}),
  );
  return compileDeck(readSlideFiles(deckDir), options);
}

/** A warning as the build prints it: `file:line[:column]: 问题 — 怎么做`. */
export function formatWarning(w: DeckWarning): string {
  return `${w.file}:${w.line}${w.column ? `:${w.column}` : ''}: ${w.message}`;
}

/**
 * Compiles the deck's `slides/*.md` into `virtual:deck` and into index.html's
 * `<!-- deck:slides -->` (and its title into `<title>`), emits `speaker.html`, makes the built
 * page run from file:// (classic deferred script), and reloads the page in dev when a slide file
 * changes. `folder` is the deck (default: the project's own, at Vite's root).
 */
export function deckPlugin(extensions: DeckExtension[] = [], folder?: DeckFolder): Plugin {
  let root = process.cwd();
  let deckDir: DeckFolder = folder ?? deckFolder(root);
  let command: ResolvedConfig['command'] = 'serve';
  let cached: { deck: Deck } | { error: DeckError | Error } | null = null;
  let warned = false;

  const compile = (): { deck: Deck } | { error: DeckError | Error } => {
    if (cached) return cached;
    try {
      cached = { deck: compileFolder(deckDir, extensions, root) };
    } catch (error) {
      cached = { error: error as Error };
    }
    return cached;
  };

  const reportError = (ctx: Rollup.PluginContext, error: Error): never => {
    if (error instanceof DeckError) {
      ctx.error({
        message: error.message,
        id: path.resolve(root, error.file),
        loc: { file: path.resolve(root, error.file), line: error.line, column: error.column ?? 1 },
      });
    }
    return ctx.error(error.message);
  };

  return {
    name: 'deck',
    enforce: 'pre',
    configResolved(config) {
      root = config.root;
      deckDir = folder ?? deckFolder(root);
      command = config.command;
    },
    buildStart() {
      // A bad source stops the build before the other plugins' work (fonts take seconds).
      if (command !== 'build') return;
      const result = compile();
      if ('error' in result) throw result.error;
    },
    resolveId(id) {
      return id === VIRTUAL ? RESOLVED : null;
    },
    load(id) {
      if (id !== RESOLVED) return null;
      for (const file of readSlideFiles(deckDir)) this.addWatchFile(path.resolve(deckDir.project, file.file));
      // Files that exist only: Vite's dev server resolves a watched file like an import, and a
      // missing one (a deck without data has no SOURCES.md) failed the whole deck with a 500. The
      // server's watcher (configureServer) covers the files and folders that appear later.
      for (const ext of extensions) {
        for (const f of ext.watch?.(deckDir) ?? [])
          if (statSync(f, { throwIfNoEntry: false })?.isFile()) this.addWatchFile(f);
      }
      const result = compile();
      if ('error' in result) return reportError(this, result.error);
      const { deck } = result;
      if (!warned && command === 'build') {
        warned = true;
        const editorial = deck.warnings.filter((w) => w.editorial);
        const other = deck.warnings.filter((w) => !w.editorial);
        if (editorial.length > 0) {
          this.warn(
            `有 ${editorial.length} 页编者概括页（editorial），讲稿原文还缺，请补上：\n` +
              editorial.map((w) => `  ${w.file}:${w.line}  ${w.message}`).join('\n'),
          );
        }
        for (const w of other) this.warn(formatWarning(w));
        // Words on a slide the speech does not say (docs/authoring.md: Saying only what the speech says).
        for (const f of checkAgainstNotes(deck)) this.warn(formatFinding(f));
      }
      const extra = Object.assign({}, ...extensions.map((e) => e.exports?.(deck, deckDir) ?? {})) as Record<
        string,
        unknown
      >;
      const lines = [`export const deck = ${JSON.stringify(toRuntimeDeck(deck))};`];
      for (const [name, value] of Object.entries(extra)) {
        lines.push(`export const ${name} = ${JSON.stringify(value)};`);
      }
      return lines.join('\n');
    },
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        const result = compile();
        if ('error' in result) {
          if (command === 'build') throw result.error;
          // In dev the page still loads; importing virtual:deck shows the error in the overlay.
          return html.replace(SLOT, '');
        }
        const page = html.replace(SLOT, deckToHtml(result.deck, { reading: true }));
        // The speaker view keeps its own title.
        if (page.includes('data-view="speaker"')) return page;
        // A function, so a `$&` in the title is not read as a replacement pattern.
        return page.replace(/<title>[^<]*<\/title>/, () => String(markup`<title>${result.deck.meta.title}</title>`));
      },
    },
    configureServer(server: ViteDevServer) {
      const watched = [deckDir.slides, ...extensions.flatMap((e) => e.watch?.(deckDir) ?? [])];
      server.watcher.add(watched);
      const onChange = (file: string): void => {
        if (!watched.some((w) => file === w || file.startsWith(w + path.sep))) return;
        cached = null;
        const mod = server.moduleGraph.getModuleById(RESOLVED);
        if (mod) server.moduleGraph.invalidateModule(mod);
        server.ws.send({ type: 'full-reload', path: '*' });
      };
      server.watcher.on('change', onChange);
      server.watcher.on('add', onChange);
      server.watcher.on('unlink', onChange);
      // The speaker view is the same page in another mode.
      server.middlewares.use((req, res, next) => {
        if (!req.url?.startsWith('/speaker.html')) return next();
        const index = readFileSync(path.join(root, 'index.html'), 'utf8');
        server
          .transformIndexHtml(req.url, toSpeakerPage(index))
          .then((out) => {
            res.setHeader('Content-Type', 'text/html; charset=utf-8');
            res.end(out);
          })
          .catch(next);
      });
    },
  };
}

/** Turns index.html into the speaker view page: same bundle, another mode, no slides. */
export function toSpeakerPage(html: string): string {
  return html
    .replace(/\s*<script src="[^"]*prepaint-[^"]*"[^>]*><\/script>/, '')
    .replace('data-view="deck"', 'data-view="speaker"')
    .replace(/<title>[^<]*<\/title>/, () => String(markup`<title>${t('speakerTitle')}</title>`));
}

/** The head script that lets the first slide paint before reveal starts (src/runtime/prepaint.ts). */
const PREPAINT_ENTRY = 'src/runtime/prepaint-boot.ts';

/** Builds the head script on its own: a few hundred bytes of classic script, no imports left. */
async function buildPrepaintScript(root: string, target: ResolvedConfig['build']['target']): Promise<string> {
  const result = await build({
    root,
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      target,
      minify: true,
      emptyOutDir: false,
      reportCompressedSize: false,
      lib: {
        entry: path.join(root, PREPAINT_ENTRY),
        formats: ['iife'],
        name: 'deckPrepaint',
        fileName: () => 'prepaint.js',
      },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  const chunk = outputs.flatMap((o) => ('output' in o ? o.output : [])).find((c) => c.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error(`${PREPAINT_ENTRY}: the build produced no script`);
  return chunk.code;
}

/**
 * Adds the prepaint script to the built index.html, first in <head>: it must run before the slides
 * are parsed, and it starts the first slide's fonts (`data-preload`) before the style sheet has
 * even arrived.
 */
export function withFirstPaint(html: string, prepaintFile: string, fontFiles: string[]): string {
  const preload = fontFiles.map((f) => `./${f}`).join(' ');
  const script = markup`<script src="./${prepaintFile}" data-preload="${preload}"></script>`;
  return html.replace(
    /(\s*)(<script defer src=)/,
    (_, space: string, next: string) => `${space}${script}${space}${next}`,
  );
}

/**
 * The deck page asks for the deck script once the page stands painted: the head script
 * (src/runtime/prepaint.ts `loadDeckScript`) adds it, named by `data-deck` (and the feature scripts
 * by `data-lazy`), instead of a `<script defer>` fetched with the page. On a slow phone network
 * the bundle (some 270 KB uncompressed) otherwise shares the line with the style sheet and the
 * fonts the first screen waits for. The speaker view keeps its `<script defer>`.
 */
export function withDeckAfterFirstPaint(html: string): string {
  const deck = /\s*<script defer src="([^"]+)"( data-lazy="[^"]*")?><\/script>/.exec(html);
  const head = /(<script src="[^"]*prepaint-[^"]*"[^>]*)(><\/script>)/;
  if (!deck || !head.test(html)) return html;
  // Attribute values as the build wrote them (already escaped): moved as they are.
  const attributes = ` data-deck="${deck[1]!}"${deck[2] ?? ''}`;
  return html.replace(deck[0], '').replace(head, (_, open: string, close: string) => `${open}${attributes}${close}`);
}

/**
 * After the build: the entry becomes a classic deferred script (module scripts do not run from
 * file:// in Chromium) without `crossorigin` (which breaks file:// loads), the first-paint head
 * script and font preloads are added, the feature scripts loaded when first needed are built
 * (src/vite/lazy.ts; `featurePlugins` gives their builds `virtual:deck`), and speaker.html is
 * written beside index.html.
 */
export function staticSitePlugin(featurePlugins: () => Plugin[] = () => []): Plugin {
  let config: ResolvedConfig | null = null;
  return {
    name: 'deck-static-site',
    apply: 'build',
    enforce: 'post',
    configResolved(resolved) {
      config = resolved;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        return html
          .replace(/<script type="module" crossorigin src=/g, '<script defer src=')
          .replace(/<script type="module" src=/g, '<script defer src=')
          .replace(/ crossorigin(?=[\s>])/g, '')
          .replace(/<link rel="modulepreload"[^>]*>\n?/g, '');
      },
    },
    async generateBundle(_options, bundle) {
      const index = bundle['index.html'];
      if (!index || index.type !== 'asset' || !config) return;
      const code = await buildPrepaintScript(config.root, config.build.target);
      const hash = createHash('sha256').update(code).digest('base64url').slice(0, 8);
      const prepaintFile = `${config.build.assetsDir}/prepaint-${hash}.js`;
      this.emitFile({ type: 'asset', fileName: prepaintFile, source: code });
      const fonts = Object.keys(bundle).filter(isPreloadedFont).sort();
      const features = await buildFeatureScripts(config, featurePlugins);
      for (const f of features) this.emitFile({ type: 'asset', fileName: f.fileName, source: f.code });
      const page = withFeatureScripts(withFirstPaint(String(index.source), prepaintFile, fonts), features);
      index.source = withDeckAfterFirstPaint(page);
      this.emitFile({ type: 'asset', fileName: 'speaker.html', source: toSpeakerPage(page) });
    },
  };
}
