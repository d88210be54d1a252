// Screenshots of the real workbench, taken from inside the extension host.
//
// Under the offline launcher (test/integration/run-offline.mjs, code-server +
// Playwright) the launcher sets BIZFLOW_TEST_LAUNCHER=offline and
// BIZFLOW_ARTIFACTS_DIR on code-server, whose extension host inherits them.
// screenshot() then logs a marker line; the extension host's console reaches
// the launcher through the workbench's `codeAutomationLog`, and the launcher
// answers with page.screenshot() into <artifacts>/<name>.png (written to a
// temp file and renamed, so a visible file is complete). We wait for that
// file with a bounded timeout.
//
// Under @vscode/test-electron (no Playwright) it resolves at once, doing nothing.
import * as fs from 'fs';
import * as path from 'path';

export const SCREENSHOT_MARKER = '[bizflow:screenshot]';

export function screenshotsEnabled(): boolean {
  return process.env.BIZFLOW_TEST_LAUNCHER === 'offline' && !!process.env.BIZFLOW_ARTIFACTS_DIR;
}

function sanitize(name: string): string {
  const s = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+/, '');
  if (!s) throw new Error(`invalid screenshot name: ${JSON.stringify(name)}`);
  return s;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Takes a screenshot of the whole VS Code window into test/artifacts/<name>.png
 * (offline launcher only). Resolves when the file is written.
 */
export async function screenshot(name: string, opts: { timeoutMs?: number; settleMs?: number } = {}): Promise<void> {
  if (!screenshotsEnabled()) return;
  const { timeoutMs = 15_000, settleMs = 300 } = opts;
  const file = path.join(process.env.BIZFLOW_ARTIFACTS_DIR!, `${sanitize(name)}.png`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.rmSync(file, { force: true });
  // Let the workbench paint what the test just did.
  if (settleMs > 0) await sleep(settleMs);
  console.log(`${SCREENSHOT_MARKER} ${JSON.stringify({ name: path.basename(file, '.png'), file })}`);
  const deadline = Date.now() + timeoutMs;
  while (!fs.existsSync(file)) {
    if (Date.now() > deadline) {
      throw new Error(`screenshot '${name}' was not written to ${file} within ${timeoutMs} ms`);
    }
    await sleep(100);
  }
}
