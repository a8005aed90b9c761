import path from 'node:path';
import { PDF_OPTIONS } from './cli-options.ts';
import { HANDOUT_LAYOUTS, type HandoutLayout } from './handout.ts';
import {
  EXIT,
  exitCodeOf,
  formatBytes,
  parseCommand,
  prepareOutDir,
  progressPrinter,
  runInterruptible,
} from './command.ts';
import { exportPdf } from './pdf.ts';

const HELP = `Usage: npm run pdf -- [options]     (or: deck-pdf [options])

Exports the deck to print-ready, searchable PDFs with bookmarks:
  slides.pdf    one 16:9 page per slide (fragments complete), charts in their final state
  handout.pdf   A4: a cover, then each slide with its speaker notes (the full speech)
  speech.pdf    the speech alone as an official document (GB/T 9704-2012 layout, A4)
  script.pdf    the speaker's script for the lectern: speech in 20 pt, directions and notes,
                the slide number where to advance, each part from a new page with its minutes

Builds dist/ first when it is missing or older than slides/, src/, assets/, index.html.

Options:
  --deck <dir>                another deck folder (its slides/; dist/ and export/ inside it)
  --out <dir>                 output folder (default: export/, or <deck>/export/)
  --fragments                 slides.pdf: one page per fragment step
  --handout-layout <layout>   notes (default): slide + notes; 3up: 3 slides a page, ruled for notes
  --no-editorial              speech.pdf without the editorial summaries (marked inserts by default)
  --into-dist                 also put the PDFs in dist/; the deck then shows a "下载讲义" link
  --port <n>                  serve dist/ on this loopback port (default: a free port)
  --dist <dir>                the built site (default: dist/)
  --no-build                  never build; use dist/ as it is
  -h, --help                  show this help

Exit code 0 only when every file was written and checked.`;

/** Parses arguments, runs `exportPdf`, prints progress and results, returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const args = parseCommand(argv, PDF_OPTIONS, HELP);
  if (args.exit !== undefined) return args.exit;
  const { values, deck: folder } = args;
  const layout = values['handout-layout'] as HandoutLayout;
  if (!HANDOUT_LAYOUTS.includes(layout)) {
    console.error(`Unknown --handout-layout "${layout}" — expected one of: ${HANDOUT_LAYOUTS.join(', ')}`);
    return EXIT.usage;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a number from 0 to 65535, not "${values.port}"`);
    return EXIT.usage;
  }
  const root = process.cwd();
  let out: string;
  try {
    out = prepareOutDir(values.out, folder.export, root);
  } catch (error) {
    console.error(`error: ${(error as Error).message}`);
    return exitCodeOf(error);
  }
  let interrupted = false;
  try {
    const result = await runInterruptible(
      ({ signal }) =>
        exportPdf({
          root,
          deck: values.deck ?? null,
          dist: values.dist ? path.resolve(values.dist) : undefined,
          out,
          build: values['no-build'] ? 'never' : 'auto',
          fragments: values.fragments,
          handoutLayout: layout,
          editorial: !values['no-editorial'],
          intoDist: values['into-dist'],
          port,
          onProgress: progressPrinter(),
          signal,
        }),
      () => (interrupted = true),
    );
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
    if (interrupted) {
      // The signal came after the new files were in place: they are complete.
      console.error('已中断（interrupted）：新文件已全部写入并通过检查。');
      return EXIT.interrupted;
    }
    return EXIT.ok;
  } catch (error) {
    console.error(`error: ${(error as Error).message}`);
    return exitCodeOf(error);
  }
}

const code = await main(process.argv.slice(2));
process.exitCode = code;
// An interrupted export may leave a build running in the background: do not wait for it.
if (code === EXIT.interrupted) process.exit(code);
