import { parseSlideAttributes } from './attributes.ts';
import { DeckError } from './errors.ts';
import { parseFrontMatter } from './frontmatter.ts';
import { createRenderer, type SlideLink } from './render.ts';
import { sanitizeSlideHtml } from './sanitize.ts';
import { splitSlides } from './split.ts';
import { escapeHtml, htmlToText } from './text.ts';
import type { ChartSpec, CompileOptions, Deck, DeckMeta, DeckWarning, Part, Slide, SourceFile } from './types.ts';

/** The tag shown on editorial slides and the mark at the head of their notes. */
export const EDITORIAL_TAG = '编者概括';
export const EDITORIAL_NOTE =
  '【编者概括】讲稿原文此处缺失，本页仅根据讲稿其他部分已有的内容概括，并非讲话原文，请演讲者补充完善。';

/**
 * Compiles the deck's Markdown files (already in deck order) into typed, serialisable data.
 * Pure: no file system, no DOM. @throws DeckError at the first problem, with `file:line`.
 */
export function compileDeck(sources: readonly SourceFile[], options: CompileOptions = {}): Deck {
  if (sources.length === 0) {
    throw new DeckError(
      { file: 'slides/', line: 1 },
      'no slide files',
      'add Markdown files such as slides/00-opening.md',
    );
  }
  const render = createRenderer();
  const parts: Part[] = [];
  const charts: ChartSpec[] = [];
  const warnings: DeckWarning[] = [];
  const links: SlideLink[] = [];
  const ids = new Map<string, { file: string; line: number }>();
  const partIds = new Map<string, string>();
  let meta: DeckMeta | undefined;

  sources.forEach((raw, h) => {
    const source = normaliseSource(raw);
    const { frontMatter: fm, body, bodyLine } = parseFrontMatter(source, h === 0);
    if (fm.deck) meta = fm.deck;
    const previous = partIds.get(fm.id);
    if (previous) {
      throw new DeckError(
        { file: source.file, line: 2 },
        `duplicate part id "${fm.id}" (also in ${previous})`,
        'give each file its own id',
      );
    }
    partIds.set(fm.id, source.file);
    const raws = splitSlides(body, bodyLine);
    if (raws.length === 0) {
      throw new DeckError(
        { file: source.file, line: bodyLine },
        'the file has front matter but no slides',
        'write at least one slide (a "## heading" and its content) below the front matter',
      );
    }
    const part: Part = {
      id: fm.id,
      kind: fm.kind,
      label: fm.label,
      title: fm.title,
      theme: fm.theme,
      minutes: fm.minutes,
      file: source.file,
      line: 1,
      slides: [],
    };
    let section = '';
    raws.forEach((raw, v) => {
      const pos = { file: source.file, line: raw.attrsLine };
      const attrs = parseSlideAttributes(raw.attrs, pos);
      const id = attrs.id ?? `${fm.id}-${v + 1}`;
      const clash = ids.get(id);
      if (clash) {
        throw new DeckError(
          pos,
          `duplicate slide id "${id}" (first used at ${clash.file}:${clash.line})`,
          'give this slide another id: ids must be unique across the deck',
        );
      }
      ids.set(id, pos);
      if (attrs.section !== null) section = attrs.section;
      if (raw.body.trim() === '') {
        throw new DeckError(
          { file: source.file, line: raw.line },
          'the slide has no content for the audience',
          'write a heading or key points above the Note: line, or remove the empty slide',
        );
      }
      const slideCharts: ChartSpec[] = [];
      const audience = render(raw.body, {
        file: source.file,
        line: raw.bodyLine,
        allowCharts: true,
        chartId: (n) => `chart-${id}${n > 1 ? `-${n}` : ''}`,
      });
      audience.charts.forEach((c, i) => {
        const spec: ChartSpec = {
          ...c,
          id: `chart-${id}${i > 0 ? `-${i + 1}` : ''}`,
          slideId: id,
        };
        const problem = options.validateChart?.(spec) ?? null;
        if (problem) throw new DeckError(c, problem, 'fix the ```chart block (see docs/authoring.md: Charts)');
        slideCharts.push(spec);
      });
      for (const image of audience.images) {
        if (options.assetExists && !options.assetExists(image.src)) {
          throw new DeckError(
            image,
            `image "${image.src}" does not exist`,
            'put the file in public/ (it is copied into dist/) and link it with a relative path, e.g. ![说明](img/photo.png)',
          );
        }
      }
      const notes = render(raw.notes, {
        file: source.file,
        line: raw.notesLine,
        allowCharts: false,
        chartId: () => '',
      });
      links.push(...audience.links, ...notes.links);
      const safe = sanitizeSlideHtml(audience.html);
      const safeNotes = sanitizeSlideHtml(notes.html);
      for (const [what, result] of [
        ['slide', safe],
        ['notes', safeNotes],
      ] as const) {
        if (result.removed) {
          warnings.push({
            file: source.file,
            line: what === 'slide' ? raw.bodyLine : raw.notesLine,
            message: `HTML outside the allow-list was removed from the ${what}`,
          });
        }
      }
      const editorialNote = attrs.editorial ? `<p class="editorial-note">${escapeHtml(EDITORIAL_NOTE)}</p>\n` : '';
      const notesHtml = editorialNote + safeNotes.html;
      const slide: Slide = {
        id,
        h,
        v,
        file: source.file,
        line: raw.line,
        title: audience.title ?? fm.title,
        section,
        classes: attrs.classes,
        layout: attrs.layout,
        editorial: attrs.editorial,
        html: safe.html,
        notesHtml,
        notesText: htmlToText(notesHtml),
        text: htmlToText(safe.html),
        charts: slideCharts,
      };
      if (slide.editorial) {
        warnings.push({
          file: source.file,
          line: raw.line,
          message: `editorial summary "${slide.title}" (#${id}): the source text is missing here — complete it`,
        });
      }
      charts.push(...slideCharts);
      part.slides.push(slide);
    });
    parts.push(part);
  });

  for (const link of links) {
    if (!ids.has(link.target)) {
      throw new DeckError(
        link,
        `link to slide "#${link.target}" which does not exist`,
        `use the id of an existing slide (set with {#id} on a slide's first line)`,
      );
    }
  }
  return { meta: meta!, parts, charts, warnings };
}

/**
 * Accepts the encodings editors produce: a UTF-8 byte-order mark is dropped and CRLF/CR line
 * ends become LF. Text that was not UTF-8 (decoded with U+FFFD replacement characters) is refused.
 */
function normaliseSource(source: SourceFile): SourceFile {
  const text = source.text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const bad = text.indexOf('\uFFFD');
  if (bad >= 0) {
    const line = text.slice(0, bad).split('\n').length;
    throw new DeckError(
      { file: source.file, line },
      'the file is not valid UTF-8',
      'save it as UTF-8 (in most editors: "Save with encoding" → UTF-8)',
    );
  }
  return { file: source.file, text };
}

/** The reveal.js `<section>` markup for the whole deck: one vertical stack per part. */
export function deckToHtml(deck: Deck): string {
  const showTags = deck.meta.showEditorialMarks;
  return deck.parts
    .map((part) => {
      const slides = part.slides
        .map((s) => {
          const classes = [...s.classes, `layout-${s.layout}`, ...(s.editorial ? ['editorial'] : [])];
          const tag =
            s.editorial && showTags
              ? `<p class="editorial-tag" title="讲稿原文缺失，本页为编者根据讲稿其他部分的概括">${EDITORIAL_TAG}</p>\n`
              : '';
          const section = s.section ? ` data-section="${escapeHtml(s.section)}"` : '';
          return (
            `<section id="${s.id}" class="${classes.join(' ')}" data-part="${part.id}" data-part-label="${escapeHtml(part.label)}"${section} data-title="${escapeHtml(s.title)}">\n` +
            `${tag}${s.html}<aside class="notes">\n${s.notesHtml}</aside>\n</section>`
          );
        })
        .join('\n');
      return `<section class="part part-${part.kind}" data-part="${part.id}" data-label="${escapeHtml(part.label)}">\n${slides}\n</section>`;
    })
    .join('\n');
}
