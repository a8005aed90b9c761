import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exportPptx, type PptxProgress } from '../../src/export/pptx/export.ts';
import { kb, median, type BenchContext, type BenchRow } from './types.ts';

const RUNS = 3;
const TARGET_MS = 5_000;
const TARGET_BYTES = 2 * 1024 * 1024;

/**
 * `pptx`: `exportPptx` from the Markdown to export/slides.pptx in place (median of 3: compile, plan,
 * write, put right, read back and check, atomic write), the time of each step, the file's size,
 * and one run of the whole command (`npm run pptx`: Node and tsx starting included).
 */
export async function benchPptx(ctx: BenchContext): Promise<BenchRow[]> {
  const out = mkdtempSync(path.join(os.tmpdir(), 'deck-bench-pptx-'));
  try {
    const times: number[] = [];
    const steps: Record<string, number[]> = {};
    let bytes = 0;
    let slides = 0;
    for (let i = 0; i < RUNS; i++) {
      let last = performance.now();
      let label: PptxProgress['label'] | null = null;
      const mark = (next: PptxProgress['label'] | null): void => {
        const now = performance.now();
        if (label) (steps[label] ??= []).push(now - last);
        last = now;
        label = next;
      };
      const started = performance.now();
      const result = await exportPptx({ root: process.cwd(), deck: ctx.deck, out, onProgress: (e) => mark(e.label) });
      mark(null);
      times.push(performance.now() - started);
      bytes = result.bytes.length;
      slides = result.plan.slides.length;
    }
    const wall = median(times);
    const rows: BenchRow[] = [
      {
        area: 'pptx',
        metric: `export wall time, Markdown → slides.pptx checked (median of ${RUNS})`,
        value: `${(wall / 1000).toFixed(1)} s`,
        target: `≤ ${TARGET_MS / 1000} s`,
        ok: wall <= TARGET_MS,
      },
      {
        area: 'pptx',
        metric:
          'steps (median ms): ' +
          Object.entries(steps)
            .map(([k, v]) => `${k} ${Math.round(median(v))}`)
            .join(', '),
        value: '',
        target: '',
        ok: null,
      },
      {
        area: 'pptx',
        metric: `slides.pptx size (${slides} slides)`,
        value: bytes > 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MB` : kb(bytes),
        target: '≤ 2 MB',
        ok: bytes <= TARGET_BYTES,
      },
    ];
    const cli = path.join(out, 'cli');
    const started = performance.now();
    const run = spawnSync('npm', ['run', '--silent', 'pptx', '--', '--deck', ctx.deck.root, '--out', cli], {
      encoding: 'utf8',
    });
    const cliMs = performance.now() - started;
    rows.push({
      area: 'pptx',
      metric: `npm run pptx, whole command (Node + tsx start included${run.status === 0 ? '' : `; FAILED: ${run.stderr.trim().split('\n').at(-1)}`})`,
      value: `${(cliMs / 1000).toFixed(1)} s`,
      target: '',
      ok: run.status === 0 ? null : false,
    });
    if (run.status === 0) statSync(path.join(cli, 'slides.pptx'));
    return rows;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
