import type { ContentRole, DeckMeta } from '../../markdown/types.ts';
import type { PrintDeck } from '../speech/text.ts';

/**
 * The speaker's script (script.pdf) as a document: for the lectern, every slide in order with the
 * number the deck shows on it, its speech, stage directions and notes to the speaker, editorial
 * summaries marked; never provenance. Pure: no I/O.
 */

/** The roles the script prints, in the order a slide's blocks come. */
export type ScriptRole = Exclude<ContentRole, 'source'>;

/** One block of a slide's notes in the script: its role and its paragraphs as text. */
export interface ScriptBlock {
  role: ScriptRole;
  paragraphs: string[];
}

/** A slide in the script: where the speaker advances to it, and what to say and do there. */
export interface ScriptSlide {
  /** The number the projected deck shows (reveal's `c`: slides counted in order from 1). */
  number: number;
  id: string;
  title: string;
  editorial: boolean;
  blocks: ScriptBlock[];
}

/** A part of the speech, starting on a new page, with its planned minutes. */
export interface ScriptPart {
  id: string;
  label: string;
  title: string;
  minutes: number;
  /** Minutes planned before this part starts (the clock when it should begin). */
  startsAt: number;
  slides: ScriptSlide[];
}

export interface ScriptDocument {
  meta: DeckMeta;
  /** All the parts' planned minutes. */
  minutes: number;
  /** Slides in the deck (the "of n" of the slide numbers). */
  slideCount: number;
  parts: ScriptPart[];
}

const paragraphs = (text: string): string[] =>
  text
    .split('\n')
    .map((p) => p.trim())
    .filter(Boolean);

/** Builds the script from the deck: slides numbered as the deck numbers them, provenance left out. */
export function scriptDocument(deck: PrintDeck): ScriptDocument {
  let number = 0;
  let clock = 0;
  const parts = deck.parts.map((p): ScriptPart => {
    const part: ScriptPart = {
      id: p.id,
      label: p.label,
      title: p.title,
      minutes: p.minutes,
      startsAt: clock,
      slides: p.slides.map((s) => ({
        number: ++number,
        id: s.id,
        title: s.title,
        editorial: s.editorial,
        blocks: s.notes
          .filter((b): b is typeof b & { role: ScriptRole } => b.role !== 'source')
          .map((b) => ({ role: b.role, paragraphs: paragraphs(b.text) }))
          .filter((b) => b.paragraphs.length > 0),
      })),
    };
    clock += p.minutes;
    return part;
  });
  return { meta: deck.meta, minutes: clock, slideCount: number, parts };
}

/** Every character the script prints (the fonts are cut to it). */
export function scriptText(doc: ScriptDocument, extra: string): string {
  return [
    extra,
    doc.meta.title,
    doc.meta.occasion,
    ...doc.parts.flatMap((p) => [
      p.label,
      p.title,
      ...p.slides.flatMap((s) => [s.title, ...s.blocks.flatMap((b) => b.paragraphs)]),
    ]),
  ].join('');
}
