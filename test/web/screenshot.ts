/**
 * test/integration/util/screenshot.ts for the web test bundle: the Web Worker
 * extension host has no file system to wait on, so this logs the marker the
 * launcher answers with page.screenshot() and gives it time to take it.
 */
export const SCREENSHOT_MARKER = '[bizflow:screenshot]';

export function screenshotsEnabled(): boolean {
  return true;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function screenshot(name: string, opts: { timeoutMs?: number; settleMs?: number } = {}): Promise<void> {
  const safe = `web-${name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+/, '')}`;
  await sleep(opts.settleMs ?? 300);
  console.log(`${SCREENSHOT_MARKER} ${JSON.stringify({ name: safe })}`);
  await sleep(1500);
}
