import { chartsExtension } from '../charts/extension.ts';
import type { DeckExtension } from '../markdown/types.ts';
import { pinyinExtension } from './pinyin.ts';

/**
 * Build-time features that add to `virtual:deck` (each feature appends its extension here).
 */
export const deckExtensions: DeckExtension[] = [chartsExtension(), pinyinExtension()];
