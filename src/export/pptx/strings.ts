/** Chinese text the PowerPoint file adds of its own (everything else comes from the slides and charts). */
export const TEXT = {
  /** The pace of change of the comparison chart (the web chart writes it beside each line). */
  pace: (from: number, to: number, list: string) => `每十年增幅（${from}–${to}年，百分点）：${list}`,
  /** Before a chart's source line and footnote, as under the web chart. */
  source: (text: string) => `来源：${text}`,
  note: (text: string) => `注：${text}`,
  /** The quiet tag on editorial slides (src/markdown/compile.ts EDITORIAL_TAG). */
  editorialTag: '编者概括',
  /** Subject line of the file's properties. */
  subject: (occasion: string) => ['讲话幻灯片（可编辑）', occasion].filter(Boolean).join(' · '),
  /** Tooltip of a diagram node's link. */
  goTo: (title: string) => `转到：${title}`,
} as const;
