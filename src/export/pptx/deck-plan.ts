import type { ChartPayload } from '../../charts/registry.ts';
import { ROLES } from '../../markdown/roles.ts';
import type { ContentRole, Deck, Slide } from '../../markdown/types.ts';
import { buildOutline } from '../../structure/outline.ts';
import { planChart } from './charts.ts';
import { layoutSlide, type LayoutContext } from './layout.ts';
import type { DeckPlan, PlannedSlide, PptxFonts } from './plan.ts';
import { TEXT } from './strings.ts';

/** Options of `planDeck`. */
export interface PlanOptions {
  /** Each chart's prepared data, by chart id (src/charts/validate.ts `chartPayload`). */
  charts: Readonly<Record<string, ChartPayload>>;
  /** Typefaces; default: the front matter's `pptx:` settings, else 微软雅黑 with Noto Sans SC as the substitute. */
  fonts?: Partial<PptxFonts>;
  /** A picture's file and size (pictures the author placed in public/). */
  image?: LayoutContext['image'];
}

/** The typefaces when neither the caller nor the front matter names any. */
export const DEFAULT_FONTS: PptxFonts = { eastAsian: '微软雅黑', fallback: 'Noto Sans SC' };

/** Roles the presenter view's notes carry, as the speaker view does: all but provenance. */
const NOTE_ROLES: readonly ContentRole[] = ['speech', 'direction', 'note', 'editorial'];

/**
 * The speaker notes of a slide, one entry per paragraph: the speech for this slide and, in source
 * order, the stage directions, notes to the speaker and editorial summaries, each opened with its
 * label (【演讲提示】…) so the speaker never reads a direction aloud.
 */
export function slideNotes(slide: Slide): string[] {
  return slide.notes
    .filter((b) => NOTE_ROLES.includes(b.role))
    .flatMap((b) => {
      const lines = b.text
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      if (b.role === 'speech' || lines.length === 0) return lines;
      return [`【${ROLES[b.role].label}】${lines[0]}`, ...lines.slice(1)];
    });
}

/**
 * The PowerPoint file as plain data: one slide per deck slide in deck order, a section per part
 * (named by its label: 开篇, 起, 承, 转, 合, 结语), each slide laid out with its notes, the
 * properties from the deck settings. Pure.
 */
export function planDeck(deck: Deck, options: PlanOptions): DeckPlan {
  const outline = buildOutline(deck);
  const charts = new Map(Object.entries(options.charts).map(([id, payload]) => [id, planChart(payload)]));
  const slides = deck.parts.flatMap((p) => p.slides);
  const ctx: LayoutContext = {
    showEditorialMarks: deck.meta.showEditorialMarks,
    charts,
    outline,
    titles: new Map(slides.map((s) => [s.id, s.title])),
    image: options.image,
  };
  const planned: PlannedSlide[] = deck.parts.flatMap((part) =>
    part.slides.map((slide) => {
      const laid = layoutSlide(slide, ctx);
      return {
        id: slide.id,
        title: laid.title,
        section: part.label,
        layout: laid.layout,
        shapes: laid.shapes,
        notes: slideNotes(slide),
      };
    }),
  );
  const m = deck.meta;
  const author = [m.speaker, m.organiser]
    .map((s) => s.trim())
    .filter(Boolean)
    .join('；');
  const keywords = [...new Set(deck.parts.flatMap((p) => [p.label, p.theme]).filter(Boolean))].join('；');
  return {
    properties: {
      title: m.title,
      subject: TEXT.subject(m.occasion),
      author,
      date: m.date,
      language: 'zh-CN',
      keywords,
    },
    fonts: {
      eastAsian: options.fonts?.eastAsian ?? m.pptx?.font ?? DEFAULT_FONTS.eastAsian,
      fallback: options.fonts?.fallback ?? m.pptx?.fallback ?? DEFAULT_FONTS.fallback,
    },
    custom: [
      ['会议', m.occasion],
      ['会议日期', m.date],
      ['讲话人', m.speaker],
      ['主办单位', m.organiser],
      ['地点', m.venue],
    ],
    sections: deck.parts.map((p) => ({ title: p.label, slideIds: p.slides.map((s) => s.id) })),
    slides: planned,
  };
}
