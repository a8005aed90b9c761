import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { FRAME_HEADERS } from './src/config.ts';
import { deckFromEnv } from './src/deck-folder.ts';
import { deckPlugin, staticSitePlugin } from './src/vite/deck-plugin.ts';
import { fontPlugin } from './src/vite/font-plugin.ts';
import { deckExtensions } from './src/vite/extensions.ts';

/** The deck to build: the project's own (slides/), or the folder `--deck` names (scripts/vite.ts). */
const deck = deckFromEnv(path.dirname(fileURLToPath(import.meta.url)));

export default defineConfig({
  // Relative URLs: dist/ works at any sub-path and from file://.
  base: './',
  publicDir: deck.public,
  // A meta CSP cannot forbid framing; hosts must send these headers (docs/guide.md), and so does
  // `npm run preview`: no other site may frame the deck (clickjacking, reading it through a frame).
  preview: { headers: FRAME_HEADERS },
  plugins: [
    deckPlugin(deckExtensions, deck),
    fontPlugin(deck),
    // The feature scripts (src/runtime/lazy.ts) import virtual:deck too.
    staticSitePlugin(() => [deckPlugin(deckExtensions, deck)]),
  ],
  build: {
    outDir: deck.dist,
    // A deck outside the project builds outside Vite's root, which Vite would otherwise not empty.
    emptyOutDir: true,
    target: ['chrome109', 'firefox115', 'safari16'],
    modulePreload: false,
    assetsInlineLimit: 0,
    cssCodeSplit: false,
    reportCompressedSize: false,
    rollupOptions: {
      // One classic (IIFE) script, so the deck runs when index.html is opened from disk.
      output: { format: 'iife' },
    },
  },
});
