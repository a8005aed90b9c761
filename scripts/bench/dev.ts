import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright';
import { readSlideFiles } from '../../src/vite/deck-plugin.ts';
import { startScratchDev } from '../scratch-dev.ts';
import { median, type BenchContext, type BenchRow } from './types.ts';

const SAVES = 5;
/** The target: a saved slide re-renders within a second. */
const TARGET_MS = 1000;

/**
 * `npm run dev` on a scratch copy of the real slides: the time from saving the first slide file
 * with a new title to that title on screen in the open page (reload, recompile, reveal ready).
 */
export async function benchDev(ctx: BenchContext): Promise<BenchRow[]> {
  const root = process.cwd();
  const slides = readSlideFiles(ctx.deck).map((f) => ({ from: path.join(root, f.file), as: path.basename(f.file) }));
  const dev = await startScratchDev(root, slides);
  const browser = await chromium.launch({ executablePath: ctx.executablePath, args: ctx.args, headless: true });
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(dev.url);
    await page.waitForFunction(() => document.documentElement.classList.contains('deck-ready'), null, {
      timeout: 60_000,
    });
    const file = path.join(dev.dir, 'slides', slides[0]!.as);
    const original = readFileSync(file, 'utf8');
    const title = /^# (.+)$/m.exec(original)![1]!;
    const times: number[] = [];
    for (let i = 1; i <= SAVES; i++) {
      const next = `${title}（第${i}稿）`;
      const t0 = performance.now();
      writeFileSync(file, original.replace(`# ${title}`, `# ${next}`));
      await page.waitForFunction(
        (text) =>
          document.documentElement.classList.contains('deck-ready') &&
          document.querySelector('.reveal .slides section h1')?.textContent === text,
        next,
        { polling: 'raf', timeout: 30_000 },
      );
      times.push(performance.now() - t0);
    }
    writeFileSync(file, original);
    const ms = median(times);
    return [
      {
        area: 'dev',
        metric: `saved slide file → new text on screen (median of ${SAVES} saves, all ${slides.length} files)`,
        value: `${ms.toFixed(0)} ms`,
        target: `≤ ${TARGET_MS} ms`,
        ok: ms <= TARGET_MS,
      },
    ];
  } finally {
    await browser.close();
    await dev.close();
  }
}
