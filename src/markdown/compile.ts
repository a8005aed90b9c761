import { checkImageSrc } from './assets.ts';
import { parseSlideAttributes } from './attributes.ts';
import { DeckError } from './errors.ts';
import { parseFrontMatter } from './frontmatter.ts';
import { PageIds } from './ids.ts';
import { createRenderer, type Rendered, type SlideLink } from './render.ts';
import { directionLike, refuseRolesOnSlide, ROLES, splitRoles, type RawRoleBlock } from './roles.ts';
import { sanitizeSlideHtml } from './sanitize.ts';
import { splitSlides } from './split.ts';
import { joinHtml, markup, trustedHtml } from './html.ts';
import { htmlToText } from './text.ts';
import { widenHtml, widenPunctuation } from './width.ts';
import { partDivider } from './part-divider.ts';
import { deckTerms, markHeadingBreaks } from './words.ts';
import { chartId } from './views.ts';
import type {
  ChartSpec,
  CompileOptions,
  Deck,
  DeckMeta,
  DeckWarning,
  NoteBlock,
  Part,
  Slide,
  SourceFile,
} from './types.ts';

/** The small, quiet tag on a projected editorial slide (hidden with `showEditorialMarks: false`). */
export const EDITORIAL_TAG = '概括';
/** The tag's full meaning, for its tooltip and screen readers; wording an audience may see. */
export const EDITORIAL_TAG_TITLE = '编者概括：本部分为根据讲稿其他部分的概括';

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
  const ids = new PageIds();
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
      label: widenPunctuation(fm.label),
      title: widenPunctuation(fm.title),
      theme: widenPunctuation(fm.theme),
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
      ids.claim(id, pos, 'slide');
      if (attrs.section !== null) section = widenPunctuation(attrs.section);
      if (raw.body.trim() === '') {
        throw new DeckError(
          { file: source.file, line: raw.line },
          'the slide has no content for the audience',
          'write a heading or key points above the Note: line, or remove the empty slide',
        );
      }
      refuseRolesOnSlide(raw.body, source.file, raw.bodyLine);
      const slideCharts: ChartSpec[] = [];
      const audience = render(raw.body, {
        file: source.file,
        line: raw.bodyLine,
        allowCharts: true,
        chartId: (n) => chartId(id, n),
      });
      audience.charts.forEach((c, i) => {
        const spec: ChartSpec = { ...c, id: chartId(id, i + 1), slideId: id };
        ids.claim(spec.id, c, 'chart');
        const problem = options.validateChart?.(spec) ?? null;
        if (problem) throw new DeckError(c, problem, 'fix the ```chart block (see docs/authoring.md: Charts)');
        slideCharts.push(spec);
      });
      /** Ids and images of a rendered piece (the slide, then each block of notes). */
      const checkRefs = ({ ids: elementIds, images }: Rendered): void => {
        for (const element of elementIds) ids.claim(element.id, element, 'element');
        for (const image of images) {
          const problem = checkImageSrc(image.src) ?? options.checkAsset?.(image.src) ?? null;
          if (problem) throw new DeckError(image, problem.problem, problem.hint);
        }
      };
      checkRefs(audience);
      /** Rendered HTML kept to the allow-list (a warning when something was removed), punctuation widened. */
      const cleanHtml = (rendered: string, line: number, where: string): string => {
        const clean = sanitizeSlideHtml(rendered);
        if (clean.removed) {
          warnings.push({ file: source.file, line, message: `HTML outside the allow-list was removed from ${where}` });
        }
        return widenHtml(clean.html);
      };
      const notes: NoteBlock[] = splitRoles(raw.notes, source.file, raw.notesLine).map((block) => {
        const rendered = render(block.markdown, {
          file: source.file,
          line: block.line,
          allowCharts: false,
          chartId: () => '',
        });
        links.push(...rendered.links);
        checkRefs(rendered);
        const html = cleanHtml(rendered.html, block.line, 'the notes');
        if (block.role === 'speech') warnings.push(...misplacedSpeech(block, attrs.editorial));
        return { file: source.file, line: block.line, role: block.role, html, text: htmlToText(html) };
      });
      links.push(...audience.links);
      const html = cleanHtml(audience.html, raw.bodyLine, 'the slide');
      const notesHtml = notes
        .filter((b) => b.role === 'speech')
        .map((b) => b.html)
        .join('');
      const slide: Slide = {
        id,
        h,
        v,
        file: source.file,
        line: raw.line,
        title: audience.title === null ? part.title : widenPunctuation(audience.title),
        section,
        classes: attrs.classes,
        layout: attrs.layout,
        editorial: attrs.editorial,
        html,
        notes,
        notesHtml,
        notesText: htmlToText(notesHtml),
        text: htmlToText(html),
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
    if (!ids.isSlide(link.target)) {
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
/**
 * Build warnings for speech-role paragraphs that read like a direction or a request (roles are
 * declared, never guessed: the author moves the text into a block), and for speech on an editorial
 * slide, whose notes should hold the summary in an `editorial` block.
 */
function misplacedSpeech(block: RawRoleBlock, editorial: boolean): DeckWarning[] {
  const warnings: DeckWarning[] = [];
  for (const paragraph of paragraphs(block)) {
    const phrase = directionLike(paragraph.text);
    if (phrase) {
      warnings.push({
        file: block.file,
        line: paragraph.line,
        message: `讲稿（speech）段落像是演讲提示或给演讲者的话（“${phrase}”） — 讲话原文以外的文字请放进 ::: direction 或 ::: note 块`,
      });
    }
  }
  if (editorial && warnings.length === 0) {
    warnings.push({
      file: block.file,
      line: block.line,
      message: '编者概括页的备注里有讲稿（speech）文字 — 概括的文字请放进 ::: editorial 块，讲话原文请放在非概括页',
    });
  }
  return warnings;
}

/** A block's paragraphs (runs of non-blank lines) with their file lines. */
function paragraphs(block: RawRoleBlock): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  block.markdown.split('\n').forEach((text, i) => {
    const last = out.at(-1);
    if (text.trim() === '') out.push({ line: -1, text: '' });
    else if (last && last.line >= 0) last.text += `\n${text}`;
    else out.push({ line: block.line + i, text });
  });
  return out.filter((p) => p.line >= 0);
}

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

/**
 * The notes of a slide as the `<aside class="notes">` holds them: one element per block with its
 * role in `data-role`. Directions and notes to the speaker are `<details>` (the reading view shows
 * them collapsed; the speaker view opens them); editorial blocks carry their mark in the text.
 */
export function notesToHtml(notes: readonly NoteBlock[]): string {
  const blocks = notes.map((b) => {
    const label = ROLES[b.role].label;
    const body = trustedHtml(b.html);
    const attrs = markup`class="role role-${b.role}" data-role="${b.role}"`;
    if (b.role === 'direction' || b.role === 'note') {
      return markup`<details ${attrs}><summary class="role-label">${label}</summary>\n${body}</details>\n`;
    }
    if (b.role === 'editorial' || b.role === 'source') {
      return markup`<div ${attrs}><p class="role-label">【${label}】</p>\n${body}</div>\n`;
    }
    return markup`<div ${attrs}>\n${body}</div>\n`;
  });
  return joinHtml(blocks, '').toString();
}

/**
 * The reveal.js `<section>` markup for the whole deck: one vertical stack per part. Editorial
 * slides always carry their tag; `showEditorialMarks: false` hides it on projected slides only.
 */
export function deckToHtml(deck: Deck): string {
  const quiet = deck.meta.showEditorialMarks ? '' : markup` data-projected="hidden"`;
  // Headings break only between words; the parts' themes name the deck's own terms.
  const terms = deckTerms(deck.parts.map((p) => p.theme));
  const parts = deck.parts.map((part) => {
    const slides = part.slides.map((s) => {
      // A part of the frame opens with its divider (起 large, 第一部分, theme, the chain).
      const divider = s.v === 0 ? partDivider(deck.parts, part.id) : null;
      const classes = [
        ...s.classes,
        `layout-${s.layout}`,
        ...(s.editorial ? ['editorial'] : []),
        ...(divider ? ['part-divider'] : []),
      ].join(' ');
      const marked = markHeadingBreaks(s.html, terms);
      // A contrast pair's two columns sit in one grid below the title.
      const cut = s.layout === 'contrast' ? marked.indexOf('</h2>') + '</h2>'.length : -1;
      const html =
        cut > 4
          ? markup`${trustedHtml(marked.slice(0, cut))}\n<div class="contrast-pair">${trustedHtml(marked.slice(cut))}</div>\n`
          : trustedHtml(marked);
      const body = markup`${divider?.before ?? ''}${html}${divider?.after ?? ''}`;
      const tag = s.editorial
        ? markup`<p class="editorial-tag" title="${EDITORIAL_TAG_TITLE}"${quiet}><span class="editorial-tag-who">编者</span>${EDITORIAL_TAG}</p>\n`
        : '';
      const section = s.section ? markup` data-section="${s.section}"` : '';
      const notes = trustedHtml(notesToHtml(s.notes));
      return markup`<section id="${s.id}" class="${classes}" data-part="${part.id}" data-part-label="${part.label}"${section} data-title="${s.title}">\n${tag}${body}<aside class="notes">\n${notes}</aside>\n</section>`;
    });
    return markup`<section class="part part-${part.kind}" data-part="${part.id}" data-label="${part.label}">\n${joinHtml(slides, '\n')}\n</section>`;
  });
  return joinHtml(parts, '\n').toString();
}
