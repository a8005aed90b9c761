/**
 * A small key-value store over `localStorage` that never throws and never logs: private modes,
 * blocked storage, a full quota or corrupt values all read as "nothing stored". Keys carry a
 * per-deck prefix because every page opened from file:// shares one storage.
 */
export interface SafeStore {
  /** The parsed JSON value under `key`, or undefined when absent, unreadable or corrupt. */
  get(key: string): unknown;
  /** Stores `value` as JSON; returns false when storage refused it. */
  set(key: string, value: unknown): boolean;
  remove(key: string): void;
  /** The full key as stored (prefix + key). */
  fullKey(key: string): string;
}

/**
 * A store whose keys start with `prefix`. `getStorage` is called on each access (reading
 * `window.localStorage` itself throws in some blocked modes).
 */
export function safeStore(getStorage: () => Storage | null | undefined, prefix: string): SafeStore {
  const storage = (): Storage | null => {
    try {
      return getStorage() ?? null;
    } catch {
      return null;
    }
  };
  const fullKey = (key: string): string => prefix + key;
  return {
    fullKey,
    get(key) {
      try {
        const raw = storage()?.getItem(fullKey(key));
        return raw == null ? undefined : (JSON.parse(raw) as unknown);
      } catch {
        return undefined;
      }
    },
    set(key, value) {
      try {
        const s = storage();
        if (!s) return false;
        s.setItem(fullKey(key), JSON.stringify(value));
        return true;
      } catch {
        return false;
      }
    },
    remove(key) {
      try {
        storage()?.removeItem(fullKey(key));
      } catch {
        /* blocked storage: nothing to remove */
      }
    },
  };
}

/** A short stable hash (FNV-1a, 32 bit, base 36) of `text`. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/**
 * The key prefix of one deck: its title and the folder it is served from (file:// pages of
 * different decks share one storage; `index.html` and its folder are the same deck).
 */
export function deckKeyPrefix(title: string, pathname: string): string {
  const folder = pathname.replace(/[^/]*$/u, '');
  return `deck.${shortHash(`${title}|${folder}`)}.`;
}

/** A stored reading position. Untrusted: validate with `parsePosition`. */
export interface StoredPosition {
  slideId: string;
  /** The view the reader was in. */
  view: 'slides' | 'read';
  /** In the reading view: pixels scrolled past the top of the slide. */
  offset: number;
  /** When it was stored (ms since epoch). */
  at: number;
}

/** The furthest the reading view scrolls within one slide (px); beyond is corrupt. */
const MAX_OFFSET = 1_000_000;
/** The latest plausible time (ms since epoch, year 2286): beyond is corrupt. */
const MAX_TIME = 1e13;

/** A valid position from an untrusted stored value, or null. `known` says which ids exist. */
export function parsePosition(value: unknown, known: (id: string) => boolean): StoredPosition | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  if (typeof v.slideId !== 'string' || v.slideId.length > 200 || !known(v.slideId)) return null;
  const view = v.view === 'read' ? 'read' : 'slides';
  const offset =
    typeof v.offset === 'number' && Number.isFinite(v.offset) && v.offset > 0 && v.offset <= MAX_OFFSET
      ? Math.round(v.offset)
      : 0;
  const at = typeof v.at === 'number' && Number.isFinite(v.at) && v.at >= 0 && v.at <= MAX_TIME ? v.at : 0;
  return { slideId: v.slideId, view, offset, at };
}
