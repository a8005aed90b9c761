import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer } from 'vite';

/** A `npm run dev` server on a scratch copy of the project, for tests and the bench. */
export interface ScratchDev {
  /** The copy's root: edit `slides/` here, never in the project. */
  dir: string;
  /** The dev server's address, e.g. http://127.0.0.1:5173/. */
  url: string;
  /** Stops the server and deletes the copy. */
  close: () => Promise<void>;
}

/**
 * Starts Vite's dev server on a copy of the project whose `slides/` come from `slides` (a list of
 * files to copy in, by the name they get) and whose `assets/data/` has `data` added. `src/`, `node_modules/` and `public/` are links; the dev
 * server writes its font CSS into `assets/`, so that is a copy.
 */
export async function startScratchDev(
  root: string,
  slides: { from: string; as: string }[],
  /** Files to copy into the copy's `assets/data/` before the server starts. */
  data: string[] = [],
): Promise<ScratchDev> {
  const dir = mkdtempSync(path.join(tmpdir(), 'deck-dev-'));
  for (const name of ['src', 'node_modules', 'public']) {
    if (existsSync(path.join(root, name))) symlinkSync(path.join(root, name), path.join(dir, name));
  }
  cpSync(path.join(root, 'assets'), path.join(dir, 'assets'), { recursive: true });
  cpSync(path.join(root, 'index.html'), path.join(dir, 'index.html'));
  cpSync(path.join(root, 'vite.config.ts'), path.join(dir, 'vite.config.ts'));
  mkdirSync(path.join(dir, 'slides'));
  for (const s of slides) cpSync(s.from, path.join(dir, 'slides', s.as));
  // In place before the server starts: its first compile (the dependency scan may run it at once)
  // sees them, and no test depends on when the watcher reports a file added during its start.
  for (const f of data) cpSync(f, path.join(dir, 'assets/data', path.basename(f)));
  // A dev server whatever this process did before: Vite's build leaves NODE_ENV=production behind,
  // and a server created under it serves a production client (no charts in dev, see keepingNodeEnv).
  const nodeEnv = process.env.NODE_ENV;
  if (nodeEnv === 'production') process.env.NODE_ENV = 'development';
  const server = await createServer({
    root: dir,
    configFile: path.join(dir, 'vite.config.ts'),
    logLevel: 'silent',
    // Its own dependency cache: node_modules/ is a link into the project, and two scratch servers
    // sharing node_modules/.vite re-optimise under each other (504 "Outdated Optimize Dep").
    cacheDir: path.join(dir, '.vite'),
    server: {
      port: 0,
      host: '127.0.0.1',
      strictPort: false,
      // src/ and node_modules/ are links into the project: let the dev server read them.
      fs: { allow: [dir, root] },
    },
  });
  if (nodeEnv === 'production') process.env.NODE_ENV = nodeEnv;
  await server.listen();
  const address = server.httpServer!.address() as { port: number };
  return {
    dir,
    url: `http://127.0.0.1:${address.port}/`,
    close: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
