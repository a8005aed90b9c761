/** Separators an author puts after a part's label inside its title: `开篇：运用…`, `起 · 把握…`. */
const LABEL_SEPARATOR = /^\s*(?:[：:·、]|\s)\s*/;

/** The title without the label it may start with (`开篇：运用…` → `运用…`); the title itself otherwise. */
export function titleWithoutLabel(part: { label: string; title: string }): string {
  const { label, title } = part;
  if (!label || !title.startsWith(label) || title === label) return title;
  const rest = title.slice(label.length);
  const separator = LABEL_SEPARATOR.exec(rest);
  return separator ? rest.slice(separator[0].length) : title;
}

/**
 * A part's heading and bookmark text: `起 · 把握城镇化发展规律…`, the label alone when the title
 * repeats it, and never the label twice (`开篇：运用…` gives `开篇 · 运用…`).
 */
export function partHeadingText(part: { label: string; title: string }): string {
  const title = titleWithoutLabel(part);
  // `合（编者概括）`: the label with a bracketed note already reads as a heading.
  if (title === part.title && /^[（(]/.test(title.slice(part.label.length)) && title.startsWith(part.label))
    return title;
  return title && title !== part.label ? `${part.label} · ${title}` : part.label;
}

/**
 * Whether a slide title only repeats its part's heading (the part's title slide, `起 · 把握…`, or
 * `结语：起承转合` under 结语): such a slide is not listed again under its part's bookmark.
 */
export function repeatsPart(slideTitle: string, part: { label: string; title: string }): boolean {
  const squash = (s: string): string => s.replace(/\s+/g, '');
  const title = squash(slideTitle);
  const heading = squash(partHeadingText(part));
  if (title === heading || title === squash(part.title) || title === squash(part.label)) return true;
  return LABEL_SEPARATOR.test(slideTitle.slice(part.label.length)) && slideTitle.startsWith(part.label);
}
