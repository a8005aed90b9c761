import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { importSpeech } from '../../src/import/import.ts';
import { readSpeech } from '../../src/import/read.ts';
import { spokenLength } from '../../src/import/text.ts';
import { median, type BenchRow } from './types.ts';

const SPEECH = 'assets/source/speech.txt';
const RUNS = 5;

/** Reads, decodes and imports a file as `npm run import` does (without writing the deck). */
async function timeImport(file: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    importSpeech(await readSpeech(file), { outDir: 'bench' });
    times.push(performance.now() - t0);
  }
  return median(times);
}

/**
 * `npm run import` on our speech (target ≤ 1 s) and on a 30,000-character speech made by
 * repeating its body (≤ 3 s). Needs no build.
 */
export async function benchImport(): Promise<BenchRow[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-import-'));
  try {
    const lines = readFileSync(SPEECH, 'utf8').split('\n');
    const [title, , ...rest] = lines;
    const body = rest.slice(0, -4);
    const long: string[] = [title!];
    while (spokenLength(long.join('')) < 30_000) long.push(...body);
    const longFile = path.join(dir, 'long.txt');
    writeFileSync(longFile, long.join('\n'));
    const chars = spokenLength(long.join(''));
    const ours = await timeImport(SPEECH);
    const repeated = await timeImport(longFile);
    return [
      {
        area: 'import',
        metric: `import ${SPEECH} (median of ${RUNS})`,
        value: `${ours.toFixed(0)} ms`,
        target: '≤ 1000 ms',
        ok: ours <= 1000,
      },
      {
        area: 'import',
        metric: `import a ${chars}-character speech (ours repeated)`,
        value: `${repeated.toFixed(0)} ms`,
        target: '≤ 3000 ms',
        ok: repeated <= 3000,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
