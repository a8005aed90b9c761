/** A part's heading and bookmark text: `起 · 把握城镇化发展规律…`, or the label alone when the title repeats it. */
export function partHeadingText(part: { label: string; title: string }): string {
  return part.title && part.title !== part.label ? `${part.label} · ${part.title}` : part.label;
}
