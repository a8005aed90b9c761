import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { t } from '../../../src/common/i18n.ts';
import {
  DECK_KEYS,
  chordLabel,
  deckAction,
  isClickerKey,
  rowKeys,
  type KeyPress,
} from '../../../src/runtime/keymap.ts';
import { SPEAKER_KEYS } from '../../../src/runtime/speaker/keys.ts';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

/** The rows of the first Markdown table after `marker` in a document: [first cell, second cell]. */
function tableAfter(doc: string, marker: string): [string, string][] {
  const at = doc.indexOf(marker);
  expect(at, marker).toBeGreaterThanOrEqual(0);
  const lines = doc.slice(at).split('\n');
  const first = lines.findIndex((l) => l.startsWith('|'));
  const end = lines.findIndex((l, i) => i > first && !l.startsWith('|'));
  return lines
    .slice(first + 2, end)
    .map((line) => line.split('|').map((c) => c.trim()))
    .map((cells) => [cells[1] ?? '', cells[2] ?? ''] as [string, string]);
}

describe('deckAction()', () => {
  it('makes every "next" input one step and every "previous" input one step back', () => {
    for (const key of ['ArrowRight', 'ArrowDown', ' ', 'PageDown', 'n', 'N', 'Enter'])
      expect(deckAction(press(key)), key).toBe('next');
    for (const key of ['ArrowLeft', 'ArrowUp', 'PageUp', 'p']) expect(deckAction(press(key)), key).toBe('prev');
    expect(deckAction(press(' ', { shiftKey: true }))).toBe('prev');
  });

  it('jumps a part only on Shift+→ / Shift+←', () => {
    expect(deckAction(press('ArrowRight', { shiftKey: true }))).toBe('partNext');
    expect(deckAction(press('ArrowLeft', { shiftKey: true }))).toBe('partPrev');
  });

  it('knows PowerPoint habits: B and . black, W and , white', () => {
    expect(deckAction(press('b'))).toBe('black');
    expect(deckAction(press('B', { shiftKey: true }))).toBe('black');
    expect(deckAction(press('.'))).toBe('black');
    expect(deckAction(press('w'))).toBe('white');
    expect(deckAction(press(','))).toBe('white');
  });

  it('leaves browser shortcuts alone and takes Ctrl+K for search', () => {
    expect(deckAction(press('r', { ctrlKey: true }))).toBeNull();
    expect(deckAction(press('ArrowRight', { altKey: true }))).toBeNull();
    expect(deckAction(press('k', { ctrlKey: true }))).toBe('search');
    expect(deckAction(press('k', { metaKey: true }))).toBe('search');
    expect(deckAction(press('k'))).toBeNull();
    expect(deckAction(press('?', { shiftKey: true }))).toBe('help');
    expect(deckAction(press('/'))).toBe('search');
  });

  it('gives no key two actions', () => {
    const seen = new Map<string, string>();
    for (const row of DECK_KEYS)
      for (const chord of row.chords) {
        const id = chordLabel(chord);
        expect(seen.get(id), `${id} is in ${seen.get(id)} and ${row.action}`).toBeUndefined();
        seen.set(id, row.action);
        expect(deckAction(press(chord.key, { shiftKey: Boolean(chord.shift), ctrlKey: Boolean(chord.ctrl) }))).toBe(
          row.action,
        );
      }
  });
});

describe('isClickerKey()', () => {
  it('is PageDown and PageUp only', () => {
    expect(isClickerKey(press('PageDown'))).toBe('next');
    expect(isClickerKey(press('PageUp'))).toBe('prev');
    expect(isClickerKey(press('ArrowRight'))).toBeNull();
    expect(isClickerKey(press('PageDown', { ctrlKey: true }))).toBeNull();
  });
});

describe('rowKeys()', () => {
  it('writes keys the way a presenter reads them', () => {
    expect(rowKeys(DECK_KEYS.find((r) => r.action === 'next')!)).toBe('→、↓、空格、PageDown、N、回车');
    expect(rowKeys(DECK_KEYS.find((r) => r.action === 'partNext')!)).toBe('Shift+→');
    expect(rowKeys(DECK_KEYS.find((r) => r.action === 'search')!)).toBe('/、Ctrl+K');
    expect(rowKeys(DECK_KEYS.find((r) => r.action === 'help')!)).toBe('?');
  });
});

describe('the help, the user guide and the README say the same about every key', () => {
  const guide = readFileSync('docs/guide.md', 'utf8');
  const readme = readFileSync('README.md', 'utf8');

  it('the guide lists the deck keys exactly as the help does, in the same order', () => {
    expect(tableAfter(guide, '### 放映按键')).toEqual(DECK_KEYS.map((row) => [rowKeys(row), t(row.label)]));
  });

  it('the guide lists the speaker window keys exactly as its footer does', () => {
    const rows = tableAfter(guide, '演讲者视图里的按键同样控制幻灯片');
    expect(rows).toEqual(SPEAKER_KEYS.map((row) => [row.label, t(row.what)]));
  });

  it("every key the README's glance names does what the README says", () => {
    const words: Record<string, string> = {
      'next step': 'next',
      'previous step': 'prev',
      'black screen': 'black',
      'white screen': 'white',
      'presenting mode': 'presenting',
      'full screen': 'fullscreen',
      'speaker view': 'speaker',
      'structure map': 'structure',
      'reading view': 'reading',
      search: 'search',
      'all keys': 'help',
    };
    const names: Record<string, string> = {
      '→': 'ArrowRight',
      '↓': 'ArrowDown',
      '←': 'ArrowLeft',
      '↑': 'ArrowUp',
      Space: ' ',
    };
    const glance = readme
      .slice(readme.indexOf('## Keys at a glance'), readme.indexOf('## Deploying'))
      .replace(/\s+/g, ' ');
    const pairs = [...glance.matchAll(/\*\*([^*]+)\*\* ([a-z /]+?)(?= ·| \(|\. |$)/g)];
    expect(pairs.length).toBeGreaterThan(10);
    let checked = 0;
    for (const [, keys, what] of pairs) {
      const action = words[what!.trim()];
      if (!action) continue;
      for (const k of keys!.split(' ')) {
        const key = names[k] ?? (k.length === 1 ? k.toLowerCase() : k);
        expect(deckAction(press(key, { shiftKey: key === '?' })), `${k} → ${what}`).toBe(action);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
    expect(glance).toContain('**Shift+→ Shift+←** next / previous part');
    expect(deckAction(press('ArrowRight', { shiftKey: true }))).toBe('partNext');
  });
});
