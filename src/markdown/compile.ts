import { checkImageSrc } from './assets.ts';
import { idOnlyAttributes, parseSlideAttributes, type SlideAttributes } from './attributes.ts';
import { DeckError, Problems, suggest } from './errors.ts';
import { parseFrontMatter, type SplitFile } from './frontmatter.ts';
import { joinHtml, markup, trustedHtml } from './html.ts';
import { PageIds } from './ids.ts';
import { createRenderer, SOURCES_SLOT, type Rendered, type SlideLink } from './render.ts';
import { creditsNoteHtml, creditsSlideHtml } from './credits.ts';
import { directionLike, refuseRolesOnSlide, ROLES, splitRoles, type RawRoleBlock } from './roles.ts';
import { sanitizeSlideHtml } from './sanitize.ts';
import { headingId } from './slide-id.ts';
import { splitSlides, type RawSlide } from './split.ts';
import { htmlToText } from './text.ts';
import { widenHtml, widenPunctuation } from './width.ts';
import { partDivider } from './part-divider.ts';
import { notesHeadingHtml, slideLabelHtml } from './reading-scaffold.ts';
import { deckTerms, markHeadingBreaks } from './words.ts';
import { chartId } from './views.ts';
import type {
  ChartProblem,
  ChartSpec,
  CompileOptions,
  DataCredit,
  Deck,
  DeckMeta,
  DeckWarning,
  NoteBlock,
  Part,
  Slide,
  SourceFile,
  SourcePos,
} from './types.ts';

/** The small, quiet tag on a projected editorial slide (hidden with `showEditorialMarks: false`). */
export const EDITORIAL_TAG = '概括';
/** The tag's full meaning, for its tooltip and screen readers; wording an audience may see. */
export const EDITORIAL_TAG_TITLE = '编者概括：本部分为根据讲稿其他部分的概括';

/**
 * Compiles the deck's Markdown files (already in deck order) into typed, serialisable data.
 * Pure: no file system, no DOM. Every problem is collected: a file or slide with a mistake is
 * reported and the compile goes on with the next, so one build lists all of them.
 * @throws DeckError for one problem, DeckErrors (a DeckError listing each) for several.
 */
export function compileDeck(sources: readonly SourceFile[], options: CompileOptions = {}): Deck {
  if (sources.length === 0) {
    throw new DeckError(
      { file: 'slides/', line: 1 },
      '没有幻灯片文件（no slide files）',
      '在 slides/ 里加 Markdown 文件，如 slides/00-opening.md',
    );
  }
  const problems = new Problems();
  const render = createRenderer();
  const parts: Part[] = [];
  const charts: ChartSpec[] = [];
  const links: SlideLink[] = [];
  const ids = new PageIds();
  const partIds = new Map<string, string>();
  let meta: DeckMeta | undefined;
  /** Slides with a ```sources block, filled once every chart of the deck is known. */
  const creditSlots: { slide: Slide; at: SourcePos }[] = [];

  sources.forEach((raw, h) => {
    const part = problems.attempt(() => {
      const source = normaliseSource(raw);
      const split = parseFrontMatter(source, h === 0, problems, `part${h + 1}`);
      return compilePart(source, split, h);
    });
    if (part) parts.push(part);
  });

  function compilePart(source: SourceFile, split: SplitFile, h: number): Part {
    const { frontMatter: fm, body, bodyLine } = split;
    if (fm.deck) meta = fm.deck;
    const previous = partIds.get(fm.id);
    if (previous) {
      problems.add(
        new DeckError(
          { file: source.file, line: 2 },
          `这一部分的 id “${fm.id}”和 ${previous} 重复（duplicate part id）`,
          '每个文件的 id 都不同：改一个',
        ),
      );
    }
    partIds.set(fm.id, source.file);
    const raws = splitSlides(body, bodyLine, source.file, problems);
    if (raws.length === 0) {
      throw new DeckError(
        { file: source.file, line: bodyLine },
        '这个文件只有 front matter，没有幻灯片',
        '在 front matter 之下至少写一页：一行 ## 标题，和它的要点',
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
      // A slide whose attribute line has a mistake is still compiled (with its id, if it has a
      // valid one) so that its other problems are found and links to it do not fail as well.
      const attrs =
        problems.attempt(() => parseSlideAttributes(raw.attrs, { file: source.file, line: raw.attrsLine })) ??
        idOnlyAttributes(raw.attrs);
      if (attrs.section !== null) section = widenPunctuation(attrs.section);
      const slide = problems.attempt(() => compileSlide(raw, attrs, section, part, source.file, h, v));
      if (slide) part.slides.push(slide);
    });
    return part;
  }

  function slideId(raw: RawSlide, attrs: SlideAttributes, part: Part, file: string, v: number): string {
    const pos = { file, line: raw.attrsLine };
    if (attrs.id) {
      ids.claim(attrs.id, pos, 'slide');
      return attrs.id;
    }
    const heading = render.title(raw.body);
    const derived = heading === null ? null : headingId(part.id, heading);
    let id = derived ?? `${part.id}-${v + 1}`;
    for (let n = 2; ids.has(id); n++) id = `${derived ?? part.id}-${n}`;
    ids.claim(id, pos, 'slide');
    return id;
  }

  function compileSlide(
    raw: RawSlide,
    attrs: SlideAttributes,
    section: string,
    part: Part,
    file: string,
    h: number,
    v: number,
  ): Slide | undefined {
    if (raw.body.trim() === '') {
      throw new DeckError(
        { file, line: raw.line },
        '这一页没有给听众看的内容',
        '在 Note: 一行之上写标题或要点，或删去这一页（连同它的 ---）',
      );
    }
    const id = slideId(raw, attrs, part, file, v);
    problems.attempt(() => refuseRolesOnSlide(raw.body, file, raw.bodyLine));
    const audience = render(raw.body, {
      file,
      line: raw.bodyLine,
      allowCharts: true,
      chartId: (n) => chartId(id, n),
    });
    const slideCharts: ChartSpec[] = [];
    audience.charts.forEach((c, i) => {
      const spec: ChartSpec = { ...c, id: chartId(id, i + 1), slideId: id };
      if (problems.attempt(() => (ids.claim(spec.id, c, 'chart'), true)) !== true) return;
      const problem = options.validateChart?.(spec) ?? null;
      if (problem) problems.add(chartError(spec, problem));
      else slideCharts.push(spec);
    });
    /** Ids and images of a rendered piece (the slide, then each block of notes). */
    const checkRefs = ({ ids: elementIds, images }: Rendered): void => {
      for (const element of elementIds) problems.attempt(() => ids.claim(element.id, element, 'element'));
      for (const image of images) {
        const problem = checkImageSrc(image.src) ?? options.checkAsset?.(image.src) ?? null;
        if (problem) problems.add(new DeckError(image, problem.problem, problem.hint));
      }
    };
    checkRefs(audience);
    /** Rendered HTML kept to the allow-list (a warning when something was removed), punctuation widened. */
    const cleanHtml = (rendered: string, line: number, where: string): string => {
      const clean = sanitizeSlideHtml(rendered);
      if (clean.removed) {
        problems.warn(
          { file, line },
          `${where}不允许的 HTML 已删去（allow-list）`,
          '只用 Markdown，或 <br>、<span>、<small> 等 HTML',
        );
      }
      return widenHtml(clean.html);
    };
    const blocks = problems.attempt(() => splitRoles(raw.notes, file, raw.notesLine)) ?? [];
    const notes: NoteBlock[] = [];
    for (const block of blocks) {
      const note = problems.attempt(() => {
        const rendered = render(block.markdown, { file, line: block.line, allowCharts: false, chartId: () => '' });
        links.push(...rendered.links);
        checkRefs(rendered);
        const html = cleanHtml(rendered.html, block.line, '备注里');
        if (block.role === 'speech') problems.warnings.push(...misplacedSpeech(block, attrs.editorial));
        return { file, line: block.line, role: block.role, html, text: htmlToText(html) };
      });
      if (note) notes.push(note);
    }
    links.push(...audience.links);
    const html = cleanHtml(audience.html, raw.bodyLine, '幻灯片上');
    const notesHtml = notes
      .filter((b) => b.role === 'speech')
      .map((b) => b.html)
      .join('');
    const slide: Slide = {
      id,
      h,
      v,
      file,
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
    if (audience.title === null) {
      problems.warn(
        { file, line: raw.bodyLine },
        attrs.id
          ? '这一页没有标题（heading）：目录、搜索、结构图和 PDF 里它只显示这一部分的标题'
          : `这一页没有标题（heading），也没有 {#id}：它的地址 #${id} 随位置变化，插入一页就会变`,
        '在内容的第一行写 ## 标题',
      );
    }
    if (!raw.hasNotes) {
      problems.warn(
        { file, line: raw.line },
        '这一页没有备注（Note:）：演讲者视图、阅读视图和讲义里没有它的讲稿',
        '在幻灯片内容之后加一行 Note:，下面写这一页的讲稿',
      );
    }
    if (slide.editorial) {
      problems.warnings.push({
        file,
        line: raw.line,
        message: `编者概括“${slide.title}”（#${id}）：这里缺讲稿原文 — 补上原文后删去 editorial`,
        editorial: true,
      });
    }
    charts.push(...slideCharts);
    if (audience.sources[0]) creditSlots.push({ slide, at: audience.sources[0] });
    return slide;
  }

  if (creditSlots.length > 0) {
    const credits = options.creditData?.(charts) ?? [];
    for (const { slide, at } of creditSlots) fillCredits(slide, at, credits, problems);
  }

  for (const link of links) {
    if (!ids.isSlide(link.target)) {
      problems.add(
        new DeckError(
          link,
          `找不到链接指向的幻灯片“#${link.target}”（slide link）`,
          `${suggest(link.target, ids.slideIds())}链接写成 [文字](#id)，id 是要去的一页第一行 {#id} 里的名字`,
        ),
      );
    }
  }
  problems.throwIfAny(sources.map((s) => s.file));
  return { meta: meta!, parts, charts, warnings: problems.warnings };
}

/**
 * Fills a slide's ```sources block with the credits of the data the deck's charts draw, and puts
 * their full provenance in its notes (before the author's own provenance): a new CSV's credit
 * appears by itself, and a description's change reaches the slide at the next build.
 */
function fillCredits(slide: Slide, at: SourcePos, credits: readonly DataCredit[], problems: Problems): void {
  slide.html = slide.html.replace(SOURCES_SLOT, creditsSlideHtml(credits));
  slide.text = htmlToText(slide.html);
  if (credits.length === 0) {
    problems.warn(
      at,
      '```sources 没有可列的数据：演示文稿里没有图表（chart）',
      '删去这个代码块，或在它下面手写资料来源',
    );
    return;
  }
  for (const c of credits.filter((x) => x.licence.trim() === '')) {
    problems.warn(
      at,
      `数据“${c.dataset}”的说明没有写许可（licence）：资料来源页上它的许可写“未注明”`,
      `在 ${c.file} 里加一行 licence:，如 licence: 政府公开统计数据`,
    );
  }
  const html = creditsNoteHtml(credits);
  const block: NoteBlock = { file: at.file, line: at.line, role: 'source', html, text: htmlToText(html) };
  const first = slide.notes.findIndex((b) => b.role === 'source');
  slide.notes.splice(first < 0 ? slide.notes.length : first, 0, block);
}

/** A chart feature's verdict on a block as a DeckError at the key it names, or at the block. */
function chartError(spec: ChartSpec, problem: ChartProblem | string): DeckError {
  if (typeof problem === 'string') {
    return new DeckError(spec, problem, '改正 ```chart 代码块（可用的图表类型和选项见 npm run deck -- help）');
  }
  const at = problem.key !== undefined ? spec.keys?.[problem.key] : undefined;
  return new DeckError(at ? { file: spec.file, ...at } : spec, problem.problem, problem.hint);
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
      '文件不是 UTF-8 编码（not UTF-8）',
      '用记事本、WPS 或 VS Code 打开，把编码改为 UTF-8',
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
 * `reading: true` (the built page) adds the reading view's slide labels and notes headings
 * (reading-scaffold.ts).
 */
export function deckToHtml(deck: Deck, options: { reading?: boolean } = {}): string {
  let n = 0;
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
      n++;
      const label = options.reading ? slideLabelHtml(n, part.label) : '';
      const notesHeading = options.reading ? notesHeadingHtml(body.toString()) : '';
      return markup`<section id="${s.id}" class="${classes}" data-part="${part.id}" data-part-label="${part.label}"${section} data-title="${s.title}">\n${label}${tag}${body}${notesHeading}<aside class="notes">\n${notes}</aside>\n</section>`;
    });
    return markup`<section class="part part-${part.kind}" data-part="${part.id}" data-label="${part.label}">\n${joinHtml(slides, '\n')}\n</section>`;
  });
  return joinHtml(parts, '\n').toString();
}
