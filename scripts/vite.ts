import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DECK_ENV, deckFolder, deckFolderProblem, takeDeckOption } from '../src/deck-folder.ts';
import { DeckError } from '../src/markdown/errors.ts';
import { compileFolder } from '../src/vite/deck-plugin.ts';
import { deckExtensions } from '../src/vite/extensions.ts';

/**
 * `npm run dev|build|preview [-- --deck <dir>] [vite options]`: Vite's own CLI, with one option
 * of ours. `--deck <dir>` is taken out (Vite rejects options it does not know) and handed to
 * vite.config.ts in the environment; every other argument goes to Vite unchanged.
 */
function main(): void {
  const { deck, rest } = takeDeckOption(process.argv.slice(2));
  const env = { ...process.env };
  if (deck !== null) {
    const problem = deck === '' ? '--deck 后面要写演示文稿文件夹 — 例如 --deck decks/next' : deckFolderProblem(deck);
    if (problem) {
      console.error(`error: ${problem}`);
      process.exit(1);
    }
    env[DECK_ENV] = path.resolve(deck);
  } else {
    delete env[DECK_ENV];
  }
  if (rest[0] === 'build' && !deckCompiles(deck)) {
    process.exit(1);
  }
  // Vite's package exports no bin path: find the CLI beside its package.json.
  const pkg = createRequire(import.meta.url).resolve('vite/package.json');
  const vite = path.join(path.dirname(pkg), 'bin', 'vite.js');
  const child = spawn(process.execPath, [vite, ...rest], { stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
}

/**
 * Compiles the deck before Vite builds it, so that mistakes in the slides are printed as they are
 * meant to be read — every problem, one per line, `file:line[:column]: 问题 — 怎么做` — and not
 * after Vite's "error during build" with a stack trace.
 */
function deckCompiles(deck: string | null): boolean {
  const project = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  try {
    compileFolder(deckFolder(project, deck), deckExtensions);
    return true;
  } catch (error) {
    if (!(error instanceof DeckError)) throw error;
    const count = error.message.split('\n').filter((l) => !l.startsWith('……')).length;
    console.error(`\n构建停止：演示文稿里有 ${count} 处要改正（deck errors）\n\n${error.message}\n`);
    return false;
  }
}

main();
