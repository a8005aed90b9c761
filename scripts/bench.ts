import { existsSync } from 'node:fs';
import path from 'node:path';
import { deckFolder, deckFolderProblem, takeDeckOption } from '../src/deck-folder.ts';
import { CHROMIUM_ARGS, findBrowser } from '../src/export/browser.ts';
import { sections } from './bench/sections.ts';
import type { BenchContext, BenchRow } from './bench/types.ts';

/** Sections that do not read dist/. */
const NO_DIST = ['import', 'pptx'];

/**
 * `npm run bench [-- --deck <dir>] [section…]`: builds nothing; measures the deck's built `dist/`
 * (run `npm run build` first) and prints every figure in one table. Each feature adds a section in
 * scripts/bench/sections.ts.
 */
async function main(): Promise<void> {
  const { deck: deckDir, rest: only } = takeDeckOption(process.argv.slice(2));
  const problem = deckDir === null ? null : deckFolderProblem(deckDir);
  if (problem) {
    console.error(`error: ${problem}`);
    process.exit(1);
  }
  const deck = deckFolder(process.cwd(), deckDir);
  const dist = process.env.DECK_DIST ? path.resolve(process.env.DECK_DIST) : deck.dist;
  // Sections that measure the importer or the PowerPoint export need no built site.
  const needsDist = only.length === 0 || only.some((name) => !NO_DIST.includes(name));
  if (needsDist && !existsSync(path.join(dist, 'index.html'))) {
    console.error(`${dist}/index.html is missing: run "npm run build${deckDir ? ` -- --deck ${deckDir}` : ''}" first.`);
    process.exit(1);
  }
  const browser = await findBrowser();
  const ctx: BenchContext = { deck, dist, executablePath: browser.executablePath, args: CHROMIUM_ARGS };
  const rows: BenchRow[] = [];
  for (const [name, section] of Object.entries(sections)) {
    if (only.length > 0 && !only.includes(name)) continue;
    process.stderr.write(`bench: ${name}…\n`);
    rows.push(...(await section(ctx)));
  }
  const header = ['area', 'metric', 'value', 'target', 'ok'];
  const table = rows.map((r) => [r.area, r.metric, r.value, r.target, r.ok === null ? '' : r.ok ? 'yes' : 'NO']);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => '| ' + cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ') + ' |';
  console.log(line(header));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const r of table) console.log(line(r));
}

await main();
