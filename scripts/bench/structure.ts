import { chromium } from 'playwright';
import { serveStatic } from '../../src/export/server.ts';
import { compileDeck } from '../../src/markdown/compile.ts';
import { boxesOverlap, layoutStructure } from '../../src/structure/layout.ts';
import { buildOutline, walkOutline } from '../../src/structure/outline.ts';
import { readSlideFiles } from '../../src/vite/deck-plugin.ts';
import { median, type BenchContext, type BenchRow } from './types.ts';

/** Time from pressing M to the overlay drawn with "you are here" focused (ms). */
const OPEN_TARGET = 100;

/**
 * Runs in the page (a string: tsx's helpers do not exist there): opens and closes the overlay
 * seven times with M, timing the synchronous work (layout, SVG, focus); then measures, with the
 * deck font, how many labels spill out of their boxes in the agenda and the overlay.
 */
const MEASURE = `(async () => {
  await document.fonts.ready;
  const times = [];
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'm', keyCode: 77, bubbles: true }));
    times.push(performance.now() - t0);
    document.querySelector('dialog.structure-dialog').close();
    await new Promise((r) => requestAnimationFrame(r));
  }
  document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'm', keyCode: 77, bubbles: true }));
  let spill = 0;
  let nodes = 0;
  for (const g of document.querySelectorAll('#agenda g.structure-node, dialog g.structure-node')) {
    nodes++;
    const b = g.querySelector('rect.node-box').getBBox();
    const t = g.querySelector('text').getBBox();
    if (t.x < b.x - 1 || t.x + t.width > b.x + b.width + 1) spill++;
  }
  return { times, spill, nodes };
})()`;

/** Structure map: layout cost, overlaps, overlay opening time and label fit in the real font. */
export async function benchStructure(ctx: BenchContext): Promise<BenchRow[]> {
  const outline = buildOutline(compileDeck(readSlideFiles(ctx.deck)));
  const sections = new Set(
    walkOutline(outline)
      .filter((n) => n.kind === 'section')
      .map((n) => n.key),
  );
  const layoutTimes: number[] = [];
  let overlaps = 0;
  let drawn = 0;
  for (let i = 0; i < 20; i++) {
    for (const [width, fontSize] of [
      [984, 16],
      [366, 15],
    ] as const) {
      const t0 = performance.now();
      const layout = layoutStructure(outline, { width, fontSize, expanded: sections });
      layoutTimes.push(performance.now() - t0);
      if (i > 0) continue;
      drawn += layout.nodes.length;
      for (let a = 0; a < layout.nodes.length; a++)
        for (let b = a + 1; b < layout.nodes.length; b++)
          if (boxesOverlap(layout.nodes[a]!, layout.nodes[b]!)) overlaps++;
    }
  }

  const server = await serveStatic(ctx.dist, { basePath: '/deck/' });
  const browser = await chromium.launch({ executablePath: ctx.executablePath, args: ctx.args });
  try {
    const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
    await page.goto(`${server.url}?view=slides#/agenda`);
    await page.waitForFunction(() => document.documentElement.classList.contains('deck-ready'));
    const m = (await page.evaluate(MEASURE)) as { times: number[]; spill: number; nodes: number };
    const open = median(m.times);
    return [
      {
        area: 'structure',
        metric: 'layout, every subsection open (1024 and phone widths, median)',
        value: `${median(layoutTimes).toFixed(2)} ms`,
        target: '',
        ok: null,
      },
      {
        area: 'structure',
        metric: `overlapping label boxes (${drawn} boxes at 1024×768 and 390×844)`,
        value: String(overlaps),
        target: '0',
        ok: overlaps === 0,
      },
      {
        area: 'structure',
        metric: 'M → overlay drawn and focused (median of 7, 1024×768)',
        value: `${open.toFixed(1)} ms`,
        target: `≤ ${OPEN_TARGET} ms`,
        ok: open <= OPEN_TARGET,
      },
      {
        area: 'structure',
        metric: `labels spilling out of their box in the deck font (${m.nodes} nodes)`,
        value: String(m.spill),
        target: '0',
        ok: m.spill === 0,
      },
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}
