import type { ChartKind } from '../../charts/kind.ts';
import { chartTable, type ChartPayload } from '../../charts/registry.ts';
import { t } from '../../common/i18n.ts';
import { wirePoints } from './points.ts';

/** One chart on the page: its figure, kind, payload and the state of its drawing. */
export interface MountedChart {
  figure: HTMLElement;
  kind: ChartKind;
  /** Holds the SVG, the readout and the data table. */
  body: HTMLElement;
  /** The readout of the point under the pointer or the keyboard focus (a live region). */
  tooltip: HTMLElement;
  payload: ChartPayload;
  /** The rendered chart, once drawn. */
  svg: SVGSVGElement | null;
  /** The logical width `svg` was laid out at (draw.ts `chartWidth`). */
  width: number;
  /** Cuts the draw-in animation short, while it runs. */
  finish: (() => void) | null;
}

/**
 * Fills a chart's `<figure>` placeholder: the kind's toolbar (if any), the keyboard hint, the
 * "查看数据" toggle and table, the readout, the source line and the footnote. The SVG is added
 * when the chart is first drawn.
 */
export function buildFigure(figure: HTMLElement, kind: ChartKind, payload: ChartPayload): MountedChart {
  figure.replaceChildren();
  figure.classList.add(`chart-kind-${kind.name}`);
  const toolbar = document.createElement('div');
  toolbar.className = 'chart-toolbar';
  const body = document.createElement('div');
  body.className = 'chart-body';
  const tooltip = document.createElement('div');
  tooltip.className = 'chart-tooltip';
  tooltip.setAttribute('role', 'status');
  tooltip.setAttribute('aria-live', 'polite');
  tooltip.hidden = true;
  body.append(tooltip);
  const chart: MountedChart = { figure, kind, body, tooltip, payload, svg: null, width: 0, finish: null };

  const hint = document.createElement('span');
  hint.className = 'chart-hint';
  hint.textContent = t('chartHint');
  const controls = kind.toolbar?.(payload.data, {
    document,
    setHidden: (hidden) => {
      if (!chart.svg) return;
      kind.update?.(chart.svg, payload.data, hidden);
      wirePoints(chart);
    },
  });
  if (controls) toolbar.append(controls);
  toolbar.append(hint);

  const tableId = `${figure.id}-table`;
  const toggle = document.createElement('button');
  toggle.type = 'button';
  toggle.className = 'chart-data-toggle';
  toggle.textContent = t('chartShowData');
  toggle.setAttribute('aria-expanded', 'false');
  toggle.setAttribute('aria-controls', tableId);
  const tableWrap = document.createElement('div');
  tableWrap.className = 'chart-table';
  tableWrap.id = tableId;
  tableWrap.hidden = true;
  tableWrap.tabIndex = 0;
  tableWrap.append(buildTable(chart, figure));
  toggle.addEventListener('click', () => {
    const open = tableWrap.hidden;
    tableWrap.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    toggle.textContent = t(open ? 'chartHideData' : 'chartShowData');
  });
  toolbar.append(toggle);
  body.append(tableWrap);

  const caption = document.createElement('figcaption');
  const source = document.createElement('p');
  source.className = 'chart-source';
  source.textContent = t('chartSource', { source: payload.data.source });
  source.title = payload.data.source;
  caption.append(source);
  // A dataset with no caveat (a sidecar without footnote:) gets no empty "注：" line.
  if (payload.data.footnote.trim() !== '') {
    const note = document.createElement('p');
    note.className = 'chart-footnote';
    note.textContent = t('chartNote', { note: payload.data.footnote });
    caption.append(note);
  }
  figure.append(toolbar, body, caption);
  figure.setAttribute('aria-label', payload.data.source);
  return chart;
}

/** The data table, captioned with the chart's title (or its slide's). */
function buildTable({ kind, payload }: MountedChart, figure: HTMLElement): HTMLTableElement {
  const { columns, rows } = chartTable(kind, payload.data);
  const table = document.createElement('table');
  const caption = table.createCaption();
  const slideTitle = figure.closest('section')?.getAttribute('data-title') ?? '';
  caption.textContent = t('chartTableCaption', { title: String(payload.options.title || slideTitle) });
  const head = table.createTHead().insertRow();
  for (const c of columns) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = c;
    head.append(th);
  }
  const tbody = table.createTBody();
  for (const r of rows) {
    const tr = tbody.insertRow();
    r.forEach((cell, i) => {
      if (i === 0) {
        const th = document.createElement('th');
        th.scope = 'row';
        th.textContent = cell;
        tr.append(th);
      } else fillCell(tr.insertCell(), cell);
    });
  }
  return table;
}

/**
 * A cell's text, a figure with words in full-width brackets after it ("54.77（非官方汇编）") set as
 * the figure and, under it, the words (`.chart-cell-note`): the figures of a column stay aligned
 * and the column as narrow as its figures. The cell's text is unchanged.
 */
function fillCell(cell: HTMLTableCellElement, text: string): void {
  const noted = /^([-+−]?[\d.,]+)(（.+）)$/.exec(text);
  if (!noted) {
    cell.textContent = text;
    return;
  }
  const note = document.createElement('span');
  note.className = 'chart-cell-note';
  note.textContent = noted[2]!;
  cell.append(noted[1]!, note);
}
