import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildDeck } from '../../src/export/build.ts';
import { exportPdf } from '../../src/export/pdf.ts';
import { kb, median, type BenchContext, type BenchRow } from './types.ts';

const RUNS = 3;
const EXPORT_TARGET_MS = 10_000;
const SLIDES_TARGET_BYTES = 1.5 * 1024 * 1024;

/**
 * `pdf`: `npm run pdf` with dist/ already built (median of 3 runs: server, browser, both PDFs and
 * their checks), each file's size and pages, and, separately, how long building the deck takes.
 */
export async function benchPdf(ctx: BenchContext): Promise<BenchRow[]> {
  const out = mkdtempSync(path.join(os.tmpdir(), 'deck-bench-pdf-'));
  try {
    const times: number[] = [];
    let last: Awaited<ReturnType<typeof exportPdf>> | null = null;
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      last = await exportPdf({ dist: ctx.dist, out, build: 'never', executablePath: ctx.executablePath });
      times.push(performance.now() - started);
    }
    const wall = median(times);
    const rows: BenchRow[] = [
      {
        area: 'pdf',
        metric: `export wall time, both PDFs, dist built (median of ${RUNS})`,
        value: `${(wall / 1000).toFixed(1)} s`,
        target: `≤ ${EXPORT_TARGET_MS / 1000} s`,
        ok: wall <= EXPORT_TARGET_MS,
      },
    ];
    for (const f of last!.files) {
      const slides = f.kind === 'slides';
      rows.push({
        area: 'pdf',
        metric: `${path.basename(f.path)} size (${f.pages} pages)`,
        value: slides && f.bytes > 1024 * 1024 ? `${(f.bytes / 1024 / 1024).toFixed(2)} MB` : kb(f.bytes),
        target: slides ? '≤ 1.5 MB' : '',
        ok: slides ? f.bytes <= SLIDES_TARGET_BYTES : null,
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
