import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { PATHS, type DeckFolder } from './config.ts';

export type { DeckFolder };

/** The environment variable the `--deck` option is passed on in (set by scripts/vite.ts and the CLIs). */
export const DECK_ENV = 'DECK_DIR';

/**
 * The deck folder for `dir` (relative to the current directory, or absolute), or the project's
 * own deck when `dir` is empty.
 */
export function deckFolder(project: string, dir?: string | null): DeckFolder {
  const root = dir ? path.resolve(dir) : project;
  const at = (p: string): string => path.join(root, ...p.split('/'));
  return {
    project,
    root,
    slides: at(PATHS.slides),
    data: at(PATHS.data),
    public: at(PATHS.public),
    dist: at(PATHS.dist),
    export: at(PATHS.export),
  };
}

/**
 * The deck a command works on: the folder in the environment variable the `--deck` option sets,
 * or the project's own deck.
 * @throws Error with what to do when that folder is not a deck.
 */
export function deckFromEnv(project: string, env: NodeJS.ProcessEnv = process.env): DeckFolder {
  const dir = env[DECK_ENV];
  if (dir) {
    const problem = deckFolderProblem(dir);
    if (problem) throw new Error(problem);
  }
  return deckFolder(project, dir || null);
}

/** A deck folder, or a project root standing for its own deck (what most callers have). */
export function asDeck(deck: DeckFolder | string): DeckFolder {
  return typeof deck === 'string' ? deckFolder(deck) : deck;
}

/** A path under the deck as messages show it: relative to the project, with `/` (`slides/01-qi.md`). */
export function shownPath(deck: DeckFolder, abs: string): string {
  const rel = path.relative(deck.project, abs);
  return (rel.startsWith('..') ? abs : rel).split(path.sep).join('/');
}

/**
 * Why `dir` cannot be used as a deck (in Chinese, with what to do), or null. A deck folder has a
 * `slides/` folder with at least one `.md` file.
 */
export function deckFolderProblem(dir: string): string | null {
  const root = path.resolve(dir);
  if (!existsSync(root)) return `找不到演示文稿文件夹 ${dir}（no such folder） — 检查路径，或先用 npm run import 生成`;
  if (!statSync(root).isDirectory()) return `${dir} 不是文件夹 — --deck 后面写演示文稿文件夹（里面有 slides/）`;
  const slides = path.join(root, 'slides');
  if (!existsSync(slides) || !readdirSync(slides).some((f) => f.endsWith('.md'))) {
    return `${dir} 里没有 slides/*.md（not a deck folder） — 演示文稿文件夹里要有 slides/ 和其中的 .md 文件`;
  }
  return null;
}

/**
 * Takes `--deck <dir>` or `--deck=<dir>` out of command-line arguments.
 * @returns the folder (or null) and the other arguments, in order.
 */
export function takeDeckOption(argv: readonly string[]): { deck: string | null; rest: string[] } {
  const rest: string[] = [];
  let deck: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--deck') {
      deck = argv[i + 1] ?? '';
      i++;
    } else if (a.startsWith('--deck=')) {
      deck = a.slice('--deck='.length);
    } else {
      rest.push(a);
    }
  }
  return { deck, rest };
}

/** Exit codes: 0 every file written and checked; 1 a failure; 2 bad usage; 130 interrupted. */
/* The commands' (npm run pdf, pptx, import) shared argument conventions. */
export const EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130 } as const;

/** A command's options: each has `-h, --help`. */
type CommandOptions = NonNullable<ParseArgsConfig['options']> & { help: { type: 'boolean' } };

/** The values `parseArgs` gives for `options`. */
type CommandValues<O extends CommandOptions> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: true }>
>['values'];

/** What a command's arguments came to: what to run with, or the exit code (the message printed). */
export type CommandArgs<O extends CommandOptions> =
  { exit: number } | { exit?: undefined; values: CommandValues<O>; positionals: string[]; deck: DeckFolder };

/**
 * Reads a command's arguments the way every command does: an unknown or malformed option prints
 * the message and the help (exit 2); `--help` prints the help (exit 0); positionals are refused
 * unless the command takes them; a `--deck` that is not a deck folder prints why (exit 1).
 * The deck is the `--deck` folder, or the project's own.
 */
export function parseCommand<O extends CommandOptions>(
  argv: string[],
  options: O,
  help: string,
  { positionals = false, root = process.cwd() }: { positionals?: boolean; root?: string } = {},
): CommandArgs<O> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, strict: true, allowPositionals: positionals });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${help}`);
    return { exit: EXIT.usage };
  }
  const values = parsed.values as CommandValues<O>;
  const named = values as { help?: boolean; deck?: string };
  if (named.help) {
    console.log(help);
    return { exit: EXIT.ok };
  }
  const problem = named.deck === undefined ? null : deckFolderProblem(named.deck);
  if (problem) {
    console.error(`error: ${problem}`);
    return { exit: EXIT.failed };
  }
  return { values, positionals: parsed.positionals, deck: deckFolder(root, named.deck) };
}
