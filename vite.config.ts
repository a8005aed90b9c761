import { defineConfig } from 'vite';
import { deckPlugin, staticSitePlugin } from './src/vite/deck-plugin.ts';
import { fontPlugin } from './src/vite/font-plugin.ts';
import { deckExtensions } from './src/vite/extensions.ts';

export default defineConfig({
  // Relative URLs: dist/ works at any sub-path and from file://.
  base: './',
  plugins: [deckPlugin(deckExtensions), fontPlugin(), staticSitePlugin()],
  build: {
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
