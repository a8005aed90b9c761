import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sections } from '../../scripts/bench/sections.ts';
import { takeDeckOption } from '../../src/deck-folder.ts';
import { PDF_OPTIONS, PPTX_OPTIONS } from '../../src/export/cli-options.ts';
import { IMPORT_OPTIONS } from '../../src/import/command.ts';
import { DECK_KEYS, rowKeys } from '../../src/runtime/keymap.ts';

/**
 * Every command, option and key the docs name exists: a reader who types what README.md or
 * docs/*.md says gets a command that runs, an option it accepts, a key the deck's help lists.
 */

const DOCS = ['README.md', ...readdirSync('docs').flatMap((f) => (f.endsWith('.md') ? [`docs/${f}`] : []))];
const text = (file: string): string => readFileSync(file, 'utf8');
const scripts = Object.keys((JSON.parse(text('package.json')) as { scripts: Record<string, string> }).scripts);

/** The commands that take options, and what each accepts (`dev`/`build`/`preview` hand others to Vite). */
const VITE = ['dev', 'build', 'preview'];
const accepts: Record<string, readonly string[]> = {
  pdf: Object.keys(PDF_OPTIONS),
  pptx: Object.keys(PPTX_OPTIONS),
  import: Object.keys(IMPORT_OPTIONS),
};
/** Options of other tools the docs name, with the tool. */
const OTHER_TOOLS = [
  'noEmit' /* tsc */,
  'check' /* prettier */,
  'host' /* vite */,
  'port' /* vite */,
  'no-sandbox' /* chromium */,
];

/** Each `npm run <script>[ -- args]` in the docs, with the file and line. */
function runs(): { where: string; script: string; args: string[] }[] {
  return DOCS.flatMap((file) =>
    text(file)
      .split('\n')
      .flatMap((line, i) =>
        [...line.matchAll(/npm run ([a-z][a-z-]*(?::[a-z][a-z-]*)?)(?: -- ([^`|#)─►]*))?/g)].map((m) => ({
          where: `${file}:${i + 1}`,
          script: m[1]!,
          args: (m[2] ?? '').trim().split(/\s+/).filter(Boolean),
        })),
      ),
  );
}

describe('the commands the docs name', () => {
  it('are npm scripts in package.json', () => {
    const found = runs();
    expect(found.length).toBeGreaterThan(20);
    expect(found.filter((r) => !scripts.includes(r.script)).map((r) => `${r.where}: npm run ${r.script}`)).toEqual([]);
  });

  it('take the options the docs give them', () => {
    const wrong: string[] = [];
    for (const { where, script, args } of runs()) {
      for (const arg of args.filter((a) => a.startsWith('--'))) {
        const name = arg.slice(2).split('=')[0]!;
        const ok =
          name === 'deck' && (VITE.includes(script) || script === 'bench' || script === 'pdf')
            ? takeDeckOption([arg, 'x']).deck !== null
            : VITE.includes(script) || (accepts[script] ?? []).includes(name);
        if (!ok) wrong.push(`${where}: npm run ${script} -- ${arg}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('name only bench sections that exist', () => {
    const named = runs().filter((r) => r.script === 'bench');
    const wrong = named.flatMap(({ where, args }) =>
      args
        .filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--deck' && !(a in sections))
        .map((a) => `${where}: ${a}`),
    );
    expect(named.some((r) => r.args.includes('charts'))).toBe(true);
    expect(wrong).toEqual([]);
  });

  it('name no option that none of our commands (or the tool named beside it) reads', () => {
    const ours = new Set([...Object.values(accepts).flat(), 'deck', ...OTHER_TOOLS]);
    // The theme's custom properties (`--deck-size-body`, `--deck-space-1` …) are CSS, not options.
    const css = readdirSync('assets/styles').flatMap((f) =>
      [...readFileSync(`assets/styles/${f}`, 'utf8').matchAll(/(?<![\w-])--([\w-]+)\s*:/g)].map((m) => m[1]!),
    );
    const wrong = DOCS.flatMap((file) =>
      [...text(file).matchAll(/(?<![\w-])--([a-zA-Z][a-zA-Z-]*)/g)]
        .map((m) => m[1]!)
        .filter((name) => !css.some((p) => p.startsWith(name)))
        .filter((name) => !ours.has(name) && !['no-audit', 'no-fund', 'ff-only'].includes(name))
        .map((name) => `${file}: --${name}`),
    );
    expect(wrong).toEqual([]);
  });
});

/** A key cell as a set of keys: `O 或 Esc` and `O / Esc` alike, notes in （） left out. */
const keySet = (cell: string): string[] =>
  cell
    .replace(/（[^）]*）/g, '')
    .split(/ \/ | 或 /)
    .map((k) => k.trim())
    .filter(Boolean)
    .sort();

/** The rows of the first table after `heading` in `file`: the first column of each. */
function keyColumn(file: string, heading: string): string[] {
  const lines = text(file).split('\n');
  const start = lines.indexOf(heading);
  expect(start, `${file} has no "${heading}"`).toBeGreaterThanOrEqual(0);
  const from = lines.findIndex((l, i) => i > start && l.startsWith('| ---'));
  const rows: string[] = [];
  for (let i = from + 1; lines[i]?.startsWith('|'); i++) rows.push(lines[i]!.split('|')[1]!.trim());
  return rows;
}

describe('the keys the user guide names', () => {
  // The 放映按键 table itself is checked row for row against the key table in keymap.test.ts.
  it('in the search table are keys the help overlay lists', () => {
    const help = new Set(DECK_KEYS.flatMap((row) => rowKeys(row).split('、').flatMap(keySet)));
    const rows = keyColumn('docs/guide.md', '### 搜索').filter((k) => !k.includes('在搜索中') && !k.includes('、'));
    expect(rows.flatMap(keySet).filter((k) => !help.has(k))).toEqual([]);
  });
});
