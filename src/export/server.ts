import { createReadStream, realpathSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { FRAME_HEADERS } from '../config.ts';

/** A running static server. */
export interface StaticServer {
  /** Base URL ending in `/`, e.g. `http://127.0.0.1:41234/deck/`. */
  url: string;
  port: number;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.pdf': 'application/pdf',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** Raised when the requested port is taken. */
export class PortUnavailableError extends Error {
  constructor(port: number) {
    super(`Port ${port} on 127.0.0.1 is already in use — choose another with --port, or omit it to use a free port.`);
    this.name = 'PortUnavailableError';
  }
}

/** Whether `file` is `dir` or inside it (both absolute). */
function inside(dir: string, file: string): boolean {
  return file === dir || file.startsWith(dir + path.sep);
}

/**
 * Serves `dir` read-only on loopback under `basePath` (default `/`). Port 0 picks a free port.
 * Only files inside `dir`, after following links, are served (else 403 or 404); an undecodable
 * path is 400. Every answer forbids framing (FRAME_HEADERS).
 */
export function serveStatic(
  dir: string,
  options: {
    port?: number;
    basePath?: string;
    /**
     * Files served from memory at `basePath` + their name, to any origin (the print documents are
     * `about:blank` pages: their fonts are cross-origin requests). Read at each request: add later.
     */
    memory?: ReadonlyMap<string, Uint8Array>;
  } = {},
): Promise<StaticServer> {
  const root = path.resolve(dir);
  const base = ('/' + (options.basePath ?? '').replace(/^\/+|\/+$/g, '') + '/').replace(/\/+/g, '/');
  // Links are followed once, here: every file served must really be inside this folder.
  const realRoot = realpathSync(root);
  const server: Server = createServer((req, res) => {
    let rel: string;
    try {
      rel = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      // An undecodable path (`%E0%A4%A`) is the client's error; it must not stop the export.
      res.writeHead(400).end();
      return;
    }
    if (!rel.startsWith(base) || rel.includes('\0')) {
      res.writeHead(404).end();
      return;
    }
    rel = rel.slice(base.length) || 'index.html';
    const held = options.memory?.get(rel);
    if (held) {
      res.writeHead(200, {
        'Content-Type': TYPES[path.extname(rel)] ?? 'application/octet-stream',
        'Content-Length': held.length,
        'Access-Control-Allow-Origin': '*',
        ...FRAME_HEADERS,
      });
      res.end(req.method === 'HEAD' ? undefined : held);
      return;
    }
    const file = path.resolve(root, rel);
    if (!inside(root, file)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const stat = statSync(file);
      const target = realpathSync(stat.isDirectory() ? path.join(file, 'index.html') : file);
      // A symbolic link in dist/ that leads out of it is not served.
      if (!inside(realRoot, target)) {
        res.writeHead(403).end();
        return;
      }
      const size = statSync(target).size;
      res.writeHead(200, {
        'Content-Type': TYPES[path.extname(target)] ?? 'application/octet-stream',
        'Content-Length': size,
        'Cache-Control': 'no-store',
        ...FRAME_HEADERS,
      });
      if (req.method === 'HEAD') res.end();
      else createReadStream(target).pipe(res);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      reject(err.code === 'EADDRINUSE' || err.code === 'EACCES' ? new PortUnavailableError(options.port ?? 0) : err);
    });
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}${base}`,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
