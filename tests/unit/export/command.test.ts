import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  EXIT,
  exitCodeOf,
  InterruptedError,
  OutputNotWritableError,
  prepareOutDir,
  progressPrinter,
  runInterruptible,
  stageFiles,
  UsageError,
} from '../../../src/export/command.ts';
import { deckFolder } from '../../../src/deck-folder.ts';

const tmp = (): string => mkdtempSync(path.join(os.tmpdir(), 'deck-command-'));

describe('prepareOutDir()', () => {
  it('refuses an empty --out as bad usage', () => {
    expect(() => prepareOutDir('', 'export')).toThrow(UsageError);
    expect(() => prepareOutDir('  ', 'export')).toThrow('--out 后面没有写文件夹（--out is empty）');
    expect(exitCodeOf(new UsageError('x'))).toBe(EXIT.usage);
  });

  it('refuses a file, naming it, the cause and --out', () => {
    const file = path.join(tmp(), 'a-file');
    writeFileSync(file, 'x');
    expect(() => prepareOutDir(file, 'export')).toThrow(
      `输出文件夹 ${file} 是一个文件，不是文件夹（ENOTDIR） — 用 --out 换一个文件夹，或修正它的权限`,
    );
  });

  it('refuses a folder whose parent does not exist, and never creates the parents', () => {
    const dir = path.join(tmp(), 'missing', 'pdf');
    expect(() => prepareOutDir(dir, 'export')).toThrow(`输出文件夹 ${dir} 的上级文件夹不存在（ENOENT）`);
    expect(existsSync(path.dirname(dir))).toBe(false);
  });

  it('creates a missing folder under an existing parent, resolved from cwd, and leaves no probe behind', () => {
    const root = tmp();
    const dir = prepareOutDir(undefined, 'export', root);
    expect(dir).toBe(path.join(root, 'export'));
    expect(readdirSync(dir)).toEqual([]);
    expect(prepareOutDir('out', 'export', root)).toBe(path.join(root, 'out'));
  });

  it('names the cause when the folder cannot be written', () => {
    const error = new OutputNotWritableError('/x', 'EACCES', '不能写入');
    expect(error.message).toBe('输出文件夹 /x 不能写入（EACCES） — 用 --out 换一个文件夹，或修正它的权限');
    expect(exitCodeOf(error)).toBe(EXIT.failed);
  });
});

describe('stageFiles()', () => {
  it('writes beside the final names and renames the whole set only on commit', () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'a.pdf'), 'old a');
    writeFileSync(path.join(dir, 'b.pdf'), 'old b');
    const staged = stageFiles(dir, ['a.pdf', 'b.pdf']);
    staged.write('a.pdf', new TextEncoder().encode('new a'));
    staged.write('b.pdf', new TextEncoder().encode('new b'));
    expect(readFileSync(path.join(dir, 'a.pdf'), 'utf8')).toBe('old a');
    expect(path.dirname(staged.temp('a.pdf'))).toBe(dir);
    expect(staged.commit()).toEqual([path.join(dir, 'a.pdf'), path.join(dir, 'b.pdf')]);
    expect(readFileSync(path.join(dir, 'a.pdf'), 'utf8')).toBe('new a');
    expect(readFileSync(path.join(dir, 'b.pdf'), 'utf8')).toBe('new b');
    expect(readdirSync(dir).sort()).toEqual(['a.pdf', 'b.pdf']);
  });

  it('discards the temporary files and leaves the old set as it was', () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'a.pdf'), 'old a');
    const staged = stageFiles(dir, ['a.pdf', 'b.pdf']);
    staged.write('a.pdf', new TextEncoder().encode('new a'));
    staged.discard();
    expect(readdirSync(dir)).toEqual(['a.pdf']);
    expect(readFileSync(path.join(dir, 'a.pdf'), 'utf8')).toBe('old a');
  });

  it('removes what a killed run left, not what a running one is writing', () => {
    const dir = tmp();
    writeFileSync(path.join(dir, '.a.pdf.999999999.partial'), 'dead run');
    writeFileSync(path.join(dir, `.a.pdf.${process.ppid}.partial`), 'live run');
    stageFiles(dir, ['a.pdf']);
    expect(readdirSync(dir)).toEqual([`.a.pdf.${process.ppid}.partial`]);
  });
});

describe('runInterruptible()', () => {
  it('turns SIGINT into an abort, reports it once, and survives the second signal npm run forwards', async () => {
    let reported = 0;
    const result = await runInterruptible(
      ({ signal }) =>
        new Promise<string>((resolve) => {
          signal.addEventListener('abort', () => {
            // Through `npm run` the terminal's Ctrl-C and npm's forwarded copy both arrive.
            process.emit('SIGINT', 'SIGINT');
            resolve(signal.reason instanceof InterruptedError ? 'aborted' : 'other');
          });
          process.emit('SIGINT', 'SIGINT');
        }),
      () => reported++,
    );
    expect(result).toBe('aborted');
    expect(reported).toBe(1);
    expect(process.listenerCount('SIGINT')).toBe(0);
    expect(exitCodeOf(new InterruptedError())).toBe(EXIT.interrupted);
  });
});

describe('progressPrinter()', () => {
  it('prints one line per change, step and items, with the elapsed time', () => {
    const lines: string[] = [];
    const print = progressPrinter({ write: (s: string) => lines.push(s) } as unknown as NodeJS.WritableStream);
    print({ step: 1, steps: 2, label: 'build', done: 0, total: 0 });
    print({ step: 1, steps: 2, label: 'build', done: 0, total: 0 });
    print({ step: 2, steps: 2, label: 'slides.pdf', done: 3, total: 40 });
    expect(lines.map((l) => l.replace(/\s+\(.*\)\n$/, ''))).toEqual(['[1/2] build', '[2/2] slides.pdf 3/40']);
  });
});

describe('ensureBuilt()', () => {
  it('refuses --no-build without a built site, saying what to run', async () => {
    const { ensureBuilt } = await import('../../../src/export/command.ts');
    const root = tmp();
    mkdirSync(path.join(root, 'dist'));
    await expect(ensureBuilt(deckFolder(root), path.join(root, 'dist'), 'never')).rejects.toThrow(
      '先运行 npm run build',
    );
  });
});
