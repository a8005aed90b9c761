import { DeckError } from './errors.ts';
import { ID_PATTERN } from './frontmatter.ts';
import type { SourcePos } from './types.ts';

/**
 * Id prefixes the deck's own interface uses in the page (chart tables, dialogs, the search, the
 * reading view, the speaker view, the speech's paragraphs …). An author's id may not start with one, so nothing a slide
 * declares can take an id the runtime looks up (tests/e2e/ids.spec.ts holds the runtime to them).
 */
export const RESERVED_ID_PREFIXES = [
  'chart-',
  'deck-',
  'handout-',
  'help-',
  'para-',
  'print-',
  'speaker-',
  'structure-',
  'study-',
] as const;

/** What declared an id: a slide (`{#id}` or `<part>-<n>`), an element in a slide, or a chart. */
export type IdOwner = 'slide' | 'element' | 'chart';

/**
 * Every id the compiled page holds (slides, elements in slides and notes, chart placeholders),
 * with where it was declared: an id appears once in the page, or `#/id` lands on the wrong
 * element.
 */
export class PageIds {
  readonly #seen = new Map<string, SourcePos & { owner: IdOwner }>();

  /** Whether anything in the page has this id already. */
  has(id: string): boolean {
    return this.#seen.has(id);
  }

  /** The slides' ids, in the order they were claimed (for the nearest-name hint of a link). */
  *slideIds(): Iterable<string> {
    for (const [id, at] of this.#seen) if (at.owner === 'slide') yield id;
  }

  /** Whether a slide has this id (links may only target slides). */
  isSlide(id: string): boolean {
    return this.#seen.get(id)?.owner === 'slide';
  }

  /**
   * Records `id` declared at `pos`. @throws DeckError for an id that is malformed, reserved for
   * the deck's interface, or already used in the page.
   */
  claim(id: string, pos: SourcePos, owner: IdOwner): void {
    if (owner === 'element' && !ID_PATTERN.test(id)) {
      throw new DeckError(
        pos,
        `id "${id}" 不是有效的 id`,
        '只用小写字母、数字和连字符，并以字母开头，例如 id="key-point"',
      );
    }
    const reserved = RESERVED_ID_PREFIXES.find((p) => id.startsWith(p));
    if (reserved && owner !== 'chart') {
      throw new DeckError(
        pos,
        `id "${id}" 以 "${reserved}" 开头，这类 id 留给演示文稿的界面使用`,
        `换一个不以 ${RESERVED_ID_PREFIXES.join('、')} 开头的 id` +
          (owner === 'slide' ? '（没有 {#id} 的页用 <部分 id>-<序号>）' : ''),
      );
    }
    const first = this.#seen.get(id);
    if (first) {
      const where = `${first.file}:${first.line}`;
      if (owner === 'slide' && first.owner === 'slide') {
        throw new DeckError(
          pos,
          `幻灯片 id “${id}”重复，${where} 已经用了（duplicate slide id）`,
          '给这一页换一个 id：整个演示文稿里 id 不能重复',
        );
      }
      throw new DeckError(
        pos,
        `重复的 id "${id}"（已用于 ${where}）`,
        owner === 'chart'
          ? '图表的 id 由所在页的 id 生成（chart-<页 id>，第二张起加 -2、-3）：给这一页或另一页换一个 id'
          : owner === 'slide'
            ? '页面上每个 id 只能用一次：用 {#id} 给这一页另取一个 id'
            : '页面上每个 id 只能用一次：给这个元素另取一个 id，或去掉它',
      );
    }
    this.#seen.set(id, { file: pos.file, line: pos.line, owner });
  }
}
