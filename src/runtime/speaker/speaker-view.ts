import '../../../assets/styles/speaker.css';
import { allSlides, deckData, slideById, type RuntimeSlide } from '../deck-data.ts';
import { t } from '../../common/i18n.ts';
import { clickLeavesFocus } from '../click-focus.ts';
import { speakerKeyAction } from './keys.ts';
import { buildSpeakerLayout } from './layout.ts';
import { openLink, type Link, type Via } from './link.ts';
import { pace, positionOf, type PaceStatus, type PlanPart } from './pace.ts';
import { cloneDeckElement } from './clone.ts';
import { createPreview } from './preview.ts';
import { nextShown } from './skip.ts';
import {
  PROTOCOL,
  channelName,
  randomId,
  slideIdFromHash,
  type CommandAction,
  type DeckState,
  type SpeakerMessage,
} from './protocol.ts';
import { TalkClock, parseTalkClockState } from './talk-clock.ts';
import { formatClock, formatDuration, formatMinutes } from './time.ts';

/** Notes font size (px): default, limits, step. */
export const NOTES_FONT = { initial: 28, min: 16, max: 64, step: 4 } as const;
const TICK_MS = 250;
const HELLO_EVERY_MS = 2000;
const SAVE_EVERY_MS = 5000;
/** How long the undo button stays after 重新计时 (ms). */
export const UNDO_RESET_MS = 15_000;

/** Storage that never throws (blocked storage leaves the view working, unsaved). */
function store(kind: 'local' | 'session'): { get(key: string): string | null; set(key: string, value: string): void } {
  const area = (): Storage | null => {
    try {
      return kind === 'local' ? window.localStorage : window.sessionStorage;
    } catch {
      return null;
    }
  };
  return {
    get(key) {
      try {
        return area()?.getItem(key) ?? null;
      } catch {
        return null;
      }
    },
    set(key, value) {
      try {
        area()?.setItem(key, value);
      } catch {
        // Full or blocked: the setting lives for this page only.
      }
    },
  };
}

/**
 * The speaker view (speaker.html): previews of the current and next slide, the current slide's
 * notes, elapsed time, wall clock and pacing per part. Connected to the deck window through
 * `speaker-plugin.ts`; opened on its own it says so, and its keys then page through the notes
 * locally.
 */
export async function startSpeakerView(): Promise<void> {
  document.title = `${t('speakerTitle')} · ${deckData.meta.title}`;
  const deckRoot = document.querySelector<HTMLElement>('.reveal');
  if (!deckRoot || allSlides.length === 0) {
    document.body.textContent = t('speakerNoNotes');
    return;
  }
  const notesById = collectNotes(deckRoot);
  const ui = buildSpeakerLayout(document.body);
  const prefix = `${deckData.meta.title}:speaker:`;
  const local = store('local');
  const session = store('session');

  // Previews: the page's own slides for the current one, a copy for the next one.
  const nextRoot = cloneDeckElement(deckRoot);
  ui.currentBox.append(deckRoot);
  ui.nextBox.append(nextRoot);
  const [current, next] = await Promise.all([createPreview(deckRoot), createPreview(nextRoot)]);

  const plan: PlanPart[] = deckData.parts.map((p) => ({
    id: p.id,
    label: p.label,
    minutes: p.minutes,
    slideCount: p.slides.length,
  }));

  const saved = session.get(`${prefix}clock`);
  const clock = new TalkClock(parseTalkClockState(saved ? safeJson(saved) : null) ?? undefined);
  const saveClock = (): void => session.set(`${prefix}clock`, JSON.stringify(clock.snapshot(Date.now())));

  // Stored values are untrusted: only a size the buttons could have set is restored.
  const storedSize = Number(local.get(`${prefix}notes-size`));
  let fontSize =
    Number.isInteger(storedSize) && storedSize >= NOTES_FONT.min && storedSize <= NOTES_FONT.max
      ? storedSize
      : NOTES_FONT.initial;
  const setFont = (px: number): void => {
    fontSize = Math.min(NOTES_FONT.max, Math.max(NOTES_FONT.min, px));
    ui.app.style.setProperty('--speaker-notes-size', `${fontSize}px`);
    ui.fontSmaller.disabled = fontSize <= NOTES_FONT.min;
    ui.fontBigger.disabled = fontSize >= NOTES_FONT.max;
    ui.notes.setAttribute('aria-description', t('speakerNotesSize', { size: fontSize }));
    local.set(`${prefix}notes-size`, String(fontSize));
  };
  setFont(fontSize);

  const editorial = allSlides.map((s) => s.editorial);
  let skipEditorial = local.get(`${prefix}skip-editorial`) === '1';
  /** The deck that last got our settings: a new or reloaded deck gets them again. */
  let settingsSentTo: string | null = null;

  let shown: DeckState | null = null;
  let deckId: string | null = null;
  let deckViaOpener = false;
  /** A deck that asked this window to follow it (S in a tab that did not open it). */
  let chosen: string | null = null;
  let lastPaceStatus: PaceStatus | null = null;
  let lastHello = 0;
  let lastSave = Date.now();
  let link: Link | null = null;

  const opener = (): Window | null => {
    const w = window.opener as Window | null;
    return w && !w.closed ? w : null;
  };
  const connected = (): boolean => deckId !== null && (!deckViaOpener || opener() !== null);

  const renderConnection = (): void => {
    const on = connected();
    const text = on ? t('speakerConnected') : t('speakerDisconnected');
    if (ui.connection.textContent !== text) ui.connection.textContent = text;
    ui.app.classList.toggle('is-disconnected', !on);
  };

  const renderTimers = (): void => {
    const now = Date.now();
    setText(ui.elapsed, formatDuration(clock.elapsed(now)));
    setText(ui.clock, formatClock(new Date(now)));
    ui.clock.dateTime = new Date(now).toISOString();
    const label = clock.running ? 'speakerPause' : clock.started ? 'speakerContinue' : 'speakerStart';
    setText(ui.startPause, t(label));
    ui.app.classList.toggle('is-running', clock.running);

    const slide = shown ? slideById(shown.slideId) : undefined;
    const position = slide ? positionOf(plan, slide.h, slide.v) : null;
    const part = position ? plan[position.partIndex] : undefined;
    if (!position || !part) return;
    const report = pace(plan, position, clock.elapsed(now), clock.usedIn(part.id, now));
    if (!report) return;
    setText(
      ui.partPlan,
      t('speakerPartPlan', {
        part: part.label,
        planned: formatMinutes(part.minutes),
        used: formatDuration(report.partUsedMs),
      }),
    );
    const ratio = report.partPlannedMs > 0 ? report.partUsedMs / report.partPlannedMs : 0;
    ui.partBar.style.width = `${Math.min(100, ratio * 100)}%`;
    ui.app.classList.toggle('is-part-over', report.partRemainingMs < 0);
    setText(
      ui.totalPlan,
      t('speakerTotalPlan', {
        planned: formatMinutes(report.totalPlannedMs / 60_000),
        used: formatDuration(clock.elapsed(now)),
      }),
    );
    const amount = formatDuration(report.deltaMs);
    const status = !clock.started
      ? t('speakerNotStarted')
      : report.status === 'ahead'
        ? t('speakerAhead', { t: amount })
        : report.status === 'behind'
          ? t('speakerBehind', { t: amount })
          : t('speakerOnTime');
    setText(ui.paceStatus, status);
    ui.paceStatus.dataset.status = clock.started ? report.status : 'idle';
    // Announce the status only when it changes, and only while the talk is timed.
    if (clock.started && report.status !== lastPaceStatus) {
      lastPaceStatus = report.status;
      ui.paceAnnouncer.textContent = `${t('speakerPace')}：${status}`;
    }
  };

  const renderNotes = (slide: RuntimeSlide): void => {
    const nodes = notesById.get(slide.id) ?? [];
    if (nodes.length > 0) ui.notes.replaceChildren(...nodes.map((n) => n.cloneNode(true)));
    else ui.notes.replaceChildren(Object.assign(document.createElement('p'), { textContent: t('speakerNoNotes') }));
    ui.notes.scrollTop = 0;
    setText(ui.notesTitle, slide.title);
  };

  const show = (state: DeckState): void => {
    const slide = slideById(state.slideId);
    if (!slide) return;
    const index = allSlides.indexOf(slide);
    const slideChanged = shown?.slideId !== slide.id;
    shown = state;
    current.show(slide.h, slide.v, state.f);
    const position = t('speakerPosition', { n: index + 1, total: allSlides.length });
    const part = deckData.parts[slide.h];
    setText(ui.position, part ? `${position} · ${part.label}` : position);
    setText(
      ui.partPosition,
      part ? t('speakerPartProgress', { part: part.label, n: slide.v + 1, total: part.slides.length }) : '',
    );
    ui.progressFill.style.width = `${(100 * (index + 1)) / allSlides.length}%`;
    setText(
      ui.currentCaption,
      state.stepsLeft > 0 ? `${slide.title}（${t('speakerStepsLeft', { n: state.stepsLeft })}）` : slide.title,
    );
    const blank = { none: '', black: t('speakerPausedState'), white: t('speakerWhiteState') }[state.blank];
    const states = [state.overview ? t('speakerOverviewState') : '', blank];
    ui.controls.black.setAttribute('aria-pressed', String(state.blank === 'black'));
    ui.controls.white.setAttribute('aria-pressed', String(state.blank === 'white'));
    setText(ui.deckState, states.filter(Boolean).join(' · '));

    const upcoming = allSlides[nextShown(editorial, index, skipEditorial)];
    ui.nextBox.hidden = !upcoming;
    ui.nextEnd.hidden = Boolean(upcoming);
    setText(ui.nextCaption, upcoming ? upcoming.title : '');
    if (upcoming) next.show(upcoming.h, upcoming.v, 'all');

    if (slideChanged) renderNotes(slide);
    const part0 = deckData.parts[slide.h];
    if (part0) clock.setPart(part0.id, Date.now());
    history.replaceState(null, '', `#/${encodeURIComponent(slide.id)}`);
    renderTimers();
  };

  /** Local paging when no deck is connected: whole slides, every fragment shown. */
  const localState = (slide: RuntimeSlide): DeckState => ({
    slideId: slide.id,
    h: slide.h,
    v: slide.v,
    f: Number.MAX_SAFE_INTEGER,
    stepsLeft: 0,
    overview: false,
    blank: 'none',
  });

  /** Runs `action` on the deck when connected, else pages the speaker view itself. */
  const command = (action: CommandAction, slideId?: string): void => {
    if (connected() && deckId) {
      const message: SpeakerMessage =
        action === 'goto' && slideId
          ? { proto: PROTOCOL, kind: 'command', to: deckId, id: randomId(), action, slideId }
          : { proto: PROTOCOL, kind: 'command', to: deckId, id: randomId(), action };
      link?.send(message, opener());
      return;
    }
    const index = shown ? allSlides.findIndex((s) => s.id === shown?.slideId) : 0;
    const targets: Record<CommandAction, RuntimeSlide | undefined> = {
      next: allSlides[index + 1],
      prev: allSlides[index - 1],
      first: allSlides[0],
      last: allSlides[allSlides.length - 1],
      goto: slideId ? slideById(slideId) : undefined,
      black: undefined,
      white: undefined,
    };
    if (action === 'next') targets.next = allSlides[nextShown(editorial, index, skipEditorial)];
    const target = targets[action];
    if (target) show(localState(target));
  };

  const onMessage = (message: SpeakerMessage, via: Via, source: Window | null): void => {
    if (message.kind === 'find') {
      hello();
      return;
    }
    if (message.kind === 'focus') {
      // S pressed in a deck tab that did not open this window: follow that tab from now on.
      chosen = message.deck;
      deckId = message.deck;
      deckViaOpener = false;
      window.focus();
      renderConnection();
      return;
    }
    if (message.kind === 'bye') {
      if (message.deck === deckId) {
        deckId = null;
        chosen = null;
        renderConnection();
      }
      return;
    }
    if (message.kind !== 'state') return;
    const fromOpener = via === 'window' && source !== null && source === opener();
    // Follow one deck: the one that asked with S, else the opener, else the first that answers.
    const keep = chosen !== null && chosen === deckId;
    if (deckId !== null && message.deck !== deckId && (keep || !fromOpener) && connected()) return;
    const moved = shown !== null && (shown.slideId !== message.state.slideId || shown.f !== message.state.f);
    const wasConnected = connected();
    deckViaOpener = fromOpener || (deckViaOpener && message.deck === deckId);
    deckId = message.deck;
    if (settingsSentTo !== deckId) sendSettings();
    // The talk starts when the deck first moves with the speaker view connected.
    if (wasConnected && moved && !clock.started) clock.start(Date.now());
    renderConnection();
    show(message.state);
  };

  link = openLink({ channel: channelName(deckData.meta.title), onMessage });
  function sendSettings(): void {
    settingsSentTo = deckId;
    link?.send({ proto: PROTOCOL, kind: 'settings', skipEditorial }, opener());
  }
  const renderSkip = (): void => ui.skipEditorial.setAttribute('aria-pressed', String(skipEditorial));
  renderSkip();
  ui.skipEditorial.addEventListener('click', () => {
    skipEditorial = !skipEditorial;
    local.set(`${prefix}skip-editorial`, skipEditorial ? '1' : '0');
    renderSkip();
    sendSettings();
    if (shown) show(shown);
  });
  const hello = (): void => {
    lastHello = Date.now();
    link?.send({ proto: PROTOCOL, kind: 'hello' }, opener());
  };

  ui.startPause.addEventListener('click', () => {
    if (clock.running) clock.pause(Date.now());
    else clock.start(Date.now());
    saveClock();
    renderTimers();
  });
  // 重新计时 takes effect at once and can be undone for a while: a slip of the mouse mid-talk
  // must not lose the time.
  let undoTimer: ReturnType<typeof setTimeout> | undefined;
  let beforeReset: ReturnType<TalkClock['snapshot']> | null = null;
  const hideUndo = (): void => {
    clearTimeout(undoTimer);
    beforeReset = null;
    ui.undoReset.hidden = true;
  };
  ui.reset.addEventListener('click', () => {
    const now = Date.now();
    beforeReset = clock.snapshot(now);
    const was = formatDuration(clock.elapsed(now));
    clock.reset();
    lastPaceStatus = null;
    const slide = shown ? slideById(shown.slideId) : undefined;
    const part = slide ? deckData.parts[slide.h] : undefined;
    if (part) clock.setPart(part.id, now);
    saveClock();
    renderTimers();
    ui.undoReset.hidden = false;
    ui.undoReset.setAttribute('aria-label', t('speakerUndoReset', { t: was }));
    ui.undoReset.title = t('speakerUndoReset', { t: was });
    ui.paceAnnouncer.textContent = t('speakerResetDone');
    clearTimeout(undoTimer);
    undoTimer = setTimeout(hideUndo, UNDO_RESET_MS);
  });
  ui.undoReset.addEventListener('click', () => {
    const saved = beforeReset ? parseTalkClockState(beforeReset) : null;
    if (saved) {
      clock.restore(saved, Date.now());
      saveClock();
    }
    hideUndo();
    ui.reset.focus();
    renderTimers();
  });
  ui.controls.prev.addEventListener('click', () => command('prev'));
  ui.controls.next.addEventListener('click', () => command('next'));
  ui.controls.black.addEventListener('click', () => command('black'));
  ui.controls.white.addEventListener('click', () => command('white'));
  ui.fontSmaller.addEventListener('click', () => setFont(fontSize - NOTES_FONT.step));
  ui.fontBigger.addEventListener('click', () => setFont(fontSize + NOTES_FONT.step));

  // Space after clicking A+ (or any button) moves the deck: a click leaves no focus behind.
  clickLeavesFocus(document, '.speaker-button');
  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented) return;
    const target = event.target as HTMLElement | null;
    const action = speakerKeyAction({
      key: event.key,
      shiftKey: event.shiftKey,
      modifier: event.altKey || event.ctrlKey || event.metaKey,
      onButton: target?.tagName === 'BUTTON',
      inNotes: target === ui.notes,
    });
    if (!action) return;
    event.preventDefault();
    if (action === 'fontBigger') setFont(fontSize + NOTES_FONT.step);
    else if (action === 'fontSmaller') setFont(fontSize - NOTES_FONT.step);
    else command(action);
  });

  window.addEventListener('pagehide', saveClock);
  // A slide id typed into the address bar: go there (the deck too, when connected).
  window.addEventListener('hashchange', () => {
    const id = slideIdFromHash(location.hash);
    if (id && slideById(id) && id !== shown?.slideId) command('goto', id);
  });

  // Until the deck answers, show the slide named in the URL (or the first).
  const initial = slideById(slideIdFromHash(location.hash) ?? '') ?? allSlides[0]!;
  show(localState(initial));
  renderConnection();
  hello();

  setInterval(() => {
    const now = Date.now();
    if (!connected() && now - lastHello >= HELLO_EVERY_MS) hello();
    if (now - lastSave >= SAVE_EVERY_MS) {
      lastSave = now;
      saveClock();
    }
    renderConnection();
    renderTimers();
  }, TICK_MS);
  document.documentElement.classList.add('speaker-ready');
}

/** The notes of every slide (`<aside class="notes">` children), by slide id. */
function collectNotes(root: HTMLElement): Map<string, Node[]> {
  const notes = new Map<string, Node[]>();
  for (const aside of root.querySelectorAll<HTMLElement>('section[id] > aside.notes')) {
    const id = (aside.parentElement as HTMLElement).id;
    const nodes = Array.from(aside.childNodes, (n) => n.cloneNode(true)).filter(
      (n) => n.nodeType !== Node.TEXT_NODE || (n.textContent ?? '').trim() !== '',
    );
    // Directions and notes to the speaker are collapsed for readers; the speaker sees them all.
    for (const n of nodes) {
      if (n instanceof HTMLDetailsElement) n.open = true;
      if (n instanceof Element) n.querySelectorAll('details').forEach((d) => (d.open = true));
    }
    notes.set(id, nodes);
  }
  return notes;
}

function setText(el: HTMLElement, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
