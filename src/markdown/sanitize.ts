import sanitize from 'sanitize-html';
import { DeckError } from './errors.ts';
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

/**
 * Rejects raw HTML in Markdown that could run script: script-capable tags, `on*=` handlers,
 * `style` attributes with `expression`/`url(javascript:` and `javascript:`, `vbscript:` or
 * `data:` URLs. @throws DeckError naming the construct with `file:line`.
 */
export function checkRawHtml(raw: string, pos: SourcePos): void {
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
    }
  }
}

/** The `src` of every `<img>` in a piece of raw HTML, as written (entities decoded by the caller's browser are not). */
export function rawImageSources(raw: string): string[] {
  const sources: string[] = [];
  for (const tag of raw.matchAll(TAG)) {
    if (tag[1] || tag[2]!.toLowerCase() !== 'img') continue;
    for (const attr of (tag[3] ?? '').matchAll(ATTR)) {
      if (attr[1]!.toLowerCase() === 'src') sources.push(decodeEntities(attr[2] ?? attr[3] ?? attr[4] ?? ''));
    }
  }
  return sources;
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

/** The allow-list every slide's final HTML goes through (defence in depth after checkRawHtml). */
const OPTIONS: sanitize.IOptions = {
  allowedTags: [
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'ul', 'ol', 'li', 'blockquote'],
    ...['figure', 'figcaption', 'em', 'strong', 'del', 's', 'code', 'pre', 'a', 'img', 'span'],
    ...['small', 'sub', 'sup', 'mark', 'abbr', 'cite', 'q', 'table', 'thead', 'tbody', 'tr'],
    ...['th', 'td', 'div', 'section', 'aside', 'header', 'footer', 'ruby', 'rt', 'rp', 'b', 'i'],
    ...['dl', 'dt', 'dd', 'kbd', 'time', 'input'],
  ],
  allowedAttributes: {
    '*': ['class', 'id', 'lang', 'title', 'aria-*', 'role', 'data-*'],
    a: ['href', 'rel', 'target'],
    img: ['src', 'alt', 'width', 'height', 'loading'],
    ol: ['start'],
    td: ['align', 'colspan', 'rowspan'],
    th: ['align', 'colspan', 'rowspan', 'scope'],
    time: ['datetime'],
    input: ['type', 'checked', 'disabled'],
  },
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
