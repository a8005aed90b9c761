import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';

/** Where a usable Chromium was found. */
export interface FoundBrowser {
  executablePath: string;
  /** How it was found: `env` (CHROME_PATH), `playwright`, `system`, or `installed` (just now, by apt). */
  source: 'env' | 'playwright' | 'system' | 'installed';
}

/** Flags every headless Chromium launch uses on a closed network. */
const NETWORK_ARGS = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--font-render-hinting=none',
];

/**
 * Chromium's flags for a user id (`process.getuid()`; undefined on Windows). The sandbox is turned
 * off only for root, where Chromium refuses to start sandboxed (containers, CI); everyone else
 * keeps it, so a hostile page cannot reach the machine through a renderer bug.
 */
export function chromiumArgs(uid: number | undefined): string[] {
  return uid === 0 ? ['--no-sandbox', ...NETWORK_ARGS] : [...NETWORK_ARGS];
}

/** The flags for this process (see chromiumArgs). */
export const CHROMIUM_ARGS = chromiumArgs(process.getuid?.());

/** System locations of Chrome/Chromium, most likely first. */
const SYSTEM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

/** Raised when no browser can be found or installed; its message says what to install. */
export class NoBrowserError extends Error {
  constructor(tried: string[]) {
    super(
      'No usable Chromium was found. Tried: ' +
        tried.join('; ') +
        '.\nInstall one of:\n' +
        '  - Debian/Ubuntu: sudo apt-get install chromium\n' +
        '  - any system: npx playwright install chromium\n' +
        '  - or point CHROME_PATH at a Chrome/Chromium executable.',
    );
    this.name = 'NoBrowserError';
  }
}

function executable(p: string): boolean {
  try {
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function playwrightPath(): Promise<string | null> {
  try {
    const { chromium } = await import('playwright');
    const p = chromium.executablePath();
    return p && existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

function isDebianRoot(): boolean {
  return (
    process.platform === 'linux' &&
    typeof process.getuid === 'function' &&
    process.getuid() === 0 &&
    existsSync('/usr/bin/apt-get')
  );
}

/** Where `findBrowser` looks besides `CHROME_PATH` (injectable so "no browser" can be tested). */
export interface BrowserSearch {
  /** Look for Playwright's own downloaded Chromium. Default true. */
  playwright?: boolean;
  /** System locations to try, in order. Default: the usual Chrome/Chromium paths. */
  systemPaths?: readonly string[];
}

/**
 * Finds Chromium: `CHROME_PATH`, then Playwright's own browser, then a system Chrome/Chromium,
 * then (Debian/Ubuntu as root, unless `DECK_NO_BROWSER_INSTALL=1`) installs `chromium` with apt.
 * @throws NoBrowserError naming what to install.
 */
export async function findBrowser(
  env: NodeJS.ProcessEnv = process.env,
  search: BrowserSearch = {},
): Promise<FoundBrowser> {
  const tried: string[] = [];
  const fromEnv = env.CHROME_PATH;
  if (fromEnv) {
    if (executable(fromEnv)) return { executablePath: fromEnv, source: 'env' };
    tried.push(`CHROME_PATH=${fromEnv} (not an executable)`);
  } else {
    tried.push('CHROME_PATH (not set)');
  }
  const pw = search.playwright === false ? null : await playwrightPath();
  if (pw) return { executablePath: pw, source: 'playwright' };
  tried.push("Playwright's browser (not downloaded)");
  for (const p of search.systemPaths ?? SYSTEM_PATHS) if (executable(p)) return { executablePath: p, source: 'system' };
  tried.push('system Chrome/Chromium (none found)');
  if (env.DECK_NO_BROWSER_INSTALL !== '1' && isDebianRoot()) {
    process.stderr.write('No Chromium found: installing Debian\'s "chromium" with apt-get…\n');
    spawnSync('apt-get', ['update', '-q'], { stdio: 'ignore' });
    const r = spawnSync('apt-get', ['install', '-y', '-q', 'chromium'], {
      stdio: 'ignore',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (r.status === 0 && executable('/usr/bin/chromium')) {
      return { executablePath: '/usr/bin/chromium', source: 'installed' };
    }
    tried.push('apt-get install chromium (failed)');
  }
  throw new NoBrowserError(tried);
}
