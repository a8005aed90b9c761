import { describe, expect, it } from 'vitest';
import { chromiumArgs } from '../../../src/export/browser.ts';

describe('chromiumArgs()', () => {
  it('turns the sandbox off only when running as root (Chromium will not start sandboxed as root)', () => {
    expect(chromiumArgs(0)).toContain('--no-sandbox');
    expect(chromiumArgs(1000)).not.toContain('--no-sandbox');
    // Windows has no user ids: the sandbox stays on.
    expect(chromiumArgs(undefined)).not.toContain('--no-sandbox');
  });

  it('keeps the flags for a closed network either way', () => {
    for (const uid of [0, 1000]) {
      expect(chromiumArgs(uid)).toEqual(expect.arrayContaining(['--disable-background-networking', '--disable-quic']));
    }
  });
});
