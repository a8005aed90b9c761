/**
 * Whether the page is reveal's print view (`?print-pdf`, what `npm run pdf` and a browser's
 * print-to-PDF open). The same test reveal.js applies to `location.search` when it starts, so every
 * feature agrees with the layout reveal chose; asked before reveal exists (the head script) too.
 */
export function isPrintView(search: string): boolean {
  return /print-pdf/i.test(search);
}

/**
 * The event that asks the print view's charts to be drawn for the size they print at (detail: the
 * scale a document prints the slides at, printed px per slide px; null for the slides' own size).
 * `npm run pdf` dispatches it before it takes the slides for the handout (src/export/print-charts.ts);
 * the charts plugin redraws every chart at once (src/runtime/charts/plugin.ts).
 */
export const PRINT_SCALE_EVENT = 'deck:print-scale';
