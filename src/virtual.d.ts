declare module 'virtual:deck' {
  /** The compiled deck without slide HTML (see src/runtime/deck-data.ts for its type). */
  export const deck: unknown;
  /** Chart data by chart id, validated at build time (added by the charts extension). */
  export const chartData: Record<string, unknown> | undefined;
}

declare module 'subset-font' {
  /** Subsets a font to the glyphs of `text` (harfbuzz). */
  export default function subsetFont(
    font: Buffer | Uint8Array,
    text: string,
    options?: { targetFormat?: 'woff2' | 'woff' | 'truetype' | 'sfnt'; preserveNameIds?: number[] },
  ): Promise<Buffer>;
}
