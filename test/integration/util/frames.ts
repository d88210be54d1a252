// Reading the DOM of webviews the extension host cannot reach (VS Code's own Markdown preview), from inside
// the extension host. Under the offline launcher (test/integration/run-offline.mjs) a marker line asks the
// launcher to count the elements matching CSS selectors in every frame of the workbench page (and read the
// first one's text); it writes the answer to <artifacts>/<name>.json, which we wait for (bounded). Like
// screenshot.ts, it is available only there: `framesQueryEnabled()` tells.
import * as fs from 'fs';
import * as path from 'path';
import { screenshotsEnabled } from './screenshot';

export const FRAMES_MARKER = '[bizflow:frames]';

export interface FrameFinding {
  url: string;
  found: Record<string, { count: number; text?: string }>;
}

export function framesQueryEnabled(): boolean {
  return screenshotsEnabled();
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
let seq = 0;

/** The frames where at least one selector matched, with counts and first texts. */
export async function queryFrames(selectors: Record<string, string>, timeoutMs = 15_000): Promise<FrameFinding[]> {
  if (!framesQueryEnabled()) throw new Error('frames queries need the offline launcher (npm run test:integration)');
  const name = `frames-${process.pid}-${++seq}`;
  const file = path.join(process.env.BIZFLOW_ARTIFACTS_DIR!, `${name}.json`);
  fs.rmSync(file, { force: true });
  console.log(`${FRAMES_MARKER} ${JSON.stringify({ name, selectors })}`);
  const deadline = Date.now() + timeoutMs;
  while (!fs.existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`frames query was not answered within ${timeoutMs} ms`);
    await sleep(100);
  }
  const { frames } = JSON.parse(fs.readFileSync(file, 'utf8')) as { frames: FrameFinding[] };
  fs.rmSync(file, { force: true });
  return frames;
}

/** Asks again until `accept` is true of the findings (bounded); returns the last findings. */
export async function waitForFrames(
  selectors: Record<string, string>,
  accept: (frames: FrameFinding[]) => boolean,
  timeoutMs = 60_000,
): Promise<FrameFinding[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frames = await queryFrames(selectors);
    if (accept(frames)) return frames;
    if (Date.now() > deadline) throw new Error(`frames not as expected after ${timeoutMs} ms: ${JSON.stringify(frames).slice(0, 2000)}`);
    await sleep(500);
  }
}
