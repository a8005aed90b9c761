import { parseMessage, targetOrigin, type SpeakerMessage } from './protocol.ts';

/** How a message arrived: from another window by `postMessage`, or on the BroadcastChannel. */
export type Via = 'window' | 'channel';

export interface Link {
  /** Sends `message` to `peer` (when given and open) and on the channel (when available). */
  send(message: SpeakerMessage, peer?: Window | null): void;
  close(): void;
}

export interface LinkOptions {
  channel: string;
  /** Called for every valid protocol message; `source` is the sending window (postMessage only). */
  onMessage(message: SpeakerMessage, via: Via, source: Window | null): void;
}

/** Opens both transports of the speaker protocol for this window. */
export function openLink({ channel, onMessage }: LinkOptions): Link {
  const onWindowMessage = (event: MessageEvent): void => {
    // From file:// every origin is "null": trust is by source window, never by origin.
    const source = event.source as Window | null;
    if (!source || source === window) return;
    const message = parseMessage(event.data);
    if (message) onMessage(message, 'window', source);
  };
  window.addEventListener('message', onWindowMessage);

  let bc: BroadcastChannel | null = null;
  try {
    if (typeof BroadcastChannel === 'function') {
      bc = new BroadcastChannel(channel);
      bc.onmessage = (event: MessageEvent) => {
        const message = parseMessage(event.data);
        if (message) onMessage(message, 'channel', null);
      };
    }
  } catch {
    // Some browsers refuse channels for opaque (file://) origins: postMessage alone then.
    bc = null;
  }

  const origin = targetOrigin(location);
  return {
    send(message, peer) {
      if (peer && !peer.closed) {
        try {
          peer.postMessage(message, origin);
        } catch {
          // The peer navigated away to another origin: the channel may still reach it.
        }
      }
      try {
        bc?.postMessage(message);
      } catch {
        // A closed channel: nothing to do.
      }
    },
    close() {
      window.removeEventListener('message', onWindowMessage);
      bc?.close();
      bc = null;
    },
  };
}
