import type { RevealApi, RevealPlugin } from 'reveal.js';
import '../../../assets/styles/study.css';
import { pinyin } from 'virtual:deck';
import { allSlides, deckData, slideById } from '../deck-data.ts';
import { closeDeckDialog, deckDialog, showDeckDialog } from '../dialog.ts';
import { t } from '../../common/i18n.ts';
import { ownsKey } from '../../common/keys.ts';
import { isPrintView } from '../../common/print.ts';
import { goToSlide, iconButton, isReading, requestReading, studyBar } from './contract.ts';
import { buildIndex, echoQuery, search, snippet, type SearchHit, type SearchIndex } from './search-index.ts';
import { clearHighlights, highlight, textMap } from './text-map.ts';

const ICON_SEARCH = 'M10.5 4a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13zM15.5 15.5 20 20';
/** Most results listed at once (the count still covers every match). */
const RESULT_LIMIT = 80;
/** The slide's own text (without its notes) or the notes element, as the search sees them. */
function fieldElement(slideId: string, field: SearchHit['doc']['field']): Element | null {
  const section = document.getElementById(slideId);
  if (!section) return null;
  return field === 'notes' ? section.querySelector(':scope > aside.notes') : section;
}
/** Directions and notes to the speaker (collapsed in the reading view) and role labels are not searched. */
const fieldMap = (el: Element, field: SearchHit['doc']['field']) =>
  textMap(el, field === 'slide' ? 'aside.notes, .editorial-tag, .study-para-links' : 'details.role, .role-label');

/**
 * Full-text search over every slide and its notes (the whole speech): `/` or Ctrl+K (⌘K) or the
 * toolbar button opens a dialog with a result list (title, part, where, snippet with the match
 * marked). ↑/↓ choose, Enter opens: the deck goes to the slide and marks the match (a match in
 * the notes opens the reading view, where notes are shown). Input-method composition never fires
 * a half-typed search; queries are plain text, folded for width (src/markdown/fold.ts), and also
 * read as pinyin with the deck's own readings from the build (`pinyin` in virtual:deck).
 */
export function searchPlugin(): RevealPlugin {
  let deck: RevealApi | null = null;
  let index: SearchIndex | null = null;
  let dialog: HTMLDialogElement | null = null;
  let input: HTMLInputElement | null = null;
  let list: HTMLElement | null = null;
  let status: HTMLElement | null = null;
  let button: HTMLButtonElement | null = null;
  let hits: SearchHit[] = [];
  let active = -1;
  let composing = false;
  let highlighted: string | null = null;
  const cleanups: (() => void)[] = [];

  const ensureIndex = (): SearchIndex => {
    index ??= buildIndex(
      allSlides.flatMap((s) => {
        const docs = [];
        for (const field of ['slide', 'notes'] as const) {
          const el = fieldElement(s.id, field);
          if (el) docs.push({ slideId: s.id, field, text: fieldMap(el, field).text });
        }
        return docs;
      }),
    );
    return index;
  };

  const setActive = (i: number): void => {
    if (!list || !input) return;
    const options = [...list.querySelectorAll<HTMLElement>('[role="option"]')];
    active = options.length ? Math.max(0, Math.min(i, options.length - 1)) : -1;
    options.forEach((o, k) => o.setAttribute('aria-selected', String(k === active)));
    const el = options[active];
    if (el) {
      input.setAttribute('aria-activedescendant', el.id);
      el.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };

  const renderResults = (query: string): void => {
    if (!list || !status || !input) return;
    const result = search(ensureIndex(), query, RESULT_LIMIT, pinyin);
    hits = result.hits;
    list.replaceChildren();
    list.dataset.query = result.query;
    hits.forEach((hit, i) => {
      const data = slideById(hit.doc.slideId);
      const part = deckData.parts.find((p) => p.slides.some((s) => s.id === hit.doc.slideId));
      const li = document.createElement('li');
      li.id = `study-result-${i}`;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      li.dataset.slideId = hit.doc.slideId;
      li.dataset.field = hit.doc.field;
      const head = document.createElement('span');
      head.className = 'study-result-head';
      const title = document.createElement('span');
      title.className = 'study-result-title';
      title.textContent = data?.title ?? hit.doc.slideId;
      const meta = document.createElement('span');
      meta.className = 'study-result-meta';
      const where = t(hit.doc.field === 'notes' ? 'studySearchInNotes' : 'studySearchInSlide');
      meta.textContent = [part?.label, where, hit.count > 1 ? t('studySearchTimes', { n: hit.count }) : '']
        .filter(Boolean)
        .join(' · ');
      head.append(title, meta);
      const snip = snippet(hit.doc.text, hit.start, hit.end);
      const text = document.createElement('span');
      text.className = 'study-result-snippet';
      const mark = document.createElement('mark');
      mark.textContent = snip.match;
      text.append(snip.before, mark, snip.after);
      li.append(head, text);
      li.addEventListener('click', () => open(i));
      list!.append(li);
    });
    input.setAttribute('aria-expanded', String(hits.length > 0));
    if (!result.query) status.textContent = '';
    else if (!hits.length) status.textContent = t('studySearchNone', { query: echoQuery(query) });
    else
      status.textContent =
        t('studySearchCount', { total: result.total, slides: result.slides }) +
        (result.docs > hits.length ? t('studySearchMore', { shown: hits.length }) : '');
    setActive(hits.length ? 0 : -1);
  };

  const clearMarks = (): void => {
    clearHighlights(document);
    highlighted = null;
  };

  /** Goes to the hit's slide and marks the match. */
  const open = (i: number): void => {
    const hit = hits[i];
    const data = hit ? slideById(hit.doc.slideId) : undefined;
    if (!hit || !data || !deck) return;
    // Focus goes to the match, not back to the button that opened the search.
    if (dialog) closeDeckDialog(dialog, false);
    clearMarks();
    const el = fieldElement(data.id, hit.doc.field);
    if (!el) return;
    const map = fieldMap(el, hit.doc.field);
    let { start, end } = hit;
    if (map.text !== hit.doc.text) {
      // The page changed since indexing: search this text again.
      const again = search(buildIndex([{ ...hit.doc, text: map.text }]), list?.dataset.query ?? '', 1, pinyin);
      if (!again.hits[0]) return;
      ({ start, end } = again.hits[0]);
    }
    const marks = highlight(map, start, end);
    highlighted = data.id;
    const first = marks[0];
    // Focus lands on the match, so reading (and a screen reader) continues from there.
    if (first) first.tabIndex = -1;
    if (hit.doc.field === 'notes' || isReading()) {
      // A jump: Back returns to where the reader was (src/runtime/history.ts).
      requestReading({ active: true, slideId: data.id, push: true, focus: first });
    } else {
      const fragment = first?.closest<HTMLElement>('.fragment');
      const f = fragment ? Number(fragment.dataset.fragmentIndex ?? 0) : undefined;
      goToSlide(deck, data.id, Number.isFinite(f) ? f : undefined);
      first?.focus({ preventScroll: true });
    }
  };

  const close = (): void => {
    if (dialog) closeDeckDialog(dialog);
  };

  const openDialog = (): void => {
    dialog ??= build();
    if (dialog.open) {
      input?.focus();
      input?.select();
      return;
    }
    showDeckDialog(dialog, button);
    input?.focus();
    input?.select();
  };

  const build = (): HTMLDialogElement => {
    const { dialog: d, heading: title } = deckDialog('study-search', 'study-search-title', 'studySearchTitle');
    input = document.createElement('input');
    // A text field, not type=search: HTML gives a search field no combobox role (vnu); the
    // on-screen keyboard still offers 搜索 (inputmode, enterkeyhint).
    input.type = 'text';
    input.inputMode = 'search';
    input.id = 'study-search-input';
    input.className = 'study-search-input';
    input.autocomplete = 'off';
    input.spellcheck = false;
    input.enterKeyHint = 'search';
    input.placeholder = t('studySearchPlaceholder');
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-label', t('studySearchLabel'));
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-controls', 'study-results');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-describedby', 'study-search-hint');
    const hint = document.createElement('p');
    hint.id = 'study-search-hint';
    hint.className = 'study-search-hint';
    hint.textContent = t('studySearchHint');
    status = document.createElement('p');
    status.className = 'study-search-status';
    status.setAttribute('role', 'status');
    list = document.createElement('ul');
    list.id = 'study-results';
    list.className = 'study-results';
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', t('studySearchResults'));
    const closeButton = document.createElement('button');
    closeButton.type = 'button';
    closeButton.className = 'study-search-close';
    closeButton.textContent = t('studySearchClose');
    closeButton.addEventListener('click', close);
    const head = document.createElement('div');
    head.className = 'study-search-head';
    head.append(title, closeButton);
    d.append(head, input, hint, status, list);

    // Composition (pinyin and other input methods): nothing is searched until the text is
    // committed; compositionend then searches what was committed.
    input.addEventListener('compositionstart', () => (composing = true));
    input.addEventListener('compositionend', () => {
      composing = false;
      renderResults(input!.value);
    });
    input.addEventListener('input', (event) => {
      if (composing || (event as InputEvent).isComposing) return;
      renderResults(input!.value);
    });
    input.addEventListener('keydown', (event) => {
      if (event.isComposing || composing) return;
      if (event.key === 'Escape') {
        // A search field's own Esc only clears it; here Esc closes the search, as everywhere else.
        event.preventDefault();
        close();
      } else if (event.key === 'ArrowDown') {
        event.preventDefault();
        setActive(active + 1);
      } else if (event.key === 'ArrowUp') {
        event.preventDefault();
        setActive(active - 1);
      } else if (event.key === 'Enter') {
        event.preventDefault();
        if (active >= 0) open(active);
      }
    });
    d.addEventListener('click', (event) => {
      if (event.target === d) close();
    });
    document.body.append(d);
    return d;
  };

  const onKey = (event: KeyboardEvent): void => {
    const ctrlK = (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k';
    const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey;
    if (!(ctrlK || slash) || !ownsKey(event, ctrlK ? 'ctrl' : 'none')) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    openDialog();
  };

  const onSlideChanged = (): void => {
    if (highlighted && deck?.getCurrentSlide()?.id !== highlighted && !isReading()) clearMarks();
  };

  return {
    id: 'study-search',
    init(reveal) {
      deck = reveal;
      if (isPrintView(window.location.search)) return;
      button = iconButton(t('studySearch'), t('studySearchTip'), ICON_SEARCH, 'study-search-button');
      button.setAttribute('aria-haspopup', 'dialog');
      button.addEventListener('click', openDialog);
      studyBar(t('studyToolbar')).append(button);
      // Capture phase on window: before reveal's own keydown handler sees `/`.
      window.addEventListener('keydown', onKey, true);
      reveal.on('slidechanged', onSlideChanged);
      cleanups.push(() => {
        window.removeEventListener('keydown', onKey, true);
        reveal.off('slidechanged', onSlideChanged);
      });
    },
    destroy() {
      for (const c of cleanups.splice(0)) c();
      clearMarks();
      dialog?.remove();
      button?.remove();
      dialog = null;
      index = null;
      deck = null;
    },
  };
}
