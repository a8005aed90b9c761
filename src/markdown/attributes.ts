import { DeckError, listZh, suggest } from './errors.ts';
import { ID_PATTERN } from './frontmatter.ts';
import type { SourcePos } from './types.ts';

/** Layouts a slide may ask for with `layout=`: the typed table behind "unknown layout". */
export const LAYOUTS = ['default', 'title', 'quote', 'two-col', 'chart', 'statement', 'structure', 'contrast'] as const;
export type Layout = (typeof LAYOUTS)[number];

/** What each slide attribute does, in Chinese: the table `npm run deck -- help` prints. */
export const SLIDE_ATTRIBUTE_DOCS: readonly { write: string; doc: string }[] = [
  {
    write: '#id',
    doc: '这一页的固定地址（小写字母、数字、短横线），链接、结构图、搜索和续读都用它；不写时由标题的拼音生成',
  },
  { write: '.class', doc: '给这一页加样式类；.cards 把列表排成卡片' },
  { write: 'layout=版式', doc: '这一页的版式，见“版式”（不写为 default）' },
  {
    write: 'section="…"',
    doc: '从这一页开始一个小节，如 section="(一) 把握城镇化发展规律"；之后各页属于它，直到下一个 section=',
  },
  { write: 'editorial', doc: '编者概括页：讲稿缺这段原文，由编者概括；投影上有“概括”小标记，构建时列出待补的页' },
];

/** What each layout is for, in Chinese (`npm run deck -- help`). */
export const LAYOUT_DOCS: Record<Layout, string> = {
  default: '普通页：标题，然后要点和段落',
  title: '标题页：居中的 # 标题，下面是副标题',
  quote: '引语页：引文单独成块，—— 一行是出处',
  'two-col': '两栏：把列表分成左右两栏',
  chart: '图表页：```chart 代码块铺满标题下方',
  statement: '一句话页：一段大字，居中',
  structure: '结构页：```structure 代码块画出全篇结构图',
  contrast: '对照页：两组成对的要点（如政府与市场）左右并排',
};

/** Parsed `{#id .class layout=x section="…" editorial}` attributes of a slide. */
export interface SlideAttributes {
  id: string | null;
  classes: string[];
  layout: Layout;
  section: string | null;
  editorial: boolean;
}

const KEYS = ['layout', 'section', 'editorial'] as const;
/** Full-width marks where the syntax needs narrow ones (inside a quoted value they are text). */
const WIDE_MARKS = /[＃＝．]|=\s*[“”]/;
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
  const wide = WIDE_MARKS.exec(text.replace(/"[^"]*"/g, '""'));
  if (wide) {
    const narrow = text
      .replace(/＃/g, '#')
      .replace(/＝/g, '=')
      .replace(/．/g, '.')
      .replace(/=\s*[“”]([^“”]*)[“”]/g, '="$1"');
    throw new DeckError(
      pos,
      `属性行里用了全角符号“${wide[0].replace(/^=\s*/, '')}”（slide attributes）`,
      `改成半角符号：{${narrow}}`,
    );
  }
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (TOKEN.lastIndex < text.length && (m = TOKEN.exec(text))) {
    const [, id, cls, key, quoted, bare] = m;
    if (id !== undefined) {
      if (!ID_PATTERN.test(id)) {
        throw new DeckError(
          pos,
          `幻灯片 id “#${id}”不合规（slide id）`,
          '只用小写字母、数字和短横线，以字母开头，如 {#qi-trend}',
        );
      }
      out.id = id;
    } else if (cls !== undefined) {
      out.classes.push(cls);
    } else if (key !== undefined) {
      const value = quoted ?? bare;
      if (key === 'layout') {
        if (!(LAYOUTS as readonly string[]).includes(value ?? '')) {
          throw new DeckError(
            pos,
            `未知的版式“${value ?? ''}”（layout）`,
            `${suggest(value ?? '', LAYOUTS)}可用的版式：${listZh(LAYOUTS)}`,
          );
        }
        out.layout = value as Layout;
      } else if (key === 'section') {
        out.section = value ?? '';
      } else if (key === 'editorial' && value === undefined) {
        out.editorial = true;
      } else {
        throw new DeckError(
          pos,
          `未知的幻灯片属性“${key}”（slide attribute）`,
          `${suggest(key, KEYS)}可写 #id、.class、layout=版式、section="…"、editorial`,
        );
      }
    }
  }
  if (text.slice(TOKEN.lastIndex).trim() !== '') {
    throw new DeckError(
      pos,
      `无法读取幻灯片属性“{${text}}”（slide attributes）`,
      '写成 {#id .class layout=版式 section="…" editorial}，各项之间用空格隔开',
    );
  }
  return out;
}

/**
 * The attributes of a line that could not be read whole: only its `#id`, when valid, so the slide
 * keeps its address while its mistake is reported.
 */
export function idOnlyAttributes(raw: string | null): SlideAttributes {
  const id = /(?:^|\s)#([^\s.#"=]+)/.exec(raw ?? '')?.[1];
  return {
    id: id !== undefined && ID_PATTERN.test(id) ? id : null,
    classes: [],
    layout: 'default',
    section: null,
    editorial: false,
  };
}
