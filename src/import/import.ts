import { DeckError } from '../markdown/errors.ts';
import { detectStructure } from './detect.ts';
import { draftDeck, type DraftDeck } from './draft.ts';
import { writeReport } from './report.ts';
import { squash } from './text.ts';
import type { ImportInput, ImportOptions, OutputFile, Structure, Unit } from './types.ts';
import { writeDeck } from './write.ts';

/** The default speaking rate, in characters per minute. */
export const DEFAULT_RATE = 220;
/** The report's file name in the deck folder. */
export const REPORT_FILE = 'import-report.md';

/** What an import produces. */
export interface ImportResult {
  /** The deck folder's files: `slides/*.md` and the report. */
  files: OutputFile[];
  /** The report, as printed and as written to `import-report.md`. */
  report: string;
  structure: Structure;
  deck: DraftDeck;
}

/**
 * Turns a speech into a deck folder's files. Pure: the input is already read and decoded
 * (src/import/read.ts), the files are returned, not written.
 * @param outDir the folder the files will be written to (named in the report).
 * @throws DeckError when the input has no text, or when a sentence could not be placed in the
 *   notes (the import never drops text).
 */
export function importSpeech(input: ImportInput, options: ImportOptions & { outDir: string }): ImportResult {
  const rate = options.rate ?? DEFAULT_RATE;
  if (!(rate > 0)) {
    throw new DeckError(
      { file: input.file, line: 1 },
      `语速 ${rate} 不是正数`,
      '用 --rate 给出每分钟的字数，如 --rate 220',
    );
  }
  if (input.blocks.length === 0) {
    throw new DeckError(
      { file: input.file, line: 1 },
      '文件里没有文字（the file has no text）',
      '检查是否选错了文件；Word 文件里的文字不能是图片或文本框',
    );
  }
  const structure = detectStructure(input.blocks);
  const deck = draftDeck(structure, input.blocks);
  checkEveryUnitPlaced(input, structure, deck);
  const report = writeReport(input, structure, deck, rate, options.outDir);
  const files = [...writeDeck(deck, rate), { path: REPORT_FILE, text: report }];
  return { files, report, structure, deck };
}

/**
 * The import's promise: every unit of the input is in the notes of exactly one slide, in order,
 * and the units give back the input's text. Anything else stops the import rather than losing text.
 * @throws DeckError at the first unit not placed (or placed twice, or out of order).
 */
export function checkEveryUnitPlaced(input: ImportInput, structure: Structure, deck: DraftDeck): void {
  const placed: Unit[] = deck.parts.flatMap((p) =>
    p.slides.flatMap((s) => s.notes.flatMap((n) => (n.kind === 'editor' ? [] : n.units))),
  );
  const all = structure.units;
  for (let i = 0; i < Math.max(all.length, placed.length); i++) {
    if (all[i] === placed[i]) continue;
    const missing = all[i] ?? placed[i]!;
    throw new DeckError(
      { file: input.file, line: missing.line },
      `这句话没能放进任何一页的备注，或次序错了（sentence not placed）：“${missing.text.trim().slice(0, 30)}”`,
      '导入已停止，没有写出任何文件。请把这个文件交给开发者排查；临时办法：把这句话所在的段落单独成段后再导入',
    );
  }
  const source = squash(input.blocks.map((b) => b.text).join(''));
  const units = squash(all.map((u) => u.text).join(''));
  if (source !== units) {
    let at = 0;
    while (at < source.length && source[at] === units[at]) at++;
    throw new DeckError(
      { file: input.file, line: 1 },
      `切分句子时文字有出入（text changed near “${source.slice(Math.max(0, at - 10), at + 10)}”）`,
      '导入已停止，没有写出任何文件。请把这个文件交给开发者排查',
    );
  }
}
