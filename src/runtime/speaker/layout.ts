import { t, type UiKey } from '../../common/i18n.ts';
import { speakerKeysLine } from './keys.ts';

/** The speaker view's elements the controller updates. */
export interface SpeakerLayout {
  app: HTMLElement;
  position: HTMLElement;
  /** The part and the slide's place in it (承 第 3 页，共 8 页). */
  partPosition: HTMLElement;
  /** Fill of the whole-talk progress bar (width in %). */
  progressFill: HTMLElement;
  /** Buttons that drive the deck window, by command. */
  controls: Record<'prev' | 'next' | 'black' | 'white', HTMLButtonElement>;
  deckState: HTMLElement;
  connection: HTMLElement;
  elapsed: HTMLElement;
  startPause: HTMLButtonElement;
  reset: HTMLButtonElement;
  /** Shown for a while after 重新计时: puts the time back. */
  undoReset: HTMLButtonElement;
  partPlan: HTMLElement;
  partBar: HTMLElement;
  totalPlan: HTMLElement;
  paceStatus: HTMLElement;
  /** Visually hidden polite live region: announces only changes of the pacing status. */
  paceAnnouncer: HTMLElement;
  clock: HTMLTimeElement;
  currentCaption: HTMLElement;
  currentBox: HTMLElement;
  nextCaption: HTMLElement;
  nextBox: HTMLElement;
  nextEnd: HTMLElement;
  notesTitle: HTMLElement;
  notes: HTMLElement;
  fontSmaller: HTMLButtonElement;
  fontBigger: HTMLButtonElement;
  /** Toggle (aria-pressed): sequential steps skip editorial summaries on the projected deck. */
  skipEditorial: HTMLButtonElement;
}

type Child = Node | string;

/** A small element builder: attributes, then children. Text is always set as text. */
function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  el.append(...children);
  return el;
}

function labelled(className: string, label: UiKey, value: HTMLElement): HTMLElement {
  return h('div', { class: `speaker-timer ${className}` }, h('span', { class: 'speaker-label' }, t(label)), value);
}

/** Builds the speaker view's page structure (landmarks, headings, regions) into `body`. */
export function buildSpeakerLayout(body: HTMLElement): SpeakerLayout {
  const position = h('p', { class: 'speaker-position' });
  const partPosition = h('p', { class: 'speaker-part-position' });
  const deckState = h('p', { class: 'speaker-deck-state' });
  const connection = h('p', { class: 'speaker-connection', role: 'status' });
  const control = (cls: string, label: UiKey, text: string): HTMLButtonElement =>
    h('button', { type: 'button', class: `speaker-button speaker-control ${cls}`, title: t(label) }, text);
  const controls = {
    prev: control('speaker-control-prev', 'speakerKeyPrev', t('speakerKeyPrev')),
    next: control('speaker-control-next', 'speakerKeyNext', t('speakerKeyNext')),
    black: control('speaker-control-black', 'keyBlack', t('speakerBlack')),
    white: control('speaker-control-white', 'keyWhite', t('speakerWhite')),
  };
  const progressFill = h('span', { class: 'speaker-progress-fill' });
  const header = h(
    'header',
    { class: 'speaker-header' },
    h('h1', {}, t('speakerTitle')),
    position,
    partPosition,
    deckState,
    h(
      'div',
      { class: 'speaker-controls', role: 'group', 'aria-label': t('speakerControls') },
      controls.prev,
      controls.next,
      controls.black,
      controls.white,
    ),
    connection,
    h('span', { class: 'speaker-progress', 'aria-hidden': 'true', title: t('speakerProgress') }, progressFill),
  );

  const elapsed = h('span', { class: 'speaker-value speaker-elapsed', 'aria-live': 'off' }, '0:00');
  const startPause = h('button', { type: 'button', class: 'speaker-button' }, t('speakerStart'));
  const reset = h('button', { type: 'button', class: 'speaker-button' }, t('speakerReset'));
  const undoReset = h('button', { type: 'button', class: 'speaker-button speaker-undo', hidden: '' }, t('speakerUndo'));
  const partPlan = h('span', { class: 'speaker-value speaker-part-plan' });
  const partBar = h('span', { class: 'speaker-bar-fill' });
  const totalPlan = h('span', { class: 'speaker-total-plan' });
  const paceStatus = h('span', { class: 'speaker-pace-status', 'aria-live': 'off' });
  const paceAnnouncer = h('p', { class: 'sr-only', 'aria-live': 'polite', 'aria-atomic': 'true' });
  const clock = h('time', { class: 'speaker-value speaker-clock', 'aria-live': 'off' });
  const timers = h(
    'section',
    { class: 'speaker-timers', 'aria-labelledby': 'speaker-timers-title' },
    h('h2', { id: 'speaker-timers-title', class: 'sr-only' }, t('speakerTimers')),
    labelled('speaker-timer-elapsed', 'speakerElapsed', elapsed),
    h('div', { class: 'speaker-timer-buttons' }, startPause, reset, undoReset),
    labelled(
      'speaker-timer-pace',
      'speakerPace',
      h(
        'span',
        { class: 'speaker-pace' },
        partPlan,
        h('span', { class: 'speaker-bar', 'aria-hidden': 'true' }, partBar),
        h('span', { class: 'speaker-pace-line' }, paceStatus, totalPlan),
      ),
    ),
    labelled('speaker-timer-clock', 'speakerClock', clock),
    paceAnnouncer,
  );

  const preview = (id: string, title: UiKey): [HTMLElement, HTMLElement, HTMLElement] => {
    const caption = h('p', { class: 'speaker-caption' });
    // Previews are pictures of the audience's screen: not focusable, not clickable, and not
    // read out (the caption names the slide; its text is in the notes).
    const box = h('div', { class: 'speaker-preview', inert: '', 'aria-hidden': 'true' });
    const section = h(
      'section',
      { class: `speaker-slide speaker-${id}`, 'aria-labelledby': `speaker-${id}-title` },
      h('div', { class: 'speaker-slide-head' }, h('h2', { id: `speaker-${id}-title` }, t(title)), caption),
      box,
    );
    return [section, caption, box];
  };
  const [current, currentCaption, currentBox] = preview('current', 'speakerCurrent');
  const [next, nextCaption, nextBox] = preview('next', 'speakerNext');
  const nextEnd = h('p', { class: 'speaker-end', hidden: '' }, t('speakerEnd'));
  next.append(nextEnd);

  const notesTitle = h('p', { class: 'speaker-notes-title' });
  const fontSmaller = h(
    'button',
    {
      type: 'button',
      class: 'speaker-button speaker-font',
      'aria-label': t('speakerFontSmaller'),
      title: t('speakerFontSmaller'),
    },
    'A−',
  );
  const fontBigger = h(
    'button',
    {
      type: 'button',
      class: 'speaker-button speaker-font',
      'aria-label': t('speakerFontBigger'),
      title: t('speakerFontBigger'),
    },
    'A+',
  );
  // Focusable so the keyboard can scroll long notes (↑/↓ scroll while the notes have focus).
  // A named group: a focusable element needs a role, and a plain div may not carry a name.
  const notes = h('div', {
    class: 'speaker-notes-body',
    role: 'group',
    tabindex: '0',
    'aria-labelledby': 'speaker-notes-h',
  });
  const notesSection = h(
    'section',
    { class: 'speaker-notes', 'aria-labelledby': 'speaker-notes-h' },
    h(
      'div',
      { class: 'speaker-notes-head' },
      h('h2', { id: 'speaker-notes-h' }, t('speakerNotes')),
      notesTitle,
      h('span', { class: 'speaker-font-buttons' }, fontSmaller, fontBigger),
    ),
    notes,
  );

  const main = h(
    'main',
    { class: 'speaker-main' },
    h('div', { class: 'speaker-slides', role: 'group', 'aria-label': t('speakerPreviews') }, current, next),
    notesSection,
  );
  const skipEditorial = h(
    'button',
    {
      type: 'button',
      class: 'speaker-button speaker-skip-editorial',
      'aria-pressed': 'false',
      title: t('speakerSkipEditorialTip'),
    },
    t('speakerSkipEditorial'),
  );
  const footer = h('footer', { class: 'speaker-footer' }, h('p', {}, speakerKeysLine()), skipEditorial);
  const app = h('div', { class: 'speaker-app' }, header, timers, main, footer);
  body.prepend(app);

  return {
    app,
    position,
    partPosition,
    progressFill,
    controls,
    deckState,
    connection,
    elapsed,
    startPause,
    reset,
    undoReset,
    partPlan,
    partBar,
    totalPlan,
    paceStatus,
    paceAnnouncer,
    clock,
    currentCaption,
    currentBox,
    nextCaption,
    nextBox,
    nextEnd,
    notesTitle,
    notes,
    fontSmaller,
    fontBigger,
    skipEditorial,
  };
}
