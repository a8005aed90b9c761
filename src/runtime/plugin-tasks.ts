import type { RevealPlugin } from 'reveal.js';

/** Resolves in a new task: the browser may paint and handle input before the work that follows. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Each plugin starts in a task of its own, and reveal's own start after the last: reveal waits for
 * a plugin whose `init` returns a promise before it starts the next, so the order is kept. Run in
 * one task, starting the deck held a 4×-slowed phone's main thread for half a second (Lighthouse's
 * total blocking time, and a tap meanwhile waited).
 */
export function inTasksOfTheirOwn(plugins: RevealPlugin[]): RevealPlugin[] {
  return plugins.map((plugin, i) => {
    const init = plugin.init?.bind(plugin);
    const last = i === plugins.length - 1;
    return Object.assign(Object.create(plugin) as RevealPlugin, {
      async init(deck: Parameters<NonNullable<RevealPlugin['init']>>[0]): Promise<void> {
        await nextTask();
        await init?.(deck);
        if (last) await nextTask();
      },
    });
  });
}
