import { readFileSync } from 'node:fs';
import path from 'node:path';
import { imageSize } from 'image-size';
import { loadTables, type Tables } from '../../charts/data/load.ts';
import { chartPayload, validateChart } from '../../charts/validate.ts';
import { chartCredits } from '../../charts/credits.ts';
import { compileDeck } from '../../markdown/compile.ts';
import type { Deck, SourceFile } from '../../markdown/types.ts';
import { readSlideFiles } from '../../markdown/files.ts';
import { asDeck, type DeckFolder } from '../../deck-folder.ts';
import { InterruptedError, prepareOutDir, stageFiles } from '../command.ts';
import { pptxProblems } from './check.ts';
import { planDeck } from './deck-plan.ts';
import { finishPackage } from './ooxml.ts';
import type { DeckPlan, PptxFonts } from './plan.ts';
import { readPptx, type PptxReport } from './read.ts';
import { writePlan } from './write.ts';

/** Options of `buildPptx` and `exportPptx`; every field has a default. */
export interface PptxOptions {
  /** Project root (slides/, assets/data/, public/). Default: the current directory. */
  root?: string;
  /**
   * The deck folder (`--deck`): its `slides/`, `assets/data/` and `public/`, and `export/` for the
   * file. Default: the project's own deck at `root`.
   */
  deck?: DeckFolder;
  /** The deck's Markdown files; default: the deck's `slides/*.md`, in name order. */
  sources?: SourceFile[];
  /** Typefaces written on every run; default 微软雅黑, with Noto Sans SC named as the substitute. */
  fonts?: Partial<PptxFonts>;
  /** Creation date written in the properties. Default: SOURCE_DATE_EPOCH when set, else now. */
  now?: Date;
  /** Progress reports (one per step). */
  onProgress?: (event: PptxProgress) => void;
  /** Abort between steps (the CLI aborts on Ctrl-C); nothing is written then. */
  signal?: AbortSignal;
}

/** Options of `exportPptx`: where the file goes. */
export interface PptxExportOptions extends PptxOptions {
  /** Output folder (absolute, or relative to `root`); created when its parent exists. Default: the deck's `export/`. */
  out?: string;
  /** File name in `out`. Default `slides.pptx`. */
  fileName?: string;
}

/** A progress report: step `step` of `steps`. */
export interface PptxProgress {
  step: number;
  steps: number;
  label: (typeof STEPS)[number];
}

/** A built (and checked) file in memory. */
export interface BuiltPptx {
  bytes: Uint8Array;
  deck: Deck;
  plan: DeckPlan;
  report: PptxReport;
}

/** What `exportPptx` wrote. */
export interface PptxExportResult extends BuiltPptx {
  path: string;
  /** Time spent, ms (from reading the slides to the file in place). */
  exportMs: number;
}

/** The written file failed its checks (read back and compared with the deck). */
export class PptxCheckError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(
      `slides.pptx 没有通过读回检查（failed its checks），原有文件未替换 — 按下面说的改幻灯片：\n  ${problems.join('\n  ')}`,
    );
    this.name = 'PptxCheckError';
    this.problems = problems;
  }
}

export { OutputNotWritableError } from '../command.ts';

/** The export was interrupted (Ctrl-C) before the file was in place. */
export class PptxAbortedError extends InterruptedError {
  constructor() {
    super('已中断（interrupted）：没有写出新的 slides.pptx，原有文件不变');
    this.name = 'PptxAbortedError';
  }
}

const STEPS = ['read', 'plan', 'write', 'check', 'save'] as const;

/** A picture the author placed in public/: its path and pixel size, or null when unreadable. */
function pictureReader(publicDir: string): (src: string) => { path: string; width: number; height: number } | null {
  return (src) => {
    const file = path.join(publicDir, decodeURI(src.replace(/[?#].*$/, '').replace(/^\.?\//, '')));
    try {
      const size = imageSize(readFileSync(file));
      return size.width && size.height ? { path: file, width: size.width, height: size.height } : null;
    } catch {
      return null;
    }
  };
}

function creationDate(): Date {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  return Number.isFinite(epoch) && epoch > 0 ? new Date(epoch * 1000) : new Date();
}

/**
 * Builds the PowerPoint file in memory from the deck's Markdown and data (no build, no browser):
 * compiles the slides with the charts' validation, prepares every chart's data, plans the slides,
 * writes them with pptxgenjs, puts the package right, then reads it back and checks it.
 * @throws DeckError (`file:line` in the slides or data), PptxCheckError, PptxAbortedError.
 */
export async function buildPptx({
  root = process.cwd(),
  deck: folder = asDeck(root),
  sources,
  fonts,
  now = creationDate(),
  onProgress = () => {},
  signal,
}: PptxOptions = {}): Promise<BuiltPptx> {
  const step = (label: (typeof STEPS)[number]): void => {
    if (signal?.aborted) throw new PptxAbortedError();
    onProgress({ step: STEPS.indexOf(label) + 1, steps: STEPS.length, label });
  };
  step('read');
  // Read only when the deck has a chart: a deck without charts needs no assets/data/.
  let tables: Tables | undefined;
  const data = (): Tables => (tables ??= loadTables(folder));
  const deck = compileDeck(sources ?? readSlideFiles(folder), {
    validateChart: (spec) => validateChart(spec, data()),
    creditData: (charts) => chartCredits(charts, data()),
  });
  const charts = Object.fromEntries(deck.charts.map((c) => [c.id, chartPayload(c, data())]));
  step('plan');
  const plan = planDeck(deck, { charts, fonts, image: pictureReader(folder.public) });
  step('write');
  const bytes = await finishPackage(await writePlan(plan), plan, now);
  step('check');
  const report = await readPptx(bytes);
  const problems = pptxProblems(report, plan);
  if (problems.length > 0) throw new PptxCheckError(problems);
  return { bytes, deck, plan, report };
}

/**
 * Exports `export/slides.pptx`: checks the output folder (`prepareOutDir`), builds and checks the
 * file in memory (`buildPptx`), then stages it beside its final name and renames it into place, so
 * the folder holds the old complete file or the new complete file, never half of one.
 * @throws DeckError, PptxCheckError, UsageError or OutputNotWritableError (the output folder),
 *   PptxAbortedError.
 */
export async function exportPptx(options: PptxExportOptions = {}): Promise<PptxExportResult> {
  const started = performance.now();
  const root = options.root ?? process.cwd();
  const deck = options.deck ?? asDeck(root);
  const out = prepareOutDir(options.out, deck.export, root);
  const name = options.fileName ?? 'slides.pptx';
  const built = await buildPptx({ ...options, root, deck });
  if (options.signal?.aborted) throw new PptxAbortedError();
  options.onProgress?.({ step: STEPS.length, steps: STEPS.length, label: 'save' });
  const staged = stageFiles(out, [name]);
  try {
    staged.write(name, built.bytes);
    if (options.signal?.aborted) throw new PptxAbortedError();
    const [file] = staged.commit();
    return { ...built, path: file!, exportMs: performance.now() - started };
  } finally {
    if (!staged.committed) staged.discard();
  }
}
