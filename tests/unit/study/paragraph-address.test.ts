import { describe, expect, it } from 'vitest';
import { RESERVED_ID_PREFIXES } from '../../../src/markdown/ids.ts';
import {
  PARAGRAPH_ID_PREFIX,
  paragraphAddress,
  paragraphElementId,
  paragraphUrl,
  parseParagraphAddress,
} from '../../../src/runtime/study/paragraph-address.ts';

describe('paragraph addresses', () => {
  it('name a slide and a paragraph, and read back', () => {
    expect(paragraphAddress('qi-trend', 2)).toBe('qi-trend/p2');
    expect(parseParagraphAddress('#/qi-trend/p2')).toEqual({ slideId: 'qi-trend', n: 2 });
    expect(parseParagraphAddress('qi-1/p12')).toEqual({ slideId: 'qi-1', n: 12 });
    expect(parseParagraphAddress('#/%E5%90%AF/p1')).toEqual({ slideId: '启', n: 1 });
  });

  it('are not read from a slide, a reveal fragment address or a malformed one', () => {
    for (const bad of ['#/qi-trend', '#/qi-trend/3', '#/qi-trend/p0', '#/qi-trend/p', '#/a/b/p1', '#/%E5/p1', '#/'])
      expect(parseParagraphAddress(bad), bad).toBeNull();
  });

  it('give element ids under a prefix the compiler reserves, unique per slide and number', () => {
    expect(RESERVED_ID_PREFIXES).toContain(PARAGRAPH_ID_PREFIX);
    expect(paragraphElementId('qi-1', 2)).toBe('para-qi-1-2');
    // Slide "a-1" paragraph 2 and slide "a" paragraph 12 stay apart.
    expect(paragraphElementId('a-1', 2)).not.toBe(paragraphElementId('a', 12));
  });

  it('open in the reading view, keeping the page and its other parameters', () => {
    expect(paragraphUrl('http://x/deck/index.html?lang=zh#/qi-world', 'qi-national/p1')).toBe(
      'http://x/deck/index.html?lang=zh&view=read#/qi-national/p1',
    );
    expect(paragraphUrl('file:///d/index.html?view=slides', 'a/p3')).toBe('file:///d/index.html?view=read#/a/p3');
  });
});
