import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ASSET_PROBLEMS } from '../../../src/markdown/assets.ts';
import { DeckError } from '../../../src/markdown/errors.ts';
import { checkAsset, checkPublicDir } from '../../../src/vite/assets.ts';

/** A scratch project beside a "secret" file outside it, with links of every kind. */
const base = mkdtempSync(path.join(os.tmpdir(), 'deck-assets-'));
const root = path.join(base, 'project');
const secret = path.join(base, 'secret.txt');
mkdirSync(path.join(root, 'public', 'img'), { recursive: true });
mkdirSync(path.join(root, 'assets', 'img'), { recursive: true });
mkdirSync(path.join(root, 'notes'));
writeFileSync(secret, 'secret');
writeFileSync(path.join(root, 'public', 'img', 'ok.svg'), '<svg/>');
writeFileSync(path.join(root, 'assets', 'img', 'ok.svg'), '<svg/>');
writeFileSync(path.join(root, 'notes', 'private.txt'), 'not an asset');

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('checkAsset()', () => {
  it('accepts files in public/ and in assets/', () => {
    expect(checkAsset(root, 'img/ok.svg')).toBeNull();
    expect(checkAsset(root, './img/ok.svg')).toBeNull();
    expect(checkAsset(root, 'assets/img/ok.svg')).toBeNull();
  });

  it('reports a missing file', () => {
    expect(checkAsset(root, 'img/none.svg')).toEqual(ASSET_PROBLEMS.missing('img/none.svg'));
  });

  it('refuses paths that lead out of public/ and assets/, whether or not the file exists', () => {
    for (const src of [
      '../secret.txt',
      `${'../'.repeat(6)}etc/passwd`,
      'img/../../../secret.txt',
      'notes/private.txt',
    ]) {
      expect(checkAsset(root, src), src).toEqual(ASSET_PROBLEMS.outside(src));
    }
  });

  it('refuses a link in public/ or assets/ that points outside them, and a dangling one', () => {
    symlinkSync(secret, path.join(root, 'public', 'img', 'link.svg'));
    symlinkSync(secret, path.join(root, 'assets', 'img', 'link.svg'));
    symlinkSync(path.join(base, 'nowhere'), path.join(root, 'public', 'img', 'dangling.svg'));
    try {
      for (const src of ['img/link.svg', 'assets/img/link.svg', 'img/dangling.svg']) {
        expect(checkAsset(root, src), src).toEqual(ASSET_PROBLEMS.symlink(src));
      }
    } finally {
      for (const f of ['public/img/link.svg', 'assets/img/link.svg', 'public/img/dangling.svg']) {
        rmSync(path.join(root, f));
      }
    }
  });

  it('accepts a link that stays inside public/', () => {
    symlinkSync(path.join(root, 'public', 'img', 'ok.svg'), path.join(root, 'public', 'img', 'alias.svg'));
    try {
      expect(checkAsset(root, 'img/alias.svg')).toBeNull();
    } finally {
      rmSync(path.join(root, 'public', 'img', 'alias.svg'));
    }
  });

  it('refuses a file at the project root that Vite would bundle in place of public/', () => {
    mkdirSync(path.join(root, 'img'));
    writeFileSync(path.join(root, 'img', 'ok.svg'), '<svg/>');
    try {
      expect(checkAsset(root, 'img/ok.svg')).toEqual(ASSET_PROBLEMS.outside('img/ok.svg'));
    } finally {
      rmSync(path.join(root, 'img'), { recursive: true });
    }
  });
});

describe('checkPublicDir()', () => {
  it('accepts plain files and links that stay inside public/', () => {
    symlinkSync(path.join(root, 'public', 'img'), path.join(root, 'public', 'pictures'));
    try {
      expect(() => checkPublicDir(root)).not.toThrow();
    } finally {
      rmSync(path.join(root, 'public', 'pictures'));
    }
  });

  it('refuses a link to a file outside public/ with the link as file:line', () => {
    symlinkSync('/etc/passwd', path.join(root, 'public', 'img', 'leak'));
    try {
      let caught: unknown;
      try {
        checkPublicDir(root);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(DeckError);
      expect((caught as DeckError).message).toBe(
        'public/img/leak:1: 这是指向 public/ 之外的符号链接（symlink），构建会把它指向的文件复制进 dist/ — 把文件本身复制进 public/，或删除这个链接',
      );
    } finally {
      rmSync(path.join(root, 'public', 'img', 'leak'));
    }
  });

  it('refuses a linked folder that leads outside public/', () => {
    symlinkSync(base, path.join(root, 'public', 'up'));
    try {
      expect(() => checkPublicDir(root)).toThrow(/^public\/up:1: /);
    } finally {
      rmSync(path.join(root, 'public', 'up'));
    }
  });
});
