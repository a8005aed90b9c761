import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error -- plain JavaScript beside the CLIs, without types.
import { bundleEntry } from '../../../bin/run-ts.js';

const bundle = bundleEntry as (root: string, entry: string) => Promise<string | null>;

/** A project folder with src/cli.ts importing src/words.ts. */
function project(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'run-ts-'));
  mkdirSync(path.join(root, 'src'));
  writeFileSync(path.join(root, 'package.json'), '{}');
  writeFileSync(path.join(root, 'src', 'words.ts'), "export const word: string = '讲义';\n");
  writeFileSync(
    path.join(root, 'src', 'cli.ts'),
    "import { word } from './words.ts';\nexport const said: string = `导出${word}`;\n",
  );
  return root;
}

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('bin/run-ts.js bundleEntry()', () => {
  it('bundles the entry with what it imports, once for the same sources', async () => {
    const root = project();
    roots.push(root);
    const first = await bundle(root, 'src/cli.ts');
    expect(first).not.toBeNull();
    expect(path.dirname(first!)).toBe(path.join(root, 'node_modules', '.cache', 'deck-cli'));
    const module = (await import(first!)) as { said: string };
    expect(module.said).toBe('导出讲义');
    const made = statSync(first!).mtimeMs;
    expect(await bundle(root, 'src/cli.ts')).toBe(first);
    expect(statSync(first!).mtimeMs).toBe(made);
  });

  it('makes a new bundle when any source changes, and removes bundles older than ten minutes', async () => {
    const root = project();
    roots.push(root);
    const first = (await bundle(root, 'src/cli.ts'))!;
    // An old bundle of the same entry, last made long ago.
    const old = path.join(path.dirname(first), 'cli-000000000000.mjs');
    writeFileSync(old, '');
    utimesSync(old, new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000));
    writeFileSync(path.join(root, 'src', 'words.ts'), "export const word: string = '讲话稿';\n");
    const second = (await bundle(root, 'src/cli.ts'))!;
    expect(second).not.toBe(first);
    expect(((await import(second)) as { said: string }).said).toBe('导出讲话稿');
    // The bundle made a moment ago stays: a command that just found it may be importing it.
    expect(readdirSync(path.dirname(first)).sort()).toEqual([path.basename(first), path.basename(second)].sort());
  });

  it('requires pdf-lib (CommonJS) rather than importing it, its names exported as before', async () => {
    const root = project();
    roots.push(root);
    // The project's own packages; the bundle lands in their .cache, removed below.
    symlinkSync(path.resolve('node_modules'), path.join(root, 'node_modules'));
    writeFileSync(
      path.join(root, 'src', 'pdf-entry.ts'),
      "import { PDFDocument, PDFName } from 'pdf-lib';\nexport const kinds = [typeof PDFDocument.create, PDFName.of('Lang').asString()];\n",
    );
    const made = (await bundle(root, 'src/pdf-entry.ts'))!;
    try {
      expect(readFileSync(made, 'utf8')).toContain('createRequire(import.meta.url)("pdf-lib")');
      expect(((await import(made)) as { kinds: string[] }).kinds).toEqual(['function', '/Lang']);
    } finally {
      rmSync(made, { force: true });
    }
  });

  it('gives null (the CLI then runs through tsx) when the entry cannot be bundled', async () => {
    const root = project();
    roots.push(root);
    writeFileSync(path.join(root, 'src', 'cli.ts'), "import { missing } from './nowhere.ts';\nexport { missing };\n");
    expect(await bundle(root, 'src/cli.ts')).toBeNull();
  });
});
