import type { RevealPlugin } from 'reveal.js';
import { allSlides, deckData, slideById } from '../deck-data.ts';
import { t } from '../../common/i18n.ts';
import { ownsKey, rovingIndex } from '../../common/keys.ts';
import { isPrintView } from '../../common/print.ts';
import { closeDeckDialog, deckDialog, dialogCloseButton } from '../dialog.ts';
import { say } from '../status.ts';
import {
  NOTES_READY_ATTR,
  NOTE_REQUEST,
  READING_EVENT,
  iconButton,
  isReading,
  requestReading,
  studyBar,
  type NoteRequestDetail,
} from './contract.ts';
import {
  contextBefore,
  inSpeechOrder,
  locate,
  mergeNotes,
  notesFromMarkdown,
  notesToMarkdown,
  parseNotes,
  type StudyNote,
} from './notes.ts';
import { deckKeyPrefix, safeStore, type SafeStore } from './storage.ts';
import { clearHighlights, highlight, textMap, type TextMap } from './text-map.ts';

const NOTES_KEY = 'notes';
/** What a note is anchored by: its slide, the quoted words and a few characters before them. */
type Anchor = Omit<StudyNote, 'id' | 'note' | 'at'>;
const MARK_CLASS = 'study-note-mark';
/** What a highlight may not cover: the deck's own controls and labels in a slide. */
const NOT_TEXT = '.study-para-links, .study-slide-label';
const ICON_NOTES = 'M6 3h9l4 4v14H6zM14 3v5h5M9 12h7M9 16h7';

/** A slide's section in the page, if `el` is in one. */
const slideOf = (el: Node | null): HTMLElement | null => {
  const e = el instanceof Element ? el : (el?.parentElement ?? null);
  const s = e?.closest<HTMLElement>('.reveal .slides section[id]') ?? null;
  return s && slideById(s.id) ? s : null;
};

/** Where a range boundary falls in a slide's text (text-map.ts), as an offset into `map.text`. */
function offsetIn(map: TextMap, node: Node, offset: number): number {
  const own = map.segments.find((s) => s.node === node);
  if (own) return own.start + Math.min(offset, own.node.data.length);
  const at = node.ownerDocument!.createRange();
  at.setStart(node, offset);
  const next = map.segments.find((s) => at.comparePoint(s.node, 0) >= 0);
  return next ? next.start : map.text.length;
}

/**
 * Highlights and notes in the reading view: select words of a slide or its speech text → 划线 (a
 * highlight) or 写笔记 (a highlight with a note). Kept on this device per deck, anchored by the
 * slide's id and the quoted words (notes.ts), so they survive a rebuild that keeps the words; a
 * note whose words changed is listed under 未能定位. 我的笔记 lists them in speech order and jumps
 * to each, exports them as Markdown (a download) and imports such a file on another device, and
 * clears them all after asking. Highlights show only in the reading view: the slides the room sees
 * never show them.
 */
export function notesPlugin(): RevealPlugin {
  let store: SafeStore | null = null;
  let notes: StudyNote[] = [];
  const located = new Map<string, number>();
  let bar: HTMLElement | null = null;
  let editor: HTMLDialogElement | null = null;
  let panel: HTMLDialogElement | null = null;
  let button: HTMLButtonElement | null = null;
  let status: HTMLElement | null = null;
  let pending: Anchor | null = null;
  /** Where focus was before it moved into the toolbar (a keyboard reader's place): it goes back there. */
  let origin: HTMLElement | null = null;
  /** A selection whose toolbar the reader put away (Esc, Tab out): not offered again until it changes. */
  let dismissed: Anchor | null = null;
  /** Where focus goes when the note editor closes. */
  let editorReturn: HTMLElement | null = null;
  let frame = 0;
  const cleanups: (() => void)[] = [];

  const save = (): void => {
    store?.set(NOTES_KEY, notes);
  };

  /** Says `text` (a live region, shown briefly): in the open 我的笔记 dialog, else over the page. */
  const announce = (text: string, ms?: number): void => {
    const region = panel?.open ? panel.querySelector<HTMLElement>('.study-notes-panel-status') : status;
    if (region) say(region, text, ms);
  };

  /**
   * A tap or click on noted words shows the note: a phone has no hover for the mark's tooltip.
   * Long enough to read it (a quarter second a character, 4 to 12 s).
   */
  const onMarkClick = (event: MouseEvent): void => {
    if (!isReading() || event.button !== 0) return;
    const mark = (event.target as Element | null)?.closest?.<HTMLElement>(`mark.${MARK_CLASS}[title]`);
    if (!mark?.title || window.getSelection()?.toString()) return;
    const text = `${t('studyNoteLabel')}：${mark.title}`;
    announce(text, Math.min(12_000, Math.max(4000, text.length * 250)));
  };

  /** Draws every note's highlight again (after a change): marks only where the words are found. */
  const paint = (): void => {
    clearHighlights(document, MARK_CLASS);
    located.clear();
    for (const slide of allSlides) {
      const mine = notes.filter((n) => n.slideId === slide.id);
      const section = document.querySelector<HTMLElement>(`.reveal .slides section[id="${CSS.escape(slide.id)}"]`);
      if (!section || mine.length === 0) continue;
      for (const n of mine) {
        const map = textMap(section, NOT_TEXT);
        const at = locate(map.text, n);
        if (at < 0) continue;
        located.set(n.id, at);
        for (const mark of highlight(map, at, at + n.quote.length, MARK_CLASS)) {
          mark.dataset.note = n.id;
          mark.tabIndex = -1;
          if (n.note) mark.title = n.note;
        }
      }
    }
  };

  /** The selection, if it is words of one slide in the reading view: its slide, words and anchor. */
  const selected = (): Anchor | null => {
    const sel = window.getSelection();
    if (!isReading() || !sel || sel.isCollapsed || sel.rangeCount === 0) return null;
    return anchorOf(sel.getRangeAt(0));
  };

  /** The words of `range` if they are in one slide: its slide, the words and the words before them. */
  const anchorOf = (range: Range): Anchor | null => {
    const section = slideOf(range.startContainer);
    if (!section || slideOf(range.endContainer) !== section) return null;
    const start = range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement;
    if (start?.closest(`svg, figure.chart, .structure-map-view, ${NOT_TEXT}`)) return null;
    const map = textMap(section, NOT_TEXT);
    let from = offsetIn(map, range.startContainer, range.startOffset);
    let to = offsetIn(map, range.endContainer, range.endOffset);
    while (from < to && /\s/u.test(map.text[from]!)) from++;
    while (to > from && /\s/u.test(map.text[to - 1]!)) to--;
    if (to <= from) return null;
    return { slideId: section.id, quote: map.text.slice(from, to), before: contextBefore(map.text, from) };
  };

  const sameAnchor = (a: Anchor | null, b: Anchor | null): boolean =>
    !!a && !!b && a.slideId === b.slideId && a.quote === b.quote && a.before === b.before;

  /** Focus back where the reader was before the toolbar (nothing to do when that was the page). */
  const returnFocus = (to: HTMLElement | null): void => {
    if (to?.isConnected && to !== document.body) to.focus({ preventScroll: true });
  };

  const hideBar = (): void => {
    if (!bar) return;
    const inBar = bar.contains(document.activeElement);
    bar.hidden = true;
    if (inBar) returnFocus(origin);
  };

  /** Shows 划线 / 写笔记 just under the selection (above it when there is no room), on screen. */
  const placeBar = (): void => {
    frame = 0;
    if (!bar) return;
    // While focus is in the toolbar its words stay the ones it acts on (with caret browsing,
    // focusing a button can move the caret).
    if (!bar.hidden && bar.contains(document.activeElement)) return;
    pending = selected();
    const sel = window.getSelection();
    if (!pending || !sel || sel.rangeCount === 0) return hideBar();
    if (sameAnchor(pending, dismissed)) {
      pending = null;
      return hideBar();
    }
    dismissed = null;
    origin = null;
    const r = sel.getRangeAt(0).getBoundingClientRect();
    bar.hidden = false;
    const w = bar.offsetWidth;
    const h = bar.offsetHeight;
    const below = r.bottom + 12 + h <= window.innerHeight;
    bar.style.top = `${Math.round(below ? r.bottom + 12 : Math.max(8, r.top - h - 12))}px`;
    bar.style.left = `${Math.round(Math.max(8, Math.min(window.innerWidth - w - 8, r.left + r.width / 2 - w / 2)))}px`;
  };

  const onSelection = (): void => {
    if (!frame) frame = window.requestAnimationFrame(placeBar);
  };

  /** The toolbar stays with its words while the page scrolls (a keyboard reader's caret scrolls it). */
  const onScroll = (): void => {
    if (bar && !bar.hidden) onSelection();
  };

  const add = (what: Anchor, note: string): void => {
    const n: StudyNote = { ...what, note, id: `n${Date.now().toString(36)}${notes.length}`, at: Date.now() };
    notes = mergeNotes(notes, [n]);
    // The same words highlighted again: the new note text replaces the old one.
    if (!notes.includes(n) && note) {
      notes = notes.map((o) =>
        o.slideId === n.slideId && o.quote === n.quote && o.before === n.before ? { ...o, note } : o,
      );
    }
    save();
    paint();
    window.getSelection()?.removeAllRanges();
    hideBar();
    // A note written says so; a plain highlight says 已划线.
    announce(t(note ? 'studyNoteWritten' : 'studyNoteSaved'));
  };

  const buildBar = (): HTMLElement => {
    const b = document.createElement('div');
    b.className = 'study-select-bar';
    b.setAttribute('role', 'toolbar');
    b.setAttribute('aria-label', t('studySelectBar'));
    b.hidden = true;
    const mark = document.createElement('button');
    mark.type = 'button';
    mark.textContent = t('studyHighlight');
    const write = document.createElement('button');
    write.type = 'button';
    write.textContent = t('studyWriteNote');
    // The selection must survive the press: buttons do not take it away on pointerdown.
    b.addEventListener('pointerdown', (e) => e.preventDefault());
    b.addEventListener('mousedown', (e) => e.preventDefault());
    mark.addEventListener('click', () => pending && add(pending, ''));
    write.addEventListener('click', () => pending && openEditor(pending));
    // A toolbar is one tab stop; ← → move between its buttons.
    write.tabIndex = -1;
    b.addEventListener('keydown', (e) => {
      const buttons = [mark, write];
      const to = rovingIndex(
        e.key,
        buttons.indexOf(document.activeElement as HTMLButtonElement),
        buttons.length,
        'horizontal',
      );
      if (to === null) return;
      e.preventDefault();
      const next = buttons[to]!;
      for (const x of buttons) x.tabIndex = x === next ? 0 : -1;
      next.focus();
    });
    b.append(mark, write);
    document.body.append(b);
    return b;
  };

  /**
   * Keys while the 划线 / 写笔记 toolbar shows: Tab moves a keyboard reader from the selection into
   * it; Tab or Shift+Tab from inside, or Esc, put it away and return focus to where the reader was.
   */
  const onKey = (e: KeyboardEvent): void => {
    // Not while a dialog, the search field or a paragraph's menu has the keys (common/keys.ts).
    if (!bar || bar.hidden || !pending || !ownsKey(e, 'none')) return;
    const inBar = bar.contains(document.activeElement);
    if (e.key === 'Escape' || (e.key === 'Tab' && inBar)) {
      e.preventDefault();
      e.stopPropagation();
      dismissed = pending;
      hideBar();
      return;
    }
    if (e.key !== 'Tab' || e.shiftKey) return;
    e.preventDefault();
    origin = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    bar.querySelector<HTMLButtonElement>('button[tabindex="0"], button')!.focus();
  };

  /** A highlight or note asked for without a selection (a paragraph's menu): the element's words. */
  const onRequest = (event: Event): void => {
    const detail = (event as CustomEvent<NoteRequestDetail>).detail;
    if (!detail?.target.isConnected || !isReading()) return;
    const range = document.createRange();
    range.selectNodeContents(detail.target);
    const what = anchorOf(range);
    if (!what) return;
    detail.taken = true;
    if (detail.action === 'highlight') add(what, '');
    else openEditor(what, detail.returnFocus);
  };

  const openEditor = (what: Anchor, back?: HTMLElement): void => {
    if (!editor) {
      const { dialog, heading } = deckDialog('study-note-dialog', 'study-note-title', 'studyWriteNote');
      const quote = document.createElement('blockquote');
      quote.className = 'study-note-quote';
      const field = document.createElement('textarea');
      field.className = 'study-note-field';
      field.rows = 4;
      field.setAttribute('aria-label', t('studyNoteLabel'));
      const actions = document.createElement('div');
      actions.className = 'study-note-actions';
      const ok = document.createElement('button');
      ok.type = 'button';
      ok.className = 'study-note-save';
      ok.textContent = t('studyNoteSave');
      const cancel = dialogCloseButton('studyNoteCancel', () => closeDeckDialog(dialog));
      actions.append(cancel, ok);
      dialog.append(heading, quote, field, actions);
      ok.addEventListener('click', () => {
        const target = dialog.dataset.target ? (JSON.parse(dialog.dataset.target) as typeof what) : null;
        closeDeckDialog(dialog);
        if (target) add(target, field.value.trim());
      });
      // Back to the control that opened the editor (the dialog would return to a toolbar button
      // that is gone by then).
      dialog.addEventListener('close', () => {
        returnFocus(editorReturn);
        editorReturn = null;
      });
      document.body.append(dialog);
      editor = dialog;
    }
    editorReturn = back ?? (bar?.contains(document.activeElement) ? origin : null);
    editor.dataset.target = JSON.stringify(what);
    editor.querySelector('.study-note-quote')!.textContent = what.quote;
    editor.querySelector<HTMLTextAreaElement>('.study-note-field')!.value = '';
    hideBar();
    editor.showModal();
    editor.querySelector<HTMLTextAreaElement>('.study-note-field')!.focus();
  };

  const jump = (n: StudyNote): void => {
    if (panel) closeDeckDialog(panel);
    const mark = document.querySelector<HTMLElement>(`mark.${MARK_CLASS}[data-note="${CSS.escape(n.id)}"]`);
    requestReading({ active: true, slideId: n.slideId, focus: mark ?? undefined, push: true });
  };

  const download = (): void => {
    const order = allSlides.map((s) => s.id);
    const text = notesToMarkdown(
      inSpeechOrder(notes, order, (n) => located.get(n.id) ?? 0),
      {
        title: deckData.meta.title,
        order,
        slideTitle: (id) => slideById(id)?.title ?? '',
        href: (id) => {
          const url = new URL(window.location.href);
          url.searchParams.set('view', 'read');
          url.hash = `/${id}`;
          return url.href;
        },
      },
    );
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([text], { type: 'text/markdown;charset=utf-8' }));
    a.download = `${t('studyNotes')}-${deckData.meta.title}.md`;
    document.body.append(a);
    a.click();
    a.remove();
    window.setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  };

  const importFile = async (file: File): Promise<void> => {
    const incoming = notesFromMarkdown(await file.text()).map((n, i) => ({
      ...n,
      id: `i${Date.now().toString(36)}${i}`,
    }));
    if (incoming.length === 0) {
      announce(t('studyNotesNone'));
      return;
    }
    const before = notes.length;
    notes = mergeNotes(notes, incoming);
    save();
    paint();
    renderPanel();
    announce(t('studyNotesImported', { n: notes.length - before }));
  };

  const renderPanel = (): void => {
    if (!panel) return;
    const list = panel.querySelector<HTMLOListElement>('.study-notes-list')!;
    const lost = panel.querySelector<HTMLOListElement>('.study-notes-lost')!;
    const order = allSlides.map((s) => s.id);
    const sorted = inSpeechOrder(notes, order, (n) => located.get(n.id) ?? 0);
    const item = (n: StudyNote, found: boolean): HTMLLIElement => {
      const li = document.createElement('li');
      const where = document.createElement('p');
      where.className = 'study-notes-where';
      where.textContent = slideById(n.slideId)?.title ?? n.slideId;
      const quote = document.createElement(found ? 'button' : 'p');
      quote.className = 'study-notes-quote';
      quote.textContent = n.quote;
      if (found) quote.addEventListener('click', () => jump(n));
      li.append(where, quote);
      if (n.note) {
        const note = document.createElement('p');
        note.className = 'study-notes-note';
        note.textContent = n.note;
        li.append(note);
      }
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'study-notes-remove';
      remove.textContent = t('studyNoteRemove');
      remove.addEventListener('click', () => {
        notes = notes.filter((o) => o.id !== n.id);
        save();
        paint();
        renderPanel();
      });
      li.append(remove);
      return li;
    };
    list.replaceChildren(...sorted.filter((n) => located.has(n.id)).map((n) => item(n, true)));
    const missing = sorted.filter((n) => !located.has(n.id));
    lost.replaceChildren(...missing.map((n) => item(n, false)));
    panel.querySelector<HTMLElement>('.study-notes-lost-head')!.hidden = missing.length === 0;
    panel.querySelector<HTMLElement>('.study-notes-empty')!.hidden = notes.length > 0;
  };

  const openPanel = (): void => {
    if (!panel) {
      const { dialog, heading } = deckDialog('study-notes-panel', 'study-notes-title', 'studyNotes');
      const head = document.createElement('div');
      head.className = 'study-notes-head';
      head.append(
        heading,
        dialogCloseButton('studyNotesClose', () => closeDeckDialog(dialog)),
      );
      const empty = document.createElement('p');
      empty.className = 'study-notes-empty';
      empty.textContent = t('studyNotesEmpty');
      const list = document.createElement('ol');
      list.className = 'study-notes-list';
      const lostHead = document.createElement('h3');
      lostHead.className = 'study-notes-lost-head';
      lostHead.textContent = t('studyNotesLost');
      const lost = document.createElement('ol');
      lost.className = 'study-notes-lost';
      const actions = document.createElement('div');
      actions.className = 'study-notes-actions';
      const said = document.createElement('p');
      said.className = 'study-notes-panel-status';
      said.setAttribute('role', 'status');
      const exportButton = document.createElement('button');
      exportButton.type = 'button';
      exportButton.textContent = t('studyNotesExport');
      exportButton.addEventListener('click', download);
      const importLabel = document.createElement('label');
      importLabel.className = 'study-notes-import';
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = '.md,.markdown,.txt,text/markdown,text/plain';
      input.addEventListener('change', () => {
        const file = input.files?.[0];
        input.value = '';
        if (file) void importFile(file);
      });
      importLabel.append(t('studyNotesImport'), input);
      const clear = document.createElement('button');
      clear.type = 'button';
      clear.className = 'study-notes-clear';
      clear.textContent = t('studyNotesClear');
      clear.addEventListener('click', () => {
        if (!window.confirm(t('studyNotesClearConfirm'))) return;
        notes = [];
        save();
        paint();
        renderPanel();
      });
      actions.append(exportButton, importLabel, clear);
      dialog.append(head, empty, list, lostHead, lost, actions, said);
      document.body.append(dialog);
      panel = dialog;
    }
    renderPanel();
    panel.showModal();
  };

  return {
    id: 'study-notes',
    init() {
      const query = new URLSearchParams(window.location.search);
      if (isPrintView(window.location.search) || query.has('receiver')) return;
      store = safeStore(() => window.localStorage, deckKeyPrefix(deckData.meta.title, window.location.pathname));
      notes = parseNotes(store.get(NOTES_KEY));
      status = document.createElement('p');
      status.className = 'study-notes-status';
      status.setAttribute('role', 'status');
      document.body.append(status);
      bar = buildBar();
      button = iconButton(t('studyNotes'), t('studyNotesTip'), ICON_NOTES, 'study-notes-button');
      button.setAttribute('aria-haspopup', 'dialog');
      button.addEventListener('click', openPanel);
      const studyToolbar = studyBar(t('studyToolbar'));
      const search = studyToolbar.querySelector('.study-search-button');
      if (search) search.before(button);
      else studyToolbar.append(button);
      paint();
      document.addEventListener('selectionchange', onSelection);
      document.addEventListener('click', onMarkClick);
      document.addEventListener('keydown', onKey, true);
      window.addEventListener('scroll', onScroll, { passive: true });
      document.addEventListener(NOTE_REQUEST, onRequest);
      document.documentElement.setAttribute(NOTES_READY_ATTR, '');
      // The reading view shows every slide's text: paint there (and hide the bar when it closes).
      const onReading = (): void => {
        hideBar();
        if (isReading()) paint();
      };
      document.addEventListener(READING_EVENT, onReading);
      cleanups.push(
        () => document.removeEventListener('selectionchange', onSelection),
        () => document.removeEventListener('click', onMarkClick),
        () => document.removeEventListener('keydown', onKey, true),
        () => window.removeEventListener('scroll', onScroll),
        () => document.removeEventListener(NOTE_REQUEST, onRequest),
        () => document.documentElement.removeAttribute(NOTES_READY_ATTR),
        () => document.removeEventListener(READING_EVENT, onReading),
      );
    },
    destroy() {
      for (const c of cleanups.splice(0)) c();
      clearHighlights(document, MARK_CLASS);
      for (const el of [bar, editor, panel, button, status]) el?.remove();
      bar = editor = panel = button = status = null;
      store = null;
    },
  };
}
