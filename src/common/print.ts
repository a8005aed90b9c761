/**
 * Whether the page is reveal's print view (`?print-pdf`, what `npm run pdf` and a browser's
 * print-to-PDF open). The same test reveal.js applies to `location.search` when it starts, so every
 * feature agrees with the layout reveal chose; asked before reveal exists (the head script) too.
 */
export function isPrintView(search: string): boolean {
  return /print-pdf/i.test(search);
}

/**
 * The event that asks the print view's charts to be drawn for the size they print at (its detail:
 * `PrintScaleDetail`). `npm run pdf` dispatches it before it takes the slides for the handout
 * (src/export/print-charts.ts); the charts plugin redraws the charts at once
 * (src/runtime/charts/plugin.ts).
 */
export const PRINT_SCALE_EVENT = 'deck:print-scale';

/** What `PRINT_SCALE_EVENT` carries, and what the charts plugin writes back into it. */
export interface PrintScaleDetail {
  /** The scale a document prints the slides at (printed px per slide px); null: the slides' own size. */
  scale: number | null;
  /** Set by the charts plugin: how many charts it drew again (0: every chart already had that width). */
  redrawn?: number;
}
