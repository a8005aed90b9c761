import type { RevealApi, RevealPlugin } from 'reveal.js';
import { describe, expect, it } from 'vitest';
import { inTasksOfTheirOwn, nextTask } from '../../../src/runtime/plugin-tasks.ts';

/** What reveal's initPlugins does: each init in turn, waiting for one that returns a promise. */
async function initLikeReveal(plugins: RevealPlugin[], deck: RevealApi): Promise<void> {
  for (const p of plugins) await p.init?.(deck);
}

describe('inTasksOfTheirOwn', () => {
  it('starts every plugin in a later task, in the listed order, with the deck', async () => {
    const seen: string[] = [];
    const deck = {} as RevealApi;
    const plugin = (id: string): RevealPlugin => ({
      id,
      init(d) {
        expect(d).toBe(deck);
        seen.push(id);
        // A task queued by this plugin runs before the next plugin starts: they are separate tasks.
        setTimeout(() => seen.push(`${id}:task`), 0);
      },
      destroy() {},
    });
    const wrapped = inTasksOfTheirOwn([plugin('a'), plugin('b'), plugin('c')]);
    const started = initLikeReveal(wrapped, deck);
    expect(seen).toEqual([]);
    await started;
    expect(seen.filter((s) => !s.endsWith(':task'))).toEqual(['a', 'b', 'c']);
    await new Promise((r) => setTimeout(r, 5));
    expect(seen).toContain('c:task');
    // Everything else of a plugin stays as it was.
    expect(wrapped.map((p) => p.id)).toEqual(['a', 'b', 'c']);
    expect(typeof wrapped[0]!.destroy).toBe('function');
  });

  it('keeps an init’s promise: the next plugin waits for it', async () => {
    const seen: string[] = [];
    const slow: RevealPlugin = {
      id: 'slow',
      async init() {
        await new Promise((r) => setTimeout(r, 20));
        seen.push('slow');
      },
    };
    const after: RevealPlugin = { id: 'after', init: () => void seen.push('after') };
    await initLikeReveal(inTasksOfTheirOwn([slow, after]), {} as RevealApi);
    expect(seen).toEqual(['slow', 'after']);
  });

  it('nextTask resolves after the current task', async () => {
    let later = false;
    const p = nextTask().then(() => (later = true));
    await Promise.resolve();
    expect(later).toBe(false);
    await p;
    expect(later).toBe(true);
  });
});
