import { t } from '../../common/i18n.ts';

/** Classes the print styles hang on (study.css): which part's stack prints, and that one does. */
const PRINTING = 'study-print-part';
const THIS_PART = 'study-print-this';

/** The part of the slide at the top of the reading view (under the toolbar): its stack section. */
export function partAtTop(): HTMLElement | null {
  const bar = document.querySelector('.study-bar')?.getBoundingClientRect().bottom ?? 0;
  const slides = document.querySelectorAll<HTMLElement>('.reveal .slides > section > section[id]');
  for (const slide of slides) {
    if (slide.getBoundingClientRect().bottom > bar + 8) return slide.parentElement;
  }
  return null;
}

/** The words of the 打印本部分 button for the part at the top now. */
export function printPartLabel(): string {
  return t('studyPrintPart', { part: partAtTop()?.dataset.label ?? '' });
}

/**
 * Prints one part of the speech from the reading view: its slides with their full text, with the
 * print styles, and nothing of the other parts; the page is as it was after the print dialog.
 */
export function printPart(part: HTMLElement | null = partAtTop()): void {
  if (!part) return;
  const root = document.documentElement;
  part.classList.add(THIS_PART);
  root.classList.add(PRINTING);
  const done = (): void => {
    part.classList.remove(THIS_PART);
    root.classList.remove(PRINTING);
  };
  window.addEventListener('afterprint', done, { once: true });
  window.print();
}
