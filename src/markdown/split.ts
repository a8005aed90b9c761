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
  /** Speaker-notes Markdown (after `Note:`) and its first file line; empty when none. */
  notes: string;
  notesLine: number;
}

const SLIDE_BREAK = /^---\s*$/;
const FENCE_OPEN = /^\s{0,3}(`{3,}|~{3,})/;
const NOTES_MARK = /^(?:Note|Notes|备注)[:：]\s*$/;
const ATTR_LINE = /^\{(.*)\}\s*$/;

/**
 * Splits a file body into slides at `---` lines outside fenced code, then each slide into
 * attributes, audience Markdown and notes. `firstLine` is the file line of the body's first line.
 */
export function splitSlides(body: string, firstLine: number): RawSlide[] {
  const lines = body.split('\n');
  const chunks: { start: number; lines: string[] }[] = [{ start: firstLine, lines: [] }];
  let fence: string | null = null;
  lines.forEach((text, i) => {
    const open = FENCE_OPEN.exec(text);
    if (fence) {
      if (open && open[1]!.startsWith(fence)) fence = null;
    } else if (open) {
      fence = open[1]!;
    } else if (SLIDE_BREAK.test(text)) {
      chunks.push({ start: firstLine + i + 1, lines: [] });
      return;
    }
    chunks.at(-1)!.lines.push(text);
  });
  return chunks.filter((c) => c.lines.some((l) => l.trim() !== '')).map((c) => splitOne(c.lines, c.start));
}

function splitOne(lines: string[], start: number): RawSlide {
  let i = 0;
  while (i < lines.length && lines[i]!.trim() === '') i++;
  let attrs: string | null = null;
  const attrsLine = start + i;
  const attrMatch = ATTR_LINE.exec(lines[i]?.trim() ?? '');
  if (attrMatch) {
    attrs = attrMatch[1]!;
    i++;
  }
  const rest = lines.slice(i);
  const bodyLine = start + i;
  let inFence: string | null = null;
  let notesAt = -1;
  for (let j = 0; j < rest.length; j++) {
    const open = FENCE_OPEN.exec(rest[j]!);
    if (inFence) {
      if (open && open[1]!.startsWith(inFence)) inFence = null;
    } else if (open) {
      inFence = open[1]!;
    } else if (NOTES_MARK.test(rest[j]!.trim())) {
      notesAt = j;
      break;
    }
  }
  const bodyLines = notesAt < 0 ? rest : rest.slice(0, notesAt);
  const notesLines = notesAt < 0 ? [] : rest.slice(notesAt + 1);
  return {
    line: attrsLine,
    attrs,
    attrsLine,
    body: bodyLines.join('\n'),
    bodyLine,
    notes: notesLines.join('\n'),
    notesLine: bodyLine + notesAt + 1,
  };
}
