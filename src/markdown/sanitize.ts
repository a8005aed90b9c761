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
const SAFE_URL = /^(?:https?:|mailto:|#|\.{0,2}\/|[\w.~%-]+(?:[/?#]|$))/i;

/** Strips whitespace and control characters a browser ignores inside a URL scheme. */
function normaliseUrl(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0020\u007f-\u009f]+/g, '').replace(/&(?:#0*58|colon);?/gi, ':');
}

/**
 * Refuses a URL that is not http(s), mailto or relative (javascript:, data:, vbscript: …), after
 * removing what a browser ignores inside a scheme. @throws DeckError naming the attribute.
 */
export function checkUrl(attribute: string, value: string, tag: string, pos: SourcePos): void {
  if (SAFE_URL.test(normaliseUrl(value))) return;
  throw new DeckError(
    pos,
    `unsafe HTML: ${attribute}="${value.slice(0, 40)}" on <${tag}> is not an http(s), mailto or relative URL`,
    'link only to http(s) pages, mailto: or files in the deck (javascript:, data: and vbscript: are refused)',
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
    throw new DeckError(
      pos,
      'unsafe HTML: CDATA or processing instruction',
      'remove it; write the content as Markdown',
    );
  }
  for (const tag of raw.matchAll(TAG)) {
    const name = tag[2]!.toLowerCase();
    if ((SCRIPT_TAGS as readonly string[]).includes(name)) {
      throw new DeckError(
        pos,
        `unsafe HTML: <${name}> can run script or load other content`,
        'remove it; slides allow only formatting tags such as <br>, <span>, <small>, <figure>',
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
          `unsafe HTML: event handler ${key}= on <${name}>`,
          'remove the handler; interactive behaviour belongs in a reveal plugin under src/runtime/',
        );
      }
      if (URL_ATTRS.test(key)) checkUrl(key, value, name, pos);
      if (key === 'style' && /expression\s*\(|url\s*\(|javascript:|@import/i.test(normaliseUrl(value))) {
        throw new DeckError(
          pos,
          `unsafe HTML: style="${value.slice(0, 40)}" loads or runs content`,
          'remove the style attribute; use a class from assets/styles/theme.css',
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
  div: ['data-structure-map'],
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
