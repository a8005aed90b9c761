import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { DECK_ENV, deckFolderProblem, takeDeckOption } from '../src/deck-folder.ts';

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
  // Vite's package exports no bin path: find the CLI beside its package.json.
  const pkg = createRequire(import.meta.url).resolve('vite/package.json');
  const vite = path.join(path.dirname(pkg), 'bin', 'vite.js');
  const child = spawn(process.execPath, [vite, ...rest], { stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
}

main();
