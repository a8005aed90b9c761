import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildDeck } from '../../src/export/build.ts';
import { inspectPdf } from '../../src/export/inspect.ts';
import { commandCost, type CommandCost } from './process-cpu.ts';
import { kb, median, type BenchContext, type BenchRow } from './types.ts';

const RUNS = 3;
/** All four PDFs (slides, handout, 讲话稿, script), dist/ built, on this machine. */
const EXPORT_TARGET_MS = 5_000;
const SLIDES_TARGET_BYTES = 1.5 * 1024 * 1024;
const FILES = ['slides.pdf', 'handout.pdf', 'speech.pdf', 'script.pdf'] as const;
/** The export's phases before the prints, as DECK_PDF_TIMING=1 marks them. */
const PHASES = [
  ['browser and server up', 'browser and server up'],
  ['print layout and charts ready', "deck's print layout and charts ready (the other documents start)"],
] as const;

/** The time (ms from the export's start) of each line DECK_PDF_TIMING=1 wrote, by its text. */
function marks(stderr: string): Map<string, number> {
  const at = new Map<string, number>();
  for (const m of stderr.matchAll(/^\[(\d+) ms\] +(.+)$/gm)) if (!at.has(m[2]!)) at.set(m[2]!, Number(m[1]));
  return at;
}

/**
 * `pdf`: `npm run pdf -- --no-build` as a user runs it, each run a fresh process (Node and its
 * modules cold, a new browser), median of 3: the time the command itself reports for writing and
 * checking the four PDFs, the whole command's wall time, when each PDF was written, each file's
 * size and pages, the CPU time of Node and Chromium, the load average, and how long building the
 * deck takes.
 */
export async function benchPdf(ctx: BenchContext): Promise<BenchRow[]> {
  const out = mkdtempSync(path.join(os.tmpdir(), 'deck-bench-pdf-'));
  try {
    const load = os.loadavg()[0]!;
    const runs: { cost: CommandCost; at: Map<string, number> }[] = [];
    for (let i = 0; i < RUNS; i++) {
      const cost = await commandCost(
        'npm',
        ['run', '--silent', 'pdf', '--', '--no-build', '--dist', ctx.dist, '--out', out, '--port', '0'],
        { cwd: process.cwd(), env: { ...process.env, CHROME_PATH: ctx.executablePath, DECK_PDF_TIMING: '1' } },
      );
      if (cost.exitCode !== 0) {
        return [
          {
            area: 'pdf',
            metric: 'npm run pdf -- --no-build',
            value: `exit ${cost.exitCode}`,
            target: 'exit 0',
            ok: false,
          },
        ];
      }
      runs.push({ cost, at: marks(cost.stderr) });
    }
    const after = os.loadavg()[0]!;
    const figure = (label: string): number[] => runs.map((r) => r.at.get(label)).filter((v) => v !== undefined);
    const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
    const exported = median(figure('check 4/4'));
    const rows: BenchRow[] = [
      {
        area: 'pdf',
        metric: `npm run pdf -- --no-build: all four PDFs written and checked, as the command reports it (fresh process each run, median of ${RUNS}; load average ${load.toFixed(1)} before, ${after.toFixed(1)} after)`,
        value: seconds(exported),
        target: `≤ ${EXPORT_TARGET_MS / 1000} s`,
        ok: exported <= EXPORT_TARGET_MS,
      },
      {
        area: 'pdf',
        metric: `  the whole command, npm and Node starting included (median of ${RUNS})`,
        value: seconds(median(runs.map((r) => r.cost.wallMs))),
        target: '',
        ok: null,
      },
    ];
    for (const [label, metric] of PHASES) {
      const at = figure(label);
      if (at.length > 0)
        rows.push({
          area: 'pdf',
          metric: `  ${metric}, after (median)`,
          value: seconds(median(at)),
          target: '',
          ok: null,
        });
    }
    for (const name of FILES) {
      const at = figure(`${name} checked`);
      if (at.length > 0) {
        rows.push({
          area: 'pdf',
          metric: `  ${name} written and checked after (median)`,
          value: seconds(median(at)),
          target: '',
          ok: null,
        });
      }
    }
    const cpu = runs.at(-1)!.cost.cpu;
    if (cpu) {
      const total = Object.values(cpu).reduce((a, b) => a + b, 0);
      rows.push({
        area: 'pdf',
        metric: `CPU time of the last run: Node ${(cpu.node ?? 0).toFixed(1)} s + Chromium ${(cpu.chromium ?? 0).toFixed(1)} s (2 cores: the least wall time is half)`,
        value: `${total.toFixed(1)} s`,
        target: '',
        ok: null,
      });
    }
    for (const name of readdirSync(out).filter((f) => (FILES as readonly string[]).includes(f))) {
      const bytes = readFileSync(path.join(out, name));
      const { pages } = await inspectPdf(bytes, { text: false });
      const slides = name === 'slides.pdf';
      rows.push({
        area: 'pdf',
        metric: `${name} size (${pages} pages)`,
        value:
          slides && bytes.length > 1024 * 1024 ? `${(bytes.length / 1024 / 1024).toFixed(2)} MB` : kb(bytes.length),
        target: slides ? '≤ 1.5 MB' : '',
        ok: slides ? bytes.length <= SLIDES_TARGET_BYTES : null,
      });
    }
    const buildDir = mkdtempSync(path.join(os.tmpdir(), 'deck-bench-build-'));
    try {
      const started = performance.now();
      await buildDeck(process.cwd(), buildDir, ctx.deck.root === ctx.deck.project ? null : ctx.deck.root);
      rows.push({
        area: 'pdf',
        metric: 'deck build before an export of stale sources (vite build)',
        value: seconds(performance.now() - started),
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
