// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { ownsKey, rovingIndex } from '../../../src/common/keys.ts';

/** A keydown dispatched on `target`, returned as the page's handler would see it. */
function press(target: EventTarget, init: KeyboardEventInit = {}): KeyboardEvent {
  let seen: KeyboardEvent | null = null;
  const listen = (e: Event): void => {
    seen = e as KeyboardEvent;
  };
  document.addEventListener('keydown', listen);
  target.dispatchEvent(new KeyboardEvent('keydown', { key: 'r', bubbles: true, ...init }));
  document.removeEventListener('keydown', listen);
  return seen!;
}

afterEach(() => document.body.replaceChildren());

describe('ownsKey()', () => {
  it('gives the page a key pressed on the page or a button', () => {
    const button = document.body.appendChild(document.createElement('button'));
    expect(ownsKey(press(document.body))).toBe(true);
    expect(ownsKey(press(button))).toBe(true);
  });

  it('leaves keys typed in a field to the field', () => {
    for (const tag of ['input', 'textarea', 'select'] as const) {
      const field = document.body.appendChild(document.createElement(tag));
      expect(ownsKey(press(field)), tag).toBe(false);
    }
    const editable = document.body.appendChild(document.createElement('div'));
    editable.contentEditable = 'true';
    // jsdom does not compute isContentEditable; the browser does.
    Object.defineProperty(editable, 'isContentEditable', { value: true });
    expect(ownsKey(press(editable))).toBe(false);
  });

  it('leaves every key to an open dialog or visible modal UI, and takes them back once it is hidden', () => {
    const dialog = document.body.appendChild(document.createElement('dialog'));
    dialog.setAttribute('open', '');
    expect(ownsKey(press(document.body))).toBe(false);
    dialog.removeAttribute('open');
    const panel = document.body.appendChild(document.createElement('div'));
    panel.dataset.deckModal = '';
    expect(ownsKey(press(document.body))).toBe(false);
    panel.hidden = true;
    expect(ownsKey(press(document.body))).toBe(true);
  });

  it('accepts modifier keys as the caller says', () => {
    const ctrl = press(document.body, { ctrlKey: true });
    const meta = press(document.body, { metaKey: true });
    const alt = press(document.body, { altKey: true });
    expect([ownsKey(ctrl), ownsKey(meta), ownsKey(alt)]).toEqual([true, true, true]);
    expect([ownsKey(ctrl, 'none'), ownsKey(meta, 'none'), ownsKey(alt, 'none')]).toEqual([false, false, false]);
    expect([ownsKey(ctrl, 'ctrl'), ownsKey(meta, 'ctrl'), ownsKey(alt, 'ctrl')]).toEqual([true, true, false]);
  });
});

describe('rovingIndex()', () => {
  it('moves along its axis, wrapping, and to the ends with Home and End', () => {
    expect(rovingIndex('ArrowRight', 1, 2, 'horizontal')).toBe(0);
    expect(rovingIndex('ArrowLeft', 0, 2, 'horizontal')).toBe(1);
    expect(rovingIndex('ArrowDown', 0, 3, 'vertical')).toBe(1);
    expect(rovingIndex('ArrowUp', 0, 3, 'vertical')).toBe(2);
    expect(rovingIndex('End', 0, 3, 'vertical')).toBe(2);
    expect(rovingIndex('Home', 2, 3, 'horizontal')).toBe(0);
  });

  it('leaves other keys, the other axis and an unfocused group alone', () => {
    expect(rovingIndex('ArrowDown', 0, 2, 'horizontal')).toBeNull();
    expect(rovingIndex('ArrowRight', 0, 3, 'vertical')).toBeNull();
    expect(rovingIndex('Enter', 0, 3, 'vertical')).toBeNull();
    expect(rovingIndex('ArrowDown', -1, 3, 'vertical')).toBeNull();
  });
});
