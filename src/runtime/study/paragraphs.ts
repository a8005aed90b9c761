import type { RevealPlugin } from 'reveal.js';
import { allSlides } from '../deck-data.ts';
import { t, type UiKey } from '../../common/i18n.ts';
import { rovingIndex } from '../../common/keys.ts';
import { isPrintView } from '../../common/print.ts';
import { iconSvg } from '../../common/svg.ts';
import { say } from '../status.ts';
import { READING_EVENT, READING_LAID_OUT, isReading, notesAvailable, requestNote } from './contract.ts';
import { paragraphAddress, paragraphElementId, paragraphUrl, parseParagraphAddress } from './paragraph-address.ts';

/** How long a paragraph opened by its address stays highlighted (ms). */
const FLASH_MS = 2400;
const FLASH_CLASS = 'study-para-flash';
const ICON_LINK = 'M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1';
const MENU_ID = 'study-para-menu';

/** What a paragraph's menu offers, in order. The last two need the notes plugin. */
type ParaAction = 'copy' | 'highlight' | 'note';
const MENU_ITEMS: readonly [ParaAction, UiKey][] = [
  ['copy', 'studyCopyLink'],
  ['highlight', 'studyParaHighlight'],
  ['note', 'studyParaNote'],
];

/** The paragraph a menu button belongs to, and its address. */
interface MenuTarget {
  button: HTMLButtonElement;
  paragraph: HTMLElement;
  address: string;
  n: number;
}

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

/** One slide's speech paragraphs and the row of menu buttons placed beside them. */
interface SlideLinks {
  section: HTMLElement;
  row: HTMLElement;
  pairs: [HTMLElement, HTMLButtonElement][];
}

/**
 * Paragraph links and the paragraph menu: every paragraph of the speech text (the notes' speech
 * role) gets a stable address (`#/<slide>/p<n>`, paragraph-address.ts) and, in the reading view,
 * a menu button (one tab stop per paragraph; the ARIA menu button pattern) offering 复制链接 (copy
 * the address and say so), 划线本段 and 为本段写笔记 (the whole paragraph, through the notes
 * plugin's `requestNote`, contract.ts): so a keyboard or touch reader highlights and writes notes
 * without selecting words. Opening an address scrolls the reading view to the paragraph and
 * highlights it briefly (reading-view.ts brings it up; `flash` marks it). Where copying is refused
 * the address is shown selected in a field, to copy by hand.
 *
 * The buttons live in a row after the slide's notes, never inside them: the speaker view and
 * print read the notes as they are. Each is placed beside its paragraph's first line, and placed
 * again whenever the slide's size changes (a wider window, A+/A−, a chart drawn).
 */
export function paragraphLinksPlugin(): RevealPlugin {
  let status: HTMLElement | null = null;
  let observer: ResizeObserver | null = null;
  let frame = 0;
  const slides: SlideLinks[] = [];
  const stale = new Set<SlideLinks>();
  /** One menu for the page, moved beside the button that opens it. */
  let menu: HTMLElement | null = null;
  let open: MenuTarget | null = null;

  const announce = (text: string): void => {
    if (status) say(status, text, FLASH_MS);
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

  const items = (): HTMLButtonElement[] =>
    menu ? [...menu.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')].filter((i) => !i.hidden) : [];

  const closeMenu = (focusButton: boolean): void => {
    if (!menu || !open) return;
    const { button } = open;
    open = null;
    menu.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    // Only while the menu is there to point at (it is one element, moved to the open button).
    button.removeAttribute('aria-controls');
    if (focusButton) button.focus();
  };

  const act = (action: ParaAction): void => {
    if (!open) return;
    const { button, paragraph, address } = open;
    // The note editor takes focus itself and gives it back to the button when it closes.
    closeMenu(action !== 'note');
    if (action === 'copy') void onCopy(button, address);
    else if (!requestNote({ target: paragraph, action, returnFocus: button })) button.focus();
  };

  const buildMenu = (): HTMLElement => {
    const m = document.createElement('div');
    m.id = MENU_ID;
    m.className = 'study-para-menu';
    m.setAttribute('role', 'menu');
    // Modal while open (common/keys.ts): the page's own keys (R, /, Esc) wait until it closes.
    m.dataset.deckModal = '';
    m.hidden = true;
    for (const [action, label] of MENU_ITEMS) {
      const item = document.createElement('button');
      item.type = 'button';
      item.setAttribute('role', 'menuitem');
      item.tabIndex = -1;
      item.dataset.action = action;
      item.textContent = t(label);
      item.addEventListener('click', () => act(action));
      m.append(item);
    }
    m.addEventListener('keydown', (e) => {
      const list = items();
      const to = rovingIndex(e.key, list.indexOf(document.activeElement as HTMLButtonElement), list.length, 'vertical');
      if (to !== null) {
        e.preventDefault();
        list[to]?.focus();
      } else if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        closeMenu(true);
      }
    });
    // Tab (or a tap elsewhere) moves focus out: the menu closes and focus goes on as usual.
    m.addEventListener('focusout', (e) => {
      const to = e.relatedTarget as Node | null;
      if (!to || !(m.contains(to) || open?.button === to)) closeMenu(false);
    });
    return m;
  };

  /** Opens the menu of `target` under its button (above it near the bottom of the screen). */
  const openMenu = (target: MenuTarget, focus: 'first' | 'last'): void => {
    if (open) closeMenu(false);
    menu ??= buildMenu();
    const m = menu;
    const notes = notesAvailable();
    for (const item of m.querySelectorAll<HTMLButtonElement>('[role="menuitem"]'))
      item.hidden = item.dataset.action !== 'copy' && !notes;
    m.setAttribute('aria-label', t('studyParaMenu', { n: target.n }));
    // Right after its button: Tab from the menu reaches the next paragraph's button.
    target.button.after(m);
    m.style.top = '';
    m.style.bottom = '';
    m.hidden = false;
    const top = parseFloat(target.button.style.top) || 0;
    const half = target.button.offsetHeight / 2;
    m.style.top = `${Math.round(top + half + 4)}px`;
    if (m.getBoundingClientRect().bottom > window.innerHeight - 8)
      m.style.top = `${Math.round(top - half - 4 - m.offsetHeight)}px`;
    target.button.setAttribute('aria-expanded', 'true');
    target.button.setAttribute('aria-controls', MENU_ID);
    open = target;
    const list = items();
    (focus === 'first' ? list[0] : list.at(-1))?.focus();
  };

  const onPointerDown = (e: PointerEvent): void => {
    if (open && !(menu?.contains(e.target as Node) || open.button.contains(e.target as Node))) closeMenu(false);
  };

  /**
   * Where each button of `links` goes: level with its paragraph's first line. Only measures, so
   * that measuring every stale slide costs one layout, not one per button.
   */
  const measure = (links: SlideLinks): number[] => {
    const origin = links.row.getBoundingClientRect().top;
    return links.pairs.map(([p]) => {
      const line = parseFloat(getComputedStyle(p).lineHeight) || p.getBoundingClientRect().height;
      return Math.round(p.getBoundingClientRect().top - origin + line / 2);
    });
  };

  /** Whether `el` lies in a slide the browser skips laying out for now (false where unknown). */
  const skipped = (el: HTMLElement): boolean =>
    typeof el.checkVisibility === 'function' && !el.checkVisibility({ contentVisibilityAuto: true });

  const closeOnLeave = (): void => {
    if (!isReading()) closeMenu(false);
  };

  const placeStale = (): void => {
    frame = 0;
    if (!isReading()) return;
    // A slide far from the screen is not laid out (study.css, `content-visibility`): measuring it
    // would lay it out now. It is measured when it comes near the screen (`onShown`).
    const ready = [...stale].filter((links) => !skipped(links.row));
    const tops = ready.map(measure);
    ready.forEach((links, i) => links.pairs.forEach(([, button], j) => (button.style.top = `${tops[i]![j]}px`)));
    for (const links of ready) stale.delete(links);
  };

  /** A slide coming near the screen is laid out: its buttons are placed then. */
  const onShown = (event: Event): void => {
    if ((event as ContentVisibilityAutoStateChangeEvent).skipped) return;
    const links = slides.find((l) => l.section === event.currentTarget);
    if (!links || !isReading()) return;
    stale.add(links);
    if (!frame) frame = window.requestAnimationFrame(placeStale);
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
        button.title = t('studyParaMenuTip');
        button.setAttribute('aria-label', t('studyParaMenuLabel', { n }));
        button.setAttribute('aria-haspopup', 'menu');
        button.setAttribute('aria-expanded', 'false');
        button.append(iconSvg(document, ICON_LINK));
        const target: MenuTarget = { button, paragraph: p, address, n };
        button.addEventListener('click', () => {
          if (open?.button === button) closeMenu(true);
          else openMenu(target, 'first');
        });
        button.addEventListener('keydown', (e) => {
          if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
          e.preventDefault();
          openMenu(target, e.key === 'ArrowDown' ? 'first' : 'last');
        });
        row.append(button);
        links.pairs.push([p, button]);
      });
      notes.after(row);
      slides.push(links);
      bySection.set(section, links);
      observer.observe(section);
      section.addEventListener('contentvisibilityautostatechange', onShown);
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
      document.addEventListener(READING_LAID_OUT, placeAll);
      document.addEventListener(READING_EVENT, closeOnLeave);
      document.addEventListener('pointerdown', onPointerDown, true);
    },
    destroy() {
      closeMenu(false);
      menu?.remove();
      menu = null;
      document.removeEventListener(READING_EVENT, placeAll);
      document.removeEventListener(READING_LAID_OUT, placeAll);
      document.removeEventListener(READING_EVENT, closeOnLeave);
      document.removeEventListener('pointerdown', onPointerDown, true);
      observer?.disconnect();
      observer = null;
      window.cancelAnimationFrame(frame);
      frame = 0;
      for (const links of slides.splice(0)) {
        links.section.removeEventListener('contentvisibilityautostatechange', onShown);
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
