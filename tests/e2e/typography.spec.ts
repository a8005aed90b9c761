import type { Page } from '@playwright/test';
import { NO_LINE_START } from '../../src/markdown/words.ts';
import { FILE_URL, expect, openDeck, test } from './fixtures.ts';

/**
 * What the room reads, measured on screen on every slide with every step shown: text sizes at
 * 1920×1080 and 1024×768 (chart and diagram text too, at the scale its SVG is drawn), line breaks in headings (between words only, no closing mark or "·" at a
 * line start, no character alone on the last line), and full-width punctuation between Chinese
 * characters in everything displayed.
 */

interface SlideReport {
  id: string;
  /** Text smaller than the floor, as "text (px)". */
  small: string[];
  /** Body text (paragraphs, list items, quotations) below the body minimum. */
  smallBody: string[];
  /** Sources and footnotes below their minimum. */
  smallNotes: string[];
  /** Text in a chart or diagram (ticks, legend, end labels, annotations) below the chart minimum. */
  smallChart: string[];
  /** Heading lines that break a rule. */
  badLines: string[];
  /** Half-width punctuation next to a Chinese character. */
  halfWidth: string[];
}

async function measure(page: Page, floor: number, body: number, notes: number, chart: number): Promise<SlideReport[]> {
  return page.evaluate(
    ({ floor, body, notes, chart, noStart }) => {
      const deck = window.deck!;
      const out: SlideReport[] = [];
      const han = /\p{Script=Han}/u;
      for (const slide of deck.getSlides()) {
        const { h, v } = deck.getIndices(slide);
        deck.slide(h, v ?? 0, Number.MAX_SAFE_INTEGER);
        const scale =
          document.querySelector('.reveal .slides')!.getBoundingClientRect().width / Number(deck.getConfig().width);
        const report: SlideReport = {
          id: slide.id,
          small: [],
          smallBody: [],
          smallNotes: [],
          smallChart: [],
          badLines: [],
          halfWidth: [],
        };
        // SVG text: its size times the scale the SVG is drawn at (a chart scales to its room).
        for (const t of slide.querySelectorAll<SVGTextElement>('svg text')) {
          const text = t.textContent!.trim();
          const box = t.getBoundingClientRect();
          if (!text || box.width === 0 || t.closest('aside.notes')) continue;
          const m = t.getScreenCTM()!;
          const px = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
          if (px < Math.max(chart, floor) - 0.05) report.smallChart.push(`${text.slice(0, 20)} (${px.toFixed(1)})`);
        }
        const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const el = n.parentElement!;
          const text = n.textContent!.trim();
          if (
            !text ||
            el.closest('aside.notes, .sr-only, .editorial-tag-who, svg, .study-slide-label, .study-notes-heading')
          )
            continue;
          const box = el.getBoundingClientRect();
          if (box.width === 0 || box.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
          const px = parseFloat(getComputedStyle(el).fontSize) * scale;
          if (px < floor - 0.05) report.small.push(`${text.slice(0, 20)} (${px.toFixed(1)})`);
          const isNote = el.closest('.chart-source, .chart-footnote, small, figcaption, .editorial-tag');
          if (isNote && px < notes - 0.05) report.smallNotes.push(`${text.slice(0, 20)} (${px.toFixed(1)})`);
          if (
            !isNote &&
            el.closest('p, li, blockquote') &&
            !el.closest('figure.chart, .divider-chain') &&
            px < body - 0.05
          )
            report.smallBody.push(`${text.slice(0, 20)} (${px.toFixed(1)})`);
        }
        // Punctuation width: everything the room sees, charts included.
        const shown = [...slide.querySelectorAll<HTMLElement>(':scope > :not(aside.notes)')]
          .map((e) => (e instanceof SVGElement ? e.textContent : e.innerText) ?? '')
          .join('\n');
        for (const m of shown.matchAll(/\p{Script=Han}[,;:?!()]|[,;:?!()]\p{Script=Han}/gu))
          report.halfWidth.push(m[0]);
        // Heading lines: where each character is drawn.
        for (const heading of slide.querySelectorAll<HTMLElement>('h1, h2, h3')) {
          if (heading.getBoundingClientRect().height === 0) continue;
          const chars: { ch: string; top: number; afterBreak: boolean }[] = [];
          let allowed = true;
          const hw = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
          for (let node = hw.nextNode(); node; node = hw.nextNode()) {
            if (node instanceof Element) {
              if (node.tagName === 'WBR') allowed = true;
              continue;
            }
            const t = node.textContent ?? '';
            for (let i = 0; i < t.length; i++) {
              const ch = t[i]!;
              const range = document.createRange();
              range.setStart(node, i);
              range.setEnd(node, i + 1);
              const r = range.getBoundingClientRect();
              if (r.width > 0 && ch.trim()) chars.push({ ch, top: Math.round(r.top), afterBreak: allowed });
              // A break may follow a space or punctuation as well as a <wbr>.
              allowed = /[\s\p{P}]/u.test(ch);
            }
          }
          const lines: (typeof chars)[] = [];
          for (const c of chars) {
            const last = lines.at(-1);
            if (last && Math.abs(last[0]!.top - c.top) < 4) last.push(c);
            else lines.push([c]);
          }
          const label = heading.textContent!.slice(0, 24);
          lines.forEach((line, i) => {
            const first = line[0]!;
            if (i > 0 && noStart.includes(first.ch)) report.badLines.push(`${label}: line starts with ${first.ch}`);
            if (i > 0 && !first.afterBreak) report.badLines.push(`${label}: broken inside a word before ${first.ch}`);
          });
          const lastLine = lines.at(-1) ?? [];
          if (lines.length > 1 && lastLine.filter((c) => han.test(c.ch)).length === 1 && lastLine.length === 1)
            report.badLines.push(`${label}: one character alone on the last line`);
        }
        out.push(report);
      }
      return out;
    },
    { floor, body, notes, chart, noStart: NO_LINE_START },
  );
}

for (const size of [
  { width: 1920, height: 1080, floor: 14, body: 36, notes: 20, chart: 24 },
  { width: 1024, height: 768, floor: 14, body: 0, notes: 0, chart: 14 },
]) {
  test(`at ${size.width}×${size.height} every slide is legible, breaks headings between words and uses full-width punctuation`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: size.width, height: size.height });
    await openDeck(page, `${FILE_URL}?present`);
    const reports = await measure(page, size.floor, size.body, size.notes, size.chart);
    expect(reports.length).toBeGreaterThan(40);
    const problems = reports.flatMap((r) =>
      [
        ...r.small.map((s) => `below ${size.floor} px: ${s}`),
        ...r.smallBody.map((s) => `body below ${size.body} px: ${s}`),
        ...r.smallNotes.map((s) => `source below ${size.notes} px: ${s}`),
        ...r.smallChart.map((s) => `chart text below ${size.chart} px: ${s}`),
        ...r.badLines,
        ...r.halfWidth.map((s) => `half-width punctuation: ${s}`),
      ].map((p) => `#${r.id}: ${p}`),
    );
    expect(problems).toEqual([]);
  });
}
