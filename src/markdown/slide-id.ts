import { pinyin } from 'pinyin-pro';

/** Syllables (or Latin words) of the heading kept in an id: enough to tell slides apart, short enough to read. */
const WORDS = 6;

/**
 * The id of a slide written without `{#id}`: the part's id and the first words of its heading in
 * pinyin without tones (`qi` + 人口向城市聚集 → `qi-ren-kou-xiang-cheng-shi-ju`). It stays the same
 * when slides are inserted, moved or removed around it (a positional id would shift and break
 * saved links and reading positions); it changes only with the heading.
 * @returns the id, or null when the heading has no letters, digits or Chinese characters.
 */
export function headingId(partId: string, heading: string): string | null {
  const syllables = pinyin(heading, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });
  const words = syllables.flatMap((s) => s.toLowerCase().match(/[a-z0-9]+/g) ?? []).slice(0, WORDS);
  return words.length > 0 ? `${partId}-${words.join('-')}` : null;
}
