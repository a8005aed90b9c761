import type { RevealPlugin } from 'reveal.js';
import { deckData } from '../deck-data.ts';
import { t } from '../../common/i18n.ts';
import { isPrintView } from '../../common/print.ts';
import {
  READING_POSITION,
  iconButton,
  isReading,
  requestReading,
  studyBar,
  type ReadingPositionDetail,
} from './contract.ts';
import { printPart, printPartLabel } from './print-part.ts';
import { deckKeyPrefix, safeStore, type SafeStore } from './storage.ts';
import {
  DEFAULT_STEP,
  NIGHT_CLASS,
  SIZE_KEY,
  TEXT_STEPS,
  THEME_KEY,
  parseTextStep,
  parseTheme,
} from './comfort-prefs.ts';

const ICON_TEXT = 'M4 19 9 5l5 14M6 14h6M15 19l3.5-9 3.5 9M16.2 16h4.6';

/**
 * Reading comfort: a 阅读设置 panel in the toolbar (reading view) with A− / A+ (the reading view's
 * text size as a multiple of a rem size, so a larger browser default font is honoured; remembered
 * per deck) and 深色模式 (the night theme; follows `prefers-color-scheme` until the reader chooses,
 * and the choice is remembered).
 */
export function comfortPlugin(): RevealPlugin {
  let store: SafeStore | null = null;
  let step = DEFAULT_STEP;
  let theme: 'night' | 'day' | null = null;
  let button: HTMLButtonElement | null = null;
  let panel: HTMLElement | null = null;
  let smaller: HTMLButtonElement | null = null;
  let larger: HTMLButtonElement | null = null;
  let size: HTMLElement | null = null;
  let night: HTMLInputElement | null = null;
  let dark: MediaQueryList | null = null;
  const root = document.documentElement;
  /** Where the reader is in the reading view (its READING_POSITION events). */
  let place: ReadingPositionDetail | null = null;
  const onPlace = (event: Event): void => {
    place = (event as CustomEvent<ReadingPositionDetail>).detail ?? null;
  };

  const apply = (): void => {
    const scale = TEXT_STEPS[step] ?? 1;
    root.style.setProperty('--study-scale', String(scale));
    const isNight = theme ? theme === 'night' : (dark?.matches ?? false);
    root.classList.toggle(NIGHT_CLASS, isNight);
    if (size) size.textContent = `${Math.round(scale * 100)}%`;
    if (smaller) smaller.disabled = step === 0;
    if (larger) larger.disabled = step === TEXT_STEPS.length - 1;
    if (night) night.checked = isNight;
  };

  const setStep = (next: number): void => {
    const before = TEXT_STEPS[step] ?? 1;
    const at = isReading() ? place : null;
    step = Math.max(0, Math.min(TEXT_STEPS.length - 1, next));
    store?.set(SIZE_KEY, TEXT_STEPS[step]);
    apply();
    // Everything above the reader grows or shrinks with the text, and the browser cannot keep the
    // place (the margins change too): the same slide, the same share into it, stays at the top.
    if (at) {
      const offset = Math.round((at.offset * (TEXT_STEPS[step] ?? 1)) / before);
      requestReading({ active: true, slideId: at.slideId, offset });
    }
  };

  const setOpen = (open: boolean): void => {
    if (!panel || !button) return;
    // The part to print is the one being read now.
    const print = panel.querySelector('.study-print-part-button');
    if (open && print) print.textContent = printPartLabel();
    panel.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
  };

  const onOutside = (event: Event): void => {
    if (panel && !panel.hidden && !panel.contains(event.target as Node) && !button?.contains(event.target as Node))
      setOpen(false);
  };
  const onKey = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && panel && !panel.hidden) {
      setOpen(false);
      button?.focus();
    }
  };

  const build = (): void => {
    button = iconButton(t('studyComfort'), t('studyComfortTip'), ICON_TEXT, 'study-comfort-button');
    button.setAttribute('aria-expanded', 'false');
    button.setAttribute('aria-controls', 'study-comfort');
    button.addEventListener('click', () => setOpen(Boolean(panel?.hidden)));
    panel = document.createElement('div');
    panel.id = 'study-comfort';
    panel.className = 'study-comfort';
    panel.setAttribute('role', 'group');
    panel.setAttribute('aria-label', t('studyComfort'));
    panel.hidden = true;

    const sizeRow = document.createElement('div');
    sizeRow.className = 'study-comfort-row';
    const sizeLabel = document.createElement('span');
    sizeLabel.textContent = t('studyTextSize');
    smaller = document.createElement('button');
    smaller.type = 'button';
    smaller.textContent = 'A−';
    smaller.setAttribute('aria-label', t('studyTextSmaller'));
    smaller.addEventListener('click', () => setStep(step - 1));
    size = document.createElement('output');
    size.className = 'study-comfort-size';
    size.setAttribute('aria-live', 'polite');
    larger = document.createElement('button');
    larger.type = 'button';
    larger.textContent = 'A+';
    larger.setAttribute('aria-label', t('studyTextLarger'));
    larger.addEventListener('click', () => setStep(step + 1));
    sizeRow.append(sizeLabel, smaller, size, larger);

    const themeRow = document.createElement('label');
    themeRow.className = 'study-comfort-row study-comfort-night';
    night = document.createElement('input');
    night.type = 'checkbox';
    night.setAttribute('role', 'switch');
    night.addEventListener('change', () => {
      theme = night!.checked ? 'night' : 'day';
      store?.set(THEME_KEY, theme);
      apply();
    });
    themeRow.append(night, document.createTextNode(t('studyNight')));
    const printRow = document.createElement('div');
    printRow.className = 'study-comfort-row';
    const print = document.createElement('button');
    print.type = 'button';
    print.className = 'study-print-part-button';
    print.addEventListener('click', () => {
      setOpen(false);
      printPart();
    });
    printRow.append(print);
    panel.append(sizeRow, themeRow, printRow);

    const bar = studyBar(t('studyToolbar'));
    const search = bar.querySelector('.study-search-button');
    if (search) search.before(button);
    else bar.append(button);
    bar.after(panel);
  };

  return {
    id: 'study-comfort',
    init() {
      const search = new URLSearchParams(window.location.search);
      if (isPrintView(window.location.search) || search.has('receiver')) return;
      store = safeStore(() => window.localStorage, deckKeyPrefix(deckData.meta.title, window.location.pathname));
      step = parseTextStep(store.get(SIZE_KEY));
      theme = parseTheme(store.get(THEME_KEY));
      dark = window.matchMedia?.('(prefers-color-scheme: dark)') ?? null;
      // Safari before 14 has only addListener; the target browsers all have addEventListener.
      dark?.addEventListener('change', apply);
      build();
      apply();
      document.addEventListener('pointerdown', onOutside);
      document.addEventListener('keydown', onKey);
      document.addEventListener(READING_POSITION, onPlace);
    },
    destroy() {
      dark?.removeEventListener('change', apply);
      document.removeEventListener('pointerdown', onOutside);
      document.removeEventListener('keydown', onKey);
      document.removeEventListener(READING_POSITION, onPlace);
      button?.remove();
      panel?.remove();
      root.classList.remove(NIGHT_CLASS);
      root.style.removeProperty('--study-scale');
      store = null;
    },
  };
}
