import { DeckError, listNames } from './errors.ts';
import type { ContentRole, SourcePos } from './types.ts';

/** One role: its Chinese name for authors (also accepted after `:::`) and its label in the outputs. */
export interface RoleInfo {
  /** The name an author may write instead of the English one: `::: 提示`. */
  alias: string;
  /** How outputs that show the role name it (speaker view, reading view, script). */
  label: string;
}

/**
 * The content roles of the speaker notes: the typed table behind `::: role` blocks. Text outside a
 * block is `speech`. Which output shows which role is decided by each output, never by the text.
 */
export const ROLES: Record<ContentRole, RoleInfo> = {
  speech: { alias: '讲稿', label: '讲稿' },
  direction: { alias: '提示', label: '演讲提示' },
  note: { alias: '备注', label: '编者备注' },
  editorial: { alias: '概括', label: '编者概括' },
  source: { alias: '出处', label: '出处' },
};

export const ROLE_NAMES = Object.keys(ROLES) as ContentRole[];

/** A run of notes Markdown in one role, before rendering. */
export interface RawRoleBlock extends SourcePos {
  role: ContentRole;
  markdown: string;
}

const OPEN = /^:::\s*(\S+)\s*$/;
const CLOSE = /^:::\s*$/;
const BARE = /^:{3,}/;
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

/** Reads a role name (English or its Chinese alias). @throws DeckError for an unknown name. */
function roleNamed(name: string, pos: SourcePos): ContentRole {
  const lower = name.toLowerCase();
  const found = ROLE_NAMES.find((r) => r === lower || ROLES[r].alias === name);
  if (found) return found;
  throw new DeckError(
    pos,
    `未知的内容角色 “${name}”（unknown role）`,
    `写成 ::: 加以下之一：${listNames(ROLE_NAMES.flatMap((r) => [r, ROLES[r].alias]))}`,
  );
}

/**
 * Splits speaker-notes Markdown into role blocks: text outside `::: role` … `:::` is `speech`;
 * blocks are not nested. `firstLine` is the file line of the notes' first line.
 * @throws DeckError for an unknown role, a block that is not closed, or one opened inside another.
 */
export function splitRoles(markdown: string, file: string, firstLine: number): RawRoleBlock[] {
  const blocks: RawRoleBlock[] = [];
  let current: { role: ContentRole; line: number; lines: string[]; open: SourcePos | null } = {
    role: 'speech',
    line: firstLine,
    lines: [],
    open: null,
  };
  const flush = (): void => {
    if (current.lines.some((l) => l.trim() !== '')) {
      // Leading blank lines do not count: the block's line is its first written line.
      const skip = current.lines.findIndex((l) => l.trim() !== '');
      blocks.push({
        file,
        line: current.line + skip,
        role: current.role,
        markdown: current.lines.slice(skip).join('\n'),
      });
    }
  };
  let fence: string | null = null;
  markdown.split('\n').forEach((text, i) => {
    const line = firstLine + i;
    const pos = { file, line };
    const code = FENCE.exec(text);
    if (fence) {
      if (code && code[1]!.startsWith(fence)) fence = null;
      current.lines.push(text);
      return;
    }
    if (code) {
      fence = code[1]!;
      current.lines.push(text);
      return;
    }
    const trimmed = text.trim();
    const open = OPEN.exec(trimmed);
    if (open && !CLOSE.test(trimmed)) {
      if (current.open) {
        throw new DeckError(
          pos,
          `“::: ${open[1]}” 写在了第 ${current.open.line} 行打开的 ::: 块里面（roles do not nest）`,
          `先用一行 ::: 结束第 ${current.open.line} 行的块，再开始新的块`,
        );
      }
      const role = roleNamed(open[1]!, pos);
      flush();
      current = { role, line: line + 1, lines: [], open: pos };
      return;
    }
    if (CLOSE.test(trimmed)) {
      if (!current.open) {
        throw new DeckError(pos, '多余的 :::（no block is open）', '删去这一行，或在它前面用 ::: 角色名 打开一个块');
      }
      flush();
      current = { role: 'speech', line: line + 1, lines: [], open: null };
      return;
    }
    if (BARE.test(trimmed)) {
      throw new DeckError(pos, `无法识别 “${trimmed}”（role block）`, '写成 ::: 角色名 单独一行，块末写 ::: 单独一行');
    }
    current.lines.push(text);
  });
  if (current.open) {
    throw new DeckError(
      current.open,
      `::: ${current.role} 块没有结束（block not closed）`,
      '在块的最后一行之后加一行 :::',
    );
  }
  flush();
  return blocks;
}

/** Markdown for the audience (above `Note:`) may not hold role blocks. @throws DeckError at the first. */
export function refuseRolesOnSlide(markdown: string, file: string, firstLine: number): void {
  let fence: string | null = null;
  markdown.split('\n').forEach((text, i) => {
    const code = FENCE.exec(text);
    if (fence) {
      if (code && code[1]!.startsWith(fence)) fence = null;
      return;
    }
    if (code) {
      fence = code[1]!;
      return;
    }
    if (BARE.test(text.trim())) {
      throw new DeckError(
        { file, line: firstLine + i },
        '::: 角色块只能写在备注里（role blocks belong in the notes）',
        '把它移到 Note: 一行之下；幻灯片上的文字都给听众看',
      );
    }
  });
}

/**
 * Wording that marks a paragraph as a direction or a request rather than the speaker's words. The
 * build warns when speech-role text contains one; nothing is moved automatically.
 */
export const MISPLACED_SPEECH = ['无需宣读', '不必宣读', '开始宣读', '宣读', '请演讲者', '演讲者', '编者'] as const;

/** The first direction-like phrase in speech text, or null. */
export function directionLike(text: string): string | null {
  return (
    MISPLACED_SPEECH.find((phrase) => text.includes(phrase)) ?? /^\s*【[^】]{1,8}】/.exec(text)?.[0]?.trim() ?? null
  );
}
