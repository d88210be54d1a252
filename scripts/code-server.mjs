// Shared helper: start / stop a code-server (real VS Code server) on
// 127.0.0.1 for the integration tests (test/integration/run-offline.mjs) and
// `npm start` (scripts/start.mjs).
//
// code-server runs in its own process group (detached) so that stop() can
// kill it together with everything it spawned (extension host, pty host,
// file watcher). Every started server is also killed on process exit, and
// SIGINT/SIGTERM/SIGHUP run the registered cleanups before exiting, so no
// process is leaked on success, failure or Ctrl-C.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const HOST = '127.0.0.1';

// ---------------------------------------------------------------- cleanup --
const liveGroups = new Set(); // pids of process-group leaders still running
const cleanups = []; // async functions run (LIFO) on a signal
let signalled; // name of the signal that started a shutdown

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // ESRCH: group gone
  }
}

function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

process.on('exit', () => {
  // Last resort, synchronous: nothing of ours may outlive this process.
  for (const pid of liveGroups) killGroup(pid, 'SIGKILL');
});

/** Runs all registered cleanups (newest first); concurrent callers share one run. */
let cleaning;
export function runCleanups() {
  cleaning ??= (async () => {
    while (cleanups.length) {
      const fn = cleanups.pop();
      try {
        await fn();
      } catch (err) {
        console.error(`bizflow: cleanup failed: ${err?.message || err}`);
      }
    }
  })().finally(() => {
    cleaning = undefined;
  });
  return cleaning;
}

/** The signal being handled (e.g. 'SIGINT') once shutdown by signal began, else undefined. */
export function shutdownSignal() {
  return signalled || undefined;
}

/** Registers an async cleanup run on SIGINT/SIGTERM/SIGHUP (and by runCleanups()). Returns an unregister function. */
export function onCleanup(fn) {
  cleanups.push(fn);
  return () => {
    const i = cleanups.indexOf(fn);
    if (i >= 0) cleanups.splice(i, 1);
  };
}

const SIGNAL_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
let signalExitCode; // overrides SIGNAL_CODES when set

/** Exit code used after a signal-triggered shutdown (default 128+signal, e.g. 130 for Ctrl-C). */
export function setSignalExitCode(code) {
  signalExitCode = code;
}

for (const sig of Object.keys(SIGNAL_CODES)) {
  process.on(sig, () => {
    const code = signalExitCode ?? SIGNAL_CODES[sig];
    if (signalled) {
      // Second Ctrl-C: stop waiting.
      process.exit(code);
    }
    signalled = sig;
    console.error(`\nbizflow: ${sig} received, shutting down…`);
    const hardStop = setTimeout(() => process.exit(code), 10_000);
    hardStop.unref();
    runCleanups().finally(() => process.exit(code));
  });
}

// ------------------------------------------------------------------ ports --
function canListen(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen({ host: HOST, port, exclusive: true }, () => srv.close(() => resolve(true)));
  });
}

/** A currently free TCP port on 127.0.0.1 (chosen by the OS). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen({ host: HOST, port: 0, exclusive: true }, () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Picks the port: `port` if given and free (throws if busy and `strict`),
 * else a free one.
 */
export async function pickPort(port, { strict = false } = {}) {
  if (port) {
    if (await canListen(port)) return port;
    if (strict) throw new Error(`port ${port} on ${HOST} is already in use`);
  }
  return freePort();
}

// ------------------------------------------------------------------- ready --
function httpGetStatus(url, timeoutMs) {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function tail(file, lines = 30) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

// ------------------------------------------------------------------ start --
/**
 * Starts code-server.
 *
 * @param {object} o
 * @param {string} o.entry            code-server's entry.js (from ensureCodeServer())
 * @param {string} [o.folder]         folder to open by default
 * @param {number} [o.port]           wanted port (default: a free one)
 * @param {boolean} [o.strictPort]    fail if `port` is busy instead of picking another
 * @param {(dirs:{tmpDir:string,userDataDir:string,extensionsDir:string})=>void} [o.prepare]
 *                                    called before start, e.g. to put extensions in extensionsDir
 * @param {string[]} [o.extraArgs]
 * @param {boolean} [o.noGallery]     disable the extension gallery (open-vsx.org): no network look-ups, less log noise
 * @param {boolean} [o.echo]          also copy code-server's output to our stderr
 * @param {number} [o.readyTimeoutMs] default 60 s
 * @returns {Promise<{url:string, port:number, host:string, pid:number, tmpDir:string,
 *   userDataDir:string, extensionsDir:string, logFile:string, stop:()=>Promise<void>, exited:Promise<number|null>}>}
 */
export async function startCodeServer({
  entry,
  folder,
  port,
  strictPort = false,
  prepare,
  extraArgs = [],
  noGallery = false,
  echo = !!process.env.BIZFLOW_CODE_SERVER_ECHO,
  readyTimeoutMs = 60_000,
} = {}) {
  if (!entry) throw new Error('startCodeServer: entry is required');
  const chosenPort = await pickPort(port, { strict: strictPort });
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bizflow-code-server-'));
  const userDataDir = path.join(tmpDir, 'user-data');
  const extensionsDir = path.join(tmpDir, 'extensions');
  const xdg = path.join(tmpDir, 'xdg');
  for (const d of [userDataDir, extensionsDir, path.join(xdg, 'config'), path.join(xdg, 'data'), path.join(xdg, 'cache')]) {
    fs.mkdirSync(d, { recursive: true });
  }
  // Settings for a quiet, deterministic workbench.
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'extensions.ignoreRecommendations': true,
        'security.workspace.trust.enabled': false,
        'git.enabled': false,
      },
      null,
      2,
    ),
  );
  const configFile = path.join(tmpDir, 'config.yaml');
  fs.writeFileSync(configFile, ''); // keep code-server from writing ~/.config/code-server/config.yaml
  if (prepare) await prepare({ tmpDir, userDataDir, extensionsDir });

  const logFile = path.join(tmpDir, 'code-server.log');
  const logFd = fs.openSync(logFile, 'a');
  const args = [
    entry,
    '--config', configFile,
    '--auth', 'none',
    '--bind-addr', `${HOST}:${chosenPort}`,
    '--disable-telemetry',
    '--disable-workspace-trust',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    ...extraArgs,
  ];
  if (folder) args.push(folder);
  const child = spawn(process.execPath, args, {
    detached: true, // own process group → stop() kills the whole tree
    stdio: ['ignore', echo ? 'pipe' : logFd, echo ? 'pipe' : logFd],
    env: {
      ...process.env,
      // Keep code-server's own files (coder-logs, heartbeat, config) in the temp dir.
      XDG_CONFIG_HOME: path.join(xdg, 'config'),
      XDG_DATA_HOME: path.join(xdg, 'data'),
      XDG_CACHE_HOME: path.join(xdg, 'cache'),
      PORT: undefined,
      PASSWORD: undefined,
      HASHED_PASSWORD: undefined,
      VSCODE_IPC_HOOK_CLI: undefined,
      ...(noGallery ? { EXTENSIONS_GALLERY: '{}' } : {}),
    },
  });
  fs.closeSync(logFd);
  if (echo) {
    const logStream = fs.createWriteStream(logFile, { flags: 'a' });
    for (const s of [child.stdout, child.stderr]) {
      s.on('data', (d) => {
        logStream.write(d);
        process.stderr.write(d);
      });
    }
  }
  const pid = child.pid;
  liveGroups.add(pid);
  let exitCode;
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      exitCode = code ?? signal;
      resolve(code);
    });
    child.once('error', (err) => {
      exitCode = err.message;
      resolve(null);
    });
  });

  let stopping;
  const stop = () => {
    stopping ??= (async () => {
      if (pid && groupAlive(pid)) {
        killGroup(pid, 'SIGTERM');
        const deadline = Date.now() + 5_000;
        while (groupAlive(pid) && Date.now() < deadline) await sleep(100);
        if (groupAlive(pid)) {
          killGroup(pid, 'SIGKILL');
          const d2 = Date.now() + 2_000;
          while (groupAlive(pid) && Date.now() < d2) await sleep(100);
        }
      }
      liveGroups.delete(pid);
      unregister();
      if (!process.env.BIZFLOW_KEEP_TMP) fs.rmSync(tmpDir, { recursive: true, force: true });
    })();
    return stopping;
  };
  const unregister = onCleanup(stop);

  const url = `http://${HOST}:${chosenPort}`;
  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (exitCode !== undefined) {
      const out = tail(logFile);
      await stop();
      throw new Error(`code-server exited (${exitCode}) before it was ready.\n${out}`);
    }
    // /healthz answers once the HTTP server is up; the workbench page follows it.
    const status = await httpGetStatus(`${url}/healthz`, 2_000);
    if (status === 200) break;
    if (Date.now() > deadline) {
      const out = tail(logFile);
      await stop();
      throw new Error(`code-server did not answer on ${url} within ${Math.round(readyTimeoutMs / 1000)} s.\n${out}`);
    }
    await sleep(200);
  }
  return { url, port: chosenPort, host: HOST, pid, tmpDir, userDataDir, extensionsDir, logFile, stop, exited };
}

/** `vscode-remote://HOST:PORT/abs/path` — how the web workbench names a path on the server. */
export function remoteUri(server, absPath) {
  const p = path.resolve(absPath).split(path.sep).map(encodeURIComponent).join('/');
  return `vscode-remote://${server.host}:${server.port}${p.startsWith('/') ? p : '/' + p}`;
}
