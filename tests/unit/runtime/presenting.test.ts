import { describe, expect, it } from 'vitest';
import { presentingFromUrl, presentingNow } from '../../../src/runtime/presenting.ts';
import { clickToAdvance } from '../../../src/runtime/presenter-plugin.ts';

const none = { fullscreen: false, speaker: false, url: false, override: null };

describe('presentingNow()', () => {
  it('is browse mode on a desk: not full screen, no speaker view, no ?present', () => {
    expect(presentingNow(none)).toBe(false);
  });

  it('turns on by itself with full screen, a speaker view or ?present', () => {
    expect(presentingNow({ ...none, fullscreen: true })).toBe(true);
    expect(presentingNow({ ...none, speaker: true })).toBe(true);
    expect(presentingNow({ ...none, url: true })).toBe(true);
  });

  it('follows the presenter key either way', () => {
    expect(presentingNow({ ...none, fullscreen: true, override: false })).toBe(false);
    expect(presentingNow({ ...none, override: true })).toBe(true);
  });
});

describe('presentingFromUrl()', () => {
  it('reads ?present', () => {
    expect(presentingFromUrl('?present')).toBe(true);
    expect(presentingFromUrl('?view=slides&present=1')).toBe(true);
    expect(presentingFromUrl('?present=0')).toBe(false);
    expect(presentingFromUrl('')).toBe(false);
  });
});

describe('clickToAdvance()', () => {
  it('takes the deck setting unless the address says otherwise', () => {
    expect(clickToAdvance(false, '')).toBe(false);
    expect(clickToAdvance(true, '')).toBe(true);
    expect(clickToAdvance(false, '?click=next')).toBe(true);
    expect(clickToAdvance(true, '?click=off')).toBe(false);
  });
});
