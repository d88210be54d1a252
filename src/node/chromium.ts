/**
 * Finding and launching the system Chromium for headless work (SVG rendering,
 * benchmarks). Node only. `playwright-core` is loaded lazily, so code that
 * merely imports this module works where it is not installed.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BrowserContext } from 'playwright-core';

/** Where Chromium (or Chrome, or Edge: any Chromium build) is looked for on a platform when `BIZFLOW_CHROMIUM` is not set. */
export function chromiumCandidates(
  platform: string = process.platform,
  env: Record<string, string | undefined> = process.env,
): string[] {
  if (platform === 'darwin') {
    return [
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
  }
  if (platform === 'win32') {
    const roots = [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)']].filter((r): r is string => !!r);
    return roots.flatMap((r) => [
      path.win32.join(r, 'Chromium', 'Application', 'chrome.exe'),
      path.win32.join(r, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      path.win32.join(r, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
    ]);
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/microsoft-edge',
  ];
}

/** Where Chromium is looked for on this machine when `BIZFLOW_CHROMIUM` is not set (then in playwright's own download folder). */
export const CHROMIUM_CANDIDATES = chromiumCandidates();

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Chromium (`missing: 'chromium'`) or the optional playwright-core package (`missing: 'playwright'`) is not
 * available. `detail` says what was looked for; the message is one line.
 */
export class ChromiumMissingError extends Error {
  constructor(
    readonly detail: string,
    readonly missing: 'chromium' | 'playwright' = 'chromium',
  ) {
    super(
      missing === 'playwright'
        ? `playwright-core is not available: ${detail}. Install it (npm install playwright-core).`
        : `Chromium is not available: ${detail}. Install it (apt-get install -y chromium, or npx playwright-core install chromium) or set BIZFLOW_CHROMIUM to its path.`,
    );
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

/** The Chromium playwright-core downloaded (`npx playwright-core install chromium`), if playwright-core is there and it did. */
function playwrightsChromium(): string | undefined {
  try {
    const file = loadPlaywright().chromium.executablePath();
    return file && isExecutable(file) ? file : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The Chromium executable to use: `explicit`, else `$BIZFLOW_CHROMIUM`, else the first of the platform's usual
 * places that exists, else the one playwright-core downloaded. Throws ChromiumMissingError.
 */
export function findChromium(explicit?: string): string {
  const wanted = explicit ?? process.env.BIZFLOW_CHROMIUM;
  if (wanted) {
    if (isExecutable(wanted)) return wanted;
    throw new ChromiumMissingError(`no executable at ${wanted}`);
  }
  for (const c of CHROMIUM_CANDIDATES) if (isExecutable(c)) return c;
  const downloaded = playwrightsChromium();
  if (downloaded) return downloaded;
  throw new ChromiumMissingError(`none of ${CHROMIUM_CANDIDATES.join(', ')} exists`);
}

function loadPlaywright(): typeof import('playwright-core') {
  try {
    return require('playwright-core') as typeof import('playwright-core');
  } catch (e) {
    throw new ChromiumMissingError(
      `the playwright-core package cannot be loaded (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`,
      'playwright',
    );
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
  // playwright-core first: without it no Chromium can be driven, whichever is found
  const { chromium } = loadPlaywright();
  const executablePath = findChromium(opts.executablePath);
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
