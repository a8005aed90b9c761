import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildErrorLocation, buildErrorMessage, keepingNodeEnv, staleReason } from '../../../src/export/build.ts';

describe('staleReason()', () => {
  it('asks for a build when dist/ is missing or older than a source, not otherwise', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'deck-stale-'));
    mkdirSync(path.join(root, 'slides'));
    mkdirSync(path.join(root, 'dist'));
    writeFileSync(path.join(root, 'slides', '00.md'), 'x');
    expect(staleReason(root, path.join(root, 'dist'))).toMatch(/index\.html is missing/);
    writeFileSync(path.join(root, 'dist', 'index.html'), 'x');
    const old = new Date(Date.now() - 60_000);
    utimesSync(path.join(root, 'slides', '00.md'), old, old);
    utimesSync(path.join(root, 'slides'), old, old);
    expect(staleReason(root, path.join(root, 'dist'))).toBeNull();
    writeFileSync(path.join(root, 'slides', '01.md'), 'newer');
    expect(staleReason(root, path.join(root, 'dist'))).toMatch(/^slides changed/);
  });
});

describe('buildErrorLocation() / buildErrorMessage()', () => {
  it('finds the DeckError nested in a Rolldown build error and leads with its file:line', () => {
    const deckError = Object.assign(
      new Error('slides/03-x.md:11: link to slide "#nope" which does not exist — use an id'),
      {
        file: 'slides/03-x.md',
        line: 11,
      },
    );
    const error = Object.assign(
      new Error(
        'Build failed with 1 error:\n\n[plugin vite:build-html] /r/index.html\nDeckError: slides/03-x.md:11: link to slide "#nope" which does not exist — use an id\n    at compileDeck (x)',
      ),
      { errors: [deckError] },
    );
    const location = buildErrorLocation(error, '/r');
    expect(location).toBe('slides/03-x.md:11');
    expect(buildErrorMessage(error, location)).toBe(
      'slides/03-x.md:11: link to slide "#nope" which does not exist — use an id',
    );
  });

  it('reads a Rollup-style loc relative to the root', () => {
    const error = { message: 'Unexpected token', loc: { file: '/r/src/runtime/main.ts', line: 3 } };
    const location = buildErrorLocation(error, '/r');
    expect(location).toBe('src/runtime/main.ts:3');
    expect(buildErrorMessage(error, location)).toBe('src/runtime/main.ts:3: Unexpected token');
  });
});

describe('keepingNodeEnv()', () => {
  it('leaves NODE_ENV as it found it after a build set it, also when the build fails', async () => {
    const before = process.env.NODE_ENV;
    try {
      delete process.env.NODE_ENV;
      // What Vite's build does to the process: NODE_ENV=production, left behind.
      const result = await keepingNodeEnv(async () => {
        process.env.NODE_ENV = 'production';
        return 'built';
      });
      expect(result).toBe('built');
      expect(process.env.NODE_ENV).toBeUndefined();
      process.env.NODE_ENV = 'development';
      await expect(
        keepingNodeEnv(async () => {
          process.env.NODE_ENV = 'production';
          throw new Error('build failed');
        }),
      ).rejects.toThrow('build failed');
      expect(process.env.NODE_ENV).toBe('development');
    } finally {
      process.env.NODE_ENV = before;
    }
  });
});
