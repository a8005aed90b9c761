import { DeckError, listNames } from './errors.ts';
import { ID_PATTERN } from './frontmatter.ts';
import type { SourcePos } from './types.ts';

/** Layouts a slide may ask for with `layout=`: the typed table behind "unknown layout". */
export const LAYOUTS = ['default', 'title', 'quote', 'two-col', 'chart', 'statement', 'structure', 'contrast'] as const;
export type Layout = (typeof LAYOUTS)[number];

/** Parsed `{#id .class layout=x section="…" editorial}` attributes of a slide. */
export interface SlideAttributes {
  id: string | null;
  classes: string[];
  layout: Layout;
  section: string | null;
  editorial: boolean;
}

const KEYS = ['layout', 'section', 'editorial'] as const;
const TOKEN = /\s*(?:#([^\s.#"=]+)|\.([A-Za-z_][\w-]*)|([A-Za-z][\w-]*)(?:=(?:"([^"]*)"|([^\s"]+)))?)/y;

/** Parses a slide attribute line (without its braces). @throws DeckError on an unknown key. */
export function parseSlideAttributes(raw: string | null, pos: SourcePos): SlideAttributes {
  const out: SlideAttributes = {
    id: null,
    classes: [],
    layout: 'default',
    section: null,
    editorial: false,
  };
  if (raw === null) return out;
  const text = raw.trim();
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (TOKEN.lastIndex < text.length && (m = TOKEN.exec(text))) {
    const [, id, cls, key, quoted, bare] = m;
    if (id !== undefined) {
      if (!ID_PATTERN.test(id)) {
        throw new DeckError(
          pos,
          `slide id "#${id}" is not valid`,
          'use lowercase letters, digits and dashes, starting with a letter',
        );
      }
      out.id = id;
    } else if (cls !== undefined) {
      out.classes.push(cls);
    } else if (key !== undefined) {
      const value = quoted ?? bare;
      if (key === 'layout') {
        if (!(LAYOUTS as readonly string[]).includes(value ?? '')) {
          throw new DeckError(pos, `unknown layout "${value ?? ''}"`, `expected one of: ${listNames(LAYOUTS)}`);
        }
        out.layout = value as Layout;
      } else if (key === 'section') {
        out.section = value ?? '';
      } else if (key === 'editorial' && value === undefined) {
        out.editorial = true;
      } else {
        throw new DeckError(
          pos,
          `unknown slide attribute "${key}"`,
          `expected #id, .class or one of: ${listNames(KEYS)}`,
        );
      }
    }
  }
  if (text.slice(TOKEN.lastIndex).trim() !== '') {
    throw new DeckError(
      pos,
      `cannot read slide attributes "{${text}}"`,
      'write them as {#id .class layout=name section="…" editorial}',
    );
  }
  return out;
}
