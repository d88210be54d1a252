/**
 * Finding and launching the system Chromium for headless work (SVG rendering,
 * benchmarks). Node only. `playwright-core` is loaded lazily, so code that
 * merely imports this module works where it is not installed.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BrowserContext } from 'playwright-core';

/** Where Chromium is looked for when `BIZFLOW_CHROMIUM` is not set. */
export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Chromium (or playwright-core) is not available. `detail` says what was looked for; the message is one line. */
export class ChromiumMissingError extends Error {
  constructor(readonly detail: string) {
    super(`Chromium is not available: ${detail}. Install it (apt-get install -y chromium) or set BIZFLOW_CHROMIUM to its path.`);
    this.name = 'ChromiumMissingError';
  }
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The Chromium executable to use: `explicit`, else `$BIZFLOW_CHROMIUM`, else the first candidate found. Throws ChromiumMissingError. */
export function findChromium(explicit?: string): string {
  const wanted = explicit ?? process.env.BIZFLOW_CHROMIUM;
  if (wanted) {
    if (isExecutable(wanted)) return wanted;
    throw new ChromiumMissingError(`no executable at ${wanted}`);
  }
  for (const c of CHROMIUM_CANDIDATES) if (isExecutable(c)) return c;
  throw new ChromiumMissingError(`none of ${CHROMIUM_CANDIDATES.join(', ')} exists`);
}

function loadPlaywright(): typeof import('playwright-core') {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('playwright-core') as typeof import('playwright-core');
  } catch (e) {
    throw new ChromiumMissingError(`the playwright-core package cannot be loaded (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`);
  }
}

export interface HeadlessChromium {
  context: BrowserContext;
  executablePath: string;
  /** Closes the browser and removes its temporary profile. Safe to call twice; never throws. */
  close(): Promise<void>;
}

/**
 * Launches headless Chromium with a fresh temporary profile. Every network
 * request of the context is aborted: pages must be self-contained.
 */
export async function launchChromium(opts: { executablePath?: string; timeoutMs?: number } = {}): Promise<HeadlessChromium> {
  const executablePath = findChromium(opts.executablePath);
  const { chromium } = loadPlaywright();
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bizflow-chromium-'));
  const removeProfile = () => {
    try {
      fs.rmSync(userDataDir, { recursive: true, force: true });
    } catch {
      // best effort
    }
  };
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: true,
      args: CHROMIUM_ARGS,
      timeout: opts.timeoutMs ?? 30_000,
      offline: true,
    });
  } catch (e) {
    removeProfile();
    const first = (e instanceof Error ? e.message : String(e)).split('\n')[0];
    throw new Error(`Chromium at ${executablePath} could not be started: ${first}`);
  }
  let closed = false;
  return {
    context,
    executablePath,
    async close() {
      if (closed) return;
      closed = true;
      try {
        await context.close();
      } catch {
        // already gone
      }
      removeProfile();
    },
  };
}
