import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
  chmodSync,
  existsSync,
  readdirSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { deckFolder } from '../../../../src/deck-folder.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pptxProblems } from '../../../../src/export/pptx/check.ts';
import {
  buildPptx,
  exportPptx,
  PptxCheckError,
  OutputNotWritableError,
  type BuiltPptx,
} from '../../../../src/export/pptx/export.ts';
import type { SourceFile } from '../../../../src/markdown/types.ts';
import { loadTables } from '../../../../src/charts/data/load.ts';
import { chartPayload } from '../../../../src/charts/validate.ts';
import { style } from '../../../../src/charts/draw.ts';
import type { Series } from '../../../../src/charts/types.ts';

/** The real deck, built once for the whole file (as `npm run pptx` builds it). */
let built: BuiltPptx;
beforeAll(async () => {
  built = await buildPptx({ root: process.cwd(), now: new Date('2024-07-13T00:00:00Z') });
}, 60_000);

const slides = () => built.deck.parts.flatMap((p) => p.slides);

/** speech.txt without its title lines and the publishing page's footer (as tests/unit/content.test.ts). */
function speechSentences(): string[] {
  const lines = readFileSync('assets/source/speech.txt', 'utf8').replace(/\r/g, '').replace(/\n+$/, '').split('\n');
  return lines
    .slice(2, lines.length - 3)
    .flatMap((line) =>
      (line.match(/[^。！？?!]+(?:[。！？?!]+”?|$)/g) ?? []).map((s) => s.replace(/\s+/g, '')).filter(Boolean),
    );
}

/** Full-width and half-width punctuation read the same (the deck widens punctuation for display). */
const fold = (s: string): string =>
  s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\s+/g, '');

describe('the PowerPoint file of the deck', () => {
  it('has one 16:9 slide per deck slide, in order, each titled in its title placeholder', () => {
    expect(built.report.slides).toHaveLength(slides().length);
    expect(built.report.size).toEqual({ cx: 12192000, cy: 6858000 });
    built.report.slides.forEach((s, i) => expect(fold(s.title ?? '')).toBe(fold(slides()[i]!.title)));
  });

  it('groups the slides in sections named after the deck’s parts: 开篇 起 承 转 合 结语', () => {
    expect(built.report.sections.map((s) => s.name)).toEqual(built.deck.parts.map((p) => p.label));
    expect(built.report.sections.map((s) => s.name)).toEqual(['开篇', '起', '承', '转', '合', '结语']);
    expect(built.report.sections.map((s) => s.slides.length)).toEqual(built.deck.parts.map((p) => p.slides.length));
  });

  it('carries every sentence of the speech in the notes, in order', () => {
    const notes = fold(built.report.slides.map((s) => s.notes.map((p) => p.text).join('')).join(''));
    let cursor = 0;
    for (const [i, sentence] of speechSentences().entries()) {
      const at = notes.indexOf(fold(sentence), cursor);
      expect(at, `sentence ${i + 1} missing or out of order: ${sentence}`).toBeGreaterThanOrEqual(0);
      cursor = at + fold(sentence).length;
    }
  });

  it('passes its own checks: no empty text box, nothing past the slide edge, every run zh-CN in 微软雅黑', () => {
    expect(pptxProblems(built.report, built.plan)).toEqual([]);
    const runs = built.report.slides.flatMap((s) => s.shapes.flatMap((sh) => sh.paragraphs.flatMap((p) => p.runs)));
    expect(runs.length).toBeGreaterThan(300);
    expect(runs.filter((r) => r.lang !== 'zh-CN' || r.eastAsian !== '微软雅黑')).toEqual([]);
  });

  it('has no picture at all: every word is editable text', () => {
    expect(built.report.slides.flatMap((s) => s.shapes.filter((sh) => sh.kind === 'pic'))).toEqual([]);
    expect(built.report.parts.filter((p) => p.startsWith('ppt/media/'))).toEqual([]);
  });

  it('keeps bullets as bullet paragraphs and bold as bold runs', () => {
    const i = slides().findIndex((s) => s.id === 'cheng-three');
    const body = built.report.slides[i]!.shapes.find((s) => s.placeholder === 'body')!;
    expect(body.paragraphs.every((p) => p.bullet)).toBe(true);
    expect(body.paragraphs[0]!.runs.find((r) => r.text === '一是')?.bold).toBe(true);
  });

  it('sets quotations apart with their attribution', () => {
    const i = slides().findIndex((s) => s.id === 'opening-goal');
    const quote = built.report.slides[i]!.shapes.find((s) => s.name.startsWith('引文'))!;
    expect(quote.paragraphs.at(-1)!.text).toBe('—— 习近平总书记，党的二十大报告');
  });

  it('marks editorial slides with the quiet 概括 tag, as the projected deck does, and only those', () => {
    slides().forEach((s, i) => {
      const tag = built.report.slides[i]!.shapes.find((sh) => sh.name === '编者概括');
      expect(!!tag, s.id).toBe(s.editorial);
      if (tag) expect(tag.text).toBe('概括');
    });
  });

  it('keeps stage directions and notes to the speaker off the slides, and puts them, labelled, in the notes', () => {
    slides().forEach((s, i) => {
      const onSlide = fold(built.report.slides[i]!.shapes.map((sh) => sh.text).join(''));
      const notes = built.report.slides[i]!.notes.map((p) => p.text);
      for (const block of s.notes.filter((b) => b.role === 'direction' || b.role === 'note')) {
        const first = fold(block.text.split('\n')[0]!);
        expect(onSlide, `${s.id}: ${block.role} on the slide`).not.toContain(first.slice(0, 10));
        const label = block.role === 'direction' ? '【演讲提示】' : '【编者备注】';
        expect(
          notes.some((n) => fold(n).startsWith(fold(label) + first.slice(0, 10))),
          `${s.id}: ${block.role} in notes`,
        ).toBe(true);
      }
    });
    const directions = slides().flatMap((s) => s.notes.filter((b) => b.role === 'direction'));
    expect(directions.length).toBeGreaterThan(0);
  });

  it('puts each chart in a chart part with the plotted values and an editable data sheet (2023 = 66.16)', async () => {
    const i = slides().findIndex((s) => s.id === 'qi-trend');
    const [chart] = built.report.slides[i]!.charts;
    expect(chart!.part).toMatch(/^ppt\/charts\/chart\d+\.xml$/);
    expect(chart!.types).toEqual(['c:lineChart']);
    const line = chart!.series[0]!;
    expect(line.name).toBe('年末常住人口城镇化率');
    expect(line.values[line.categories.indexOf('2023')]).toBe(66.16);
    expect(chart!.workbook).toBe(true);
    const zip = await JSZip.loadAsync(built.bytes);
    const sheet = Object.keys(zip.files).filter((f) => /^ppt\/embeddings\/.+\.xlsx$/.test(f));
    const texts = await Promise.all(
      sheet.map(async (f) =>
        (await JSZip.loadAsync(await zip.file(f)!.async('uint8array')))
          .file('xl/worksheets/sheet1.xml')!
          .async('string'),
      ),
    );
    expect(texts.some((x) => x.includes('<v>66.16</v>'))).toBe(true);
    const native = slides()
      .flatMap((s) => s.charts)
      .filter((c) => c.kind !== 'cities');
    expect(built.report.slides.flatMap((s) => s.charts)).toHaveLength(native.length);
  });

  it('dashes projections in the comparison chart', () => {
    const i = slides().findIndex((s) => s.id === 'qi-world');
    const series = built.report.slides[i]!.charts[0]!.series;
    expect(series.find((s) => s.name === '中国')!.dash).toBe('solid');
    expect(series.find((s) => s.name === '中国（联合国预测）')!.dash).toBe('dash');
  });

  it('keeps every web series in its native chart: its name, its colour, and the unit on the value axis', () => {
    const tables = loadTables(process.cwd());
    const charted = slides().filter((s) => s.charts.some((c) => c.kind !== 'cities'));
    expect(charted.length).toBe(4);
    for (const slide of charted) {
      const read = built.report.slides[slides().indexOf(slide)]!.charts[0]!;
      const data = chartPayload(slide.charts[0]!, tables).data;
      const web = 'series' in data ? (data.series as Series[]) : [];
      expect(web.length, slide.id).toBeGreaterThan(0);
      for (const w of web) {
        const r = read.series.find((x) => x.name === w.label);
        expect(r, `${slide.id}: ${w.label}`).toBeDefined();
        expect(r!.color, `${slide.id}: ${w.label}`).toBe(style(w.style).color.replace('#', '').toUpperCase());
      }
      expect(read.valueAxisTitle, slide.id).toMatch(/（(%|万人)）$/);
    }
  });

  it('draws the agenda’s structure diagram as shapes joined by glued connectors, each part linked to its first slide', () => {
    const i = slides().findIndex((s) => s.id === 'agenda');
    const shapes = built.report.slides[i]!.shapes;
    const parts = shapes.filter((s) => s.name.startsWith('diagram:part:'));
    expect(parts.map((p) => p.text.split('\n')[0])).toEqual(built.deck.parts.map((p) => p.label));
    const firstSlide = (k: number): number =>
      slides().findIndex((s) => s.id === built.deck.parts[k]!.slides[0]!.id) + 1;
    expect(parts.map((p) => p.linkSlide)).toEqual(built.deck.parts.map((_, k) => firstSlide(k)));
    const connectors = shapes.filter((s) => s.kind === 'cxnSp');
    expect(connectors.length).toBeGreaterThanOrEqual(parts.length - 1);
    const ids = new Set(shapes.map((s) => s.id));
    for (const c of connectors) {
      expect(ids.has(c.glue!.from) && ids.has(c.glue!.to), c.name).toBe(true);
    }
  });

  it('writes the document properties: title, subject, language', () => {
    expect(built.report.properties['dc:title']).toBe(built.deck.meta.title);
    expect(built.report.properties['dc:subject']).toContain(built.deck.meta.occasion);
    expect(built.report.properties['dc:language']).toBe('zh-CN');
    expect(built.report.themeFonts.eastAsian).toEqual(['微软雅黑', '微软雅黑']);
    expect(built.report.themeFonts.hans).toEqual(['Noto Sans SC', 'Noto Sans SC']);
  });
});

const fixture = (deck: string, body: string): SourceFile[] => [
  {
    file: 'slides/00-opening.md',
    text: `---\nid: opening\nkind: opening\nlabel: 开篇\ntitle: 开篇\nminutes: 2\ndeck:\n${deck}\n---\n\n${body}`,
  },
];

describe('buildPptx() on other decks', () => {
  it('writes the deck’s date and settings as properties, and hides editorial tags when the deck says so', async () => {
    const sources = fixture(
      '  title: 测试讲话\n  occasion: 测试会议\n  date: 2024年7月13日\n  speaker: 张三\n  showEditorialMarks: false',
      '{#title layout=title}\n\n# 测试讲话\n\n---\n\n{#e editorial}\n\n## 概括\n\n- 一\n\nNote:\n\n::: editorial\n根据讲稿其他部分的概括。\n:::\n',
    );
    const { report } = await buildPptx({ root: process.cwd(), sources });
    expect(report.custom).toEqual({ 会议: '测试会议', 会议日期: '2024年7月13日', 讲话人: '张三' });
    expect(report.properties['dc:creator']).toBe('张三');
    expect(report.slides[1]!.shapes.some((s) => s.name === '编者概括')).toBe(false);
    expect(report.slides[1]!.notes.map((p) => p.text)).toEqual(['【编者概括】根据讲稿其他部分的概括。']);
  });

  it('writes the typefaces the front matter names on every run and in the theme', async () => {
    const sources = fixture('  title: 测试\n  pptx:\n    font: 黑体\n    fallback: 思源黑体', '## 一\n\n- **二**\n');
    const { report } = await buildPptx({ root: process.cwd(), sources });
    const runs = report.slides.flatMap((s) => s.shapes.flatMap((sh) => sh.paragraphs.flatMap((p) => p.runs)));
    expect(new Set(runs.map((r) => r.eastAsian))).toEqual(new Set(['黑体']));
    expect(report.themeFonts).toEqual({ eastAsian: ['黑体', '黑体'], hans: ['思源黑体', '思源黑体'] });
  });

  it('refuses an unknown pptx setting with file:line', async () => {
    const sources = fixture('  title: 测试\n  pptx:\n    colour: red', '## 一\n');
    await expect(buildPptx({ root: process.cwd(), sources })).rejects.toThrow(
      /^slides\/00-opening\.md:10: 未知的字段“colour”（unknown field in pptx:） — 可用的字段：font、fallback$/,
    );
  });

  it('stops with the slide file’s file:line when the deck has an error', async () => {
    const sources = fixture('  title: 测试', '## 一\n\n[坏链接](#nowhere)\n');
    await expect(buildPptx({ root: process.cwd(), sources })).rejects.toThrow(
      /^slides\/00-opening\.md:\d+: 找不到链接指向的幻灯片“#nowhere”（slide link）/,
    );
  });

  it('refuses a slide whose text cannot fit even at 60%, naming the slide', async () => {
    const long = '城市治理现代化水平'.repeat(120);
    const sources = fixture('  title: 测试', `{#full}\n\n## 太满\n\n${long}\n\n${long}\n`);
    const error = await buildPptx({ root: process.cwd(), sources }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PptxCheckError);
    expect((error as PptxCheckError).problems.join('\n')).toMatch(/slide 1 \(#full\)/);
  });
});

describe('buildPptx() of charts drawn from a deck’s own CSV', () => {
  let dir = '';
  let report: BuiltPptx['report'];
  let bytes: Uint8Array;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'pptx-generic-'));
    mkdirSync(path.join(dir, 'slides'));
    mkdirSync(path.join(dir, 'assets', 'data'), { recursive: true });
    writeFileSync(
      path.join(dir, 'assets', 'data', '三次产业.csv'),
      'year,primary,secondary,tertiary\n2010,9.3,46.5,44.2\n2015,8.4,40.8,50.8\n2020,7.7,37.8,54.5\n',
    );
    writeFileSync(
      path.join(dir, 'assets', 'data', '三次产业.yaml'),
      "title: 三次产业增加值构成\nsource: 某市统计局（测试数据）\ncolumns:\n  year: year\n  primary: { type: number, label: 第一产业, unit: '%' }\n  secondary: { type: number, label: 第二产业, unit: '%' }\n  tertiary: { type: number, label: 第三产业, unit: '%' }\n",
    );
    const chart = (id: string, kind: string): string =>
      `{#${id}}\n\n## ${kind}\n\n\`\`\`chart\nkind: ${kind}\ndataset: 三次产业\ny: [primary, secondary, tertiary]\n\`\`\`\n`;
    writeFileSync(
      path.join(dir, 'slides', '00-opening.md'),
      `---\nid: opening\nkind: opening\nlabel: 开篇\ntitle: 开篇\nminutes: 2\ndeck:\n  title: 测试\n---\n\n${chart('stack', 'stacked-area')}\n---\n\n${chart('bars', 'bar')}`,
    );
    ({ report, bytes } = await buildPptx({ root: process.cwd(), deck: deckFolder(process.cwd(), dir) }));
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exports a stacked-area chart as a native stacked area chart of each column’s own values', async () => {
    const [chart] = report.slides[0]!.charts;
    const xml = await (await JSZip.loadAsync(bytes)).file(chart!.part)!.async('string');
    // From axis to axis as on the web, and no invertIfNegative, which an area series may not have.
    expect(xml).toContain('<c:crossBetween val="midCat"/>');
    expect(xml).not.toContain('invertIfNegative');
    expect(chart!.types).toEqual(['c:areaChart']);
    expect(chart!.grouping).toBe('stacked');
    expect(chart!.series.map((s) => s.name)).toEqual(['第一产业', '第二产业', '第三产业']);
    expect(chart!.series[0]!.categories).toEqual(['2010', '2015', '2020']);
    expect(chart!.series[2]!.values).toEqual([44.2, 50.8, 54.5]);
    expect(new Set(chart!.series.map((s) => s.color)).size).toBe(3);
    expect(chart!.valueAxisTitle).toMatch(/%/);
  });

  it('exports a bar chart as native clustered columns, one category per year the CSV has', () => {
    const [chart] = report.slides[1]!.charts;
    expect(chart!.types).toEqual(['c:barChart']);
    expect(chart!.grouping).toBe('clustered');
    expect(chart!.series[0]!.categories).toEqual(['2010', '2015', '2020']);
    expect(chart!.series[1]!.values).toEqual([46.5, 40.8, 37.8]);
  });
});

describe('exportPptx()', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'pptx-export-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes slides.pptx into the output folder through a temporary file, leaving nothing else', async () => {
    const result = await exportPptx({
      root: process.cwd(),
      out: dir,
      sources: fixture('  title: 测试', '## 一\n\n- 二\n'),
    });
    expect(result.path).toBe(path.join(dir, 'slides.pptx'));
    expect(readFileSync(result.path).subarray(0, 2).toString()).toBe('PK');
    expect(readdirSync(dir)).toEqual(['slides.pptx']);
  }, 60_000);

  it('keeps the previous file when the new one fails its checks', async () => {
    const before = readFileSync(path.join(dir, 'slides.pptx'));
    const long = '城市治理现代化水平'.repeat(120);
    await expect(
      exportPptx({
        root: process.cwd(),
        out: dir,
        sources: fixture('  title: 测试', `## 太满\n\n${long}\n\n${long}\n`),
      }),
    ).rejects.toBeInstanceOf(PptxCheckError);
    expect(readFileSync(path.join(dir, 'slides.pptx')).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(['slides.pptx']);
  }, 60_000);

  it('says which folder cannot be written and what to do', async () => {
    const file = path.join(dir, 'a-file');
    writeFileSync(file, 'x');
    await expect(exportPptx({ root: process.cwd(), out: file })).rejects.toThrow(OutputNotWritableError);
    await expect(exportPptx({ root: process.cwd(), out: file })).rejects.toThrow(
      /是一个文件，不是文件夹（ENOTDIR） — 用 --out 换一个文件夹/,
    );
    const locked = path.join(dir, 'locked');
    if (process.getuid?.() !== 0) {
      mkdirSync(locked);
      chmodSync(locked, 0o500);
      await expect(exportPptx({ root: process.cwd(), out: locked })).rejects.toThrow(OutputNotWritableError);
    }
    expect(existsSync(path.join(file, 'slides.pptx'))).toBe(false);
  });
});
