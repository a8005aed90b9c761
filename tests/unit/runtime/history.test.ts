import { describe, expect, it } from 'vitest';
import { hashSlideId, isSequentialStep } from '../../../src/runtime/history.ts';

describe('hashSlideId()', () => {
  it('reads the slide id of an address, with or without a fragment or a paragraph', () => {
    expect(hashSlideId('#/qi-trend')).toBe('qi-trend');
    expect(hashSlideId('#/qi-trend/2')).toBe('qi-trend');
    expect(hashSlideId('#/qi-trend/p3')).toBe('qi-trend');
    expect(hashSlideId('#qi-trend')).toBe('qi-trend');
  });

  it('names no slide for an empty or malformed address', () => {
    expect(hashSlideId('')).toBe('');
    expect(hashSlideId('#/')).toBe('');
    expect(hashSlideId('#/%E0%A4%A')).toBe('');
  });

  it('decodes an encoded id', () => {
    expect(hashSlideId('#/%E8%B5%B7')).toBe('起');
  });
});

describe('isSequentialStep()', () => {
  it('calls the next and the previous slide a step', () => {
    expect(isSequentialStep(4, 5)).toBe(true);
    expect(isSequentialStep(5, 4)).toBe(true);
    expect(isSequentialStep(5, 5)).toBe(true);
  });

  it('calls anything further a jump', () => {
    expect(isSequentialStep(4, 6)).toBe(false);
    expect(isSequentialStep(0, 42)).toBe(false);
  });

  it('calls a move from or to an unknown slide a jump', () => {
    expect(isSequentialStep(-1, 0)).toBe(false);
    expect(isSequentialStep(3, -1)).toBe(false);
  });
});
