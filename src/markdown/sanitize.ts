import { decodeHTMLAttribute } from 'entities';
import sanitize from 'sanitize-html';
import { DeckError } from './errors.ts';
import { own } from './own.ts';
import type { SourcePos } from './types.ts';

/** Tags that can run script or pull in other documents: never allowed in slides. */
const SCRIPT_TAGS = [
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'base',
  'meta',
  'link',
  'form',
  'svg',
  'math',
  'template',
  'noscript',
  'style',
  'portal',
] as const;

const URL_ATTRS = /^(?:href|src|srcset|action|formaction|xlink:href|poster|background|data|lowsrc|dynsrc|ping)$/i;
/** A URL with a scheme (`https:`, `javascript:`); anything else is a path within the deck or `#id`. */
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const SAFE_SCHEMES = ['http', 'https', 'mailto'];

/** Whether a URL is an http(s) or mailto link, or relative (`图片/a.png`, `#id`, `../a.pdf`). */
function safeUrl(value: string): boolean {
  const scheme = SCHEME.exec(normaliseUrl(value));
  return scheme === null || SAFE_SCHEMES.includes(scheme[1]!.toLowerCase());
}

/**
 * The URL a browser would follow: character references decoded (`&#106;`, `&colon;`), then the
 * whitespace and control characters it ignores inside a scheme removed.
 */
function normaliseUrl(value: string): string {
  // eslint-disable-next-line no-control-regex
  return decodeHTMLAttribute(value).replace(/[\u0000-\u0020\u007f-\u009f]+/g, '');
}

/** A file on the author's computer: `C:\图片\a.png`, `\\server\share\a.png`, `file:///C:/图片/a.png`. */
const LOCAL_PATH = /^(?:[a-z]:[\\/]|\\\\|file:)/i;

/**
 * Refuses a path on the author's computer (a Windows path, a `file:` URL): the projector's PC
 * will not have it. The hint names the file's folder and name as a path in `public/`.
 * @throws DeckError saying where to copy the file and what to write.
 */
export function checkLocalPath(href: string, pos: SourcePos, image: { alt: string } | null): void {
  if (!LOCAL_PATH.test(href) && !href.includes('\\')) return;
  const parts = decodeURIComponentSafe(href.replace(/^file:\/*/i, ''))
    .split(/[\\/]+/)
    .filter((p) => p !== '' && p !== '.' && p !== '..' && !/^[a-z]:$/i.test(p));
  const rel = parts.slice(-2).join('/');
  const folder = parts.length > 1 ? `public/${parts.at(-2)}/` : 'public/';
  const write = image ? `![${image.alt || '说明'}](${rel})` : `[文字](${rel})`;
  throw new DeckError(
    pos,
    `“${href.slice(0, 60)}”是这台电脑上的文件路径，别的电脑上找不到（Windows path）`,
    `把文件复制到演示文稿的 ${folder} 里，写成 ${write}`,
  );
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Refuses a URL that is not http(s), mailto or relative (javascript:, data:, vbscript: …), after
 * decoding what a browser decodes and removing what it ignores inside a scheme.
 * @throws DeckError naming the attribute.
 */
export function checkUrl(attribute: string, value: string, pos: SourcePos): void {
  if (safeUrl(value)) return;
  throw new DeckError(
    pos,
    `不安全的链接：${attribute}="${value.slice(0, 40)}" 会运行脚本或加载其他内容（unsafe URL）`,
    '只链接 http(s) 网页、mailto: 或演示文稿里的文件（相对路径，如 图片/a.png）；javascript:、data:、vbscript: 一律不行',
  );
}

const TAG = /<\s*(\/?)\s*([A-Za-z][\w:-]*)([^>]*)>?/g;
const ATTR = /([^\s"'=<>`/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** Attributes every allowed tag may carry in an author's raw HTML. */
const GLOBAL_ATTRIBUTES = ['class', 'id', 'lang', 'title', 'aria-label', 'aria-hidden', 'aria-describedby'] as const;

/**
 * Raw HTML an author may write in a slide, tag by tag with the attributes each may carry besides
 * GLOBAL_ATTRIBUTES: formatting only. No `data-*` (reveal reads data-src, data-preview-link …),
 * no `style`, `name` or `role`, no form fields, and no `section`/`aside` (reveal and the speaker
 * view read those as slides and notes).
 */
const AUTHOR_HTML: Readonly<Record<string, readonly string[]>> = Object.assign(Object.create(null) as object, {
  a: ['href', 'rel', 'target'],
  abbr: [],
  b: [],
  blockquote: [],
  br: [],
  cite: [],
  code: [],
  dd: [],
  del: [],
  div: [],
  dl: [],
  dt: [],
  em: [],
  figcaption: [],
  figure: [],
  h1: [],
  h2: [],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
  hr: [],
  i: [],
  img: ['src', 'alt', 'width', 'height'],
  kbd: [],
  li: [],
  mark: [],
  ol: ['start'],
  p: [],
  pre: [],
  q: [],
  rp: [],
  rt: [],
  ruby: [],
  s: [],
  small: [],
  span: [],
  strong: [],
  sub: [],
  sup: [],
  table: [],
  tbody: [],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan', 'scope'],
  thead: [],
  time: ['datetime'],
  tr: [],
  ul: [],
});

/** What raw HTML holds that the compiler checks further: image sources and element ids. */
export interface RawHtmlRefs {
  /** Every `<img src>`, entities decoded as a browser (and Vite) reads them. */
  images: string[];
  /** Every `id="…"`, as written. */
  ids: string[];
}

/**
 * Checks an author's raw HTML in Markdown against AUTHOR_HTML: tags and attributes outside it,
 * script-capable tags, `on*=` handlers, `style` that loads content, and `javascript:`,
 * `vbscript:` or `data:` URLs all stop the build. @throws DeckError naming the construct with
 * `file:line`. @returns the image sources and ids it holds.
 */
export function checkRawHtml(raw: string, pos: SourcePos): RawHtmlRefs {
  const refs: RawHtmlRefs = { images: [], ids: [] };
  if (/<!\[CDATA\[|<\?/.test(raw)) {
    throw new DeckError(pos, '不安全的 HTML：CDATA 或处理指令（unsafe HTML）', '删去它，内容用 Markdown 写');
  }
  for (const tag of raw.matchAll(TAG)) {
    const name = tag[2]!.toLowerCase();
    if ((SCRIPT_TAGS as readonly string[]).includes(name)) {
      throw new DeckError(
        pos,
        `不安全的 HTML：<${name}> 能运行脚本或加载其他内容（unsafe HTML）`,
        '删去它；幻灯片里只能用 <br>、<span>、<small>、<figure> 等排版标签',
      );
    }
    const allowed = own(AUTHOR_HTML, name);
    if (!allowed) {
      throw new DeckError(
        pos,
        `HTML 标签 <${name}> 不在允许的范围内`,
        `幻灯片里只能用这些标签：${Object.keys(AUTHOR_HTML).join(', ')}；其他内容请用 Markdown 写`,
      );
    }
    if (tag[1]) continue;
    for (const attr of (tag[3] ?? '').matchAll(ATTR)) {
      const key = attr[1]!.toLowerCase();
      const value = attr[2] ?? attr[3] ?? attr[4] ?? '';
      if (key.startsWith('on')) {
        throw new DeckError(
          pos,
          `不安全的 HTML：<${name}> 上的事件处理 ${key}=（event handler）`,
          '删去它；交互功能写在 src/runtime/ 的 reveal 插件里',
        );
      }
      if (URL_ATTRS.test(key)) {
        checkLocalPath(decodeHTMLAttribute(value), pos, name === 'img' ? { alt: '' } : null);
        checkUrl(key, value, pos);
      }
      if (key === 'style' && /expression\s*\(|url\s*\(|javascript:|@import/i.test(normaliseUrl(value))) {
        throw new DeckError(
          pos,
          `不安全的 HTML：style="${value.slice(0, 40)}" 会加载或运行内容（unsafe style）`,
          '删去 style 属性，改用 assets/styles/theme.css 里的样式类',
        );
      }
      if (!(GLOBAL_ATTRIBUTES as readonly string[]).includes(key) && !allowed.includes(key)) {
        throw new DeckError(
          pos,
          `<${name}> 上不允许属性 ${key}`,
          `<${name}> 可用的属性：${[...allowed, ...GLOBAL_ATTRIBUTES].join(', ')}` +
            (key === 'style' ? '；样式请用 assets/styles/theme.css 里的 class' : ''),
        );
      }
      if (key === 'id') refs.ids.push(value);
      if (key === 'src' && name === 'img') refs.images.push(decodeEntities(value));
    }
  }
  return refs;
}

/** The URL a browser (and Vite's HTML parser) reads from an attribute value with character references. */
function decodeEntities(value: string): string {
  return value.replace(
    /&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos));?/gi,
    (all, dec: string, hex: string, name: string) => {
      if (dec) return String.fromCodePoint(Number(dec));
      if (hex) return String.fromCodePoint(parseInt(hex, 16));
      return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[name.toLowerCase()] ?? all;
    },
  );
}

/**
 * Attributes the compiler itself writes (src/markdown/render.ts and marked's GFM output), on top
 * of what an author may write: slide links, chart placeholders, the structure map, task-list
 * checkboxes, table alignment and code languages.
 */
const COMPILER_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ['data-slide-link'],
  figure: ['data-chart', 'data-chart-kind'],
  div: ['data-structure-map', 'data-sources'],
  img: ['title'],
  td: ['align'],
  th: ['align'],
  input: ['type', 'checked', 'disabled'],
};

/** The allow-list every slide's final HTML goes through (defence in depth after checkRawHtml). */
const OPTIONS: sanitize.IOptions = {
  allowedTags: [...Object.keys(AUTHOR_HTML), 'input'],
  allowedAttributes: Object.fromEntries(
    [...new Set([...Object.keys(AUTHOR_HTML), ...Object.keys(COMPILER_ATTRIBUTES)])].map((tag) => [
      tag,
      [...GLOBAL_ATTRIBUTES, ...(own(AUTHOR_HTML, tag) ?? []), ...(own(COMPILER_ATTRIBUTES, tag) ?? [])],
    ]),
  ),
  // Only GFM's task-list checkbox: any other input would be a form field on a slide.
  exclusiveFilter: (frame) =>
    frame.tag === 'input' && !(frame.attribs.type === 'checkbox' && frame.attribs.disabled !== undefined),
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
};

/** Passes compiled slide HTML through the allow-list. Returns the HTML and whether it changed. */
export function sanitizeSlideHtml(html: string): { html: string; removed: boolean } {
  const clean = sanitize(html, OPTIONS);
  return { html: clean, removed: normalise(clean) !== normalise(html) };
}

function normalise(html: string): string {
  return html
    .replace(/&quot;/g, '"')
    .replace(/&#(?:39|x27);/g, "'")
    .replace(/\s+/g, '')
    .replace(/=""/g, '')
    .replace(/<(br|hr|img|input)([^>]*?)\/?>/g, '<$1$2>');
}
