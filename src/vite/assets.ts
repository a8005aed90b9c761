import { lstatSync, readdirSync, realpathSync, type Stats } from 'node:fs';
import path from 'node:path';
import { ASSET_PROBLEMS, checkImageSrc, type AssetProblem } from '../markdown/assets.ts';
import { DeckError } from '../markdown/errors.ts';

/** Whether `file` is `dir` or inside it (both absolute and normalised). */
function inside(dir: string, file: string): boolean {
  const rel = path.relative(dir, file);
  return rel === '' || (rel.split(path.sep)[0] !== '..' && !path.isAbsolute(rel));
}

function lstat(file: string): Stats | null {
  try {
    return lstatSync(file);
  } catch {
    return null;
  }
}

function realpath(file: string): string | null {
  try {
    return realpathSync(file);
  } catch {
    return null;
  }
}

/**
 * Checks an image the slides reference against the files of the project at `root`, the way the
 * build will find it: Vite first resolves a relative `src` from the project root (and bundles the
 * file), and otherwise leaves it to `public/`, which is copied into `dist/` as it is. Either way
 * the file, after following links (`realpath`), must be inside `public/` or `assets/`: nothing
 * from elsewhere on the machine may reach `dist/`.
 * @returns what is wrong, or null.
 */
export function checkAsset(root: string, src: string, publicDir = path.join(root, 'public')): AssetProblem | null {
  const syntax = checkImageSrc(src);
  if (syntax) return syntax;
  const rel = decodeURI(src).replace(/^(?:\.\/)+/, '');
  const allowed = [publicDir, path.join(root, 'assets')];
  const fromRoot = path.resolve(root, rel);
  const fromPublic = path.resolve(publicDir, rel);
  const lexicallyInside = (file: string): boolean => allowed.some((dir) => inside(dir, file));
  const confined = (file: string): boolean => {
    const real = realpath(file);
    return real !== null && allowed.some((dir) => inside(realpath(dir) ?? dir, real));
  };
  if (lstat(fromRoot)) {
    if (confined(fromRoot)) return null;
    return lexicallyInside(fromRoot) ? ASSET_PROBLEMS.symlink(src) : ASSET_PROBLEMS.outside(src);
  }
  if (!inside(publicDir, fromPublic)) return ASSET_PROBLEMS.outside(src);
  if (!lstat(fromPublic)) return ASSET_PROBLEMS.missing(src);
  return confined(fromPublic) ? null : ASSET_PROBLEMS.symlink(src);
}

/**
 * Refuses a symbolic link in `public/` that leads outside it (or nowhere): Vite copies `public/`
 * into `dist/` following links, so a link to `/etc/passwd` would publish that file.
 * @throws DeckError naming the link (relative to `root`).
 */
export function checkPublicDir(root: string, publicDir = path.join(root, 'public')): void {
  const top = realpath(publicDir);
  if (!top) return;
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const file = path.join(dir, name);
      const stat = lstat(file);
      if (stat?.isSymbolicLink()) {
        const real = realpath(file);
        if (real === null || !inside(top, real)) {
          throw new DeckError(
            { file: path.relative(root, file).split(path.sep).join('/'), line: 1 },
            '这是指向 public/ 之外的符号链接（symlink），构建会把它指向的文件复制进 dist/',
            '把文件本身复制进 public/，或删除这个链接',
          );
        }
      } else if (stat?.isDirectory()) {
        walk(file);
      }
    }
  };
  walk(publicDir);
}
