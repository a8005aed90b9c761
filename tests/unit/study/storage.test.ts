import { describe, expect, it } from 'vitest';
import { deckKeyPrefix, parsePosition, safeStore } from '../../../src/runtime/study/storage.ts';

/** An in-memory Storage. */
function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (k) => map.get(k) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (k) => void map.delete(k),
    setItem: (k, v) => void map.set(k, String(v)),
  };
}

const throwing = (): Storage => {
  throw new DOMException('blocked', 'SecurityError');
};

describe('safeStore()', () => {
  it('stores JSON under the prefixed key', () => {
    const storage = memoryStorage();
    const store = safeStore(() => storage, 'deck.x.');
    expect(store.set('pos', { slideId: 'qi' })).toBe(true);
    expect(storage.getItem('deck.x.pos')).toBe('{"slideId":"qi"}');
    expect(store.get('pos')).toEqual({ slideId: 'qi' });
    store.remove('pos');
    expect(store.get('pos')).toBeUndefined();
  });

  it('never throws when reaching storage throws', () => {
    const store = safeStore(throwing, 'p.');
    expect(store.get('pos')).toBeUndefined();
    expect(store.set('pos', 1)).toBe(false);
    expect(() => store.remove('pos')).not.toThrow();
  });

  it('never throws when storage methods throw (quota, blocked)', () => {
    const bad = memoryStorage();
    bad.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    bad.getItem = () => {
      throw new DOMException('blocked', 'SecurityError');
    };
    const store = safeStore(() => bad, 'p.');
    expect(store.set('a', 1)).toBe(false);
    expect(store.get('a')).toBeUndefined();
  });

  it('reads corrupt JSON as nothing stored', () => {
    const storage = memoryStorage();
    storage.setItem('p.pos', '{not json');
    expect(safeStore(() => storage, 'p.').get('pos')).toBeUndefined();
  });
});

describe('deckKeyPrefix()', () => {
  it('differs between decks and folders, and ignores the file name', () => {
    const a = deckKeyPrefix('讲话', '/deck/index.html');
    expect(a).toBe(deckKeyPrefix('讲话', '/deck/'));
    expect(a).not.toBe(deckKeyPrefix('讲话', '/other/index.html'));
    expect(a).not.toBe(deckKeyPrefix('另一讲话', '/deck/'));
    expect(a).toMatch(/^deck\.[0-9a-z]+\.$/);
  });
});

describe('parsePosition()', () => {
  const known = (id: string): boolean => id === 'qi-trend';

  it('accepts a known slide id and normalises the rest', () => {
    expect(parsePosition({ slideId: 'qi-trend', view: 'read', offset: 120.4, at: 5 }, known)).toEqual({
      slideId: 'qi-trend',
      view: 'read',
      offset: 120,
      at: 5,
    });
    expect(parsePosition({ slideId: 'qi-trend', view: 'x', offset: -3 }, known)).toEqual({
      slideId: 'qi-trend',
      view: 'slides',
      offset: 0,
      at: 0,
    });
  });

  it('drops stale ids and junk', () => {
    expect(parsePosition({ slideId: 'gone' }, known)).toBeNull();
    expect(parsePosition('qi-trend', known)).toBeNull();
    expect(parsePosition(null, known)).toBeNull();
    expect(parsePosition({ slideId: 42 }, known)).toBeNull();
  });

  it('ignores an implausible offset or time (1e300) instead of scrolling or dating by it', () => {
    expect(parsePosition({ slideId: 'qi-trend', view: 'read', offset: 1e300, at: 1e300 }, known)).toEqual({
      slideId: 'qi-trend',
      view: 'read',
      offset: 0,
      at: 0,
    });
  });
});
