import type { RevealApi, RevealPlugin } from 'reveal.js';
import { AGENDA, AGENDA_READING, mountAgendaDiagrams } from '../structure/agenda.ts';
import { mountStructureMap, type StructureMap } from '../structure/mount.ts';
import { buildOutline, pathToSlide, type OutlineNode, type OutlineTarget } from '../structure/outline.ts';
import { allSlides, deckData, slideById } from './deck-data.ts';
import { closeDeckDialog, deckDialog, dialogCloseButton, showDeckDialog } from './dialog.ts';
import { hashSlideId } from './history.ts';
import { t } from '../common/i18n.ts';
import { isPrintView } from '../common/print.ts';
import { READING_EVENT, isReading, type ReadingViewDetail } from './study/contract.ts';
import { READING_PREPAINT_CLASS } from './prepaint.ts';

const M_KEY = 77;

/**
 * The slide the deck opens on, as far as the address tells before reveal has read it (`#/id`,
 * `#/id/2`, `#/id/p3`; else the first slide). A wrong guess only costs a redraw at 'ready'.
 */
function openingSlide(hash: string): string | null {
  return slideById(hashSlideId(hash))?.id ?? allSlides[0]?.id ?? null;
}

/**
 * The structure map at run time: draws the diagram on the agenda slide (static and final in
 * print), opens it as an overlay on any slide (`M` or the button; Esc closes and focus returns),
 * and shows a compact position indicator (开篇 · 起 · 承 · 转 · 合 · 结语, how far through the
 * part) on every slide. The "you are here" mark follows every slide change.
 */
export function structurePlugin(): RevealPlugin {
  let deck: RevealApi | null = null;
  let outline: OutlineNode | null = null;
  const maps: StructureMap[] = [];
  const cleanups: (() => void)[] = [];
  let dialog: HTMLDialogElement | null = null;
  let dialogMap: StructureMap | null = null;
  let hereText: HTMLElement | null = null;
  let indicator: HTMLElement | null = null;
  let currentId: string | null = null;

  const go = (target: OutlineTarget): void => {
    if (dialog?.open) closeDeckDialog(dialog);
    deck?.slide(target.h, target.v);
  };

  const positionOf = (slideId: string): { node: OutlineNode; part: OutlineNode | undefined } | null => {
    const path = pathToSlide(outline!, slideId);
    const node = path[path.length - 1];
    return node ? { node, part: path.find((n) => n.kind === 'part') } : null;
  };

  const buildDialog = (): HTMLDialogElement => {
    const { dialog: d, heading: title } = deckDialog('structure-dialog', 'structure-dialog-title', 'structureTitle');
    const head = document.createElement('div');
    head.className = 'structure-dialog-head';
    hereText = document.createElement('p');
    hereText.className = 'structure-dialog-here';
    const close = dialogCloseButton('structureClose', () => closeDeckDialog(d));
    head.append(title, hereText, close);
    const hint = document.createElement('p');
    hint.className = 'structure-dialog-hint';
    hint.textContent = t('structureHint');
    const body = document.createElement('div');
    body.className = 'structure-dialog-map';
    d.append(head, hint, body);
    // Keys pressed in the overlay are the overlay's: reveal must not also change slides.
    d.addEventListener('keydown', (event) => {
      if (!d.open) return;
      if (event.key === 'm' || event.key === 'M') {
        event.preventDefault();
        closeDeckDialog(d);
      }
      event.stopPropagation();
    });
    // A click on the backdrop (outside the dialog's box) closes it.
    d.addEventListener('click', (event) => {
      if (event.target === d) {
        const r = d.getBoundingClientRect();
        const inside =
          event.clientX >= r.left && event.clientX <= r.right && event.clientY >= r.top && event.clientY <= r.bottom;
        if (!inside) closeDeckDialog(d);
      }
    });
    document.body.appendChild(d);
    return d;
  };

  const open = (): void => {
    dialog ??= buildDialog();
    if (dialog.open) return;
    showDeckDialog(dialog);
    const body = dialog.querySelector<HTMLElement>('.structure-dialog-map')!;
    dialogMap ??= mountStructureMap(body, outline!, { onNavigate: go, current: currentId });
    if (!maps.includes(dialogMap)) maps.push(dialogMap);
    dialogMap.setCurrent(currentId);
    renderHere();
    dialogMap.focus();
  };

  const toggle = (): void => {
    if (dialog?.open) closeDeckDialog(dialog);
    else open();
  };

  const buildIndicator = (root: HTMLElement): HTMLElement => {
    const ui = document.createElement('div');
    ui.className = 'deck-ui structure-ui';
    const nav = document.createElement('nav');
    nav.className = 'structure-indicator';
    nav.setAttribute('aria-label', t('structureIndicator'));
    const list = document.createElement('ol');
    for (const part of outline!.children) {
      const li = document.createElement('li');
      li.dataset.part = part.partId;
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'structure-seg';
      button.addEventListener('click', () => go(part.target));
      li.appendChild(button);
      list.appendChild(li);
    }
    nav.appendChild(list);
    const openButton = document.createElement('button');
    openButton.type = 'button';
    openButton.className = 'structure-open';
    openButton.textContent = t('structureTitle');
    openButton.setAttribute('aria-label', t('structureOpenKey'));
    openButton.setAttribute('aria-haspopup', 'dialog');
    openButton.addEventListener('click', open);
    ui.append(nav, openButton);
    root.appendChild(ui);
    document.documentElement.classList.add('structure-indicator-on');
    return ui;
  };

  const renderIndicator = (): void => {
    if (!indicator || !currentId) return;
    const here = positionOf(currentId);
    indicator.querySelectorAll<HTMLLIElement>('li[data-part]').forEach((li, i) => {
      const part = outline!.children[i]!;
      const button = li.querySelector('button')!;
      const isHere = here?.part?.key === part.key;
      li.classList.toggle('is-current', isHere);
      button.textContent = part.label;
      if (isHere) {
        const n = part.slideIds.indexOf(currentId!) + 1;
        const total = part.slideIds.length;
        button.setAttribute('aria-current', 'step');
        const count = document.createElement('span');
        count.className = 'seg-count';
        count.textContent = `${n}/${total}`;
        count.setAttribute('aria-hidden', 'true');
        const fill = document.createElement('span');
        fill.className = 'seg-fill';
        fill.style.width = `${(100 * n) / total}%`;
        button.append(count, fill);
        button.setAttribute(
          'aria-label',
          t('structureIndicatorCurrent', { position: part.position, title: part.full, n, total }),
        );
      } else {
        button.removeAttribute('aria-current');
        button.setAttribute('aria-label', t('structureIndicatorGo', { position: part.position, title: part.full }));
      }
    });
  };

  const renderHere = (): void => {
    if (!hereText || !currentId) return;
    const here = positionOf(currentId);
    hereText.textContent = '';
    if (!here) return;
    const label = document.createElement('strong');
    label.textContent = t('structureCurrent');
    hereText.append(label, t('structureCurrentLine', { position: here.node.position, title: here.node.full }));
  };

  const update = (): void => {
    const slide = deck?.getCurrentSlide();
    if (!slide?.id) return;
    currentId = slide.id;
    for (const map of maps) map.setCurrent(currentId);
    renderIndicator();
    renderHere();
  };

  return {
    id: 'structure',
    init(reveal) {
      deck = reveal;
      outline = buildOutline(deckData);
      const root = reveal.getRevealElement();
      if (!root || outline.children.length === 0) return;
      const print = isPrintView(window.location.search);
      const slideWidth = reveal.getConfig().width;
      // Opening in the reading view (prepaint.ts): drawn as the reading view's tree at once.
      let reading = document.documentElement.classList.contains(READING_PREPAINT_CLASS);
      // Drawn with the opening slide current: the first update, at 'ready', then redraws nothing.
      const current = print ? null : openingSlide(window.location.hash);
      const agendas = mountAgendaDiagrams(root, outline, { slideWidth, print, reading, current, onNavigate: go });
      maps.push(...agendas);
      if (print) return;
      // In the reading view the agenda's diagram is a vertical tree at the column's own width
      // (AGENDA_READING); the same nodes, keys and links. Back on the slide, as before.
      const layOut = (active: boolean): void => {
        if (active === reading) return;
        reading = active;
        const width = (Number(slideWidth) || AGENDA.slideWidth) - AGENDA.sidePadding;
        for (const map of agendas)
          map.setLayout(reading ? AGENDA_READING : { width, fontSize: AGENDA.fontSize, mode: 'flow' });
      };
      const onReading = (event: Event): void => layOut((event as CustomEvent<ReadingViewDetail>).detail.active);
      // Turned sideways while loading, the deck opens on the slides after all: once every 'ready'
      // handler has run (the reading view's among them), the diagram follows the view.
      const onReady = (): void => queueMicrotask(() => layOut(isReading()));
      document.addEventListener(READING_EVENT, onReading);
      reveal.on('ready', onReady);
      cleanups.push(
        () => document.removeEventListener(READING_EVENT, onReading),
        () => reveal.off('ready', onReady),
      );
      indicator = buildIndicator(root);
      reveal.addKeyBinding({ keyCode: M_KEY, key: 'M', description: t('structureOpen') }, toggle);
      reveal.on('ready', update);
      reveal.on('slidechanged', update);
      const onResize = (): void => {
        if (dialog?.open) dialogMap?.relayout();
      };
      window.addEventListener('resize', onResize);
      cleanups.push(
        () => reveal.off('ready', update),
        () => reveal.off('slidechanged', update),
        () => reveal.removeKeyBinding(M_KEY),
        () => window.removeEventListener('resize', onResize),
      );
    },
    destroy() {
      for (const c of cleanups.splice(0)) c();
      for (const m of maps.splice(0)) m.destroy();
      dialog?.remove();
      indicator?.remove();
      document.documentElement.classList.remove('structure-indicator-on');
      dialog = null;
      dialogMap = null;
      indicator = null;
      deck = null;
    },
  };
}
