import type { DeckPlan } from './plan.ts';
import type { PptxReport, ReadShape } from './read.ts';
import { PX_PER_INCH } from './theme.ts';

/**
 * What a written .pptx must be, checked on the file read back (read.ts) against the plan it was
 * made from. The export refuses to replace the old file when any problem is found; the tests run
 * the same checks. Each problem names the slide (1-based) and the shape.
 */

const EMU_PER_PX = 914400 / PX_PER_INCH;

/** Shapes that hold text by design: everything but decorations and connectors (and charts, pictures). */
function holdsText(s: ReadShape): boolean {
  return s.kind === 'sp' && !s.name.startsWith('decor:');
}

function overlaps(a: NonNullable<ReadShape['box']>, b: NonNullable<ReadShape['box']>): boolean {
  const slack = 2 * EMU_PER_PX;
  return a.x + slack < b.x + b.w && b.x + slack < a.x + a.w && a.y + slack < b.y + b.h && b.y + slack < a.y + a.h;
}

/** Problems of a written file; empty when it is right. */
export function pptxProblems(report: PptxReport, plan: DeckPlan): string[] {
  const problems: string[] = [];
  const where = (i: number, what = ''): string =>
    `slide ${i} (#${plan.slides[i - 1]?.id ?? '?'})${what ? ` ${what}` : ''}`;
  if (report.slides.length !== plan.slides.length) {
    problems.push(`${report.slides.length} slides written, the deck has ${plan.slides.length}`);
  }
  const wide = Math.round(13.333 * 914400);
  if (Math.abs(report.size.cx - wide) > 914400 / 100 || Math.abs(report.size.cy - 7.5 * 914400) > 914400 / 100) {
    problems.push(`slide size ${report.size.cx}×${report.size.cy} EMU is not 16:9 (13.333 × 7.5 in)`);
  }
  const expected = plan.sections.map((s) => s.title).join(' / ');
  const got = report.sections.map((s) => s.name).join(' / ');
  if (expected !== got) problems.push(`sections are "${got}", expected "${expected}"`);
  let at = 1;
  for (const [k, section] of plan.sections.entries()) {
    const want = section.slideIds.map((_, j) => at + j);
    at += section.slideIds.length;
    const have = report.sections[k]?.slides ?? [];
    if (want.join(',') !== have.join(','))
      problems.push(`section ${section.title} holds slides ${have.join(',')}, expected ${want.join(',')}`);
  }
  if (report.missingParts.length > 0)
    problems.push(`[Content_Types].xml names missing parts: ${report.missingParts.join(', ')}`);
  for (const slide of report.slides) {
    const planned = plan.slides[slide.index - 1];
    if (!planned) continue;
    if (!slide.title || slide.title.trim() === '')
      problems.push(`${where(slide.index)} has no title in its title placeholder`);
    for (const shape of slide.shapes) {
      if (holdsText(shape) && shape.text.trim() === '') {
        problems.push(`${where(slide.index, `"${shape.name}"`)} is an empty text box`);
      }
      if (shape.kind === 'pic')
        problems.push(`${where(slide.index, `"${shape.name}"`)} is a picture (the deck's slides have none)`);
      const b = shape.box;
      if (b && (b.x < 0 || b.y < 0 || b.x + b.w > report.size.cx + 1 || b.y + b.h > report.size.cy + 1)) {
        problems.push(`${where(slide.index, `"${shape.name}"`)} runs past the slide's edge`);
      }
      for (const p of shape.paragraphs) {
        for (const r of p.runs) {
          if (r.lang !== 'zh-CN')
            problems.push(
              `${where(slide.index, `"${shape.name}"`)}: a run in lang ${r.lang ?? '(none)'}: ${r.text.slice(0, 20)}`,
            );
          if (r.eastAsian !== plan.fonts.eastAsian)
            problems.push(
              `${where(slide.index, `"${shape.name}"`)}: a run without the East-Asian font ${plan.fonts.eastAsian}: ${r.text.slice(0, 20)}`,
            );
        }
      }
    }
    const texts = slide.shapes.filter((s) => holdsText(s) && s.box);
    for (let a = 0; a < texts.length; a++) {
      for (let b = a + 1; b < texts.length; b++) {
        if (overlaps(texts[a]!.box!, texts[b]!.box!)) {
          problems.push(
            `${where(slide.index)}: "${texts[a]!.name}" and "${texts[b]!.name}" overlap (text does not fit the slide)`,
          );
        }
      }
    }
    const wantNotes = planned.notes.join('');
    const haveNotes = slide.notes.map((p) => p.text).join('');
    if (wantNotes.replace(/\s/g, '') !== haveNotes.replace(/\s/g, ''))
      problems.push(`${where(slide.index)}: the notes differ from the deck's`);
    const chartFrames = planned.shapes.filter((s) => s.kind === 'chart');
    if (slide.charts.length !== chartFrames.length)
      problems.push(`${where(slide.index)} has ${slide.charts.length} charts, expected ${chartFrames.length}`);
    chartFrames.forEach((frame, k) => {
      const read = slide.charts[k];
      if (!read || frame.kind !== 'chart') return;
      if (!read.workbook) problems.push(`${where(slide.index)}: chart ${read.part} has no embedded data sheet`);
      frame.chart.series.forEach((s, j) => {
        const r = read.series[j];
        if (!r || r.name !== s.name)
          problems.push(
            `${where(slide.index)}: chart series ${j + 1} is "${r?.name ?? '(none)'}", expected "${s.name}"`,
          );
        else if (JSON.stringify(r.values) !== JSON.stringify(s.values))
          problems.push(`${where(slide.index)}: chart series "${s.name}" holds other values than the deck's`);
      });
    });
    const links = planned.shapes.flatMap((s) => (s.kind === 'text' && s.link ? [s] : []));
    for (const link of links) {
      const shape = slide.shapes.find((s) => s.name === link.name);
      const want = plan.slides.findIndex((s) => s.id === link.link!.slide) + 1;
      if (!shape || shape.linkSlide !== want) {
        problems.push(
          `${where(slide.index, `"${link.name}"`)} links to slide ${shape?.linkSlide ?? '(none)'}, expected ${want}`,
        );
      }
    }
  }
  const p = report.properties;
  if (p['dc:title'] !== plan.properties.title) problems.push(`title property is "${p['dc:title'] ?? ''}"`);
  if (p['dc:subject'] !== plan.properties.subject) problems.push(`subject property is "${p['dc:subject'] ?? ''}"`);
  if (p['dc:language'] !== 'zh-CN') problems.push(`language property is "${p['dc:language'] ?? ''}", expected zh-CN`);
  if (plan.properties.date && report.custom['会议日期'] !== plan.properties.date)
    problems.push(`the deck's date is not in the file's properties`);
  return problems;
}
