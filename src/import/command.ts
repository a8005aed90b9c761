import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseCommand } from '../deck-folder.ts';
import { DeckError } from '../markdown/errors.ts';
import { DEFAULT_RATE, importSpeech, REPORT_FILE } from './import.ts';
import { INPUT_TYPES, readSpeech } from './read.ts';

const HELP = `用法：npm run import -- <讲稿文件> [--out <文件夹>] [--rate <字/分钟>] [--force]

把一篇讲稿（${INPUT_TYPES.join('、')}）变成一个幻灯片文件夹：slides/*.md（每页的备注是讲稿原文，
一句不少）和导入报告 ${REPORT_FILE}。报告同时打印在这里。

选项：
  --out <文件夹>     写到哪里（默认 decks/<文件名>）
  --rate <字/分钟>   估算时长用的语速（默认 ${DEFAULT_RATE}）
  --force           文件夹已有内容时，替换其中的 slides/ 和报告（其他文件不动）
  -h, --help        显示本说明

退出码：0 成功；1 讲稿无法导入（错误信息给出文件和行）；2 用法错误。`;

/** The options `npm run import` reads (tests/unit/docs-commands.test.ts checks the docs against them). */
export const IMPORT_OPTIONS = {
  out: { type: 'string' },
  rate: { type: 'string' },
  force: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** `npm run import`: parses arguments, imports, writes the deck folder, prints the report; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const args = parseCommand(argv, IMPORT_OPTIONS, HELP, { positionals: true });
  if (args.exit !== undefined) return args.exit;
  const { values, positionals } = args;
  if (positionals.length !== 1) {
    console.error(`${positionals.length === 0 ? '缺少讲稿文件' : '一次只能导入一个文件'}\n\n${HELP}`);
    return 2;
  }
  const rate = values.rate === undefined ? DEFAULT_RATE : Number(values.rate);
  if (!Number.isFinite(rate) || rate <= 0) {
    console.error(`--rate 应是每分钟的字数（正数），不是“${values.rate}”`);
    return 2;
  }
  const file = positionals[0]!;
  const stem = path.basename(file, path.extname(file));
  const out = path.resolve(values.out ?? path.join('decks', stem));
  // Named from the current folder when inside it (decks/next), else in full (not ../../../tmp/…).
  const relative = path.relative(process.cwd(), out) || '.';
  const shown = relative.startsWith('..') || path.isAbsolute(relative) ? out : relative;
  try {
    const problem = outputProblem(out, values.force);
    if (problem) {
      console.error(`error: ${problem}`);
      return 1;
    }
    const input = await readSpeech(file);
    const result = importSpeech(input, { outDir: shown.split(path.sep).join('/'), rate });
    if (values.force) {
      rmSync(path.join(out, 'slides'), { recursive: true, force: true });
      rmSync(path.join(out, REPORT_FILE), { force: true });
    }
    for (const f of result.files) {
      const target = path.join(out, f.path);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, f.text);
    }
    console.log(result.report);
    console.log(`已写出 ${shown}/slides/（${result.files.length - 1} 个文件）和 ${shown}/${REPORT_FILE}`);
    return 0;
  } catch (error) {
    if (error instanceof DeckError) {
      console.error(`error: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

/** Why the output folder cannot take the deck, or null. */
function outputProblem(out: string, force: boolean): string | null {
  if (!existsSync(out)) return null;
  if (!statSync(out).isDirectory()) return `${out} 是一个文件，不是文件夹 — 用 --out 另选一个文件夹`;
  if (readdirSync(out).length > 0 && !force) {
    return `${out} 已存在且不是空的 — 用 --out 另选一个文件夹，或加 --force 替换其中的 slides/ 和导入报告`;
  }
  return null;
}
