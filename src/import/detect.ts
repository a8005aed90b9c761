import { chains, markerAt, partNumber, sectionNumber } from './markers.ts';
import { findQuotation } from './quotes.ts';
import { chineseNumber, trimEnd } from './text.ts';
import type { Block, DetectedPart, DetectedSection, Finding, Frame, Marker, Structure, Unit, Zone } from './types.ts';
import { endsSentence, splitUnits } from './units.ts';

/** 同志们： 各位领导、同志们： 女士们、先生们： 尊敬的…：, alone or at the start of a paragraph. */
const SALUTATION =
  /^(?:同志们|同事们|朋友们|各位[^。！？!?：:]{0,24}|女士们[、，,]?先生们|老师们[、，,]?同学们|尊敬的[^。！？!?：:]{1,40})[：:！!，,]/u;
/** Closing formulas: 谢谢大家！ 以上是我的几点意见。 最后，祝… */
const CLOSING =
  /^(?:谢谢(?:大家|各位)?[！!。.]?$|以上[^。！？!?]{0,12}(?:讲话|意见|几点|体会|发言)|最后[，,]?(?:祝|预祝)|(?:预祝|祝)(?:大会|会议|本次|各位|大家|同志们))/u;
/** Lines a web page or a document adds after a speech: where it came from. */
const TRAILER =
  /(?:本文链接|原文链接|原文地址|文章来源|来源[：:]|出处[：:]|责任编辑|编辑[：:]|发表于?|发布时间|https?:\/\/)/u;
/** A date under the title: 2024年7月12日, （2024年7月12日）. */
const DATE_LINE = /^[(（]?\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日[)）]?$/u;
/** 在…上的讲话: the occasion is what stands between 在 and 上. */
const OCCASION = /^(?:——\s*)?在(.+?)(?:上|中)的(?:讲话|致辞|发言|报告|总结讲话|动员讲话)/u;
/** Frames a speech may name for its parts, one label per character. */
const KNOWN_FRAMES = ['起承转合'];

interface Scope {
  zone: Zone;
  part: number;
  section: number;
}

/**
 * Reads the structure of a speech from its blocks: the title line (or Word's Title style), the
 * salutation, parts (一、… or Heading 1), sections ((一)… or Heading 2), enumerated points,
 * attributed quotations, closing formulas, a trailer a web page added, and a frame the speech
 * names (起承转合). Every character of every block ends up in exactly one unit, in order.
 */
export function detectStructure(blocks: readonly Block[]): Structure {
  const findings: Finding[] = [];
  const units: Unit[] = [];
  const parts: DetectedPart[] = [];
  let title = '';
  let date = '';
  let subtitle = '';

  // Title: Word's Title style or Markdown's lone #, else a short first line that is not a sentence.
  let bodyStart = 0;
  const styled = blocks.findIndex((b) => b.kind === 'title');
  const first = blocks[0];
  if (styled >= 0) {
    title = blocks[styled]!.text;
    bodyStart = styled + 1;
  } else if (
    first &&
    [...first.text].length <= 60 &&
    !endsSentence(first.text) &&
    !SALUTATION.test(first.text) &&
    !partNumber(first.text) &&
    !sectionNumber(first.text) &&
    (first.kind === 'paragraph' || first.kind === 'heading1')
  ) {
    title = first.text;
    bodyStart = 1;
  } else {
    findings.push({
      line: first?.line ?? 1,
      message: '没有找到标题行（第一行应是讲话题目）：标题页暂用第一句，请改写',
    });
  }
  const titleBlocks = new Set<number>(blocks.slice(0, bodyStart).map((_, i) => i));
  // Lines under the title: a repeat of it, a date, a ——subtitle, a short line (the speaker).
  for (let i = bodyStart; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.text === title) {
      findings.push({
        line: b.line,
        message: `标题重复出现（第 ${b.line} 行），已放在标题页备注的 ::: source（出处）块里`,
      });
    } else if (DATE_LINE.test(b.text)) {
      date = b.text.replace(/^[(（]|[)）]$/g, '');
    } else if (/^——/.test(b.text) && !endsSentence(b.text)) {
      subtitle = b.text;
    } else if (
      title &&
      [...b.text].length <= 12 &&
      !endsSentence(b.text) &&
      !SALUTATION.test(b.text) &&
      !partNumber(b.text) &&
      !sectionNumber(b.text) &&
      b.kind === 'paragraph'
    ) {
      findings.push({ line: b.line, message: `标题下的短行“${b.text}”放在标题页上（可能是讲话人或单位，请核对）` });
    } else break;
    titleBlocks.add(i);
    bodyStart = i + 1;
  }
  const occasion = (OCCASION.exec(title) ?? OCCASION.exec(subtitle))?.[1] ?? '';

  // Trailer (from the end): lines a web page added, and the title repeated there.
  let trailerStart = blocks.length;
  while (trailerStart > bodyStart) {
    const b = blocks[trailerStart - 1]!;
    if (!(TRAILER.test(b.text) || (title && b.text === title)) || [...b.text].length > 120) break;
    trailerStart--;
  }
  if (trailerStart < blocks.length) {
    findings.push({
      line: blocks[trailerStart]!.line,
      message: `末尾 ${blocks.length - trailerStart} 行是出处信息（网页页脚等），不属讲话内容：放在最后一页备注的 ::: source（出处）块里`,
    });
  }
  // Closing formulas just before the trailer.
  let closingStart = trailerStart;
  while (closingStart > bodyStart && CLOSING.test(blocks[closingStart - 1]!.text)) closingStart--;

  // Parts and sections, from the format's headings or the text's numbering.
  const heading1 = blocks.some((b, i) => i >= bodyStart && i < closingStart && b.kind === 'heading1');
  const isPart = (b: Block): boolean => (heading1 ? b.kind === 'heading1' : !!partNumber(b.text) && b.kind !== 'item');
  const isSection = (b: Block): boolean =>
    b.kind === 'heading2' || (!isPart(b) && !!sectionNumber(b.text) && b.kind !== 'item');
  let promote = false;
  if (!blocks.some((b, i) => i >= bodyStart && i < closingStart && isPart(b))) {
    const sections = blocks.filter((b, i) => i >= bodyStart && i < closingStart && isSection(b));
    if (sections.length >= 2) {
      promote = true;
      findings.push({ line: sections[0]!.line, message: '没有“一、二、”这样的部分，各小节“(一)(二)”当作部分' });
    }
  }

  let scope: Scope = { zone: 'opening', part: -1, section: -1 };
  let salutationSeen = false;
  let lastPartNumber = 0;
  let lastSectionNumber = 0;
  blocks.forEach((block, b) => {
    const zoneOf = (): Zone =>
      titleBlocks.has(b) ? 'title' : b >= trailerStart ? 'trailer' : b >= closingStart ? 'closing' : scope.zone;
    let zone = zoneOf();
    let texts = splitUnits(block.text);
    let headingKind: 'part' | 'section' | null = null;
    if (zone === 'opening' || zone === 'part') {
      const partLike = promote ? isSection(block) : isPart(block);
      const sectionLike = !promote && isSection(block);
      if (partLike) {
        const num = promote ? sectionNumber(block.text) : partNumber(block.text);
        const number = num?.n ?? null;
        if (number !== null && number !== lastPartNumber + 1) {
          findings.push({
            line: block.line,
            message:
              number <= lastPartNumber
                ? `部分编号“${chineseNumber(number)}”重复或倒序（上一部分是“${chineseNumber(lastPartNumber)}”）`
                : `部分编号从“${chineseNumber(lastPartNumber)}”跳到“${chineseNumber(number)}”：中间的部分缺失`,
          });
        }
        lastPartNumber = number ?? lastPartNumber + 1;
        lastSectionNumber = 0;
        const headingText = headingOf(block, texts, num?.length ?? 0);
        parts.push({ number, heading: headingText, line: block.line, label: '', sections: [] });
        scope = { zone: 'part', part: parts.length - 1, section: -1 };
        headingKind = 'part';
      } else if (sectionLike && scope.zone === 'part') {
        const num = sectionNumber(block.text);
        const number = num?.n ?? null;
        if (number !== null && number !== lastSectionNumber + 1) {
          findings.push({
            line: block.line,
            message: `小节编号“(${chineseNumber(number)})”不接上一节“(${chineseNumber(lastSectionNumber)})”`,
          });
        }
        lastSectionNumber = number ?? lastSectionNumber + 1;
        const part = parts[scope.part]!;
        const marker = num ? foldBrackets(block.text.slice(0, num.length).trim()) : '';
        const section: DetectedSection = {
          number,
          heading: headingOf(block, texts, num?.length ?? 0),
          marker,
          line: block.line,
        };
        part.sections.push(section);
        scope = { ...scope, section: part.sections.length - 1 };
        headingKind = 'section';
      } else if (sectionLike) {
        findings.push({ line: block.line, message: '小节标题出现在第一部分之前，当作开篇的一段' });
      }
    }
    zone = zoneOf();
    // A salutation alone or at the start of the opening's first paragraph.
    let salutationUnit = -1;
    if (zone === 'opening' && !salutationSeen) {
      const m = SALUTATION.exec(texts[0] ?? '');
      if (m && [...block.text].length <= 40 && texts.length === 1) {
        salutationUnit = 0;
      } else if (m && /[：:]$/.test(m[0])) {
        texts = [m[0], texts[0]!.slice(m[0].length), ...texts.slice(1)].filter((t) => t !== '');
        salutationUnit = 0;
      }
      salutationSeen = true;
    }
    let line = block.line;
    texts.forEach((text, i) => {
      units.push({
        text,
        line,
        block: b,
        zone,
        part: zone === 'part' || zone === 'opening' ? scope.part : -1,
        section: zone === 'part' ? scope.section : -1,
        heading: i === 0 ? headingKind : null,
        marker: null,
        quotation: null,
        salutation: i === salutationUnit,
        blockStart: i === 0,
      });
      line += (text.match(/\n/g) ?? []).length;
    });
  });

  if (!units.some((u) => u.salutation)) {
    const at = units.find((u) => u.zone === 'opening' || u.zone === 'part');
    findings.push({ line: at?.line ?? 1, message: '没有找到称呼（如“同志们：”）：讲稿直接从正文开始' });
  }

  markPoints(units, blocks);
  for (const u of units) {
    if (u.zone === 'opening' || u.zone === 'part') u.quotation = findQuotation(u.text);
  }

  const frame = findFrame(units, parts);
  parts.forEach((p, i) => {
    p.label = frame?.labels[i] ?? `第${chineseNumber(p.number ?? i + 1)}部分`;
  });
  const missing = frame ? frame.labels.slice(parts.length) : [];
  if (frame && missing.length > 0) {
    const numbers = missing.map((_, i) => chineseNumber(parts.length + i + 1));
    findings.push({
      line: frame.line,
      message:
        `讲话以“${frame.name}”为框架，只找到 ${parts.map((p) => p.label).join('、')} ${parts.length} 个部分：` +
        `第${numbers.join('、')}部分（${missing.join('、')}）在原文中没有`,
    });
  }
  const last = [...units].reverse().find((u) => u.zone === 'part' || u.zone === 'opening');
  if (last && !endsSentence(last.text)) {
    findings.push({
      line: last.line,
      message: `讲稿在第 ${last.line} 行中断：最后一句“${trimEnd(last.text).slice(-20)}”没有句末标点（备注里已注明）`,
    });
  }
  return { title, occasion, date, frame, parts, missing, units, findings };
}

/** A heading's text without its number, up to its first full stop when a body follows. */
function headingOf(block: Block, texts: string[], markerLength: number): string {
  const firstUnit = texts[0] ?? block.text;
  const text = block.kind.startsWith('heading') ? block.text : firstUnit;
  return trimEnd(text.slice(markerLength)).trim();
}

function foldBrackets(marker: string): string {
  return marker.replace(/（/g, '(').replace(/）/g, ')');
}

/** Marks the units that start an enumerated point: series 1, 2, 3… within one part or section. */
function markPoints(units: Unit[], blocks: readonly Block[]): void {
  const scopes = new Map<string, { index: number; marker: Marker }[]>();
  units.forEach((u, index) => {
    if ((u.zone !== 'opening' && u.zone !== 'part') || u.heading) return;
    const block = blocks[u.block]!;
    const marker =
      markerAt(u.text) ??
      (u.blockStart && block.kind === 'item' ? { series: 'item', n: 0, text: '' } : null) ??
      (u.blockStart && block.kind === 'heading3' ? { series: 'heading3', n: 0, text: '' } : null);
    if (!marker) return;
    const key = `${u.zone}/${u.part}/${u.section}`;
    if (!scopes.has(key)) scopes.set(key, []);
    scopes.get(key)!.push({ index, marker });
  });
  for (const candidates of scopes.values()) {
    // Word's list items and Heading 3 paragraphs are points by their format, numbered in order.
    const formatted = candidates.filter((c) => c.marker.series === 'item' || c.marker.series === 'heading3');
    formatted.forEach((c, i) => {
      units[c.index]!.marker = { ...c.marker, n: i + 1 };
    });
    for (const [index, marker] of chains(candidates.filter((c) => !formatted.includes(c)))) {
      units[index]!.marker = marker;
    }
  }
}

/**
 * The speech's own frame: each part heading quotes a short term (提升…的“起”) and the opening
 * names the frame those terms spell (“起承转合”); or the opening names a known frame and the
 * parts take its terms in order.
 */
function findFrame(units: readonly Unit[], parts: readonly DetectedPart[]): Frame | null {
  if (parts.length < 2) return null;
  const opening = units.filter((u) => u.zone === 'opening' || u.zone === 'title');
  const named = (text: string): Unit | undefined =>
    opening.find((u) => u.text.includes(`“${text}”`) || u.text.includes(`"${text}"`));
  const terms = parts.map((p) => /[“"]([^”"]{1,4})[”"]/u.exec(p.heading)?.[1] ?? null);
  if (terms.every((t): t is string => t !== null) && new Set(terms).size === terms.length) {
    const joined = terms.join('');
    const frameUnit = opening.find((u) =>
      [...u.text.matchAll(/“([^”]{2,12})”/g)].some((m) => m[1]!.startsWith(joined)),
    );
    const name = frameUnit
      ? [...frameUnit.text.matchAll(/“([^”]{2,12})”/g)].find((m) => m[1]!.startsWith(joined))![1]!
      : joined;
    const labels = name.length > joined.length && terms.every((t) => t.length === 1) ? [...name] : terms;
    return { name, labels, line: frameUnit?.line ?? parts[0]!.line };
  }
  for (const known of KNOWN_FRAMES) {
    const unit = named(known);
    if (unit && parts.length <= [...known].length) return { name: known, labels: [...known], line: unit.line };
  }
  return null;
}

/** The heading of a section as shown in the deck: `(一) 从全球化…`. */
export function sectionTitle(section: DetectedSection): string {
  return section.marker ? `${section.marker} ${section.heading}` : section.heading;
}
