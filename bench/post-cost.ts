/**
 * What sending a document's new text to the analysis worker costs the extension host's thread, against
 * finding the one changed span to send instead (common start and end, compared a block at a time).
 * The question behind it (bench/notes.md, finding 10): would sending edits instead of the whole text shorten
 * the host's longest task while typing in a 10,000-step file?
 *
 *   npx tsx bench/post-cost.ts [--steps 10000] [--rounds 20] [--json]
 */
import { Worker } from 'node:worker_threads';
import { generateFlow } from './generate';

const argv = process.argv.slice(2);
const opt = (name: string, dflt: number) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : dflt;
};
const STEPS = opt('steps', 10000);
const ROUNDS = opt('rounds', 20);
const BLOCK = 4096;

/** The common start and end of two texts, a block at a time (string equality is a memory comparison). */
function changedSpan(a: string, b: string): [number, number] {
  const limit = Math.min(a.length, b.length);
  let i = 0;
  while (i + BLOCK <= limit && a.slice(i, i + BLOCK) === b.slice(i, i + BLOCK)) i += BLOCK;
  while (i < limit && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  let n = 0;
  const rest = limit - i;
  while (n + BLOCK <= rest && a.slice(a.length - n - BLOCK, a.length - n) === b.slice(b.length - n - BLOCK, b.length - n)) n += BLOCK;
  while (n < rest && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return [i, n];
}

const quantiles = (xs: number[]) => {
  const s = [...xs].sort((x, y) => x - y);
  return { medianMs: +s[Math.floor(s.length / 2)].toFixed(2), maxMs: +s[s.length - 1].toFixed(2) };
};

async function main() {
  // Latin and Chinese names: a two-byte string, as most real files with Chinese are
  const base = generateFlow(STEPS).text.replace(/name: Step (\d+)/g, 'name: 步骤 $1');
  const w = new Worker(`require('node:worker_threads').parentPort.on('message', (m) => require('node:worker_threads').parentPort.postMessage(m.length))`, { eval: true });
  const echoed = () => new Promise((r) => w.once('message', r));
  const post: number[] = [];
  const span: number[] = [];
  let before = base;
  for (let k = 0; k < ROUNDS; k++) {
    // a keystroke in the middle, and a fresh string as TextDocument.getText() makes it
    const at = before.length >> 1;
    const after = (before.slice(0, at) + String.fromCharCode(97 + (k % 26)) + before.slice(at)).split('').join('');
    let t = performance.now();
    w.postMessage(after);
    post.push(performance.now() - t);
    await echoed();
    t = performance.now();
    changedSpan(before, after);
    span.push(performance.now() - t);
    before = after;
  }
  await w.terminate();
  const out = { steps: STEPS, chars: base.length, rounds: ROUNDS, postWholeText: quantiles(post), findChangedSpan: quantiles(span) };
  if (argv.includes('--json')) console.log(JSON.stringify(out));
  else console.log(out);
}

void main();
