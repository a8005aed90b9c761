/**
 * Buttons and links that a mouse click leaves unfocused, so the presenter's next key still drives
 * the deck: after clicking the next arrow, A+ or a part button, Space is "next", not a second click on the
 * same control. The keyboard still reaches them with Tab, and Space and Enter then press them.
 * (`:focus-visible` cannot tell: Chrome turns it on for a clicked button at the next key press.)
 */
export function clickLeavesFocus(doc: Document, selector: string): () => void {
  const onMouseDown = (event: MouseEvent): void => {
    const target = event.target as Element | null;
    if (target?.closest?.(selector)) event.preventDefault();
  };
  doc.addEventListener('mousedown', onMouseDown, true);
  return () => doc.removeEventListener('mousedown', onMouseDown, true);
}
