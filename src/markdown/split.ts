import { distance } from 'fastest-levenshtein';
import { DeckError, type Problems } from './errors.ts';

/** One slide's raw Markdown, before rendering. */
export interface RawSlide {
  /** 1-based file line of the slide's first non-blank line. */
  line: number;
  /** The attribute line `{#id .class key=value}` if the slide starts with one. */
  attrs: string | null;
  /** File line of the attribute line. */
  attrsLine: number;
  /** Audience Markdown and its first file line. */
  body: string;
  bodyLine: number;
  /** Speaker-notes Markdown (after the notes marker) and its first file line; empty when none. */
  notes: string;
  notesLine: number;
  /** Whether the slide has a notes marker at all. */
  hasNotes: boolean;
}

const SLIDE_BREAK = /^---\s*$/;
const FENCE_OPEN = /^\s{0,3}(`{3,}|~{3,})/;
const FENCE_CLOSE = /^\s{0,3}(`{3,}|~{3,})\s*$/;

/** Whether `text` closes a code block opened with `mark` (the same character, at least as many, nothing after). */
export function closesFence(text: string, mark: string): boolean {
  const close = FENCE_CLOSE.exec(text);
  return close !== null && close[1]!.startsWith(mark);
}
/**
 * The notes marker in the forms authors type: `Note:`, `Notes:`, `note:`, `NOTE：`, `备注：`, with
 * either colon and, after it, the first line of the notes on the same line.
 */
const NOTES_MARK = /^(?:notes?|备注)\s*[:：]\s*(.*)$/i;
/** The marker's words without a colon (`Note`, `备注`) alone on a line. */
const NOTES_WORD = /^(?:notes?|备注)$/i;
/** A short word and a colon starting a line: a mistyped marker (`Nots:`, `Noet：`) is one. */
const MARKER_LIKE = /^([A-Za-z]{2,6})\s*[:：]/;
const ATTR_LINE = /^\{(.*)\}\s*$/;
const WIDE_ATTR_LINE = /^[｛{][^{}｛｝]*[｝}]\s*$/;
const HEADING = /^\s{0,3}#{1,6}(?:\s|$)/;
const HEADING_NO_SPACE = /^\s{0,3}(#{1,6})([^\s#])/;
const WIDE_HEADING = /^\s{0,3}[#＃]*＃[#＃]*/;

/**
 * Splits a file body into slides at `---` lines outside fenced code, then each slide into
 * attributes, audience Markdown and notes. `firstLine` is the file line of the body's first line.
 * Mistakes that would silently damage the deck (a code block never closed, a missing `---` that
 * merges two slides, a heading that is not one) are recorded in `problems` with their line.
 */
export function splitSlides(body: string, firstLine: number, file: string, problems: Problems): RawSlide[] {
  const lines = body.split('\n');
  const chunks: { start: number; lines: string[] }[] = [{ start: firstLine, lines: [] }];
  let fence: { mark: string; line: number } | null = null;
  lines.forEach((text, i) => {
    const open = FENCE_OPEN.exec(text);
    if (fence) {
      if (closesFence(text, fence.mark)) fence = null;
    } else if (open) {
      fence = { mark: open[1]!, line: firstLine + i };
    } else if (SLIDE_BREAK.test(text)) {
      chunks.push({ start: firstLine + i + 1, lines: [] });
      return;
    }
    chunks.at(-1)!.lines.push(text);
  });
  const unclosed = fence as { mark: string; line: number } | null;
  if (unclosed) {
    // What follows the opening line is not what the author meant as code: leave it out rather
    // than report the slides swallowed by it as a second, misleading problem.
    const last = chunks.at(-1)!;
    last.lines = last.lines.slice(0, unclosed.line - last.start);
    problems.add(
      new DeckError(
        { file, line: unclosed.line },
        `这个代码块没有结束（unclosed ${unclosed.mark}）：它之后的分页线 --- 和幻灯片都被当成了代码`,
        `在代码块最后一行之后加一行 ${unclosed.mark}`,
      ),
    );
  }
  return chunks
    .filter((c) => c.lines.some((l) => l.trim() !== ''))
    .flatMap((c) => splitOne(c.lines, c.start, file, problems));
}

/**
 * One chunk between `---` lines as a slide — or as more than one when its notes show that a `---`
 * is missing: that is reported, and the rest is read as the next slide so its own problems are found
 * too (rather than reported as more notes problems).
 */
function splitOne(lines: string[], start: number, file: string, problems: Problems): RawSlide[] {
  let i = 0;
  while (i < lines.length && lines[i]!.trim() === '') i++;
  let attrs: string | null = null;
  const attrsLine = start + i;
  const first = lines[i]?.trim() ?? '';
  const attrMatch = ATTR_LINE.exec(first);
  if (attrMatch) {
    attrs = attrMatch[1]!;
    i++;
  } else if (WIDE_ATTR_LINE.test(first)) {
    problems.add(
      new DeckError(
        { file, line: attrsLine },
        `属性行用了全角花括号：${first}（slide attributes）`,
        `改成半角花括号：${toNarrowAttrs(first)}`,
      ),
    );
    i++;
  }
  const rest = lines.slice(i);
  const bodyLine = start + i;
  let inFence: string | null = null;
  let notesAt = -1;
  let notesFirst = '';
  for (let j = 0; j < rest.length; j++) {
    const text = rest[j]!;
    const open = FENCE_OPEN.exec(text);
    if (inFence) {
      if (closesFence(text, inFence)) inFence = null;
      continue;
    }
    if (open) {
      inFence = open[1]!;
      continue;
    }
    const mark = NOTES_MARK.exec(text.trim());
    if (mark) {
      notesAt = j;
      notesFirst = mark[1]!;
      break;
    }
    checkSlideLine(text, rest[j - 1], { file, line: bodyLine + j }, problems);
  }
  const bodyLines = notesAt < 0 ? rest : rest.slice(0, notesAt);
  // Text after the marker on its own line is the notes' first line, at the marker's line.
  let notesLines = notesAt < 0 ? [] : [notesFirst, ...rest.slice(notesAt + 1)];
  const notesLine = bodyLine + notesAt;
  const next = notesAt < 0 ? -1 : checkNotes(notesLines, { file, line: notesLine }, problems);
  // notesLines[k] is rest[notesAt + k].
  const after = next < 0 ? [] : splitOne(rest.slice(notesAt + next), bodyLine + notesAt + next, file, problems);
  if (next >= 0) notesLines = notesLines.slice(0, next);
  const slide: RawSlide = {
    line: attrsLine,
    attrs,
    attrsLine,
    body: bodyLines.join('\n'),
    bodyLine,
    notes: notesLines.join('\n'),
    notesLine,
    hasNotes: notesAt >= 0,
  };
  return [slide, ...after];
}

/** `｛#id｝` → `{#id}`, with the other full-width marks of an attribute line made narrow. */
function toNarrowAttrs(text: string): string {
  return text.replace(/｛/g, '{').replace(/｝/g, '}').replace(/＃/g, '#').replace(/＝/g, '=').replace(/．/g, '.');
}

/** A line above the notes that will not become what its author meant. */
function checkSlideLine(
  text: string,
  previous: string | undefined,
  pos: { file: string; line: number },
  problems: Problems,
): void {
  const trimmed = text.trim();
  const wide = WIDE_HEADING.exec(text);
  if (wide) {
    const level = '#'.repeat(Math.min(wide[0].trim().length, 6));
    problems.add(
      new DeckError(
        pos,
        `“${wide[0].trim()}”用了全角井号，这一行不会成为标题（heading）`,
        `改成半角井号加空格：${level} ${text.slice(wide[0].length).trim()}`,
      ),
    );
    return;
  }
  const tight = HEADING_NO_SPACE.exec(text);
  if (tight) {
    problems.add(
      new DeckError(
        pos,
        `“${tight[1]}”后面少了空格，这一行不会成为标题（heading）`,
        `在井号后加一个空格：${tight[1]} ${text.slice(tight[0].length - 1).trim()}`,
      ),
    );
    return;
  }
  const standalone = previous === undefined || previous.trim() === '' || HEADING.test(previous);
  if (standalone && (ATTR_LINE.test(trimmed) || WIDE_ATTR_LINE.test(trimmed))) {
    problems.add(
      new DeckError(
        pos,
        `属性行 ${trimmed} 不在这一页的第一行，不会生效（slide attributes）`,
        '幻灯片属性写在 --- 之后的第一行；给标题、段落或列表项加属性，写在那一行的末尾，如 ## 标题 {.fragment}',
      ),
    );
    return;
  }
  if (NOTES_WORD.test(trimmed)) {
    problems.add(
      new DeckError(pos, `备注标记“${trimmed}”少了冒号，下面的讲稿会投到幻灯片上`, `写成 ${trimmed}:（单独一行）`),
    );
    return;
  }
  const like = MARKER_LIKE.exec(trimmed);
  if (like) {
    // Alone on its line, a word two edits from "note" (Noet, Ntoe) is a mistyped marker; with text
    // after it, only one edit and its first letter (Nots: …), so that "Data: …" stays a line of the slide.
    const word = like[1]!.toLowerCase();
    const edits = Math.min(distance(word, 'note'), distance(word, 'notes'));
    const alone = trimmed.slice(like[0].length).trim() === '';
    if (edits > 0 && (alone ? edits <= 2 : edits <= 1 && word.startsWith('n'))) {
      problems.add(
        new DeckError(
          pos,
          `“${like[0]}”不是备注标记，下面的讲稿会投到幻灯片上（Note:）`,
          '您是否想写 Note:？备注标记写成 Note:（或 备注：），单独一行',
        ),
      );
    }
  }
}

/**
 * Notes hold the speaker's words only: a heading, a slide attribute line or a second notes marker
 * in them means the `---` before the next slide is missing (that slide's heading and bullets would
 * vanish into these notes). The first such line is the one to report.
 * @returns the index in `lines` where the next slide seems to start, or -1 when none is seen.
 */
function checkNotes(lines: string[], start: { file: string; line: number }, problems: Problems): number {
  let fence: string | null = null;
  for (let j = 1; j < lines.length; j++) {
    const text = lines[j]!;
    const open = FENCE_OPEN.exec(text);
    if (fence) {
      if (closesFence(text, fence)) fence = null;
      continue;
    }
    if (open) {
      fence = open[1]!;
      continue;
    }
    const trimmed = text.trim();
    const pos = { file: start.file, line: start.line + j };
    const what =
      HEADING.test(text) || WIDE_HEADING.test(text)
        ? `标题“${trimmed}”`
        : ATTR_LINE.test(trimmed) || WIDE_ATTR_LINE.test(trimmed)
          ? `属性行 ${trimmed}`
          : NOTES_MARK.test(trimmed)
            ? `第二个备注标记“${trimmed}”`
            : null;
    if (what) {
      problems.add(
        new DeckError(
          pos,
          `备注（Note:）里出现了${what}：是不是少了分页线 ---？这样下一页会并进这一页的备注`,
          '在下一页开始之前（它的属性行或标题之上）加一行 ---；备注里的文字不用标题',
        ),
      );
      // A second marker alone does not show where the next slide starts: keep the notes whole.
      return NOTES_MARK.test(trimmed) ? -1 : j;
    }
  }
  return -1;
}
