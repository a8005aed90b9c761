import { stringify } from 'yaml';
import type { DraftDeck, DraftSlide, NoteItem } from './draft.ts';
import type { Unit } from './types.ts';

/** Minutes of a part: its characters at the speaking rate, to a tenth of a minute (at least 0.1). */
export function minutesOf(chars: number, rate: number): number {
  return Math.max(0.1, Math.round((chars / rate) * 10) / 10);
}

/**
 * The slide files of a drafted deck: `slides/00-opening.md`, `slides/01-part-1.md`, …,
 * `slides/99-closing.md`, each with its front matter. The first carries the deck settings; what
 * the source does not give (speaker, organiser, venue) stays empty for the presenter to fill.
 */
export function writeDeck(deck: DraftDeck, rate: number): { path: string; text: string }[] {
  return deck.parts.map((part, i) => {
    const number = part.kind === 'closing' ? '99' : String(i).padStart(2, '0');
    const front: Record<string, unknown> = {
      id: part.id,
      kind: part.kind,
      label: part.label,
      title: part.title || part.label,
      theme: part.theme || part.title || part.label,
      minutes: minutesOf(part.chars, rate),
    };
    if (i === 0) {
      front.deck = {
        title: deck.title,
        occasion: deck.occasion,
        speaker: '',
        organiser: '',
        date: deck.date,
        venue: '',
        showEditorialMarks: true,
      };
    }
    const yaml = stringify(front, { lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' });
    const slides = part.slides.map((s) => writeSlide(s, deck)).join('\n---\n\n');
    return { path: `slides/${number}-${part.id}.md`, text: `---\n${yaml}---\n\n${slides}` };
  });
}

function writeSlide(slide: DraftSlide, deck: DraftDeck): string {
  const attrs = [`#${slide.id}`];
  // A slide with only its heading stands as a statement, centred, rather than a heading over nothing.
  const alone = slide.bullets.length === 0 ? 'statement' : undefined;
  const layout =
    { title: 'title', agenda: 'structure', part: 'statement', quote: 'quote', closing: 'statement' }[
      slide.role as string
    ] ?? alone;
  if (layout) attrs.push(`layout=${layout}`);
  if (slide.section) attrs.push(`section="${slide.section.replace(/"/g, '”')}"`);
  const out: string[] = [`{${attrs.join(' ')}}`, ''];
  out.push(`${slide.role === 'title' ? '#' : '##'} ${escapeInline(slide.heading).replace(/#/g, '\\#')}`, '');
  if (slide.role === 'title') {
    for (const line of slide.bullets) out.push(escapeBlock(line), '');
  } else if (slide.role === 'agenda') {
    out.push('```structure', '```', '');
    for (const part of deck.parts.filter((p) => p.kind === 'part')) {
      out.push(`- [${escapeInline(`${part.label} · ${part.theme}`)}](#${part.slides[0]!.id})`);
    }
    out.push('');
  } else if (slide.quotation) {
    out.push(`> ${escapeInline(slide.quotation.quote)}`, `> —— ${escapeInline(slide.quotation.attribution)}`, '');
  }
  if (slide.role !== 'title' && slide.role !== 'agenda') {
    for (const bullet of slide.bullets) out.push(`- ${escapeInline(bullet)}`);
    if (slide.bullets.length > 0) out.push('');
  }
  out.push('Note:', '');
  for (const item of slide.notes) out.push(writeNote(item), '');
  return out.join('\n');
}

/**
 * One item of the notes. Speech text is written as it stands (one paragraph per input paragraph),
 * in the speech role (plain notes); input text that is not speech goes in a `::: source` block and
 * what the importer adds in a `::: direction` or `::: note` block, so neither is taken for the speech.
 */
function writeNote(item: NoteItem): string {
  if (item.kind === 'editor') return `::: ${item.role}\n${escapeBlock(item.text)}\n:::`;
  const text = paragraphs(item.units)
    .map((p) => escapeBlock(p))
    .join('\n\n');
  return item.kind === 'source' ? `::: source\n${text}\n:::` : text;
}

/** Units joined back into their input paragraphs. */
function paragraphs(units: readonly Unit[]): string[] {
  const out: string[] = [];
  let block = -1;
  for (const u of units) {
    const text = joinLines(u.text);
    if (u.block === block && out.length > 0) out[out.length - 1] += text;
    else out.push(text.trimStart());
    block = u.block;
  }
  return out.map((p) => p.trim());
}

/** A paragraph's own line breaks: dropped between Chinese characters, a space elsewhere. */
function joinLines(text: string): string {
  return text.replace(/\s*\n\s*/g, (m, at: number) => {
    const before = text[at - 1] ?? '';
    const after = text[at + m.length] ?? '';
    return /[\u3000-\u9fff\uff00-\uffef]/.test(before) && /[\u3000-\u9fff\uff00-\uffef]/.test(after) ? '' : ' ';
  });
}

/** Markdown punctuation that would change the text's meaning anywhere in a line. */
const INLINE = /[\\`*_[\]<>{}|~&]/g;

/** Text made literal inside a line of Markdown: every character shows as written. */
export function escapeInline(text: string): string {
  return text.replace(INLINE, (c) => `\\${c}`);
}

/**
 * A paragraph made literal as a Markdown block: besides the inline marks, what would start a
 * heading, list, quote, rule, role block or slide break at the start of the line.
 */
export function escapeBlock(text: string): string {
  const inline = escapeInline(text);
  return inline
    .replace(/^(\s*)([#>+=-])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])(?=\s|$)/, '$1\\$2')
    .replace(/^(\s*):/, '$1\\:')
    .replace(/^(Notes?):(\s*)$/i, '$1\\:$2');
}
