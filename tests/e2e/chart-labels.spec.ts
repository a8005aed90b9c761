import type { Page } from '@playwright/test';
import { FILE_URL, expect, openDeck, test } from './fixtures.ts';

/**
 * The charts' direct labels, measured where the room sees them (presenting, 1920×1080 and
 * 1024×768) and on paper (print view): no text of a chart overlaps another (ticks, legend,
 * annotations, labels), each label is drawn in its series' colour, and each is within reach of its
 * own line or joined to it by a leader.
 */

interface LabelReport {
  chart: string;
  problems: string[];
  labels: number;
}

/** Checks every chart on the slides given (all drawn and final), in the page as it is laid out. */
function checkLabels(page: Page, slides: string[]): Promise<LabelReport[]> {
  return page.evaluate((slides) => {
    type Box = { left: number; top: number; right: number; bottom: number };
    const boxOf = (el: Element): Box => el.getBoundingClientRect();
    const overlap = (a: Box, b: Box): boolean =>
      Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 &&
      Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
    const distance = (p: { x: number; y: number }, b: Box): number =>
      Math.hypot(Math.max(b.left - p.x, 0, p.x - b.right), Math.max(b.top - p.y, 0, p.y - b.bottom));
    /** Points along a line of the chart, in screen pixels. */
    const samples = (path: SVGGeometryElement): { x: number; y: number }[] => {
      const m = path.getScreenCTM()!;
      const len = path.getTotalLength();
      const out: { x: number; y: number }[] = [];
      for (let d = 0; d <= len; d += 4) {
        const p = path.getPointAtLength(d).matrixTransform(m);
        out.push({ x: p.x, y: p.y });
      }
      return out;
    };
    const screen = (el: SVGGraphicsElement, x: number, y: number): { x: number; y: number } => {
      const p = new DOMPoint(x, y).matrixTransform(el.getScreenCTM()!);
      return { x: p.x, y: p.y };
    };
    return slides.map((id) => {
      const svg = document.getElementById(id)!.querySelector<SVGSVGElement>('svg.chart-svg')!;
      const problems: string[] = [];
      const labels = [...svg.querySelectorAll<SVGTextElement>('text.chart-label')];
      const texts = [...svg.querySelectorAll<SVGTextElement>('text')].filter((t) => boxOf(t).right > boxOf(t).left);
      // No two texts of the chart overlap (ticks, legend, annotations, labels).
      for (const [i, a] of texts.entries())
        for (const b of texts.slice(i + 1))
          if (!labels.includes(a) && !labels.includes(b) && overlap(boxOf(a), boxOf(b)))
            problems.push(`"${(a.textContent ?? '').slice(0, 20)}" overlaps "${(b.textContent ?? '').slice(0, 20)}"`);
      for (const label of labels) {
        const name = label.textContent ?? '';
        const series = label.dataset.series!;
        const box = boxOf(label);
        const fontPx = parseFloat(getComputedStyle(label).fontSize) * (svg.getScreenCTM()?.a ?? 1);
        for (const other of texts)
          if (other !== label && overlap(box, boxOf(other)))
            problems.push(`"${name}" overlaps "${(other.textContent ?? '').slice(0, 20)}"`);
        const line = svg.querySelector<SVGPathElement>(`path.chart-line[data-series="${series}"]`);
        if (!line) {
          problems.push(`"${name}" names no line (${series})`);
          continue;
        }
        const lineColour = getComputedStyle(line).stroke;
        if (getComputedStyle(label).fill !== lineColour)
          problems.push(`"${name}" is ${getComputedStyle(label).fill}, its line ${lineColour}`);
        // Within reach: its nearest line of the same series (a projection counts) no further than
        // one label height; else a leader in the series' colour from near the line to the label.
        const lines = [...svg.querySelectorAll<SVGPathElement>(`path.chart-line[data-series="${series}"]`)];
        const points = svg.querySelectorAll<SVGGraphicsElement>(`path.chart-point[data-series="${series}"]`);
        const near = Math.min(
          ...lines.flatMap(samples).map((p) => distance(p, box)),
          ...[...points].map((p) => {
            const r = p.getBoundingClientRect();
            return distance({ x: (r.left + r.right) / 2, y: (r.top + r.bottom) / 2 }, box);
          }),
        );
        if (near <= fontPx * 1.2) continue;
        const leader = svg.querySelector<SVGLineElement>(`line.chart-leader[data-series="${series}"]`);
        if (!leader) {
          problems.push(`"${name}" is ${near.toFixed(0)} px from its line (label ${fontPx.toFixed(0)} px), no leader`);
          continue;
        }
        const a = screen(leader, leader.x1.baseVal.value, leader.y1.baseVal.value);
        const b = screen(leader, leader.x2.baseVal.value, leader.y2.baseVal.value);
        const fromLine = Math.min(...lines.flatMap(samples).map((p) => Math.hypot(p.x - a.x, p.y - a.y)));
        if (fromLine > fontPx * 0.6)
          problems.push(`"${name}": its leader starts ${fromLine.toFixed(0)} px off its line`);
        if (distance(b, box) > fontPx * 0.6)
          problems.push(`"${name}": its leader ends ${distance(b, box).toFixed(0)} px off it`);
        if (getComputedStyle(leader).stroke !== lineColour) problems.push(`"${name}": its leader is not its colour`);
      }
      return { chart: id, problems, labels: labels.length };
    });
  }, slides);
}

/** The slides with a line chart: those whose chart draws direct labels. */
const lineChartSlides = (page: Page): Promise<string[]> =>
  page.evaluate(() =>
    [...document.querySelectorAll('.reveal .slides section[id]')]
      // The kind is in the built page; the chart-kind-* class only once the charts script has drawn it.
      .filter((s) => s.querySelector('figure[data-chart]:not([data-chart-kind="cities"])'))
      .map((s) => s.id),
  );

for (const viewport of [
  { width: 1920, height: 1080 },
  { width: 1024, height: 768 },
]) {
  test(`chart labels at ${viewport.width}×${viewport.height}: apart, in their series' colour, at their line or joined by a leader`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await openDeck(page, `${FILE_URL}?present`);
    const slides = await lineChartSlides(page);
    expect(slides.length).toBeGreaterThanOrEqual(4);
    const reports: LabelReport[] = [];
    for (const id of slides) {
      await page.evaluate((id) => {
        const deck = window.deck!;
        const { h, v } = deck.getIndices(document.getElementById(id)!);
        deck.slide(h, v ?? 0);
      }, id);
      await expect(page.locator(`#${id} figure[data-chart]`)).toHaveAttribute('data-chart-state', 'final', {
        timeout: 15_000,
      });
      reports.push(...(await checkLabels(page, [id])));
    }
    for (const r of reports) expect(r.labels, r.chart).toBeGreaterThan(0);
    expect(reports.flatMap((r) => r.problems.map((p) => `#${r.chart}: ${p}`))).toEqual([]);
  });
}

test('chart labels in print and PDF: apart, in their series colour, at their line or joined by a leader', async ({
  page,
}) => {
  await openDeck(page, `${FILE_URL}?print-pdf`);
  const slides = await lineChartSlides(page);
  for (const id of slides)
    await expect(page.locator(`#${id} figure[data-chart]`)).toHaveAttribute('data-chart-state', 'final');
  const reports = await checkLabels(page, slides);
  expect(reports.flatMap((r) => r.problems.map((p) => `#${r.chart}: ${p}`))).toEqual([]);
});
