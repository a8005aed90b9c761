import { describe, expect, it } from 'vitest';
import { isPrintView } from '../../../src/common/print.ts';

describe('isPrintView()', () => {
  it('answers as reveal.js does: print-pdf anywhere in the query', () => {
    expect(isPrintView('?print-pdf')).toBe(true);
    expect(isPrintView('?print-pdf&pdfSeparateFragments=true')).toBe(true);
    expect(isPrintView('?view=read&PRINT-PDF')).toBe(true);
  });

  it('is false for the slides, the reading view and an empty query', () => {
    expect(isPrintView('')).toBe(false);
    expect(isPrintView('?view=read')).toBe(false);
    expect(isPrintView('?print')).toBe(false);
  });
});
