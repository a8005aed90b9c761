import { helpText } from '../src/vite/help.ts';

/**
 * `npm run deck -- help`: what an author can write (layouts, attributes, chart kinds, datasets),
 * in Chinese, from the definitions the build checks against.
 */
function main(argv: readonly string[]): number {
  const [command] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    console.log(helpText());
    return 0;
  }
  console.error(`未知的命令“${command}” — 写 npm run deck -- help`);
  return 2;
}

process.exitCode = main(process.argv.slice(2));
