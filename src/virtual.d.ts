declare module 'virtual:deck' {
  /** The running deck's view of the compiled deck (src/markdown/views.ts, `toRuntimeDeck`). */
  export const deck: import('./markdown/views.ts').RuntimeDeck;
  /** Chart data by chart id, validated at build time (added by the charts extension). */
  export const chartData: Record<string, import('./charts/registry.ts').ChartPayload> | undefined;
  /** Toneless pinyin readings of the deck's own characters (src/vite/pinyin.ts), for search. */
  export const pinyin: Record<string, string> | undefined;
}

declare module 'subset-font' {
  /** Subsets a font to the glyphs of `text` (harfbuzz). */
  export default function subsetFont(
    font: Buffer | Uint8Array,
    text: string,
    options?: { targetFormat?: 'woff2' | 'woff' | 'truetype' | 'sfnt'; preserveNameIds?: number[] },
  ): Promise<Buffer>;
}

declare module 'fontverter' {
  /** Converts a font between sfnt (TrueType/OpenType), woff and woff2 (subset-font's own converter). */
  export function convert(
    font: Buffer | Uint8Array,
    toFormat: 'sfnt' | 'truetype' | 'woff' | 'woff2',
    fromFormat?: 'sfnt' | 'truetype' | 'woff' | 'woff2',
  ): Promise<Buffer>;
  const fontverter: { convert: typeof convert };
  export default fontverter;
}
