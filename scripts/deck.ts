import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDeckData } from '../src/charts/data/deck-data.ts';
import { deckFolder, deckFolderProblem, takeDeckOption } from '../src/deck-folder.ts';
import { DeckError } from '../src/markdown/errors.ts';
import { helpText } from '../src/vite/help.ts';

/**
 * `npm run deck -- help [--deck <dir>]`: what an author can write (layouts, attributes, chart kinds, datasets),
 * in Chinese, from the definitions the build checks against.
 */
function main(args: readonly string[]): number {
  const { deck, rest } = takeDeckOption(args);
  const [command] = rest;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    const problem = deck ? deckFolderProblem(deck) : null;
    if (problem) {
      console.error(problem);
      return 1;
    }
    const project = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
    try {
      // The deck's own datasets are listed with their columns too.
      console.log(helpText(loadDeckData(deckFolder(project, deck))));
    } catch (error) {
      if (!(error instanceof DeckError)) throw error;
      console.log(helpText());
      console.error(`\n数据说明有问题：\n${error.message}`);
      return 1;
    }
    return 0;
  }
  console.error(`未知的命令“${command}” — 写 npm run deck -- help`);
  return 2;
}

process.exitCode = main(process.argv.slice(2));
