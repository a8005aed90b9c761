import path from 'node:path';
import { PPTX_OPTIONS } from './cli-options.ts';
import {
  EXIT,
  exitCodeOf,
  formatBytes,
  parseCommand,
  progressPrinter,
  runInterruptible,
  UsageError,
} from './command.ts';
import { exportPptx, type PptxProgress } from './pptx/export.ts';

const HELP = `用法：npm run pptx -- [选项]     （或：deck-pptx [选项]）

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

/** Parses arguments, runs `exportPptx`, prints progress and results, returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const args = parseCommand(argv, PPTX_OPTIONS, HELP);
  if (args.exit !== undefined) return args.exit;
  const { values, deck } = args;
  const root = process.cwd();
  const progress = progressPrinter();
  let interrupted = false;
  try {
    const result = await runInterruptible(
      ({ signal }) =>
        exportPptx({
          root,
          deck,
          out: values.out,
          signal,
          onProgress: (e) => progress({ ...e, label: LABELS[e.label], done: 0, total: 0 }),
        }),
      () => (interrupted = true),
    );
    const rel = path.relative(root, result.path);
    const charts = result.plan.slides.flatMap((s) => s.shapes.filter((x) => x.kind === 'chart')).length;
    console.log(
      `${rel.startsWith('..') ? result.path : rel}  ${result.plan.slides.length} 张幻灯片  ${charts} 个图表  ${formatBytes(result.bytes.length)}`,
    );
    console.log(`导出用时 ${(result.exportMs / 1000).toFixed(1)} s`);
    if (interrupted) {
      // The signal came after the new file was in place: it is complete and checked.
      console.error('已中断（interrupted）：新的 slides.pptx 已写入并通过检查。');
      return EXIT.interrupted;
    }
    return EXIT.ok;
  } catch (error) {
    console.error(`error: ${(error as Error).message}`);
    if (error instanceof UsageError) console.error(`\n${HELP}`);
    return exitCodeOf(error);
  }
}

process.exitCode = await main(process.argv.slice(2));
