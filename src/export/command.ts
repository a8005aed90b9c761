import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { EXIT, type DeckFolder } from '../deck-folder.ts';
import { buildDeck, processAlive, staleReason } from './build.ts';

/**
 * The conventions every export command shares (`npm run pdf`, `npm run pptx`): exit codes, `--out`
 * validation, atomic writes of a set of files, Ctrl-C, progress lines and building when stale.
 * Commands are wiring: they parse arguments, call a library function with the pieces here, and
 * print. Messages for people are in Chinese with an English code word to search for.
 *
 * Run a command as `node bin/<command>.js` (tsx registered in-process), not through the `tsx` CLI:
 * tsx's wrapper relays signals to a child process and kills it with SIGKILL when the child does not
 * answer within 30 ms, which under load skips the cleanup and the message.
 */

export { EXIT, parseCommand, type CommandArgs } from '../deck-folder.ts';

/** Bad usage (an option's value): exit code 2, with the usage. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The output folder cannot be used: its message names the folder, the cause and `--out`. */
export class OutputNotWritableError extends Error {
  /** The system's code (ENOTDIR, ENOENT, EACCES, EROFS, …). */
  readonly code: string;
  constructor(dir: string, code: string, problem: string) {
    super(`输出文件夹 ${dir} ${problem}（${code}） — 用 --out 换一个文件夹，或修正它的权限`);
    this.name = 'OutputNotWritableError';
    this.code = code;
  }
}

/** The command was interrupted (Ctrl-C or SIGTERM). */
export class InterruptedError extends Error {
  constructor(message = '已中断（interrupted）') {
    super(message);
    this.name = 'InterruptedError';
  }
}

/**
 * Resolves and checks `--out`: an empty value is bad usage; a file, a missing parent folder and a
 * folder that cannot be written are refused with what to do. A missing folder whose parent exists
 * is created. Writing is probed for real (a root user or a read-only mount defeats permission bits).
 * @returns the absolute folder.
 * @throws UsageError, OutputNotWritableError.
 */
export function prepareOutDir(value: string | undefined, fallback: string, cwd = process.cwd()): string {
  if (value !== undefined && value.trim() === '') {
    throw new UsageError('--out 后面没有写文件夹（--out is empty） — 例如 --out export，或不写 --out 用默认的 export/');
  }
  const dir = path.resolve(cwd, value ?? fallback);
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) {
      throw new OutputNotWritableError(dir, 'ENOTDIR', '是一个文件，不是文件夹');
    }
  } else {
    const parent = path.dirname(dir);
    if (!existsSync(parent)) throw new OutputNotWritableError(dir, 'ENOENT', '的上级文件夹不存在');
    if (!statSync(parent).isDirectory())
      throw new OutputNotWritableError(dir, 'ENOTDIR', '的上级是一个文件，不是文件夹');
    try {
      mkdirSync(dir);
    } catch (error) {
      throw new OutputNotWritableError(dir, codeOf(error), '无法建立');
    }
  }
  const probe = path.join(dir, `.write-probe-${process.pid}`);
  try {
    accessSync(dir, constants.W_OK);
    writeFileSync(probe, '');
    unlinkSync(probe);
  } catch (error) {
    throw new OutputNotWritableError(dir, codeOf(error), '不能写入');
  }
  return dir;
}

function codeOf(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  return e.code ?? e.message;
}

/** Temporary files beside their final names in one folder, renamed together once all are checked. */
export interface StagedFiles {
  /** The temporary path a file is written to (in the output folder, so the rename is atomic). */
  temp(name: string): string;
  /** Writes a file's bytes to its temporary path. */
  write(name: string, bytes: Uint8Array): string;
  /**
   * Renames every staged file to its final name in one synchronous loop: a signal is handled only
   * after it, so an interrupted export leaves either the old set or the new set, never a mix.
   */
  commit(): string[];
  /** Removes the temporary files (after a failure or an interruption). */
  discard(): void;
  readonly committed: boolean;
}

/** Marks the temporary files of this process, so a later run can clear those a crash left. */
const TEMP = (name: string, pid: number): string => `.${name}.${pid}.partial`;
const TEMP_PATTERN = /^\.(.+)\.(\d+)\.partial$/;

/**
 * Stages the files `names` in `dir`. Leftovers of runs that no longer exist (a killed process) are
 * removed first.
 */
export function stageFiles(dir: string, names: readonly string[]): StagedFiles {
  for (const entry of readdirSync(dir)) {
    const m = TEMP_PATTERN.exec(entry);
    if (m && !processAlive(Number(m[2]))) rmSync(path.join(dir, entry), { force: true });
  }
  const written = new Set<string>();
  let committed = false;
  const temp = (name: string): string => {
    if (!names.includes(name)) throw new Error(`${name} is not one of the staged files: ${names.join(', ')}`);
    return path.join(dir, TEMP(name, process.pid));
  };
  return {
    temp,
    write(name, bytes) {
      const file = temp(name);
      try {
        writeFileSync(file, bytes);
      } catch (error) {
        throw new OutputNotWritableError(dir, codeOf(error), '不能写入');
      }
      written.add(name);
      return file;
    },
    commit() {
      const done = names.filter((n) => written.has(n));
      for (const name of done) renameSync(temp(name), path.join(dir, name));
      committed = true;
      return done.map((n) => path.join(dir, n));
    },
    discard() {
      for (const name of names) rmSync(temp(name), { force: true });
    },
    get committed() {
      return committed;
    },
  };
}

/** What `runInterruptible` gives the work: a signal that aborts on Ctrl-C or SIGTERM. */
export interface Interruptible {
  signal: AbortSignal;
}

/**
 * Runs `work` with SIGINT and SIGTERM turned into an abort. The handlers stay installed until the
 * work has settled: through `npm run`, Ctrl-C reaches the command twice (from the terminal and
 * forwarded by npm), and a second signal must not kill the process before it has cleaned up and
 * said so. `onInterrupt` runs once, on the first signal.
 */
export async function runInterruptible<T>(
  work: (ctx: Interruptible) => Promise<T>,
  onInterrupt: () => void = () => {},
): Promise<T> {
  const controller = new AbortController();
  const handler = (): void => {
    if (controller.signal.aborted) return;
    onInterrupt();
    controller.abort(new InterruptedError());
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  try {
    return await work({ signal: controller.signal });
  } finally {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  }
}

/** How `ensureBuilt` treats dist/: build when stale (`auto`), always, or never (it must exist). */
export type BuildMode = 'auto' | 'always' | 'never';

/**
 * Builds the deck into `dist` when it is missing or older than its sources (`auto`), or always, or
 * never (then `dist/index.html` must exist). The build replaces `dist` only once complete.
 * @returns whether it built and how long that took (reported apart from the export time).
 * @throws BuildError with the build's `file:line`; Error when `never` finds no built site.
 */
export async function ensureBuilt(
  deck: DeckFolder,
  dist: string,
  mode: BuildMode,
  guard: <T>(work: Promise<T>) => Promise<T> = (w) => w,
): Promise<{ built: boolean; buildMs: number }> {
  if (mode === 'never') {
    if (!existsSync(path.join(dist, 'index.html'))) {
      throw new Error(
        `${dist}/index.html 不存在（not built） — 先运行 npm run build，或去掉 --no-build 让命令自己构建`,
      );
    }
    return { built: false, buildMs: 0 };
  }
  if (mode === 'auto' && !staleReason(deck, dist)) return { built: false, buildMs: 0 };
  const start = performance.now();
  await guard(buildDeck(deck.project, dist, deck.root === deck.project ? null : deck.root));
  return { built: true, buildMs: performance.now() - start };
}

/** A progress report: step `step` of `steps`, and within it `done` of `total` items. */
export interface Progress {
  step: number;
  steps: number;
  label: string;
  done: number;
  total: number;
}

/**
 * Prints progress as lines `[2/6] slides.pdf 12/44  (3.1 s)` on a stream (stderr), one line per
 * change; repeated reports are not printed twice. Lines, not a redrawn bar: they read the same in
 * a terminal, a log and CI.
 */
export function progressPrinter(stream: NodeJS.WritableStream = process.stderr): (p: Progress) => void {
  const started = performance.now();
  let last = '';
  return (p) => {
    const items = p.total > 0 ? ` ${p.done}/${p.total}` : '';
    const line = `[${p.step}/${p.steps}] ${p.label}${items}`;
    if (line === last) return;
    last = line;
    stream.write(`${line}  (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  };
}

/** `12.3 KB` / `1.20 MB`. */
export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
}

/** The exit code for an error a command caught. */
export function exitCodeOf(error: unknown): number {
  if (error instanceof UsageError) return EXIT.usage;
  if (error instanceof InterruptedError || (error as Error)?.name === 'ExportAbortedError') return EXIT.interrupted;
  return EXIT.failed;
}
