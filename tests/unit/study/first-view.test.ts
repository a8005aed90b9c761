import { describe, expect, it } from 'vitest';
import { firstView } from '../../../src/runtime/study/first-view.ts';

describe('firstView()', () => {
  it('opens an upright phone in the reading view and anything else in slides', () => {
    expect(firstView({ search: '', upright: true })).toBe('read');
    expect(firstView({ search: '', upright: false })).toBe('slides');
  });

  it('lets the URL decide over the device', () => {
    expect(firstView({ search: '?view=slides', upright: true })).toBe('slides');
    expect(firstView({ search: '?view=read', upright: false })).toBe('read');
    expect(firstView({ search: '?view=reading', upright: false })).toBe('read');
  });

  it('ignores unknown values and always prints slides', () => {
    expect(firstView({ search: '?view=<script>', upright: false })).toBe('slides');
    expect(firstView({ search: '?print-pdf&view=read', upright: true })).toBe('slides');
  });
});
