#!/usr/bin/env node
// Runs the integration tests inside a real VS Code extension host, offline:
// code-server (VS Code server, installed on demand into .vscode-test/) +
// the real web workbench in headless Chromium driven by playwright-core.
//
// Build first:  npm run build && node scripts/build-tests.mjs
// Then:         node test/integration/run-offline.mjs
//
// Env:
//   BIZFLOW_EXT_DEV_PATH     extension folder to test (default: the repo root)
//   BIZFLOW_TEST_TIMEOUT_MS  overall timeout (default 900000 = 15 min)
//   BIZFLOW_TEST_GREP        only run tests whose title matches (mocha grep)
//   BIZFLOW_TEST_VERBOSE=1   also print the workbench's routine log lines
//   BIZFLOW_CODE_SERVER_ECHO=1  also print code-server's own log
//   BIZFLOW_KEEP_TMP=1       keep code-server's temp user-data/extensions dir
//   BIZFLOW_TESTS_PATH, BIZFLOW_EXTENSION_KIND=web  set by test/web/run.mjs (VS Code for the Web)
//
// Exit code: the test run's exit code (0 = all passed), 2 = missing
// prerequisite, 3 = harness failure (e.g. timeout, browser crash).
import fs from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { ensureCodeServer, PrerequisiteError, CHROMIUM_PATH } from '../../scripts/ensure-code-server.mjs';
import { guardFixtures } from './fixtures-guard.mjs';
import { startCodeServer, remoteUri, onCleanup, runCleanups, shutdownSignal } from '../../scripts/code-server.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const EXT_DEV_PATH = path.resolve(process.env.BIZFLOW_EXT_DEV_PATH || ROOT);
const TESTS_PATH = path.resolve(process.env.BIZFLOW_TESTS_PATH || path.join(ROOT, 'out', 'test', 'integration', 'index.js'));
// 'web': run the extension (and the tests, which live inside it) in the workbench's Web Worker extension host
const EXTENSION_KIND = process.env.BIZFLOW_EXTENSION_KIND; // test/web/run.mjs
const WORKSPACE = path.join(ROOT, 'test', 'fixtures', 'workspace');
const ARTIFACTS = path.join(ROOT, 'test', 'artifacts');
const TIMEOUT_MS = Number(process.env.BIZFLOW_TEST_TIMEOUT_MS) || 15 * 60_000;
const SCREENSHOT_MARKER = '[bizflow:screenshot]'; // see test/integration/util/screenshot.ts
const FRAMES_MARKER = '[bizflow:frames]'; // see test/integration/util/frames.ts

const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
const info = (m) => console.error(`[run-offline ${elapsed()}] ${m}`);

function preflight() {
  const problems = [];
  if (!fs.existsSync(path.join(EXT_DEV_PATH, 'package.json'))) {
    problems.push(`no package.json in the extension folder ${EXT_DEV_PATH}`);
  } else {
    const pkg = JSON.parse(fs.readFileSync(path.join(EXT_DEV_PATH, 'package.json'), 'utf8'));
    if (pkg.main && !fs.existsSync(path.resolve(EXT_DEV_PATH, pkg.main)) && !fs.existsSync(path.resolve(EXT_DEV_PATH, pkg.main + '.js'))) {
      problems.push(`the extension's main ${pkg.main} is not built (run: npm run build)`);
    }
  }
  if (!fs.existsSync(TESTS_PATH)) problems.push(`${path.relative(ROOT, TESTS_PATH)} is missing (run: node scripts/build-tests.mjs)`);
  if (!fs.existsSync(WORKSPACE)) problems.push(`the fixtures workspace ${WORKSPACE} is missing`);
  if (problems.length) throw new PrerequisiteError(`bizflow: cannot run integration tests: ${problems.join('; ')}`);
}

// The workbench hands codeAutomationLog(level, args) the log calls made while
// extension tests run, the extension host's console calls among them, as the
// array of console arguments (format string first), e.g.
// ['    ✔ %s', 'opens the fixtures workspace'].
function formatLogMessage(message) {
  if (Array.isArray(message)) return format(...message);
  return typeof message === 'string' ? message : format(message);
}

// Workbench chatter that is not about the tests (shown with BIZFLOW_TEST_VERBOSE=1).
const NOISE = [
  /^Resolving connection token/,
  /^Resolved connection token/,
  /^Creating a socket \(renderer-/,
  /^ChatSessionStore: /,
  /^Ignoring fetching additional builtin extensions/,
  /^Updating additional builtin extensions cache/,
  /^\[Service Worker\] registered/,
];
const VERBOSE = !!process.env.BIZFLOW_TEST_VERBOSE;

let page; // the workbench page, once open
const pendingShots = new Set();

/** page.screenshot into test/artifacts/<name>.png (via a temp file + rename, so a visible file is complete). */
async function takeScreenshot(name) {
  if (!page) return;
  const file = path.join(ARTIFACTS, `${name}.png`);
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    await page.screenshot({ path: tmp, type: 'png', timeout: 15_000 });
    fs.renameSync(tmp, file);
    info(`screenshot ${path.relative(ROOT, file)}`);
  } catch (err) {
    info(`screenshot ${name} failed: ${err.message}`);
    fs.rmSync(tmp, { force: true });
  }
}

/**
 * Answers a frames query (test/integration/util/frames.ts): in every frame of the page (webviews are nested
 * iframes the extension host cannot reach), the number of elements matching each CSS selector and the text
 * of the first one; written as JSON to <artifacts>/<name>.json (temp file + rename). A fixed query, no code.
 */
async function answerFramesQuery(name, selectors) {
  const file = path.join(ARTIFACTS, `${name}.json`);
  const tmp = `${file}.${process.pid}.tmp`;
  const frames = [];
  for (const frame of page ? page.frames() : []) {
    try {
      const found = await frame.evaluate((sels) => {
        const out = {};
        for (const [key, sel] of Object.entries(sels)) {
          const all = document.querySelectorAll(sel);
          out[key] = { count: all.length, text: all.length ? String(all[0].textContent).slice(0, 4000) : undefined };
        }
        return out;
      }, selectors);
      if (Object.values(found).some((f) => f.count > 0)) frames.push({ url: frame.url().slice(0, 200), found });
    } catch {
      // a frame that went away or is not ready
    }
  }
  fs.writeFileSync(tmp, JSON.stringify({ frames }));
  fs.renameSync(tmp, file);
}

// The workbench's `extensionDevelopmentKind` payload is not read by code-server 4.99's web workbench (its
// extension placement asks the environment for a property the browser's environment service names
// differently), but the `remote.extensionKind` setting is: it places the extension (and so its tests) in the
// Web Worker extension host, where it loads package.json `browser`.
function setExtensionKind({ userDataDir }) {
  const pkg = JSON.parse(fs.readFileSync(path.join(EXT_DEV_PATH, 'package.json'), 'utf8'));
  const file = path.join(userDataDir, 'User', 'settings.json');
  const settings = JSON.parse(fs.readFileSync(file, 'utf8'));
  settings['remote.extensionKind'] = { [`${pkg.publisher}.${pkg.name}`]: [EXTENSION_KIND] };
  fs.writeFileSync(file, JSON.stringify(settings, null, 2));
}

async function main() {
  preflight();
  const entry = await ensureCodeServer();
  fs.mkdirSync(ARTIFACTS, { recursive: true });

  // The extension host inherits code-server's environment: this is how the
  // tests know they run under this launcher and where screenshots go.
  process.env.BIZFLOW_TEST_LAUNCHER = 'offline';
  process.env.BIZFLOW_ARTIFACTS_DIR = ARTIFACTS;

  info(`starting code-server (extension: ${EXT_DEV_PATH})`);
  const server = await startCodeServer({ entry, folder: WORKSPACE, noGallery: true, prepare: EXTENSION_KIND ? setExtensionKind : undefined });
  info(`code-server ready at ${server.url}`);

  let browser;
  onCleanup(async () => {
    if (browser) await browser.close().catch(() => {});
  });
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // Keep Chromium's crashpad folder etc. out of ~/.config (removed with code-server's temp dir).
    env: { ...process.env, XDG_CONFIG_HOME: path.join(server.tmpDir, 'chromium-xdg'), XDG_CACHE_HOME: path.join(server.tmpDir, 'chromium-xdg') },
    // Our own SIGINT/SIGTERM handling (scripts/code-server.mjs) closes it.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  page = await context.newPage();

  let resolveExit, rejectExit;
  const exitCode = new Promise((resolve, reject) => {
    resolveExit = resolve;
    rejectExit = reject;
  });

  await page.exposeFunction('codeAutomationLog', (level, message) => {
    const text = formatLogMessage(message);
    const i = text.indexOf(SCREENSHOT_MARKER);
    if (i >= 0) {
      try {
        const json = text.slice(i + SCREENSHOT_MARKER.length).trim();
        const { name } = JSON.parse(json.slice(0, json.lastIndexOf('}') + 1));
        const safe = String(name).replace(/[^A-Za-z0-9._-]+/g, '-');
        const p = takeScreenshot(safe);
        pendingShots.add(p);
        p.finally(() => pendingShots.delete(p));
      } catch (err) {
        info(`bad screenshot request (${err.message}): ${text}`);
      }
      return;
    }
    const f = text.indexOf(FRAMES_MARKER);
    if (f >= 0) {
      try {
        const json = text.slice(f + FRAMES_MARKER.length).trim();
        const { name, selectors } = JSON.parse(json.slice(0, json.lastIndexOf('}') + 1));
        const safe = String(name).replace(/[^A-Za-z0-9._-]+/g, '-');
        const sels = Object.fromEntries(Object.entries(selectors ?? {}).filter(([, v]) => typeof v === 'string'));
        const p = answerFramesQuery(safe, sels).catch((err) => info(`frames query ${safe} failed: ${err.message}`));
        pendingShots.add(p);
        p.finally(() => pendingShots.delete(p));
      } catch (err) {
        info(`bad frames query (${err.message}): ${text}`);
      }
      return;
    }
    if (!VERBOSE && level !== 'error' && level !== 'warn' && NOISE.some((re) => re.test(text))) return;
    const prefix = level === 'error' ? '[error] ' : level === 'warn' ? '[warn] ' : '';
    process.stdout.write(`${prefix}${text}\n`);
  });
  await page.exposeFunction('codeAutomationExit', (code) => {
    resolveExit(typeof code === 'number' ? code : 1);
  });
  page.on('pageerror', (err) => info(`page error: ${err.message}`));
  page.on('crash', () => rejectExit(new Error('the browser page crashed')));
  browser.on('disconnected', () => rejectExit(new Error('the browser went away')));

  const payload = [
    ['extensionDevelopmentPath', remoteUri(server, EXT_DEV_PATH)],
    ['extensionTestsPath', remoteUri(server, TESTS_PATH)],
    ['skipWelcome', 'true'],
  ];
  const url = `${server.url}/?folder=${encodeURIComponent(WORKSPACE)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  info(`opening the workbench: ${url}`);
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120_000 });

  const code = await exitCode;
  await Promise.allSettled([...pendingShots]);
  info(`tests finished with exit code ${code}`);
  return code;
}

// Overall timeout: covers everything, from installing code-server to the
// last test.
let timer;
const watchdog = new Promise((_, reject) => {
  timer = setTimeout(() => {
    const err = new Error(`timed out after ${Math.round(TIMEOUT_MS / 1000)} s (the whole run; set BIZFLOW_TEST_TIMEOUT_MS to change)`);
    err.stack = err.message;
    reject(err);
  }, TIMEOUT_MS);
});
// the fixtures as the tests found them, put back after the run (a killed run's leftovers: at the next start)
const restoreFixtures = guardFixtures(WORKSPACE, path.join(ARTIFACTS, 'fixtures-snapshot.json'), info);

let code;
try {
  code = await Promise.race([main(), watchdog]);
} catch (err) {
  if (err instanceof PrerequisiteError) {
    console.error(err.message);
    code = 2;
  } else if (shutdownSignal()) {
    code = 130;
  } else {
    console.error(`[run-offline] FAILED: ${err?.stack || err}`);
    code = 3;
  }
} finally {
  clearTimeout(timer);
}
if (!shutdownSignal()) await takeScreenshot('final');
await runCleanups();
const leftChanged = restoreFixtures();
if (leftChanged.length) {
  console.error(`[run-offline] the tests left the fixtures changed (restored now): ${leftChanged.join(', ')}`);
  if (code === 0) code = 1;
}
info(`done, exit code ${code}`);
process.exit(code);
