import { describe, expect, it } from 'vitest';
import { printDocument } from '../../../src/export/print-document.ts';

const policy = (html: string): string => /Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '';

describe('printDocument()', () => {
  it('lets a document with inline fonts load nothing but data: fonts, and run nothing', () => {
    const csp = policy(printDocument('讲话稿', '', '<p>同志们</p>', ['data:font/ttf;base64,AAAA']));
    expect(csp).toBe("default-src 'none'; style-src 'unsafe-inline'; font-src data:");
    expect(policy(printDocument('讲话稿', '', ''))).toBe(csp);
  });

  it('names the exporter’s server for served fonts: as a font source and for the loader’s fetch only', () => {
    const csp = policy(
      printDocument('讲话稿', '', '', [
        'http://127.0.0.1:4173/print-fonts/a.ttf',
        'http://127.0.0.1:4173/print-fonts/b.ttf',
      ]),
    );
    expect(csp).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; font-src http://127.0.0.1:4173; connect-src http://127.0.0.1:4173",
    );
    expect(csp).not.toContain('script-src');
  });
});
