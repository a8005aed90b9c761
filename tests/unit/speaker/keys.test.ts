import { describe, expect, it } from 'vitest';
import { SPEAKER_KEYS, speakerKeyAction, speakerKeysLine, type SpeakerKey } from '../../../src/runtime/speaker/keys.ts';

const press = (key: string, over: Partial<SpeakerKey> = {}) =>
  speakerKeyAction({ key, shiftKey: false, modifier: false, onButton: false, inNotes: false, ...over });

describe('speakerKeyAction()', () => {
  it('maps clicker and keyboard keys to deck commands', () => {
    for (const key of ['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'n']) expect(press(key)).toBe('next');
    for (const key of ['ArrowLeft', 'ArrowUp', 'PageUp', 'p']) expect(press(key)).toBe('prev');
    expect(press(' ', { shiftKey: true })).toBe('prev');
    expect(press('Home')).toBe('first');
    expect(press('End')).toBe('last');
    expect(press('b')).toBe('black');
    expect(press('.')).toBe('black');
    expect(press('w')).toBe('white');
    expect(press(',')).toBe('white');
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

describe('speakerKeysLine()', () => {
  it('writes every key of the table into the footer, each with what it does', () => {
    const line = speakerKeysLine();
    for (const row of SPEAKER_KEYS) expect(line).toContain(row.label);
    expect(line).toContain('下一步');
    expect(line).toContain('白屏');
  });

  it('labels each row with keys that really have its action', () => {
    const named: Record<string, string> = {
      '→': 'ArrowRight',
      '↓': 'ArrowDown',
      '←': 'ArrowLeft',
      '↑': 'ArrowUp',
      空格: ' ',
      '−': '-',
    };
    for (const row of SPEAKER_KEYS) {
      for (const label of row.label.split('、')) {
        const shift = label.startsWith('Shift+');
        const name = label.replace('Shift+', '');
        const key = named[name] ?? (name.length === 1 ? name.toLowerCase() : name);
        expect(press(key, { shiftKey: shift }), label).toBe(row.action);
      }
    }
  });
});
