import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readBuiltPage, withFontPreloads } from '../../../src/export/built-page.ts';

const dist = mkdtempSync(path.join(os.tmpdir(), 'built-page-'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

describe('readBuiltPage()', () => {
  it('reads the page’s local style sheets and the font files their @font-face rules name', () => {
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(
      path.join(dist, 'index.html'),
      '<!doctype html><html><head><link rel="icon" href="./assets/favicon.svg">' +
        '<link rel="stylesheet" href="./assets/style-1.css"><link href="https://example.org/x.css" rel=stylesheet>' +
        '</head><body></body></html>',
    );
    writeFileSync(
      path.join(dist, 'assets', 'style-1.css'),
      '@font-face{font-family:A;src:url(./a-400.woff2)format("woff2")}' +
        "@font-face{font-family:A;src:url('./a-700.woff2') format('woff2')}.x{background:url(./bg.png)}",
    );
    const page = readBuiltPage(dist);
    expect(page.stylesheets).toEqual(['./assets/style-1.css', 'https://example.org/x.css']);
    expect(page.fonts).toEqual(['./assets/a-400.woff2', './assets/a-700.woff2']);
  });
});

describe('withFontPreloads()', () => {
  it('asks for every font at the end of <head>, as fonts are fetched (crossorigin)', () => {
    const html = withFontPreloads('<html><head><title>t</title></head><body></body></html>', ['./assets/a.woff2']);
    expect(html).toBe(
      '<html><head><title>t</title><link rel="preload" href="./assets/a.woff2" as="font" type="font/woff2" crossorigin></head><body></body></html>',
    );
  });
});
