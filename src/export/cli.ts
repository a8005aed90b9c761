import path from 'node:path';
import { parseArgs } from 'node:util';
import { deckFolder, deckFolderProblem } from '../deck-folder.ts';
import { HANDOUT_LAYOUTS, type HandoutLayout } from './handout.ts';
import { exportPdf, ExportAbortedError, type ExportProgress } from './pdf.ts';

const HELP = `Usage: npm run pdf -- [options]     (or: deck-pdf [options])

Exports the deck to print-ready, searchable PDFs with bookmarks:
  slides.pdf    one 16:9 page per slide (fragments complete), charts in their final state
  handout.pdf   A4: a cover, then each slide with its speaker notes (the full speech)

Builds dist/ first when it is missing or older than slides/, src/, assets/, index.html.

Options:
  --deck <dir>                another deck folder (its slides/; dist/ and export/ inside it)
  --out <dir>                 output folder (default: export/, or <deck>/export/)
  --fragments                 slides.pdf: one page per fragment step
  --handout-layout <layout>   notes (default): slide + notes; 3up: 3 slides a page, ruled for notes
  --into-dist                 also put the PDFs in dist/; the deck then shows a "下载讲义" link
  --port <n>                  serve dist/ on this loopback port (default: a free port)
  --dist <dir>                the built site (default: dist/)
  --no-build                  never build; use dist/ as it is
  -h, --help                  show this help

Exit code 0 only when every file was written and checked.`;

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
}

/** Parses arguments, runs `exportPdf`, prints progress and results, returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        deck: { type: 'string' },
        out: { type: 'string' },
        fragments: { type: 'boolean', default: false },
        'handout-layout': { type: 'string', default: 'notes' },
        'into-dist': { type: 'boolean', default: false },
        port: { type: 'string' },
        dist: { type: 'string' },
        'no-build': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const layout = values['handout-layout'] as HandoutLayout;
  if (!HANDOUT_LAYOUTS.includes(layout)) {
    console.error(`Unknown --handout-layout "${layout}" — expected one of: ${HANDOUT_LAYOUTS.join(', ')}`);
    return 2;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a number from 0 to 65535, not "${values.port}"`);
    return 2;
  }
  const root = process.cwd();
  const deckProblem = values.deck === undefined ? null : deckFolderProblem(values.deck);
  if (deckProblem) {
    console.error(`error: ${deckProblem}`);
    return 1;
  }
  const folder = deckFolder(root, values.deck);
  const controller = new AbortController();
  const onSignal = (): void => controller.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const started = performance.now();
  const elapsed = (): string => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  let last = '';
  const onProgress = (e: ExportProgress): void => {
    const items = e.total > 0 ? ` ${e.done}/${e.total}` : '';
    const line = `[${e.step}/${e.steps}] ${e.label}${items}`;
    if (line === last) return;
    last = line;
    process.stderr.write(`${line}  (${elapsed()})\n`);
  };
  try {
    const result = await exportPdf({
      root,
      deck: values.deck ?? null,
      dist: values.dist ? path.resolve(values.dist) : undefined,
      out: values.out ? path.resolve(values.out) : folder.export,
      build: values['no-build'] ? 'never' : 'auto',
      fragments: values.fragments,
      handoutLayout: layout,
      intoDist: values['into-dist'],
      port,
      onProgress,
      signal: controller.signal,
    });
    if (result.built) {
      console.log(`built ${path.relative(root, folder.dist) || 'dist'}/ in ${(result.buildMs / 1000).toFixed(1)} s`);
    }
    for (const f of result.files) {
      const rel = path.relative(root, f.path);
      console.log(`${rel.startsWith('..') ? f.path : rel}  ${f.pages} pages  ${formatBytes(f.bytes)}`);
    }
    if (result.cutOff.length > 0) {
      console.warn(
        `warning: content runs past the slide edge (cut off in the PDF) on: ${result.cutOff.map((id) => `#${id}`).join(', ')}`,
      );
    }
    if (values['into-dist']) console.log('copied into dist/: the deck now offers "下载讲义"');
    console.log(`exported ${result.slides} slides in ${(result.exportMs / 1000).toFixed(1)} s`);
    return 0;
  } catch (error) {
    console.error(`error: ${(error as Error).message}`);
    return error instanceof ExportAbortedError ? 130 : 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

process.exitCode = await main(process.argv.slice(2));
