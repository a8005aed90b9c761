import type { PartKind } from '../markdown/types.ts';
import { sectionTitle } from './detect.ts';
import { findLists } from './lists.ts';
import { leadClause, shorten, spokenLength, squash, trimEnd } from './text.ts';
import type { Block, Quotation, Structure, Unit } from './types.ts';

/** Longest slide heading, in characters (a room reads it from the back). */
export const MAX_HEADING = 30;
/** Longest bullet, in characters. */
export const MAX_BULLET = 26;
/** Longest part theme (the structure map and the indicator show it). */
const MAX_THEME = 24;
/** Most bullets on a slide. */
export const MAX_BULLETS = 6;

/** What a piece of the notes is: the speech's own text, or something the importer adds. */
export type NoteItem =
  | { kind: 'text'; units: Unit[] }
  /** Input text that is not speech (a web page's footer): kept verbatim, in the provenance role. */
  | { kind: 'source'; units: Unit[] }
  /**
   * What the importer adds, never speech: a stage direction (本页无需宣读) or a note to the speaker
   * and the editor (where the text stops).
   */
  | { kind: 'editor'; role: 'direction' | 'note'; text: string };

/** One drafted slide. */
export interface DraftSlide {
  id: string;
  /** How it was drafted: its layout and what the heading is. */
  role: 'title' | 'agenda' | 'part' | 'section' | 'point' | 'quote' | 'text' | 'closing';
  heading: string;
  /** True when the heading was shortened to fit (the report asks for a better one). */
  shortened: boolean;
  bullets: string[];
  quotation: Quotation | null;
  /** `section="…"` on the slide that starts a section. */
  section: string | null;
  notes: NoteItem[];
  line: number;
}

/** One drafted part (one slide file). */
export interface DraftPart {
  id: string;
  kind: PartKind;
  label: string;
  title: string;
  theme: string;
  /** Characters spoken in the part (speech text only). */
  chars: number;
  slides: DraftSlide[];
}

/** The drafted deck. */
export interface DraftDeck {
  title: string;
  occasion: string;
  date: string;
  parts: DraftPart[];
}

/**
 * Drafts slides from the structure, extractively: one slide per section, enumerated point and
 * attributed quotation (and a slide for what follows a quotation). Headings are the section's own
 * heading or the lead clause of the point; bullets are the point's own 、-lists or its sub-points.
 * Every unit goes into the notes of exactly one slide, in order.
 */
export function draftDeck(structure: Structure, blocks: readonly Block[]): DraftDeck {
  const { units } = structure;
  const titleUnits = units.filter((u) => u.zone === 'title');
  const opening: DraftPart = {
    id: 'opening',
    kind: 'opening',
    label: '开篇',
    title: structure.title || leadClause(units[0]?.text ?? ''),
    theme: structure.frame?.name || structure.occasion,
    chars: 0,
    slides: [],
  };
  const titleSlide: DraftSlide = {
    id: 'title',
    role: 'title',
    heading: structure.title || shorten(leadClause(units[0]?.text ?? ''), MAX_HEADING),
    shortened: !structure.title,
    bullets: titleUnits.filter((u) => u.text !== structure.title).map((u) => trimEnd(u.text)),
    quotation: null,
    section: null,
    notes: [],
    line: titleUnits[0]?.line ?? 1,
  };
  const titleText = titleUnits.filter((u) => u.text === structure.title);
  if (titleText[0]) titleSlide.notes.push({ kind: 'text', units: [titleText[0]] });
  const rest = titleUnits.filter((u) => u !== titleText[0]);
  for (const u of rest) {
    if (u.text === structure.title) titleSlide.notes.push({ kind: 'source', units: [u] });
    else titleSlide.notes.push({ kind: 'text', units: [u] });
  }
  opening.slides.push(titleSlide);
  if (structure.parts.length >= 2) {
    opening.slides.push({
      id: 'agenda',
      role: 'agenda',
      heading: structure.frame ? `讲话结构：${structure.frame.name}` : '讲话结构',
      shortened: false,
      bullets: [],
      quotation: null,
      section: null,
      notes: [
        { kind: 'editor', role: 'direction', text: '本页显示讲话的结构（各部分及其小节），可点击跳转，无需宣读。' },
      ],
      line: titleSlide.line,
    });
  }

  const parts: DraftPart[] = [opening];
  structure.parts.forEach((p, i) => {
    parts.push({
      id: `part-${i + 1}`,
      kind: 'part',
      label: p.label,
      title: p.heading,
      theme: themeOf(p.heading),
      chars: 0,
      slides: [],
    });
  });
  const closing: DraftPart = {
    id: 'closing',
    kind: 'closing',
    label: '结语',
    title: '',
    theme: '',
    chars: 0,
    slides: [],
  };

  const body = units.filter((u) => u.zone !== 'title');
  const noParts = structure.parts.length === 0;
  let current: DraftSlide | null = null;
  let carry: Unit[] = [];
  let afterQuote = false;
  let counter = new Map<string, number>();
  const partOf = (u: Unit): DraftPart =>
    u.zone === 'closing' ? closing : u.zone === 'part' && u.part >= 0 ? parts[u.part + 1]! : opening;
  const start = (part: DraftPart, slide: Omit<DraftSlide, 'id' | 'shortened' | 'notes'>): DraftSlide => {
    const n = (counter.get(part.id) ?? 0) + 1;
    counter.set(part.id, n);
    const heading = fitHeading(slide.heading);
    const made: DraftSlide = {
      ...slide,
      id: part.id === 'closing' && n === 1 ? 'closing' : `${part.id}-${n}`,
      heading: heading.text,
      shortened: heading.shortened,
      notes: carry.length > 0 ? [{ kind: 'text', units: carry }] : [],
    };
    carry = [];
    part.slides.push(made);
    return made;
  };

  for (let i = 0; i < body.length; i++) {
    const u = body[i]!;
    const part = partOf(u);
    if (u.zone === 'trailer') break;
    if (u.salutation) {
      carry.push(u);
      continue;
    }
    const block = blocks[u.block]!;
    const section = u.part >= 0 && u.section >= 0 ? structure.parts[u.part]!.sections[u.section]! : null;
    let slide: DraftSlide | null = null;
    if (u.zone === 'closing' && (current === null || partOf(body[i - 1] ?? u) !== closing)) {
      slide = start(closing, {
        role: 'closing',
        heading: trimEnd(leadClause(u.text)),
        bullets: [],
        quotation: null,
        section: null,
        line: u.line,
      });
    } else if (u.heading === 'part') {
      const p = structure.parts[u.part]!;
      slide = start(part, {
        role: 'part',
        heading: `${p.label} · ${themeOf(p.heading)}`,
        bullets: p.sections.map((s) => shorten(sectionTitle(s), MAX_BULLET)).slice(0, MAX_BULLETS),
        quotation: null,
        section: null,
        line: u.line,
      });
    } else if (u.heading === 'section' && section) {
      slide = start(part, {
        role: 'section',
        heading: sectionTitle(section),
        bullets: [],
        quotation: null,
        section: sectionTitle(section),
        line: u.line,
      });
    } else if (u.quotation && u.quotation.attribution) {
      slide = start(part, {
        role: 'quote',
        heading: u.quotation.lead,
        bullets: [],
        quotation: u.quotation,
        section: null,
        line: u.line,
      });
    } else if (u.marker) {
      const lead =
        block.boldLead > 0 && u.blockStart ? block.text.slice(0, block.boldLead) : pointLead(u.text, u.marker.text);
      slide = start(part, {
        role: 'point',
        heading: trimEnd(lead),
        bullets: [],
        quotation: null,
        section: null,
        line: u.line,
      });
    } else if (
      current === null ||
      afterQuote ||
      partOf(body[i - 1] ?? u) !== part ||
      (noParts && u.blockStart) ||
      (u.blockStart && block.boldLead > 0)
    ) {
      const lead = u.blockStart && block.boldLead > 0 ? block.text.slice(0, block.boldLead) : pointLead(u.text);
      slide = start(part, {
        role: 'text',
        heading: trimEnd(lead),
        bullets: [],
        quotation: null,
        section: null,
        line: u.line,
      });
    }
    if (slide) current = slide;
    afterQuote = !!(u.quotation && u.quotation.attribution);
    const notes = current!.notes;
    const lastItem = notes.at(-1);
    if (lastItem?.kind === 'text') lastItem.units.push(u);
    else notes.push({ kind: 'text', units: [u] });
    part.chars += spokenLength(u.text);
  }
  // A salutation with nothing after it stays on the title slide.
  if (carry.length > 0) titleSlide.notes.push({ kind: 'text', units: carry });

  if (closing.slides.length > 0) {
    closing.title = closing.slides[0]!.heading;
    closing.theme = closing.title;
    parts.push(closing);
  }
  const lastSlide = parts.at(-1)!.slides.at(-1)!;
  const truncated = [...body].reverse().find((u) => u.zone === 'part' || u.zone === 'opening');
  if (truncated && structure.findings.some((f) => f.message.startsWith(`讲稿在第 ${truncated.line} 行中断`))) {
    const holder = parts
      .flatMap((p) => p.slides)
      .find((s) => s.notes.some((n) => n.kind === 'text' && n.units.includes(truncated)));
    holder?.notes.push({ kind: 'editor', role: 'note', text: '讲稿原文至此中断，后文缺失。' });
  }
  const trailer = units.filter((u) => u.zone === 'trailer');
  if (trailer.length > 0) lastSlide.notes.push({ kind: 'source', units: trailer });
  for (const p of parts) for (const s of p.slides) fillBullets(s, structure);
  counter = new Map();
  return { title: structure.title || titleSlide.heading, occasion: structure.occasion, date: structure.date, parts };
}

/** The part's theme: what follows 就是要 / 就是 in its heading, else the heading. */
function themeOf(heading: string): string {
  const m = /(?:就是要|就是|即)[，,]?(.{4,})$/u.exec(heading);
  const theme = trimEnd(m ? m[1]! : heading);
  return [...theme].length > MAX_THEME ? trimEnd(leadClause(theme)) : theme;
}

/**
 * A slide's heading from a sentence: its lead clause, or the lead clause and the next one when the
 * lead is only the marker or a connective (一方面，… 因此，…).
 */
function pointLead(text: string, marker = ''): string {
  const lead = leadClause(text);
  if (squash(lead).length > Math.max(squash(marker).length + 1, 3)) return lead;
  const rest = text.slice(text.indexOf(lead) + lead.length).replace(/^[，,：:\s]+/, '');
  return `${text.slice(0, text.indexOf(rest))}${leadClause(rest)}`;
}

function fitHeading(text: string): { text: string; shortened: boolean } {
  const clean = text.trim();
  if ([...clean].length <= MAX_HEADING) return { text: clean, shortened: false };
  const lead = trimEnd(leadClause(clean));
  if (lead !== clean && [...lead].length <= MAX_HEADING && [...lead].length >= 4)
    return { text: lead, shortened: true };
  return { text: shorten(clean, MAX_HEADING), shortened: true };
}

/**
 * Bullets from the slide's own text: a section lists the lead clauses of its points; any other
 * slide its 、-lists (one list: its items; several: each list as written).
 */
function fillBullets(slide: DraftSlide, structure: Structure): void {
  if (slide.role === 'title' || slide.role === 'agenda' || slide.role === 'part' || slide.role === 'quote') return;
  const units = slide.notes.flatMap((n) => (n.kind === 'text' ? n.units : []));
  if (slide.role === 'section') {
    const section = units[0];
    const points = section
      ? structure.units.filter((u) => u.marker && u.part === section.part && u.section === section.section)
      : [];
    if (points.length >= 2) {
      slide.bullets = points
        .map((u) => shorten(trimEnd(pointLead(u.text, u.marker!.text)), MAX_BULLET))
        .slice(0, MAX_BULLETS);
      return;
    }
  }
  const text = units.map((u) => u.text).join('');
  const lists = findLists(text).filter((l) => l.items.length >= 2);
  if (lists.length === 1) {
    slide.bullets = lists[0]!.items.slice(0, MAX_BULLETS);
  } else if (lists.length > 1) {
    slide.bullets = lists
      .map((l) => l.span)
      .filter((s) => [...s].length <= MAX_BULLET)
      .slice(0, MAX_BULLETS);
  }
  if (slide.bullets.length === 1) slide.bullets = [];
  // A bullet that only repeats the heading says nothing.
  slide.bullets = slide.bullets.filter((b) => !slide.heading.includes(b) || [...b].length < 3);
}
