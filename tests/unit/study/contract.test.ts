// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import {
  NOTES_READY_ATTR,
  NOTE_REQUEST,
  notesAvailable,
  requestNote,
  type NoteRequestDetail,
} from '../../../src/runtime/study/contract.ts';

describe('requestNote (the paragraph menu asks the notes plugin)', () => {
  const listeners: EventListener[] = [];
  afterEach(() => {
    for (const l of listeners.splice(0)) document.removeEventListener(NOTE_REQUEST, l);
    document.documentElement.removeAttribute(NOTES_READY_ATTR);
  });
  const listen = (l: (detail: NoteRequestDetail) => void): void => {
    const wrapped: EventListener = (e) => l((e as CustomEvent<NoteRequestDetail>).detail);
    listeners.push(wrapped);
    document.addEventListener(NOTE_REQUEST, wrapped);
  };

  it('is false when nothing takes the request', () => {
    expect(requestNote({ target: document.createElement('p'), action: 'highlight' })).toBe(false);
  });

  it('hands the element, the action and where focus returns to the listener, and is true when taken', () => {
    const seen: NoteRequestDetail[] = [];
    listen((d) => {
      seen.push(d);
      d.taken = true;
    });
    const p = document.createElement('p');
    const back = document.createElement('button');
    expect(requestNote({ target: p, action: 'note', returnFocus: back })).toBe(true);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.target).toBe(p);
    expect(seen[0]!.action).toBe('note');
    expect(seen[0]!.returnFocus).toBe(back);
  });

  it('is false when a listener sees the request but declines it', () => {
    listen(() => undefined);
    expect(requestNote({ target: document.createElement('p'), action: 'highlight' })).toBe(false);
  });

  it('notesAvailable follows the notes plugin’s mark on <html>', () => {
    expect(notesAvailable()).toBe(false);
    document.documentElement.setAttribute(NOTES_READY_ATTR, '');
    expect(notesAvailable()).toBe(true);
  });
});
