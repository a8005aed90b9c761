import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { deckFolder } from '../../src/deck-folder.ts';
import { inspectPdf } from '../../src/export/inspect.ts';
import { compileFolder } from '../../src/vite/deck-plugin.ts';
import { deckExtensions } from '../../src/vite/extensions.ts';
import { findSoffice, NO_SOFFICE, renderPdf } from '../unit/export/pptx/libreoffice.ts';
import { DIST, expect, test } from './fixtures.ts';
import { handoutText, pdfTextSizes, squash } from './pdf-read.ts';

/**
 * Journey 3 (the organiser, 会务), whole: `npm run pdf` and `npm run pptx` as typed on an office PC;
 * the audience handout, printed 200 times, holds the speech and nothing for the speaker's eyes, and
 * no word under 6 pt; the 讲话稿 is an A4 official document (title 22 pt, body 16 pt); the AV staff
 * open the .pptx (LibreOffice standing in for PowerPoint or WPS), fix a word, and find every chart
 * a chart with its data, to restyle. Each file is checked in detail in export.spec.ts (greyscale
 * contrast, layout, bookmarks, fonts) and tests/unit/export/pptx/.
 */

const deck = compileFolder(deckFolder(process.cwd()), deckExtensions);
const slides = deck.parts.flatMap((p) => p.slides);
const run = promisify(execFile);
/** Words no audience may read (issue: who sees what). */
const FOR_THE_SPEAKER = /请演讲者|无需宣读|开始宣读|缺失|中断|feels123|github|commit|(?=[0-9a-f]*[a-f])[0-9a-f]{40}/i;

test('an organiser runs npm run pdf and npm run pptx, prints the handout and the 讲话稿, and sends the .pptx to the AV staff, who fix a word', async () => {
  test.setTimeout(300_000);
  const soffice = findSoffice();
  expect(soffice, NO_SOFFICE).not.toBeNull();
  const out = mkdtempSync(path.join(os.tmpdir(), 'deck-organiser-'));
  try {
    // 1. The two commands (dist/ is built: the export does not build it again).
    const pdf = await run('npm', ['run', '--silent', 'pdf', '--', '--no-build', '--dist', DIST, '--out', out], {
      timeout: 200_000,
    });
    for (const name of ['slides.pdf', 'handout.pdf', 'speech.pdf', 'script.pdf']) expect(pdf.stdout).toContain(name);
    const pptx = await run('npm', ['run', '--silent', 'pptx', '--', '--out', out], { timeout: 200_000 });
    const made = /slides\.pptx\s+(\d+) 张幻灯片\s+(\d+) 个图表/.exec(pptx.stdout);
    expect(made, pptx.stdout).not.toBeNull();
    expect(Number(made![1])).toBe(slides.length);

    // 2. The handout: A4; every slide's speech, never a direction, a note to the speaker or the
    // provenance; no word of those anywhere; nothing under 6 pt.
    const handoutBytes = readFileSync(path.join(out, 'handout.pdf'));
    const handout = await inspectPdf(handoutBytes);
    expect(handout.sizes[0]!.width).toBeCloseTo(595.3, 0);
    expect(handout.sizes[0]!.height).toBeCloseTo(841.9, 0);
    const text = handoutText(handout);
    const roles = new Set<string>();
    for (const s of slides) {
      for (const b of s.notes) {
        roles.add(b.role);
        const probe = squash(b.text).slice(0, 14);
        if (b.role === 'speech') expect(text, `${s.id}: speech`).toContain(probe);
        if (b.role === 'direction' || b.role === 'note' || b.role === 'source')
          expect(text, `${s.id}: ${b.role}`).not.toContain(probe);
      }
    }
    expect([...roles].sort()).toEqual(['direction', 'editorial', 'note', 'source', 'speech']);
    // Charts speak of their data ("缺失年份留空": a year with no value); the rule is about the speech.
    const wording = text.replace(/缺失(的)?年份/g, '');
    expect(wording.match(FOR_THE_SPEAKER)?.[0] ?? null).toBeNull();
    const small = (await pdfTextSizes(handoutBytes)).filter((r) => r.size < 6);
    expect(small.map((r) => `p${r.page} ${r.size.toFixed(1)} pt ${r.text}`)).toEqual([]);

    // 3. The 讲话稿 for the meeting file: A4, the title in 22 pt, the body in 16 pt.
    const speechBytes = readFileSync(path.join(out, 'speech.pdf'));
    const speech = await inspectPdf(speechBytes, { text: false });
    for (const size of speech.sizes) expect([Math.round(size.width), Math.round(size.height)]).toEqual([595, 842]);
    const runs = await pdfTextSizes(speechBytes);
    const title = runs.find((r) => r.page === 1 && deck.meta.title.startsWith(squash(r.text).slice(0, 6)));
    expect(title?.size).toBeCloseTo(22, 1);
    const bySize = new Map<number, number>();
    for (const r of runs) bySize.set(Math.round(r.size), (bySize.get(Math.round(r.size)) ?? 0) + r.text.length);
    expect([...bySize].sort((a, b) => b[1] - a[1])[0]![0]).toBe(16);

    // 4. The AV staff: every chart is a chart with its data (to restyle), and a word fixed on a
    // slide shows when the file is opened and printed.
    const file = path.join(out, 'slides.pptx');
    const zip = await JSZip.loadAsync(readFileSync(file));
    const charts = Object.keys(zip.files).filter((f) => /^ppt\/charts\/chart\d+\.xml$/.test(f));
    expect(charts.length).toBe(Number(made![2]));
    expect(charts.length).toBeGreaterThan(0);
    for (const chart of charts) {
      const rels = await zip.file(chart.replace('charts/', 'charts/_rels/') + '.rels')!.async('string');
      expect(rels, chart).toMatch(/embeddings\/[^"]+\.xlsx/);
    }
    const slideXml = 'ppt/slides/slide2.xml';
    const xml = await zip.file(slideXml)!.async('string');
    const word = /<a:t>([^<]{2,})<\/a:t>/.exec(xml)![1]!;
    const fixed = `${word}（已改）`;
    zip.file(slideXml, xml.replace(`<a:t>${word}</a:t>`, `<a:t>${fixed}</a:t>`));
    const edited = path.join(out, 'edited.pptx');
    writeFileSync(edited, await zip.generateAsync({ type: 'uint8array' }));
    const glyphs = slides.map((s) => `${s.title}${s.notesText}`).join('') + fixed + '（）%：·—–';
    const { pdf: render } = await renderPdf(soffice!, edited, out, glyphs);
    const opened = await inspectPdf(render);
    expect(opened.pages).toBe(slides.length);
    expect(squash(opened.text[1])).toContain(squash(fixed));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
