import { describe, expect, it } from 'vitest';
import { layoutStructure } from '../../../src/structure/layout.ts';
import { keyAction } from '../../../src/structure/navigate.ts';
import { buildOutline } from '../../../src/structure/outline.ts';
import { fixtureDeck } from './helpers.ts';

describe('keyAction()', () => {
  const outline = buildOutline(fixtureDeck());
  const closed = layoutStructure(outline, { width: 984 });
  const open = layoutStructure(outline, { width: 984, expanded: new Set(['section:cheng/2']) });

  it('moves along the 起承转合 chain with ← and →', () => {
    expect(keyAction(closed, 'part:qi', 'ArrowRight')).toEqual({ type: 'focus', key: 'part:cheng' });
    expect(keyAction(closed, 'part:qi', 'ArrowLeft')).toEqual({ type: 'focus', key: 'part:opening' });
    expect(keyAction(closed, 'part:opening', 'ArrowLeft')).toEqual({ type: 'focus', key: 'speech:' });
    expect(keyAction(closed, 'part:closing', 'ArrowRight')).toBeNull();
  });

  it('moves through visible nodes in tree order with ↑ and ↓', () => {
    expect(keyAction(closed, 'part:qi', 'ArrowDown')).toEqual({ type: 'focus', key: 'qi-intro' });
    expect(keyAction(closed, 'qi-intro', 'ArrowDown')).toEqual({ type: 'focus', key: 'section:qi/1' });
    // A closed subsection's slides are skipped.
    expect(keyAction(closed, 'section:qi/1', 'ArrowDown')).toEqual({ type: 'focus', key: 'section:qi/2' });
    expect(keyAction(closed, 'section:qi/2', 'ArrowUp')).toEqual({ type: 'focus', key: 'section:qi/1' });
    expect(keyAction(closed, 'speech:', 'ArrowUp')).toBeNull();
  });

  it('expands, enters, collapses and leaves a subsection with → and ←', () => {
    expect(keyAction(closed, 'section:cheng/2', 'ArrowRight')).toEqual({ type: 'expand', key: 'section:cheng/2' });
    expect(keyAction(open, 'section:cheng/2', 'ArrowRight')).toEqual({ type: 'focus', key: 'cheng-resilience' });
    expect(keyAction(open, 'section:cheng/2', 'ArrowLeft')).toEqual({ type: 'collapse', key: 'section:cheng/2' });
    expect(keyAction(closed, 'section:cheng/2', 'ArrowLeft')).toEqual({ type: 'focus', key: 'part:cheng' });
    expect(keyAction(open, 'cheng-three', 'ArrowLeft')).toEqual({ type: 'focus', key: 'section:cheng/2' });
    expect(keyAction(open, 'cheng-three', 'ArrowRight')).toBeNull();
  });

  it('jumps to the first and last node with Home and End, and activates with Enter or Space', () => {
    expect(keyAction(open, 'cheng-three', 'Home')).toEqual({ type: 'focus', key: 'speech:' });
    expect(keyAction(open, 'cheng-three', 'End')).toEqual({ type: 'focus', key: 'sources' });
    expect(keyAction(open, 'cheng-three', 'Enter')).toEqual({ type: 'activate', key: 'cheng-three' });
    expect(keyAction(open, 'part:he', ' ')).toEqual({ type: 'activate', key: 'part:he' });
    expect(keyAction(open, 'part:he', 'x')).toBeNull();
  });
});
