import { benchCharts } from './charts.ts';
import { benchDeck } from './deck.ts';
import { benchDev } from './dev.ts';
import { benchImport } from './import.ts';
import { benchPdf } from './pdf.ts';
import { benchPhone } from './phone.ts';
import { benchPptx } from './pptx.ts';
import { benchStructure } from './structure.ts';
import type { BenchSection } from './types.ts';

/** Every bench section, in the order printed. A feature adds its own. */
export const sections: Record<string, BenchSection> = {
  deck: benchDeck,
  phone: benchPhone,
  charts: benchCharts,
  pdf: benchPdf,
  pptx: benchPptx,
  structure: benchStructure,
  dev: benchDev,
  import: benchImport,
};
