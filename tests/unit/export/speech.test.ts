import { describe, expect, it } from 'vitest';
import { compileDeck } from '../../../src/markdown/compile.ts';
import { breakParagraph, GRID, layoutSpeech, NO_END, NO_START } from '../../../src/export/speech/layout.ts';
import { INSERT_LABEL, speechDocument } from '../../../src/export/speech/text.ts';
import { readSlideFiles } from '../../../src/vite/deck-plugin.ts';

const deck = compileDeck(readSlideFiles(process.cwd()));
/** Full-width characters are one em; half-width letters and digits about half. */
const advance = (ch: string): number => (/[\x20-\x7e]/.test(ch) ? 0.55 : 1);
const glyphs = (text: string) => [...text].map((char) => ({ char, face: 'body' as const, cells: advance(char) }));
const text = (line: { char: string }[][]) =>
  line
    .flat()
    .map((g) => g.char)
    .join('');

describe('speechDocument()', () => {
  const doc = speechDocument(deck);

  it('starts with the salutation and keeps headings as their own paragraphs', () => {
    expect(doc.blocks[0]).toMatchObject({ kind: 'salutation', runs: [{ text: '同志们：' }] });
    const headings = doc.blocks.filter((b) => b.kind === 'heading1').map((b) => b.runs[0]!.text.slice(0, 2));
    expect(headings).toEqual(['一、', '二、', '三、']);
    const level2 = doc.blocks.filter((b) => b.runs[0]!.face === 'heading2').map((b) => b.runs[0]!.text.slice(0, 3));
    expect(level2).toEqual(['（一）', '（二）', '（一）', '（二）', '（一）']);
  });

  it('holds every word of the speech notes and nothing of directions, notes or provenance', () => {
    const all = doc.blocks.map((b) => b.runs.map((r) => r.text).join('')).join('');
    for (const s of deck.parts.flatMap((p) => p.slides)) {
      for (const b of s.notes) {
        const probe = b.text.replace(/\s+/g, '').slice(0, 12);
        if (b.role === 'speech' || b.role === 'editorial') expect(all, `${s.id} ${b.role}`).toContain(probe);
        else expect(all, `${s.id} ${b.role}`).not.toContain(probe);
      }
    }
  });

  it('marks editorial summaries as inserts, or leaves them out with editorial: false', () => {
    const inserts = doc.blocks.filter((b) => b.kind === 'insert');
    expect(inserts.length).toBeGreaterThan(0);
    for (const b of inserts) expect(b.runs[0]!.text.startsWith(INSERT_LABEL)).toBe(true);
    expect(speechDocument(deck, { editorial: false }).blocks.some((b) => b.kind === 'insert')).toBe(false);
  });
});

describe('breakParagraph()', () => {
  it('never starts a line with closing punctuation nor ends one with opening punctuation (避头尾)', () => {
    // 26 characters fit the first line (two are the indent); the 27th is a comma.
    const lines = breakParagraph(glyphs(`${'城'.repeat(25)}“市，治理${'城'.repeat(30)}`), 28, 2);
    for (const line of lines.slice(1)) expect(NO_START.has(line[0]![0]!.char)).toBe(false);
    for (const line of lines) expect(NO_END.has(line.at(-1)!.at(-1)!.char)).toBe(false);
    expect(text(lines[0]!)).toBe('城'.repeat(25));
  });

  it('keeps numbers whole and leaves no character alone on the last line', () => {
    const lines = breakParagraph(glyphs(`${'城'.repeat(25)}2024年${'城'.repeat(27)}。`), 28, 2);
    expect(lines.map(text).some((l) => l.includes('2024'))).toBe(true);
    const last = text(lines.at(-1)!).replace(/[。，]/g, '');
    expect([...last].length).toBeGreaterThanOrEqual(2);
  });
});

describe('layoutSpeech()', () => {
  it('sets 22 lines a page and at most 28 characters a line', () => {
    const layout = layoutSpeech(speechDocument(deck), advance);
    expect(layout.pages.length).toBeGreaterThan(3);
    for (const page of layout.pages.slice(0, -1)) expect(page.length).toBe(GRID.lines);
    for (const line of layout.pages.flat()) expect(line.indent + line.cells).toBeLessThanOrEqual(GRID.chars + 1e-6);
    expect(layout.pages[0]![0]).toMatchObject({ kind: 'title', align: 'center' });
  });
});
