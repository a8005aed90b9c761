import { describe, expect, it } from 'vitest';
import {
  PROTOCOL,
  channelName,
  parseMessage,
  slideIdFromHash,
  speakerUrl,
  targetOrigin,
} from '../../../src/runtime/speaker/protocol.ts';

const state = { slideId: 'qi-trend', h: 1, v: 2, f: -1, stepsLeft: 0, overview: false, blank: 'none' };

describe('parseMessage()', () => {
  it('accepts each kind of protocol message', () => {
    expect(parseMessage({ proto: PROTOCOL, kind: 'hello' })).toEqual({ proto: PROTOCOL, kind: 'hello' });
    expect(parseMessage({ proto: PROTOCOL, kind: 'state', deck: 'd1', state })).toEqual({
      proto: PROTOCOL,
      kind: 'state',
      deck: 'd1',
      state,
    });
    expect(parseMessage({ proto: PROTOCOL, kind: 'bye', deck: 'd1' })?.kind).toBe('bye');
    expect(parseMessage({ proto: PROTOCOL, kind: 'settings', skipEditorial: true })).toEqual({
      proto: PROTOCOL,
      kind: 'settings',
      skipEditorial: true,
    });
    expect(parseMessage({ proto: PROTOCOL, kind: 'settings', skipEditorial: 'yes' })).toBeNull();
    expect(parseMessage({ proto: PROTOCOL, kind: 'find', deck: 'd1' })).toEqual({
      proto: PROTOCOL,
      kind: 'find',
      deck: 'd1',
    });
    expect(parseMessage({ proto: PROTOCOL, kind: 'focus', deck: 'd1' })?.kind).toBe('focus');
    expect(
      parseMessage({ proto: PROTOCOL, kind: 'state', deck: 'd1', state: { ...state, blank: 'white' } }),
    ).not.toBeNull();
    expect(parseMessage({ proto: PROTOCOL, kind: 'command', to: 'd1', id: 'c3', action: 'white' })?.kind).toBe(
      'command',
    );
    expect(parseMessage({ proto: PROTOCOL, kind: 'command', to: 'd1', id: 'c1', action: 'next' })).toEqual({
      proto: PROTOCOL,
      kind: 'command',
      to: 'd1',
      id: 'c1',
      action: 'next',
    });
    expect(
      parseMessage({ proto: PROTOCOL, kind: 'command', to: 'd1', id: 'c2', action: 'goto', slideId: 'qi' }),
    ).toMatchObject({ action: 'goto', slideId: 'qi' });
  });

  it('ignores foreign and malformed messages', () => {
    expect(parseMessage('{"proto":"deck-speaker/1"}')).toBeNull();
    expect(parseMessage({ kind: 'hello' })).toBeNull();
    expect(parseMessage({ proto: 'reveal', kind: 'hello' })).toBeNull();
    expect(parseMessage({ proto: PROTOCOL, kind: 'dance' })).toBeNull();
    expect(parseMessage({ proto: PROTOCOL, kind: 'state', deck: 'd1', state: { ...state, h: '1' } })).toBeNull();
    expect(parseMessage({ proto: PROTOCOL, kind: 'state', deck: 'd1', state: { ...state, f: 0.5 } })).toBeNull();
    expect(parseMessage({ proto: PROTOCOL, kind: 'state', deck: '', state })).toBeNull();
    expect(parseMessage({ proto: PROTOCOL, kind: 'state', deck: 'd1', state: { ...state, blank: 'grey' } })).toBeNull();
    expect(parseMessage({ proto: PROTOCOL, kind: 'focus' })).toBeNull();
    expect(parseMessage({ proto: PROTOCOL, kind: 'command', to: 'd1', id: 'c', action: 'togglePause' })).toBeNull();
    expect(parseMessage({ proto: PROTOCOL, kind: 'command', to: 'd1', id: 'c', action: 'eval' })).toBeNull();
    expect(parseMessage({ proto: PROTOCOL, kind: 'command', to: 'd1', id: 'c', action: 'goto' })).toBeNull();
  });

  it('keeps only known fields', () => {
    const parsed = parseMessage({ proto: PROTOCOL, kind: 'state', deck: 'd', state: { ...state, html: '<b>' } });
    expect(parsed && 'state' in parsed ? Object.keys(parsed.state) : []).not.toContain('html');
  });
});

describe('targetOrigin()', () => {
  it('names a real origin and uses * from file://', () => {
    expect(targetOrigin({ protocol: 'https:', origin: 'https://example.org' })).toBe('https://example.org');
    expect(targetOrigin({ protocol: 'file:', origin: 'null' })).toBe('*');
  });
});

describe('speakerUrl()', () => {
  it('points to speaker.html beside the deck page, keeping only the slide id', () => {
    expect(speakerUrl('http://h/deck/index.html?x=1#/agenda', 'qi-trend')).toBe('http://h/deck/speaker.html#/qi-trend');
    expect(speakerUrl('http://h/deck/#/agenda', null)).toBe('http://h/deck/speaker.html');
    expect(speakerUrl('file:///media/usb/dist/index.html#/title', 'title')).toBe(
      'file:///media/usb/dist/speaker.html#/title',
    );
  });
});

describe('slideIdFromHash()', () => {
  it('reads #/id and #id, rejecting anything that is not an id', () => {
    expect(slideIdFromHash('#/qi-trend')).toBe('qi-trend');
    expect(slideIdFromHash('#agenda')).toBe('agenda');
    expect(slideIdFromHash('')).toBeNull();
    expect(slideIdFromHash('#/<img src=x>')).toBeNull();
    expect(slideIdFromHash('#/%E0%A4%A')).toBeNull();
  });
});

describe('channelName()', () => {
  it('is specific to the deck', () => {
    expect(channelName('A')).not.toBe(channelName('B'));
  });
});
