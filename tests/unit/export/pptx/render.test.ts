import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPptx, type BuiltPptx } from '../../../../src/export/pptx/export.ts';
import { inspectPdf, type PdfReport } from '../../../../src/export/inspect.ts';
import { findSoffice, NO_SOFFICE, renderPdf } from './libreoffice.ts';

/**
 * The render check: LibreOffice opens the file and prints it to PDF, one page per slide, with
 * real text (extractable, in the deck's family standing in for 微软雅黑), nothing off the page.
 * To look at the pages: RENDER_KEEP=1 keeps the folder (its path is printed), then
 * `pdftoppm -r 60 -png slides.pdf p` there.
 */
const soffice = findSoffice();
let work = '';
let built: BuiltPptx;
let report: PdfReport;
let pdfBytes: Buffer;

beforeAll(async () => {
  if (!soffice) return;
  work = mkdtempSync(path.join(tmpdir(), 'pptx-render-'));
  built = await buildPptx({ root: process.cwd() });
  const file = path.join(work, 'slides.pptx');
  writeFileSync(file, built.bytes);
  const text = built.report.slides
    .flatMap((s) => [
      ...s.shapes.map((sh) => sh.text),
      ...s.charts.flatMap((c) => [...c.series.map((x) => x.name), ...c.series.flatMap((x) => x.categories)]),
    ])
    .join('');
  ({ pdf: pdfBytes } = await renderPdf(soffice, file, work, `${text}（）%：·—–`));
  report = await inspectPdf(pdfBytes);
}, 240_000);

afterAll(() => {
  if (!work) return;
  if (process.env.RENDER_KEEP) console.log(`render kept in ${work}`);
  else rmSync(work, { recursive: true, force: true });
});

describe('LibreOffice render of slides.pptx', () => {
  it('is possible on this machine', () => {
    expect(soffice, NO_SOFFICE).not.toBeNull();
  });

  it.runIf(soffice)('opens the file and prints one 16:9 page per slide', () => {
    expect(report.pages).toBe(built.report.slides.length);
    for (const size of report.sizes) expect(size.width / size.height).toBeCloseTo(16 / 9, 2);
  });

  it.runIf(soffice)('prints every slide’s title as real, extractable text', () => {
    const fold = (s: string): string =>
      s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\s+/g, '');
    built.report.slides.forEach((s, i) => {
      expect(fold(report.text[i]!), `page ${i + 1}`).toContain(fold(s.title!).slice(0, 12));
    });
  });

  it.runIf(soffice)(
    'sets the Chinese text in the deck’s family where 微软雅黑 is missing, as the file names it',
    () => {
      const names = report.fonts.map((f) => f.name);
      expect(names.some((n) => /NotoSansSC/.test(n))).toBe(true);
      expect(names.filter((n) => /DroidSansFallback|WenQuanYi/.test(n))).toEqual([]);
    },
  );

  it.runIf(soffice)('keeps every line of text inside its own box: nothing overflows with these fonts', async () => {
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const pdf = await getDocument({ data: new Uint8Array(pdfBytes), verbosity: 0, isEvalSupported: false }).promise;
    const EMU_PER_PT = 12700;
    const outside: string[] = [];
    try {
      for (let n = 1; n <= pdf.numPages; n++) {
        const page = await pdf.getPage(n);
        const height = (page.view as number[])[3]!;
        const boxes = built.report.slides[n - 1]!.shapes.flatMap((s) => (s.box ? [s.box] : [])).map((b) => ({
          x0: b.x / EMU_PER_PT,
          y0: b.y / EMU_PER_PT,
          x1: (b.x + b.w) / EMU_PER_PT,
          y1: (b.y + b.h) / EMU_PER_PT,
        }));
        // The slide number sits in the master's placeholder at the bottom right.
        boxes.push({ x0: 800, y0: 500, x1: 960, y1: 540 });
        for (const item of (await page.getTextContent()).items) {
          if (!('str' in item) || item.str.trim() === '') continue;
          const x = item.transform[4] as number;
          const top = height - (item.transform[5] as number) - item.height * 0.85;
          const bottom = height - (item.transform[5] as number) + item.height * 0.15;
          // A closing punctuation mark may hang past the right edge (hanging punctuation, 避头尾).
          const hang = /[，。、；：！？）》”’]$/.test(item.str) ? item.height : 0;
          const inside = boxes.some(
            (b) => x >= b.x0 - 2 && x + item.width <= b.x1 + 2 + hang && top >= b.y0 - 2 && bottom <= b.y1 + 2,
          );
          if (!inside)
            outside.push(`page ${n}: "${item.str}" at ${x.toFixed(0)},${top.toFixed(0)}–${bottom.toFixed(0)}`);
        }
      }
    } finally {
      await pdf.destroy();
    }
    expect(outside).toEqual([]);
  });
});
