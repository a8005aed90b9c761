/**
 * The importer's data model: a speech read from a file becomes blocks (paragraphs with what the
 * format says about them), blocks become units (sentences, each with what the text's conventions
 * say about it), units become slides. Plain data throughout.
 */

/** What the input format itself says a block is (Word styles, Markdown headings). */
export type BlockKind = 'title' | 'heading1' | 'heading2' | 'heading3' | 'paragraph' | 'item';

/** One paragraph of the input, as the format gives it. */
export interface Block {
  kind: BlockKind;
  /** The paragraph's text, whitespace at either end removed. Never empty. */
  text: string;
  /** Where it starts: a line of a text file, or the n-th paragraph of a Word file. */
  line: number;
  /** Length of a bold run the paragraph starts with (Word, Markdown), 0 when none. */
  boldLead: number;
}

/** The input, read and decoded by the shell (src/import/read.ts). */
export interface ImportInput {
  /** The file name as given, for messages and the report. */
  file: string;
  /** How the input was read, e.g. `UTF-8 文本`, `GB18030 文本`, `Word (.docx)`. */
  format: string;
  /** Whether `Block.line` counts lines (text, Markdown) or paragraphs (Word). */
  unit: '行' | '段';
  blocks: Block[];
  /** Remarks from reading the file (the converter's warnings, images left out). */
  remarks: string[];
}

/** An enumeration marker at the start of a unit: 一是, 二要, 首先, 1., （1）, ①, 一方面. */
export interface Marker {
  /** The series the marker belongs to, e.g. `是`, `要`, `首先`, `1.`, `方面`. */
  series: string;
  /** Its position in the series, 1-based. */
  n: number;
  /** The marker's text as written, e.g. `一是`, `1.`. */
  text: string;
}

/** A quotation with the attribution the text gives it. */
export interface Quotation {
  /** The quoted words, without the quotation marks. */
  quote: string;
  /** Who the text says spoke, e.g. `习近平总书记`, `马克思`; empty when the text names no one. */
  attribution: string;
  /** The clause that introduces the quotation, e.g. `马克思指出`. */
  lead: string;
}

/** Where a unit stands in the speech. */
export type Zone = 'title' | 'opening' | 'part' | 'closing' | 'trailer';

/** One sentence (or a clause ended by ；) of the input. Concatenated, units give back the input. */
export interface Unit {
  text: string;
  line: number;
  /** Index of the block it comes from. */
  block: number;
  zone: Zone;
  /** Index into `Structure.parts` (zone `part`), else -1. */
  part: number;
  /** Index of the section within its part, -1 before the part's first section. */
  section: number;
  /** This unit is (the start of) a part heading, a section heading, or neither. */
  heading: 'part' | 'section' | null;
  /** The enumeration point this unit starts, when it starts one. */
  marker: Marker | null;
  /** A quotation with its attribution, when the unit holds one introduced by 指出/强调/说/要求…. */
  quotation: Quotation | null;
  /** The salutation (同志们：). */
  salutation: boolean;
  /** The first unit of its block. */
  blockStart: boolean;
}

/** A speech's own frame (e.g. 起承转合) and the label of each part it names. */
export interface Frame {
  /** The frame as the text names it, e.g. `起承转合`. */
  name: string;
  /** Labels in order, e.g. `['起', '承', '转', '合']`. */
  labels: string[];
  /** Line where the text names the frame. */
  line: number;
}

/** A part of the speech (一、二、… or Word's Heading 1). */
export interface DetectedPart {
  /** Its number as written (一 → 1), or null when the heading has none. */
  number: number | null;
  /** The heading without its number, e.g. `提升城市治理现代化水平的“起”，就是要…`. */
  heading: string;
  line: number;
  /** The part's label: the frame's term (起) or 第一部分. */
  label: string;
  /** Headings of its sections, without their numbers. */
  sections: DetectedSection[];
}

/** A section ((一)（二）… or Word's Heading 2). */
export interface DetectedSection {
  number: number | null;
  /** The section's own heading: `(一)` and what follows up to its first full stop. */
  heading: string;
  /** The marker as written, e.g. `(一)`, or '' for a Word heading without one. */
  marker: string;
  line: number;
}

/** Something a person should look at after the import. */
export interface Finding {
  line: number;
  message: string;
}

/** What the structure detector found. */
export interface Structure {
  title: string;
  /** Words of the title before 上的讲话 etc.: the occasion (`…推进会`), or ''. */
  occasion: string;
  /** A date line under the title, as written, or ''. */
  date: string;
  frame: Frame | null;
  parts: DetectedPart[];
  /** Labels of the frame that no part carries (e.g. 合 when part 四 is missing). */
  missing: string[];
  units: Unit[];
  /** Unusual things found while reading the structure. */
  findings: Finding[];
}

/** Options of an import. */
export interface ImportOptions {
  /** Speaking rate used for `minutes`, in characters per minute. Default 220. */
  rate?: number;
}

/** A file of the generated deck folder, relative to it. */
export interface OutputFile {
  path: string;
  text: string;
}
