import type { ChartKind } from './kind.ts';
import { describe, type OptionSpec } from './options.ts';

/** The markers around the generated options reference in docs/authoring.md. */
export const OPTIONS_BEGIN =
  '<!-- chart-options: generated from src/charts/kinds/*.ts by `npm run docs`; edit the option docs there -->';
export const OPTIONS_END = '<!-- /chart-options -->';

/** A default as an author would write it in the block; empty for "not set". */
function formatDefault(value: unknown): string {
  if (value === null || value === '') return '—';
  if (Array.isArray(value)) return `\`[${value.join(', ')}]\``;
  return `\`${String(value)}\``;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function optionRow(name: string, spec: OptionSpec): string {
  return `| \`${name}\` | ${cell(describe(spec.type))} | ${formatDefault(spec.default)} | ${cell(spec.doc)} |`;
}

/**
/** `` `national` (year, urban_pct) and `hukou` (year, hukou_urban_pct) `` */
function readsText(kind: ChartKind): string {
  return Object.entries(kind.reads)
    .map(([role, columns]) => `\`${role}\` (${columns.join(', ')})`)
    .join(' and ');
}

/**
 * The reference of every chart kind and option, as Markdown: one section per kind with what it
 * draws, the tables it reads and a table of its options (value, default, what it does), all
 * read from the kinds' own definitions.
 */
export function chartOptionsMarkdown(kinds: readonly ChartKind[]): string {
  const sections = kinds.map((kind) =>
    [
      `#### \`${kind.name}\``,
      '',
      `${kind.doc[0]!.toUpperCase()}${kind.doc.slice(1)}. ${
        kind.generic
          ? 'Dataset: the name of a CSV in the data folder that has a sidecar (`dataset: 名字` for `名字.csv` + `名字.yaml`).'
          : `Reads ${readsText(kind)}: a dataset in the data folder that has these columns (a CSV with its sidecar, or a dataset file naming a CSV per role); without \`dataset:\`, the dataset file that names exactly these roles.`
      }`,
      '',
      '| option | value | default | what it does |',
      '| --- | --- | --- | --- |',
      ...Object.entries(kind.options).map(([name, spec]) => optionRow(name, spec)),
    ].join('\n'),
  );
  return [OPTIONS_BEGIN, '', ...sections.flatMap((s) => [s, '']), OPTIONS_END].join('\n');
}

/** `doc` with the block between the markers replaced by `generated`; null when the markers are missing. */
export function withChartOptions(doc: string, generated: string): string | null {
  const begin = doc.indexOf(OPTIONS_BEGIN);
  const end = doc.indexOf(OPTIONS_END);
  if (begin < 0 || end < begin) return null;
  return doc.slice(0, begin) + generated + doc.slice(end + OPTIONS_END.length);
}
