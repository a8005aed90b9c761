import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTable } from '../../src/charts/data/csv.ts';
import { loadTables } from '../../src/charts/data/load.ts';
import { validateChart } from '../../src/charts/validate.ts';
import { compileDeck } from '../../src/markdown/compile.ts';
import { checkAsset } from '../../src/vite/assets.ts';
import { DeckError } from '../../src/markdown/errors.ts';
import type { SourceFile } from '../../src/markdown/types.ts';

/**
 * The regression corpus of hostile inputs (tests/fixtures/hostile/): files an attacker, a pasted
 * web page or a careless export could hand the build. Each must stop the build with its exact
 * `file:line[:column]` message, never a TypeError, a silent pass or markup in the page.
 */
const DIR = 'tests/fixtures/hostile';
const read = (dir: string, name: string): SourceFile => ({
  file: `${dir}/${name}`,
  text: readFileSync(path.join(dir, name), 'utf8'),
});
const first = read('tests/fixtures/markdown', 'good-first.md');
const tables = loadTables(process.cwd());

const FRONT_MATTER = 'id、kind、label、title、theme、minutes、deck';
const DECK_SETTINGS = 'title、occasion、speaker、organiser、date、venue、showEditorialMarks、clickToAdvance、pptx';
const TREND_OPTIONS = 'kind、dataset、title、years、benchmarks、annotate';
const COUNTRIES = 'CHN、WLD、USA、JPN、DEU、GBR、KOR、IND、BRA';
const GLOBAL = 'class, id, lang, title, aria-label, aria-hidden, aria-describedby';
const TAGS =
  '幻灯片里只能用这些标签：a, abbr, b, blockquote, br, cite, code, dd, del, div, dl, dt, em, figcaption, figure, h1, h2, h3, h4, h5, h6, hr, i, img, kbd, li, mark, ol, p, pre, q, rp, rt, ruby, s, small, span, strong, sub, sup, table, tbody, td, th, thead, time, tr, ul；其他内容请用 Markdown 写';
const FIRST_TITLE = 'tests/fixtures/markdown/good-first.md:12';
const ONCE = '页面上每个 id 只能用一次：给这个元素另取一个 id，或去掉它';
const ID_SYNTAX = '只用小写字母、数字和连字符，并以字母开头，例如 id="key-point"';

/**
 * Slide files (compiled after good-first.md, or alone when named first-*.md, with the real chart
 * checks) and the exact message each stops the build with.
 */
const MARKDOWN: Record<string, string | null> = {
  // Every problem at once: the fields under __proto__ are not read, so the required ones are missing.
  'markdown/proto-front-matter.md': [
    `:2: 未知的字段“__proto__”（unknown field in front matter） — 可用的字段：${FRONT_MATTER}`,
    ...[
      'id（这一部分的 id：小写字母、数字和短横线，各文件不同） — 加一行 id: …',
      'kind（opening（开篇）、part（正文部分）或 closing（结语）） — 加一行 kind: …',
      'label（短标签，显示在位置指示和结构图上，如 起） — 加一行 label: …',
      'title（这一部分的标题） — 加一行 title: …',
      'minutes（计划用时（分钟），演讲者视图按它提示节奏） — 加一行 minutes: …',
    ].map((m) => `${DIR}/markdown/proto-front-matter.md:2: front matter 缺少 ${m}`),
  ].join('\n'),
  'markdown/constructor-field.md': `:7: 未知的字段“constructor”（unknown field in front matter） — 可用的字段：${FRONT_MATTER}`,
  'markdown/first-proto-deck.md': [
    ':7: deck: 缺少 title（讲话的标题） — 在 deck: 下面空两格加一行 title: …',
    `${DIR}/markdown/first-proto-deck.md:8: 未知的字段“__proto__”（unknown field in deck:） — 可用的字段：${DECK_SETTINGS}`,
  ].join('\n'),
  'markdown/first-tostring-deck.md': `:9: 未知的字段“toString”（unknown field in deck:） — 可用的字段：${DECK_SETTINGS}`,
  'charts/option-constructor.md': `:13:1: trend 图没有选项“constructor”（chart option） — 可用的选项：${TREND_OPTIONS}`,
  'charts/option-toString.md': `:13:1: trend 图没有选项“toString”（chart option） — 可用的选项：${TREND_OPTIONS}`,
  'charts/option-proto.md': `:13:1: trend 图没有选项“__proto__”（chart option） — 可用的选项：${TREND_OPTIONS}`,
  'charts/countries-repeated.md': `:13:1: 选项 countries 里 "CHN" 写了不止一次（chart option value） — 每个值只写一次`,
  'charts/countries-too-many.md': `:13:1: 选项 countries 列了 10 个值，最多 9 个（chart option value） — 每个值只写一次，从 ${COUNTRIES} 中选`,
  'html/good-inline.md': null,
  'html/data-src.md': `:11: <img> 上不允许属性 data-src — <img> 可用的属性：src, alt, width, height, ${GLOBAL}`,
  'html/data-preview-link.md': `:11: <a> 上不允许属性 data-preview-link — <a> 可用的属性：href, rel, target, ${GLOBAL}`,
  'html/data-structure-map.md': `:11: <div> 上不允许属性 data-structure-map — <div> 可用的属性：${GLOBAL}`,
  'html/name-clobber.md': `:11: <img> 上不允许属性 name — <img> 可用的属性：src, alt, width, height, ${GLOBAL}`,
  'html/role-dialog.md': `:11: <div> 上不允许属性 role — <div> 可用的属性：${GLOBAL}`,
  'html/style-attribute.md': `:11: <span> 上不允许属性 style — <span> 可用的属性：${GLOBAL}；样式请用 assets/styles/theme.css 里的 class`,
  'html/input-password.md': `:11: HTML 标签 <input> 不在允许的范围内 — ${TAGS}`,
  'html/section-notes.md': `:11: HTML 标签 <section> 不在允许的范围内 — ${TAGS}`,
  'html/marquee.md': `:11: HTML 标签 <marquee> 不在允许的范围内 — ${TAGS}`,
  'ids/span-slide-id.md': `:11: 重复的 id "title"（已用于 ${FIRST_TITLE}） — ${ONCE}`,
  'ids/paragraph-slide-id.md': `:11: 重复的 id "title"（已用于 ${FIRST_TITLE}） — ${ONCE}`,
  'ids/notes-slide-id.md': `:17: 重复的 id "title"（已用于 ${FIRST_TITLE}） — ${ONCE}`,
  'ids/duplicate-element.md': `:21: 重复的 id "same"（已用于 ${DIR}/ids/duplicate-element.md:11） — ${ONCE}`,
  'ids/chart-id-clash.md': `:31: 重复的 id "chart-trend-2"（已用于 ${DIR}/ids/chart-id-clash.md:17） — 图表的 id 由所在页的 id 生成（chart-<页 id>，第二张起加 -2、-3）：给这一页或另一页换一个 id`,
  'ids/reserved-prefix.md': `:11: id "study-search-input" 以 "study-" 开头，这类 id 留给演示文稿的界面使用 — 换一个不以 chart-、deck-、handout-、help-、para-、print-、speaker-、structure-、study- 开头的 id`,
  'ids/reserved-paragraph.md': `:11: id "para-qi-1-1" 以 "para-" 开头，这类 id 留给演示文稿的界面使用 — 换一个不以 chart-、deck-、handout-、help-、para-、print-、speaker-、structure-、study- 开头的 id`,
  'ids/invalid-raw-id.md': `:11: id "Bad Id" 不是有效的 id — ${ID_SYNTAX}`,
  'ids/proto-raw-id.md': `:11: id "__proto__" 不是有效的 id — ${ID_SYNTAX}`,
};

/** The project the asset fixtures are checked against: public/img/ok.svg and assets/img/ok.svg. */
const PROJECT = path.join(DIR, 'project');
/** The climb the fixtures use to reach the machine's root from anywhere. */
const CLIMB = '../'.repeat(10);
const EXAMPLE = '例如 ![说明](img/photo.png)';
const OUTSIDE = `指向 public/ 和 assets/ 之外 — 只能引用 public/ 或 assets/ 里的文件：把图片复制进 public/，${EXAMPLE}`;

/** Image references (tests/fixtures/hostile/assets/): nothing from outside public/ or assets/ reaches dist/. */
const ASSETS: Record<string, string | null> = {
  'assets/good-images.md': null,
  'assets/raw-img-outside-project.md': `:11: 图片 "../outside.txt" ${OUTSIDE}`,
  'assets/raw-img-etc-passwd.md': `:11: 图片 "${CLIMB}etc/passwd" ${OUTSIDE}`,
  'assets/markdown-img-etc-hostname.md': `:11: 图片 "${CLIMB}etc/hostname" ${OUTSIDE}`,
  'assets/img-in-notes.md': `:17: 图片 "../outside.txt" ${OUTSIDE}`,
  'assets/raw-img-absolute.md': `:11: 图片 "/proc/self/environ" 是绝对路径 — 用相对于 public/ 的路径引用，${EXAMPLE}`,
  'assets/raw-img-remote.md': `:11: 图片 "https://evil.example/track.png" 不是演示文稿文件夹里的文件 — 演示文稿不从网络或其他来源加载内容：把图片保存到 public/，用相对路径引用，${EXAMPLE}`,
  'assets/markdown-img-encoded.md': `:11: 图片路径 "..%2F..%2F..%2Foutside.txt" 含有不允许的字符（?、#、反斜杠、%2F、%5C 或错误的 % 编码） — 写文件的相对路径本身，用斜杠 / 分隔目录，${EXAMPLE}`,
  'assets/raw-img-backslash.md':
    ':11: “..\\..\\outside.txt”是这台电脑上的文件路径，别的电脑上找不到（Windows path） — 把文件复制到演示文稿的 public/ 里，写成 ![说明](outside.txt)',
};

/** Which table's schema a data fixture is read with, by its name's first word. */
const TABLE_BY_PREFIX: Record<string, string> = {
  nbs: 'china_urbanisation_nbs',
  hukou: 'china_hukou_urbanisation',
  cities: 'china_megacities_census2020',
  wb: 'wb_urban_pct_1960_2024',
};
const RANGE_HINT = '检查是否抄错（多了或少了位数、多了负号）；确实超出时，改数据说明（.yaml）里这一列的 min 和 max';

/** Data files (tests/fixtures/hostile/data/<table>-<case>.csv) and the exact message of each. */
const DATA: Record<string, string> = {
  'data/nbs-400-digit-number.csv': `:3:6: 列 "urban_pct" 的值 "${'9'.repeat(24)}…" 不是有限的数（位数太多） — 写一个普通的数，例如 51.27`,
  'data/nbs-negative-percent.csv': `:3:6: 列 "urban_pct" 的值 -67.00 超出合理范围 0–100（常住人口城镇化率） — ${RANGE_HINT}`,
  'data/nbs-huge-percent.csv': `:3:6: 列 "urban_pct" 的值 99999999 超出合理范围 0–100（常住人口城镇化率） — ${RANGE_HINT}`,
  'data/nbs-huge-population.csv': `:3:12: 列 "urban_pop_million" 的值 99999999 超出合理范围 0–2000（城镇常住人口） — ${RANGE_HINT}`,
  'data/hukou-percent-over-100.csv': `:3:6: 列 "hukou_urban_pct" 的值 135.9 超出合理范围 0–100（户籍人口城镇化率） — ${RANGE_HINT}`,
  'data/cities-implausible-population.csv': `:2:29: 列 "urban_core_pop_million" 的值 1987.00 超出合理范围 0–50（城区常住人口） — ${RANGE_HINT}`,
  'data/nbs-unterminated-quote.csv':
    ':2:46: 引号没有闭合（unterminated quote）：从这里到文件末尾都被读成了一个单元格 — 在这个单元格的结尾补上 "；单元格里的引号写成两个 ""',
  'data/nbs-cr-only.csv':
    ':3:6: 列“urban_pct”里的值“67.0%”不合规（bad value） — 写数字，如 51.27（只写数字和小数点，不写 % 或千位分隔符）',
  'data/nbs-mixed-line-ends.csv':
    ':4:6: 列“urban_pct”里的值“sixty”不合规（bad value） — 写数字，如 51.27（只写数字和小数点，不写 % 或千位分隔符）',
  'data/wb-five-digit-year.csv': ':3:11: 列“year”里的值“20240”不合规（bad value） — 写四位数的年份，如 2011',
};

function compileHostile(relative: string): unknown {
  const dir = path.posix.join(DIR, path.posix.dirname(relative));
  const file = read(dir, path.posix.basename(relative));
  const sources = path.posix.basename(relative).startsWith('first-') ? [file] : [first, file];
  try {
    compileDeck(sources, {
      validateChart: (spec) => validateChart(spec, tables),
      checkAsset: (src) => checkAsset(PROJECT, src),
    });
  } catch (e) {
    return e;
  }
  return null;
}

describe('the hostile corpus', () => {
  it('has an expected message for every Markdown fixture', () => {
    const files = ['markdown', 'charts', 'html', 'ids'].flatMap((d) =>
      readdirSync(path.join(DIR, d)).map((f) => `${d}/${f}`),
    );
    expect(files.sort()).toEqual(Object.keys(MARKDOWN).sort());
  });

  it('stops a chart block listing 200,000 countries before reading it', () => {
    const countries = Array.from({ length: 200_000 }, () => 'CHN').join(', ');
    const text = `---\nid: qi\nkind: part\nlabel: 起\ntitle: 起\nminutes: 3\n---\n\n## 图\n\n\`\`\`chart\nkind: compare\ncountries: [${countries}]\n\`\`\`\n`;
    expect(() => compileDeck([first, { file: 'slides/01-qi.md', text }])).toThrow(
      'slides/01-qi.md:11: 图表块太长（1000025 个字符，上限 2000） — 图表块只写 kind、dataset 和几个选项；数据放在 assets/data/ 的 CSV 文件里',
    );
  });

  it('stops front matter of 20,000 characters before reading it', () => {
    const text = `---\nid: qi\nkind: part\nlabel: 起\ntitle: ${'长'.repeat(20_000)}\nminutes: 3\n---\n\n## 页\n`;
    expect(() => compileDeck([first, { file: 'slides/01-qi.md', text }])).toThrow(
      /^slides\/01-qi\.md:2: front matter 太长（200\d\d 个字符，上限 10000） — /,
    );
  });

  it('has an expected outcome for every asset fixture', () => {
    const files = readdirSync(path.join(DIR, 'assets')).map((f) => `assets/${f}`);
    expect(files.sort()).toEqual(Object.keys(ASSETS).sort());
  });

  it('has an expected message for every data fixture', () => {
    const files = readdirSync(path.join(DIR, 'data')).map((f) => `data/${f}`);
    expect(files.sort()).toEqual(Object.keys(DATA).sort());
  });

  for (const [relative, message] of Object.entries(DATA)) {
    it(`stops ${relative} with file:line:column and what to do`, () => {
      const table = TABLE_BY_PREFIX[path.posix.basename(relative).split('-')[0]!]!;
      const file = `${DIR}/${relative}`;
      let caught: unknown;
      try {
        parseTable(file, readFileSync(file, 'utf8'), tables.tables.get(table)!.sidecar.schema);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(DeckError);
      expect((caught as DeckError).message).toBe(`${file}${message}`);
    });
  }

  for (const [relative, message] of Object.entries(ASSETS)) {
    it(message ? `stops ${relative} with file:line and what to do` : `builds ${relative}`, () => {
      const caught = compileHostile(relative);
      if (message === null) expect(caught).toBeNull();
      else expect((caught as Error).message).toBe(`${DIR}/${relative}${message}`);
    });
  }

  for (const [relative, message] of Object.entries(MARKDOWN)) {
    it(message ? `stops ${relative} with file:line and what to do` : `builds ${relative}`, () => {
      const caught = compileHostile(relative);
      if (message === null) {
        expect(caught).toBeNull();
        return;
      }
      expect(caught).toBeInstanceOf(DeckError);
      expect((caught as DeckError).message).toBe(`${DIR}/${relative}${message}`);
    });
  }
});
