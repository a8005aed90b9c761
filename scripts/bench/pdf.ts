import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildDeck } from '../../src/export/build.ts';
import { exportPdf } from '../../src/export/pdf.ts';
import { commandCost } from './process-cpu.ts';
import { kb, median, type BenchContext, type BenchRow } from './types.ts';

const RUNS = 3;
/** All four PDFs (slides, handout, 讲话稿, script), dist/ built, on this machine. */
const EXPORT_TARGET_MS = 5_000;
const SLIDES_TARGET_BYTES = 1.5 * 1024 * 1024;
const FILES = ['slides.pdf', 'handout.pdf', 'speech.pdf', 'script.pdf'] as const;
/** The export's phases before the prints (DECK_PDF_TIMING=1 npm run pdf shows every step). */
const PHASES = {
  browser: 'browser and server up',
  laidOut: "deck's print layout and charts ready (the other documents start)",
} as const;

/**
 * `pdf`: `npm run pdf` with dist/ already built (median of 3 runs: server, browser, the four PDFs
 * printed at once and their checks), when each PDF was written (from the start of the export),
 * each file's size and pages, the load average, and, separately, how long building the deck takes.
 */
export async function benchPdf(ctx: BenchContext): Promise<BenchRow[]> {
  const out = mkdtempSync(path.join(os.tmpdir(), 'deck-bench-pdf-'));
  try {
    const times: number[] = [];
    const written: Record<string, number[]> = {};
    let last: Awaited<ReturnType<typeof exportPdf>> | null = null;
    const load = os.loadavg()[0]!;
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      last = await exportPdf({
        dist: ctx.dist,
        out,
        build: 'never',
        executablePath: ctx.executablePath,
        onProgress: (e) => {
          if ((FILES as readonly string[]).includes(e.label) && e.total > 0 && e.done === e.total) {
            (written[e.label] ??= []).push(performance.now() - started);
          }
          // Where the time goes before the prints: the browser, then the deck's print layout.
          if (e.label === 'layout') {
            (written[e.total > 0 ? PHASES.laidOut : PHASES.browser] ??= []).push(performance.now() - started);
          }
        },
      });
      times.push(performance.now() - started);
    }
    const wall = median(times);
    const rows: BenchRow[] = [
      {
        area: 'pdf',
        metric: `export wall time, all four PDFs, dist built (median of ${RUNS}; load average ${load.toFixed(1)} before)`,
        value: `${(wall / 1000).toFixed(1)} s`,
        target: `≤ ${EXPORT_TARGET_MS / 1000} s`,
        ok: wall <= EXPORT_TARGET_MS,
      },
    ];
    for (const phase of Object.values(PHASES)) {
      const at = written[phase];
      if (at && at.length > 0) {
        rows.push({
          area: 'pdf',
          metric: `${phase}, after (median of ${RUNS})`,
          value: `${(median(at) / 1000).toFixed(1)} s`,
          target: '',
          ok: null,
        });
      }
    }
    for (const f of last!.files) {
      const name = path.basename(f.path);
      const slides = f.kind === 'slides';
      const at = written[name];
      if (at && at.length > 0) {
        rows.push({
          area: 'pdf',
          metric: `${name} written after (printed alongside the others, median of ${RUNS})`,
          value: `${(median(at) / 1000).toFixed(1)} s`,
          target: '',
          ok: null,
        });
      }
      rows.push({
        area: 'pdf',
        metric: `${name} size (${f.pages} pages)`,
        value: slides && f.bytes > 1024 * 1024 ? `${(f.bytes / 1024 / 1024).toFixed(2)} MB` : kb(f.bytes),
        target: slides ? '≤ 1.5 MB' : '',
        ok: slides ? f.bytes <= SLIDES_TARGET_BYTES : null,
      });
    }
    // The whole command as a user runs it (Node and tsx starting, the imports), and the CPU time it
    // and Chromium used: on a machine shared with other work the CPU time says what the wall time
    // cannot.
    const cli = await commandCost(
      'npm',
      ['run', '--silent', 'pdf', '--', '--no-build', '--dist', ctx.dist, '--out', out, '--port', '0'],
      { cwd: process.cwd(), env: { ...process.env, CHROME_PATH: ctx.executablePath } },
    );
    const cliLoad = os.loadavg()[0]!;
    if (cli.exitCode === 0) {
      rows.push({
        area: 'pdf',
        metric: `npm run pdf -- --no-build, the whole command (once; load average ${cliLoad.toFixed(1)} after)`,
        value: `${(cli.wallMs / 1000).toFixed(1)} s`,
        target: '',
        ok: null,
      });
      if (cli.cpu) {
        const total = Object.values(cli.cpu).reduce((a, b) => a + b, 0);
        rows.push({
          area: 'pdf',
          metric: `CPU time of that command: Node ${(cli.cpu.node ?? 0).toFixed(1)} s + Chromium ${(cli.cpu.chromium ?? 0).toFixed(1)} s (2 cores: the least wall time is half)`,
          value: `${total.toFixed(1)} s`,
          target: '',
          ok: null,
        });
      }
    } else {
      rows.push({
        area: 'pdf',
        metric: 'npm run pdf -- --no-build',
        value: `exit ${cli.exitCode}`,
        target: 'exit 0',
        ok: false,
      });
    }
    const buildDir = mkdtempSync(path.join(os.tmpdir(), 'deck-bench-build-'));
    try {
      const started = performance.now();
      await buildDeck(process.cwd(), buildDir, ctx.deck.root === ctx.deck.project ? null : ctx.deck.root);
      rows.push({
        area: 'pdf',
        metric: 'deck build before an export of stale sources (vite build)',
        value: `${((performance.now() - started) / 1000).toFixed(1)} s`,
        target: '',
        ok: null,
      });
    } finally {
      rmSync(buildDir, { recursive: true, force: true });
    }
    return rows;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
