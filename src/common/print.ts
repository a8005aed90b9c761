/**
 * Whether the page is reveal's print view (`?print-pdf`, what `npm run pdf` and a browser's
 * print-to-PDF open). The same test reveal.js applies to `location.search` when it starts, so every
 * feature agrees with the layout reveal chose; asked before reveal exists (the head script) too.
 */
export function isPrintView(search: string): boolean {
  return /print-pdf/i.test(search);
}
