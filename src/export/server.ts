import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

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

/**
 * Serves `dir` read-only on loopback under `basePath` (default `/`). Port 0 picks a free port.
 * Only files inside `dir` are served; anything else is 404.
 */
export function serveStatic(dir: string, options: { port?: number; basePath?: string } = {}): Promise<StaticServer> {
  const root = path.resolve(dir);
  const base = ('/' + (options.basePath ?? '').replace(/^\/+|\/+$/g, '') + '/').replace(/\/+/g, '/');
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let rel = decodeURIComponent(url.pathname);
    if (!rel.startsWith(base)) {
      res.writeHead(404).end();
      return;
    }
    rel = rel.slice(base.length) || 'index.html';
    const file = path.resolve(root, rel);
    if (file !== root && !file.startsWith(root + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const stat = statSync(file);
      const target = stat.isDirectory() ? path.join(file, 'index.html') : file;
      const size = statSync(target).size;
      res.writeHead(200, {
        'Content-Type': TYPES[path.extname(target)] ?? 'application/octet-stream',
        'Content-Length': size,
        'Cache-Control': 'no-store',
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
