/**
 * Where a chart's direct labels go: each as near its series' point as it can be without
 * overlapping another, inside the plot. Pure numbers, in the chart's viewBox units.
 */

/** A label that wants its centre line at `y`. */
export interface LabelWish {
  y: number;
}

/**
 * Vertical positions for labels of height `lineHeight` that want to sit at their `y`: overlapping
 * labels are gathered into blocks, each block centred on the mean of its labels' wishes, kept
 * inside `[top, bottom]`, until no two blocks overlap (the labels keep their order). Each label
 * moves as little as the others allow.
 * @returns the labels' centre lines, in the order given
 */
export function dodge(labels: readonly LabelWish[], lineHeight: number, top = -Infinity, bottom = Infinity): number[] {
  const order = labels.map((l, i) => ({ i, y: l.y })).sort((a, b) => a.y - b.y || a.i - b.i);
  interface Block {
    members: number[];
    /** The sum of the members' wishes. */
    wish: number;
    top: number;
  }
  const blocks: Block[] = [];
  const place = (b: Block): void => {
    const h = b.members.length * lineHeight;
    // Lines at first + k·h sit, in the least-squares sense, nearest their wishes when first is
    // the mean wish less half the block's height.
    let first = b.wish / b.members.length - ((b.members.length - 1) * lineHeight) / 2;
    first = Math.min(first, bottom - h + lineHeight / 2);
    first = Math.max(first, top + lineHeight / 2);
    b.top = first;
  };
  for (const { i, y } of order) {
    const block: Block = { members: [i], wish: y, top: y };
    place(block);
    blocks.push(block);
    // Merge with the block above while they overlap.
    while (blocks.length > 1) {
      const b = blocks.at(-1)!;
      const a = blocks.at(-2)!;
      if (a.top + a.members.length * lineHeight <= b.top + 1e-9) break;
      blocks.pop();
      a.wish += b.wish;
      a.members.push(...b.members);
      place(a);
    }
  }
  const out = new Array<number>(labels.length);
  for (const b of blocks) b.members.forEach((m, k) => (out[m] = b.top + k * lineHeight));
  return out;
}
