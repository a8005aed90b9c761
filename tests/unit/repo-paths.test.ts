import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The project carries everything it runs and tests: a user's clone has no folder beside it.
 * This scans the code under src/, tests/, scripts/ and .ci/ for paths that reach outside the
 * repository. Fixtures (tests/fixtures/) are data, often hostile on purpose, and are not scanned.
 * A line that must name such a path (a hostile input asserted to be refused) says so with the
 * marker `outside-path-ok`.
 */
const ROOT = process.cwd();
const SCANNED = ['src', 'tests', 'scripts', '.ci'];
const SKIP = new Set(['node_modules', 'fixtures', 'snapshots']);
const CODE = /\.(?:[cm]?[jt]s|sh)$|^run$/;
const SELF = path.join('tests', 'unit', 'repo-paths.test.ts');

/** Pieces of a path that only exist on the machine that wrote them. */
const PERSONAL = /["'`](?:[^"'`\n]*?)(?:\/work\/|\/home\/|\/root\/|\/Users\/|\b[A-Z]:\\\\Users)/;
/** A sibling folder of the repository (our machines keep the shared design and data there). */
const SIBLING = /\.\.\/shared\b/;
/** An absolute path to a data file (system programs such as /usr/bin/chromium are fine). */
const ABSOLUTE_DATA = /["'`]\/[a-z]+\/[^"'`\s]*\.(?:txt|csv|md|json|ya?ml|docx)["'`]/;
/**
 * A relative path literal that climbs out of the repository from the file's own folder, to
 * something that is not one of the repository's own top-level folders (generated CSS may climb
 * from its own folder to node_modules/).
 */
const RELATIVE = /["'`]((?:\.\.\/)+)([^"'`\s]*)["'`]/g;
const TOP_LEVEL = /^(?:node_modules|src|assets|slides|public|tests|scripts|dist|decks|examples)\//;

function walk(dir: string, out: string[]): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    if (SKIP.has(name)) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (CODE.test(name)) out.push(full);
  }
  return out;
}

/** Every line of the project's code that names a path outside the repository. */
export function outsidePaths(root: string): string[] {
  const found: string[] = [];
  for (const file of SCANNED.flatMap((d) => walk(path.join(root, d), []))) {
    const rel = path.relative(root, file);
    if (rel === SELF) continue;
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (line.includes('outside-path-ok')) return;
        const where = `${rel}:${i + 1}: ${line.trim()}`;
        if (PERSONAL.test(line) || SIBLING.test(line) || ABSOLUTE_DATA.test(line)) {
          found.push(where);
          return;
        }
        for (const m of line.matchAll(RELATIVE)) {
          const target = path.resolve(path.dirname(file), m[1]! + m[2]!);
          if (path.relative(root, target).startsWith('..') && !TOP_LEVEL.test(m[2]!)) found.push(where);
        }
      });
  }
  return found;
}

describe('the repository is self-contained', () => {
  it('no code under src/, tests/, scripts/ or .ci/ names a path outside the repository', () => {
    expect(outsidePaths(ROOT)).toEqual([]);
  });

  it('the check finds such paths (a machine folder, a sibling folder, a climb out of the repo)', () => {
    const lines = [
      `readFileSync('${'/wo'}rk/shared/source/speech.txt')`,
      `path.join(root, '..${'/sh'}ared/data/a.csv')`,
      `readFileSync('../../../elsewhere/notes.md')`,
    ];
    expect(lines.filter((l) => PERSONAL.test(l) || SIBLING.test(l))).toHaveLength(2);
    const climbs = [...lines[2]!.matchAll(RELATIVE)].map((m) =>
      path.resolve(path.join(ROOT, 'tests', 'unit'), m[1]! + m[2]!),
    );
    expect(path.relative(ROOT, climbs[0]!).startsWith('..')).toBe(true);
  });
});
