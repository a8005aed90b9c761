import { describe, expect, it } from 'vitest';
import { opensInReadingView, opensOnFirstSlide, revealScale } from '../../../src/runtime/prepaint.ts';
import { toSpeakerPage, withDeckAfterFirstPaint, withFirstPaint } from '../../../src/vite/deck-plugin.ts';

describe('opensOnFirstSlide()', () => {
  it('is true for a bare address on a screen that opens in slides', () => {
    expect(opensOnFirstSlide({ hash: '', search: '' }, false)).toBe(true);
    expect(opensOnFirstSlide({ hash: '#/', search: '' }, false)).toBe(true);
    expect(opensOnFirstSlide({ hash: '', search: '?view=slides' }, true)).toBe(true);
  });

  it('is false when the address names a slide, when printing, or in the reading view', () => {
    expect(opensOnFirstSlide({ hash: '#/qi-trend', search: '' }, false)).toBe(false);
    expect(opensOnFirstSlide({ hash: '#/2/1', search: '' }, false)).toBe(false);
    expect(opensOnFirstSlide({ hash: '', search: '?print-pdf' }, false)).toBe(false);
    expect(opensOnFirstSlide({ hash: '', search: '?view=read' }, false)).toBe(false);
    expect(opensOnFirstSlide({ hash: '', search: '' }, true)).toBe(false);
  });
});

describe('opensInReadingView()', () => {
  it('is true for a bare address on an upright phone or with ?view=read', () => {
    expect(opensInReadingView({ hash: '', search: '' }, true)).toBe(true);
    expect(opensInReadingView({ hash: '#/', search: '?view=read' }, false)).toBe(true);
  });

  it('is false on a screen that opens in slides, with a slide or paragraph address, and in print', () => {
    expect(opensInReadingView({ hash: '', search: '' }, false)).toBe(false);
    expect(opensInReadingView({ hash: '', search: '?view=slides' }, true)).toBe(false);
    expect(opensInReadingView({ hash: '#/qi-trend', search: '?view=read' }, true)).toBe(false);
    expect(opensInReadingView({ hash: '#/qi-trend/p2', search: '' }, true)).toBe(false);
    expect(opensInReadingView({ hash: '', search: '?view=read&print-pdf' }, true)).toBe(false);
  });
});

describe('revealScale()', () => {
  it("matches reveal's layout: 4% margin, the tighter side, rounded to 0.01", () => {
    expect(revealScale(1920, 1080)).toBe(1.15);
    expect(revealScale(1024, 768)).toBe(0.61);
    expect(revealScale(1280, 720)).toBe(0.77);
    expect(revealScale(1600, 1200)).toBe(0.96);
  });

  it('keeps within reveal’s minScale and maxScale', () => {
    expect(revealScale(100, 100)).toBe(0.2);
    expect(revealScale(8000, 5000)).toBe(2);
  });
});

describe('withFirstPaint()', () => {
  const built = [
    '<head>',
    '    <title>t</title>',
    '    <script defer src="./assets/index-abc.js"></script>',
    '    <link rel="stylesheet" href="./assets/style-x.css">',
    '  </head>',
  ].join('\n');

  it('puts the head script before the deck bundle, with the fonts to preload', () => {
    const html = withFirstPaint(built, 'assets/prepaint-1.js', ['assets/a.woff2', 'assets/b.woff2']);
    const head = html.indexOf('prepaint-1.js');
    expect(head).toBeGreaterThan(0);
    expect(head).toBeLessThan(html.indexOf('index-abc.js'));
    expect(html).toContain('data-preload="./assets/a.woff2 ./assets/b.woff2"');
    // A classic, blocking script: no defer, no module, no crossorigin (file://).
    expect(html).toMatch(/<script src="\.\/assets\/prepaint-1\.js" data-preload="[^"]*"><\/script>/);
  });

  it('is left out of the speaker view', () => {
    const html = toSpeakerPage(withFirstPaint(built, 'assets/prepaint-1.js', ['assets/a.woff2']));
    expect(html).not.toContain('prepaint');
    expect(html).toContain('index-abc.js');
  });
});

describe('withDeckAfterFirstPaint()', () => {
  const built = [
    '<head>',
    '    <script src="./assets/prepaint-1.js" data-preload="./assets/a.woff2"></script>',
    '    <script defer src="./assets/index-abc.js" data-lazy="charts=./assets/charts-2.js"></script>',
    '    <link rel="stylesheet" href="./assets/style-x.css">',
    '  </head>',
  ].join('\n');

  it('names the deck script and the feature scripts on the head script instead of fetching them with the page', () => {
    const html = withDeckAfterFirstPaint(built);
    expect(html).not.toContain('<script defer');
    expect(html).toContain(
      '<script src="./assets/prepaint-1.js" data-preload="./assets/a.woff2" data-deck="./assets/index-abc.js" data-lazy="charts=./assets/charts-2.js"></script>',
    );
    expect(html).toContain('<link rel="stylesheet" href="./assets/style-x.css">');
  });

  it('leaves a page without a deck script or a head script as it is', () => {
    const bare = '<head><title>t</title></head>';
    expect(withDeckAfterFirstPaint(bare)).toBe(bare);
    const noHead = built.replace(/\s*<script src="[^"]*prepaint[^\n]*/, '');
    expect(withDeckAfterFirstPaint(noHead)).toBe(noHead);
  });
});
