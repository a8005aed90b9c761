import { describe, expect, it } from 'vitest';
import { featureUrls } from '../../../src/runtime/features.ts';
import { withFeatureScripts } from '../../../src/vite/lazy.ts';

describe('withFeatureScripts()', () => {
  const built =
    '<head><script src="./assets/prepaint-1.js"></script>\n<script defer src="./assets/index-2.js"></script>';

  it('names each feature script on the deck script, where the page finds it', () => {
    const html = withFeatureScripts(built, [{ name: 'charts', fileName: 'assets/charts-3.js', code: '' }]);
    expect(html).toContain('<script defer src="./assets/index-2.js" data-lazy="charts=./assets/charts-3.js"></script>');
    expect(html).toContain('<script src="./assets/prepaint-1.js"></script>');
  });

  it('leaves the page alone when there is no feature script', () => {
    expect(withFeatureScripts(built, [])).toBe(built);
  });
});

describe('featureUrls()', () => {
  it('reads the attribute the build wrote', () => {
    expect(featureUrls('charts=./assets/charts-3.js')).toEqual({ charts: './assets/charts-3.js' });
  });

  it('ignores names it does not know and a missing attribute', () => {
    expect(featureUrls('toString=./x.js =./y.js charts')).toEqual({});
    expect(featureUrls(undefined)).toEqual({});
  });
});
