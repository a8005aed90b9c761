/**
 * The options `npm run pdf` reads (checked against the docs by tests/unit/docs-commands.test.ts;
 * kept here because the CLI runs when imported).
 */
export const PDF_OPTIONS = {
  deck: { type: 'string' },
  out: { type: 'string' },
  fragments: { type: 'boolean', default: false },
  'handout-layout': { type: 'string', default: 'notes' },
  'into-dist': { type: 'boolean', default: false },
  'no-editorial': { type: 'boolean', default: false },
  port: { type: 'string' },
  dist: { type: 'string' },
  'no-build': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** The options `npm run pptx` reads (as `PDF_OPTIONS`). */
export const PPTX_OPTIONS = {
  deck: { type: 'string' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;
