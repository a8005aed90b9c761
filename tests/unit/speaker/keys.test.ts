import { describe, expect, it } from 'vitest';
import { speakerKeyAction, type SpeakerKey } from '../../../src/runtime/speaker/keys.ts';

const press = (key: string, over: Partial<SpeakerKey> = {}) =>
  speakerKeyAction({ key, shiftKey: false, modifier: false, onButton: false, inNotes: false, ...over });

describe('speakerKeyAction()', () => {
  it('maps clicker and keyboard keys to deck commands', () => {
    for (const key of ['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'n']) expect(press(key)).toBe('next');
    for (const key of ['ArrowLeft', 'ArrowUp', 'PageUp', 'p']) expect(press(key)).toBe('prev');
    expect(press(' ', { shiftKey: true })).toBe('prev');
    expect(press('Home')).toBe('first');
    expect(press('End')).toBe('last');
    expect(press('b')).toBe('togglePause');
    expect(press('.')).toBe('togglePause');
  });

  it('changes the notes size with + and −', () => {
    expect(press('+')).toBe('fontBigger');
    expect(press('=')).toBe('fontBigger');
    expect(press('-')).toBe('fontSmaller');
  });

  it('leaves Space to a focused button, ↑/↓ to the focused notes, and modified keys to the browser', () => {
    expect(press(' ', { onButton: true })).toBeNull();
    expect(press('ArrowDown', { inNotes: true })).toBeNull();
    expect(press('ArrowUp', { inNotes: true })).toBeNull();
    expect(press('PageDown', { inNotes: true })).toBe('next');
    expect(press('ArrowRight', { modifier: true })).toBeNull();
    expect(press('r')).toBeNull();
    expect(press('toString')).toBeNull();
  });
});
