import { describe, expect, it } from 'vitest';
import { firstView } from '../../../src/runtime/study/first-view.ts';

describe('firstView()', () => {
  it('opens an upright phone in the reading view and anything else in slides', () => {
    expect(firstView({ search: '', phonePortrait: true })).toBe('read');
    expect(firstView({ search: '', phonePortrait: false })).toBe('slides');
  });

  it('lets the URL decide over the device', () => {
    expect(firstView({ search: '?view=slides', phonePortrait: true })).toBe('slides');
    expect(firstView({ search: '?view=read', phonePortrait: false })).toBe('read');
    expect(firstView({ search: '?view=reading', phonePortrait: false })).toBe('read');
  });

  it('ignores unknown values and always prints slides', () => {
    expect(firstView({ search: '?view=<script>', phonePortrait: false })).toBe('slides');
    expect(firstView({ search: '?print-pdf&view=read', phonePortrait: true })).toBe('slides');
  });
});
