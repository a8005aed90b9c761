import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The real build (vite build with the project's config) on a scratch copy of the project next to
 * a secret file: a hostile slide or a link in public/ stops it with file:line, and nothing from
 * outside the project is written to dist/.
 */
const ROOT = process.cwd();
const base = mkdtempSync(path.join(os.tmpdir(), 'deck-confine-'));
const SECRET = 'SECRET-OUTSIDE-THE-PROJECT';
writeFileSync(path.join(base, 'secret.txt'), SECRET);
afterAll(() => rmSync(base, { recursive: true, force: true }));

function scratch(name: string, slide: string): string {
  const dir = path.join(base, name);
  mkdirSync(path.join(dir, 'slides'), { recursive: true });
  for (const n of ['src', 'node_modules']) symlinkSync(path.join(ROOT, n), path.join(dir, n));
  for (const n of ['assets', 'public', 'index.html', 'vite.config.ts']) {
    if (existsSync(path.join(ROOT, n))) cpSync(path.join(ROOT, n), path.join(dir, n), { recursive: true });
  }
  mkdirSync(path.join(dir, 'public'), { recursive: true });
  cpSync(path.join(ROOT, 'tests/fixtures/markdown/good-first.md'), path.join(dir, 'slides/00-opening.md'));
  writeFileSync(
    path.join(dir, 'slides/01-qi.md'),
    `---\nid: qi\nkind: part\nlabel: 起\ntitle: 起\nminutes: 3\n---\n\n## 图片\n\n${slide}\n\nNote:\n\n讲稿。\n`,
  );
  return dir;
}

async function buildError(dir: string): Promise<string> {
  try {
    await build({ root: dir, configFile: path.join(dir, 'vite.config.ts'), logLevel: 'silent' });
  } catch (e) {
    return (e as Error).message;
  }
  return '';
}

/** Every file written to dist/ that holds the secret. */
function leaks(dir: string): string[] {
  const dist = path.join(dir, 'dist');
  if (!existsSync(dist)) return [];
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() || e.isSymbolicLink())
    .map((e) => path.join(e.parentPath, e.name))
    .filter((f) => {
      try {
        // Follows links, as a web server serving dist/ would.
        return readFileSync(f, 'utf8').includes(SECRET);
      } catch {
        return true;
      }
    });
}

describe('vite build', () => {
  it('stops at a raw <img> outside the project and writes nothing from outside', async () => {
    const dir = scratch('raw-img', '<img src="../secret.txt" alt="x">');
    expect(await buildError(dir)).toContain('slides/01-qi.md:11: 图片 "../secret.txt" 指向 public/ 和 assets/ 之外');
    expect(leaks(dir)).toEqual([]);
  }, 120_000);

  it('stops at a link in public/ to a file outside it', async () => {
    const dir = scratch('public-link', '正文');
    symlinkSync(path.join(base, 'secret.txt'), path.join(dir, 'public', 'leak.txt'));
    expect(await buildError(dir)).toContain('public/leak.txt:1: 这是指向 public/ 之外的符号链接（symlink）');
    expect(leaks(dir)).toEqual([]);
  }, 120_000);
});
