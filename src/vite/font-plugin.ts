import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import subsetFont from 'subset-font';
import type { Plugin } from 'vite';
import { deckToHtml } from '../markdown/compile.ts';
import { ROLES } from '../markdown/roles.ts';
import { FONT_FACES, FONT_FAMILY } from '../config.ts';
import { asDeck, deckFolder, type DeckFolder } from '../deck-folder.ts';
import { compileFolder } from './deck-plugin.ts';
import { deckExtensions } from './extensions.ts';

/** A CSS `unicode-range` value for a set of characters, consecutive code points merged. */
export function unicodeRange(chars: string): string {
  const points = [...new Set([...chars].map((c) => c.codePointAt(0)!))].sort((a, b) => a - b);
  const ranges: string[] = [];
  const hex = (n: number): string => n.toString(16).toUpperCase();
  for (let i = 0; i < points.length;) {
    let j = i;
    while (j + 1 < points.length && points[j + 1] === points[j]! + 1) j++;
    ranges.push(i === j ? `U+${hex(points[i]!)}` : `U+${hex(points[i]!)}-${hex(points[j]!)}`);
    i = j + 1;
  }
  return ranges.join(', ');
}
/** Where the subset fonts and their CSS are written (git-ignored, regenerated when text changes). */
export const FONT_OUT = 'assets/fonts/generated';
/** What the runtime imports (src/runtime/main.ts); the plugin resolves it to the dev or the build fonts. */
const FONT_CSS = 'fonts/generated/fonts.css';

/**
 * The dev server's fonts and each deck's build fonts live in folders of their own, so that
 * `npm run build` (or `npm run pdf`, which builds) while `npm run dev` runs never replaces the
 * whole fonts dev serves with a subset, and two decks built at once never mix their subsets.
 */
export function fontDir(deck: DeckFolder, mode: 'dev' | 'build'): string {
  const base = path.join(deck.project, FONT_OUT);
  if (mode === 'dev') return path.join(base, 'dev');
  const own = deck.root === deck.project;
  const name = own ? 'deck' : createHash('sha256').update(deck.root).digest('hex').slice(0, 12);
  return path.join(base, 'build', name);
}

/** Where text that may reach the screen lives: the deck's slides and data labels, the UI strings. */
function textSources(deck: DeckFolder): string[] {
  return [deck.slides, path.join(deck.project, 'src'), deck.data, path.join(deck.project, 'index.html')];
}
/**
 * Code whose text never reaches a page as it is written: the build's own wiring and messages to
 * authors (src/vite), the importer's messages and patterns (src/import), the PowerPoint export's
 * labels and messages (the .pptx names its own fonts; its text is the slides'), the export commands'
 * messages (src/export/command.ts), the 讲话稿 and the speaker's script (src/export/speech, src/export/script: set
 * in their own fonts, cut to their text), and the compiler (src/markdown), whose page text is taken from the compiled deck instead.
 * Their Chinese messages would otherwise grow every font past its budget.
 */
const BUILD_ONLY = [
  'src/vite',
  'src/markdown',
  'src/import',
  'src/export/pptx',
  'src/export/pptx-cli.ts',
  'src/export/command.ts',
  'src/export/speech',
  'src/export/script',
  // Messages to authors and the help, never drawn on a page.
  'src/charts/options.ts',
  'src/charts/validate.ts',
  'src/charts/data/csv.ts',
  'src/charts/data/sidecar.ts',
  'src/charts/data/columns.ts',
];
// .yaml: the data descriptions hold the source lines and labels charts draw.
const TEXT_FILE = /\.(md|ts|csv|ya?ml|html)$/;
// The data folder's own notes (SOURCES.md) are read by people, never by the build.
const DATA_FILE = /\.(csv|ya?ml)$/;

/** The text of the files under `sources` (see textSources and BUILD_ONLY), in a stable order. */
function fileText(deck: DeckFolder, sources: readonly string[]): string {
  const root = deck.project;
  const chunks: string[] = [];
  const skip = new Set(BUILD_ONLY.map((d) => path.join(root, d)));
  const walk = (p: string, pattern: RegExp): void => {
    if (!existsSync(p) || skip.has(p)) return;
    if (statSync(p).isDirectory()) {
      for (const f of readdirSync(p).sort()) walk(path.join(p, f), pattern);
    } else if (pattern.test(p)) {
      chunks.push(readFileSync(p, 'utf8'));
    }
  };
  for (const s of sources) walk(s, s === deck.data ? DATA_FILE : TEXT_FILE);
  return chunks.join('\n');
}

/** Every text that may reach a page, for the glyph subset (see textSources and BUILD_ONLY). */
export function collectText(folder: DeckFolder | string): string {
  const deck = asDeck(folder);
  return fileText(deck, textSources(deck)) + '\n' + compiledText(deck);
}

/**
 * Text that may reach the screen outside the notes: collectText without the slide files (whose
 * notes hold the speech) and with the compiled deck's notes left out. What only the notes use goes
 * to a face of its own that the first slide does not wait for (src/config.ts FONT_FACES).
 */
export function screenText(folder: DeckFolder | string): string {
  const deck = asDeck(folder);
  const others = textSources(deck).filter((s) => s !== deck.slides);
  const page = compiledText(deck).replace(/<aside class="notes">[\s\S]*?<\/aside>/g, '');
  return fileText(deck, others) + '\n' + page;
}

/**
 * Text the compiler adds to the page (editorial tags, role labels, widened punctuation, the data
 * credits of a ```sources block): the deck's markup compiled with the build's features. When the deck does not compile, the compiler's own source, so no glyph
 * can be missing (the deck plugin reports the error).
 */
function compiledText(deck: DeckFolder): string {
  try {
    return deckToHtml(compileFolder(deck, deckExtensions));
  } catch {
    const compiler = path.join(deck.project, 'src', 'markdown');
    if (!existsSync(compiler)) return '';
    return readdirSync(compiler)
      .filter((f) => TEXT_FILE.test(f))
      .sort()
      .map((f) => readFileSync(path.join(compiler, f), 'utf8'))
      .join('\n');
  }
}

/**
 * The characters to keep: every non-ASCII character in the deck's text, plus printable ASCII and
 * the typographic punctuation a slide may gain from Markdown (smart quotes, dashes).
 */
export function glyphSet(text: string): string {
  const set = new Set<string>();
  for (let c = 0x20; c < 0x7f; c++) set.add(String.fromCharCode(c));
  for (const ch of '“”‘’—–…·•×÷±≤≥→←↑↓、。，：；？！（）《》【】「」') set.add(ch);
  for (const ch of text) if (ch.codePointAt(0)! > 0x7f && !/\s/.test(ch)) set.add(ch);
  return [...set].sort().join('');
}

/**
 * Text set in the heading family: slide headings, strong text, tiles, statement slides, part
 * labels, titles, themes and subsections, and the role labels of the notes (演讲提示 opens the
 * reading view's first screen: two glyphs outside the headings fetched the whole rest face, some
 * 85 KB, before a phone could paint that screen).
 */
export function boldText(folder: DeckFolder): string {
  const chunks: string[] = Object.values(ROLES).map((r) => `【${r.label}】`);
  try {
    const deck = compileFolder(folder, deckExtensions);
    for (const part of deck.parts) {
      chunks.push(part.label, part.title, part.theme);
      for (const slide of part.slides) {
        chunks.push(slide.title, slide.section);
        for (const m of slide.html.matchAll(/<(h[1-6]|strong|b|th)\b[^>]*>([\s\S]*?)<\/\1>/g)) chunks.push(m[2]!);
        if (slide.classes.includes('cards') || slide.layout === 'statement') chunks.push(slide.text);
      }
    }
  } catch {
    // A broken deck is reported by the deck plugin; bold then covers every glyph.
    return collectText(folder);
  }
  return chunks.join('\n');
}

/**
 * Subsets the static Noto Sans SC weights (see FONT_FACES) and writes them with a `fonts.css`,
 * which the runtime imports. Skips the work when the glyphs are unchanged.
 * @returns the number of glyphs in all, in the preloaded bold face, and in the notes-only regular face.
 */
export async function buildFonts(
  folder: DeckFolder,
): Promise<{ glyphs: number; boldGlyphs: number; notesGlyphs: number; regenerated: boolean }> {
  const root = folder.project;
  const glyphs = glyphSet(collectText(folder));
  const boldGlyphs = [...glyphSet(boldText(folder))].filter((c) => glyphs.includes(c)).join('');
  const restGlyphs = [...glyphs].filter((c) => !boldGlyphs.includes(c)).join('');
  const screenGlyphs = [...glyphSet(screenText(folder))].filter((c) => glyphs.includes(c)).join('');
  const notesGlyphs = [...glyphs].filter((c) => !screenGlyphs.includes(c)).join('');
  const hash = createHash('sha256')
    .update(JSON.stringify(FONT_FACES))
    // The layout of the faces (fallback faces for glyphs the Chinese subset lacks).
    .update('faces:3')
    .update(glyphs)
    .update('\0')
    .update(boldGlyphs)
    .update('\0')
    .update(screenGlyphs)
    .digest('hex')
    .slice(0, 12);
  const outDir = fontDir(folder, 'build');
  const cssPath = path.join(outDir, 'fonts.css');
  const counts = {
    glyphs: [...glyphs].length,
    boldGlyphs: [...boldGlyphs].length,
    notesGlyphs: [...notesGlyphs].length,
  };
  if (existsSync(cssPath) && readFileSync(cssPath, 'utf8').includes(`glyphs:${hash}`)) {
    return { ...counts, regenerated: false };
  }
  mkdirSync(outDir, { recursive: true });
  const require = createRequire(path.join(root, 'package.json'));
  const pkgDir = path.dirname(require.resolve('@fontsource/noto-sans-sc/package.json'));
  const faces: string[] = [`/* generated by src/vite/font-plugin.ts — glyphs:${hash} */`];
  const face = (weight: number, file: string, range: string): string =>
    `@font-face {\n  font-family: '${FONT_FAMILY}';\n  font-style: normal;\n  font-weight: ${weight};\n` +
    `  font-display: block;\n  src: url('./${file}') format('woff2');\n${range ? `  unicode-range: ${range};\n` : ''}}`;
  const missing = new Map<number, string>();
  for (const weight of new Set(FONT_FACES.map((f) => f.weight))) {
    const source = readFileSync(path.join(pkgDir, 'files', `noto-sans-sc-chinese-simplified-${weight}-normal.woff2`));
    missing.set(weight, await lacking(source, glyphs));
  }
  for (const f of FONT_FACES) {
    const lack = missing.get(f.weight) ?? '';
    const text = [...{ screen: screenGlyphs, notes: notesGlyphs, bold: boldGlyphs, rest: restGlyphs }[f.glyphs]]
      .filter((c) => !lack.includes(c))
      .join('');
    // A face with no glyph of its own (a deck whose notes use no character its slides lack) is left
    // out: without a unicode-range it would claim every character.
    if (text === '') continue;
    const source = readFileSync(path.join(pkgDir, 'files', `noto-sans-sc-chinese-simplified-${f.weight}-normal.woff2`));
    writeAtomic(path.join(outDir, f.file), await subsetFont(source, text, { targetFormat: 'woff2' }));
    faces.push(face(f.weight, f.file, unicodeRange(text)));
  }
  // Glyphs the Chinese subset of the font lacks (← →) come from Noto Sans SC's other subsets,
  // each a small face of its own that loads only when a page shows one of them.
  for (const [weight, lack] of missing) {
    for (const [file, chars] of fontsourceFiles(pkgDir, weight, lack)) {
      const out = `deck-sans-sc-${weight}-extra-${file.match(/-(\d+)-\d+-normal/)?.[1] ?? '0'}.woff2`;
      const data = await subsetFont(readFileSync(path.join(pkgDir, 'files', file)), chars, { targetFormat: 'woff2' });
      writeAtomic(path.join(outDir, out), data);
      faces.push(face(weight, out, unicodeRange(chars)));
    }
  }
  writeAtomic(cssPath, faces.join('\n') + '\n');
  return { ...counts, regenerated: true };
}

/** The characters of `text` that `font` has no glyph for. */
async function lacking(font: Buffer, text: string): Promise<string> {
  const ttf = await subsetFont(font, text, { targetFormat: 'truetype' });
  // Imported when needed: harfbuzzjs awaits at its top level, which a Vite config loaded as
  // CommonJS (a deck folder without "type": "module") cannot require.
  const { Blob: HbBlob, Face: HbFace } = await import('harfbuzzjs');
  const has = new Set(new HbFace(new HbBlob(ttf), 0).collectUnicodes());
  return [...text].filter((c) => !has.has(c.codePointAt(0)!)).join('');
}

/**
 * Which of Noto Sans SC's numbered subset files (fontsource's `<weight>.css` gives each file's
 * unicode-range) holds each of `chars`: file name → the characters it gives.
 */
function fontsourceFiles(pkgDir: string, weight: number, chars: string): Map<string, string> {
  const css = readFileSync(path.join(pkgDir, `${weight}.css`), 'utf8');
  const found = new Map<string, string>();
  const left = new Set(chars);
  for (const block of css.split('@font-face').slice(1)) {
    const file = /url\(\.\/files\/([\w-]+\.woff2)\)/.exec(block)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
    if (!file || !range) continue;
    const spans = range.split(',').map((r) =>
      r
        .trim()
        .replace(/^U\+/i, '')
        .split('-')
        .map((h) => parseInt(h, 16)),
    );
    const inFile = [...left].filter((c) => {
      const cp = c.codePointAt(0)!;
      return spans.some(([lo, hi]) => cp >= lo! && cp <= (hi ?? lo!));
    });
    if (inFile.length === 0) continue;
    found.set(file, inFile.join(''));
    for (const c of inFile) left.delete(c);
  }
  return found;
}

/**
 * Writes through a temporary file, so a concurrent build never reads half a font, and a build that
 * fails while subsetting leaves the previous, whole file in place.
 */
function writeAtomic(file: string, data: string | Uint8Array): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}

/**
 * For `npm run dev`: the same families from the whole static fonts, so editing a slide never waits
 * for subsetting (the build subsets).
 */
export function writeDevFonts(deck: DeckFolder): void {
  const outDir = fontDir(deck, 'dev');
  mkdirSync(outDir, { recursive: true });
  // Through the project's node_modules as the dev server sees it (not the package's real path,
  // which a linked node_modules would move outside the folders it may serve).
  const files = path.join(deck.project, 'node_modules', '@fontsource', 'noto-sans-sc', 'files');
  const url = path.relative(outDir, files).split(path.sep).join('/');
  const weights = [...new Set(FONT_FACES.map((face) => face.weight))];
  const faces = weights.map(
    (weight) =>
      `@font-face {\n  font-family: '${FONT_FAMILY}';\n  font-style: normal;\n  font-weight: ${weight};\n` +
      `  font-display: block;\n  src: url('${url}/noto-sans-sc-chinese-simplified-${weight}-normal.woff2') format('woff2');\n}`,
  );
  writeAtomic(path.join(outDir, 'fonts.css'), ['/* dev: whole fonts, not subset */', ...faces].join('\n') + '\n');
}

/** Subsets the fonts to the deck's text before each build; in dev serves the whole fonts instead. */
export function fontPlugin(folder?: DeckFolder): Plugin {
  let deck = folder ?? deckFolder(process.cwd());
  let command: 'build' | 'serve' = 'build';
  return {
    name: 'deck-fonts',
    // Before Vite's resolver, which would find a fonts.css left at the old shared path.
    enforce: 'pre',
    configResolved(config) {
      deck = folder ?? deckFolder(config.root);
      command = config.command;
    },
    async buildStart() {
      if (command === 'serve') writeDevFonts(deck);
      else await buildFonts(deck);
    },
    resolveId(source) {
      if (!source.endsWith(FONT_CSS)) return null;
      return path.join(fontDir(deck, command === 'serve' ? 'dev' : 'build'), 'fonts.css');
    },
  };
}
