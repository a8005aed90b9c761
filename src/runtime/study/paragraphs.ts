import type { RevealPlugin } from 'reveal.js';
import { allSlides } from '../deck-data.ts';
import { t } from '../../common/i18n.ts';
import { isPrintView } from '../../common/print.ts';
import { iconSvg } from '../../common/svg.ts';
import { READING_EVENT, isReading } from './contract.ts';
import { paragraphAddress, paragraphElementId, paragraphUrl, parseParagraphAddress } from './paragraph-address.ts';

/** How long a paragraph opened by its address stays highlighted (ms). */
const FLASH_MS = 2400;
const FLASH_CLASS = 'study-para-flash';
const ICON_LINK = 'M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1';

/** Highlights `el` briefly (a paragraph opened by its address, a note opened from the list). */
export function flash(el: HTMLElement): void {
  el.classList.remove(FLASH_CLASS);
  // Restart the animation when the same paragraph is opened twice.
  void el.offsetWidth;
  el.classList.add(FLASH_CLASS);
  window.setTimeout(() => el.classList.remove(FLASH_CLASS), FLASH_MS);
}

/** The speech paragraph an address names (`#/qi-trend/p2`), if the page has it. */
export function addressedParagraph(hash: string): HTMLElement | null {
  const place = parseParagraphAddress(hash);
  return place ? document.getElementById(paragraphElementId(place.slideId, place.n)) : null;
}

/** Copies `text`: the Clipboard API where the page may use it, else a selected field and copy. */
async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    /* refused (no permission, file://): try the older way */
  }
  const field = document.createElement('textarea');
  field.value = text;
  field.setAttribute('readonly', '');
  field.className = 'study-copy-field';
  document.body.append(field);
  field.select();
  let ok = false;
  try {
    // Deprecated but the only copy Safari 16 and file:// pages allow without the Clipboard API.
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  field.remove();
  return ok;
}

/** One slide's speech paragraphs and the row of link buttons placed beside them. */
interface SlideLinks {
  section: HTMLElement;
  row: HTMLElement;
  pairs: [HTMLElement, HTMLButtonElement][];
}

/**
 * Paragraph links: every paragraph of the speech text (the notes' speech role) gets a stable
 * address (`#/<slide>/p<n>`, paragraph-address.ts) and, in the reading view, a 复制链接 button
 * that copies it and says so. Opening such an address scrolls the reading view to the paragraph
 * and highlights it briefly (reading-view.ts brings it up; `flash` marks it). Where copying is
 * refused the address is shown selected in a field, to copy by hand.
 *
 * The buttons live in a row after the slide's notes, never inside them: the speaker view and
 * print read the notes as they are. Each is placed beside its paragraph's first line, and placed
 * again whenever the slide's size changes (a wider window, A+/A−, a chart drawn).
 */
export function paragraphLinksPlugin(): RevealPlugin {
  let status: HTMLElement | null = null;
  let clearing = 0;
  let observer: ResizeObserver | null = null;
  let frame = 0;
  const slides: SlideLinks[] = [];
  const stale = new Set<SlideLinks>();

  const announce = (text: string): void => {
    if (!status) return;
    status.textContent = '';
    // Set after a pause, so the same message is announced again; cleared when it has been read.
    window.setTimeout(() => status && (status.textContent = text), 30);
    window.clearTimeout(clearing);
    clearing = window.setTimeout(() => status && (status.textContent = ''), FLASH_MS);
  };

  const onCopy = async (button: HTMLButtonElement, address: string): Promise<void> => {
    const href = paragraphUrl(window.location.href, address);
    if (await copyText(href)) {
      button.dataset.copied = 'true';
      announce(t('studyLinkCopied'));
      window.setTimeout(() => delete button.dataset.copied, FLASH_MS);
      return;
    }
    const field = document.createElement('input');
    field.type = 'text';
    field.readOnly = true;
    field.value = href;
    field.className = 'study-link-field';
    field.setAttribute('aria-label', t('studyLinkManual'));
    field.style.top = button.style.top;
    button.after(field);
    field.focus();
    field.select();
    field.addEventListener('blur', () => field.remove(), { once: true });
  };

  /** Puts each button of `links` level with its paragraph's first line. */
  const place = (links: SlideLinks): void => {
    const origin = links.row.getBoundingClientRect().top;
    for (const [p, button] of links.pairs) {
      const line = parseFloat(getComputedStyle(p).lineHeight) || p.getBoundingClientRect().height;
      const top = p.getBoundingClientRect().top - origin + line / 2;
      button.style.top = `${Math.round(top)}px`;
    }
  };

  const placeStale = (): void => {
    frame = 0;
    if (!isReading()) return;
    for (const links of stale) place(links);
    stale.clear();
  };

  const placeAll = (): void => {
    for (const links of slides) stale.add(links);
    if (!frame) frame = window.requestAnimationFrame(placeStale);
  };

  const build = (): void => {
    const bySection = new Map<Element, SlideLinks>();
    observer = new ResizeObserver((entries) => {
      for (const entry of entries) {
        const links = bySection.get(entry.target);
        if (links) stale.add(links);
      }
      if (!frame) frame = window.requestAnimationFrame(placeStale);
    });
    for (const slide of allSlides) {
      const section = document.querySelector<HTMLElement>(`section[id="${CSS.escape(slide.id)}"]`);
      const notes = section?.querySelector<HTMLElement>(':scope > aside.notes');
      if (!section || !notes) continue;
      const paragraphs = notes.querySelectorAll<HTMLElement>(':scope > [data-role="speech"] > p');
      if (paragraphs.length === 0) continue;
      const row = document.createElement('div');
      row.className = 'study-para-links';
      const links: SlideLinks = { section, row, pairs: [] };
      paragraphs.forEach((p, i) => {
        const n = i + 1;
        const address = paragraphAddress(slide.id, n);
        p.id = paragraphElementId(slide.id, n);
        // reveal looks an address up by id, then by data-id: so `#/<slide>/p<n>` shows its slide.
        p.dataset.id = address;
        p.classList.add('study-para');
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'study-para-link';
        button.title = t('studyCopyLinkTip');
        button.setAttribute('aria-label', t('studyCopyLinkLabel', { n }));
        button.append(iconSvg(document, ICON_LINK));
        button.addEventListener('click', () => void onCopy(button, address));
        row.append(button);
        links.pairs.push([p, button]);
      });
      notes.after(row);
      slides.push(links);
      bySection.set(section, links);
      observer.observe(section);
    }
  };

  return {
    id: 'paragraph-links',
    init() {
      if (isPrintView(window.location.search)) return;
      status = document.createElement('p');
      status.className = 'study-link-status';
      status.setAttribute('role', 'status');
      document.body.append(status);
      build();
      document.addEventListener(READING_EVENT, placeAll);
    },
    destroy() {
      document.removeEventListener(READING_EVENT, placeAll);
      observer?.disconnect();
      observer = null;
      window.cancelAnimationFrame(frame);
      frame = 0;
      for (const links of slides.splice(0)) {
        links.row.remove();
        for (const [p] of links.pairs) {
          p.classList.remove('study-para', FLASH_CLASS);
          p.removeAttribute('id');
          delete p.dataset.id;
        }
      }
      stale.clear();
      status?.remove();
      status = null;
    },
  };
}
