import path from 'node:path';
import { parseArgs } from 'node:util';
import { PPTX_OPTIONS } from './cli-options.ts';
import { deckFolder, deckFolderProblem } from '../deck-folder.ts';
import { DeckError } from '../markdown/errors.ts';
import { exportPptx, PptxAbortedError, type PptxProgress } from './pptx/export.ts';

const HELP = `用法：npm run pptx -- [选项]

把讲稿幻灯片导出为可编辑的 PowerPoint 文件 export/slides.pptx：
  每页一张幻灯片（16:9），按 开篇/起/承/转/合/结语 分节；文字、项目符号、图表（原生图表，
  可在 PowerPoint 中编辑数据）和结构图（可编辑形状）都可编辑；备注栏是每页的讲稿。
直接读取 slides/ 与 assets/data/，不需要先构建，也不需要浏览器。

选项：
  --deck <目录>    另一套演示文稿的文件夹（读它的 slides/，默认写到它的 export/）
  --out <目录>     输出目录（默认 export/，或 <演示文稿文件夹>/export/）
  -h, --help       显示本说明

退出码：0 写好并通过检查；1 出错（幻灯片有错、检查未通过、目录不可写）；2 选项有误；130 中断。`;

const LABELS: Record<PptxProgress['label'], string> = {
  read: '读取幻灯片与数据',
  plan: '排版',
  write: '写入 PowerPoint',
  check: '读回检查',
  save: '保存',
};

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
}

/** Parses arguments, runs `exportPptx`, prints progress and results, returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: PPTX_OPTIONS,
      strict: true,
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (values.out !== undefined && values.out.trim() === '') {
    console.error(`--out 不能为空 — 写一个目录，例如 --out export\n\n${HELP}`);
    return 2;
  }
  const root = process.cwd();
  const deckProblem = values.deck === undefined ? null : deckFolderProblem(values.deck);
  if (deckProblem) {
    console.error(`error: ${deckProblem}`);
    return 1;
  }
  const deck = deckFolder(root, values.deck);
  const controller = new AbortController();
  const onSignal = (): void => controller.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const started = performance.now();
  const elapsed = (): string => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  try {
    const result = await exportPptx({
      root,
      deck,
      out: values.out === undefined ? deck.export : path.resolve(values.out),
      signal: controller.signal,
      onProgress: (e) => process.stderr.write(`[${e.step}/${e.steps}] ${LABELS[e.label]}  (${elapsed()})\n`),
    });
    const rel = path.relative(root, result.path);
    const charts = result.plan.slides.flatMap((s) => s.shapes.filter((x) => x.kind === 'chart')).length;
    console.log(
      `${rel.startsWith('..') ? result.path : rel}  ${result.plan.slides.length} 张幻灯片  ${charts} 个图表  ${formatBytes(result.bytes.length)}`,
    );
    console.log(`导出用时 ${(result.exportMs / 1000).toFixed(1)} s`);
    return 0;
  } catch (error) {
    const message = error instanceof DeckError ? error.message : (error as Error).message;
    console.error(`error: ${message}`);
    return error instanceof PptxAbortedError ? 130 : 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

process.exitCode = await main(process.argv.slice(2));
