// Integration tests entry: loaded by VS Code's extension host (through
// --extensionTestsPath under @vscode/test-electron, or the `extensionTestsPath`
// payload under code-server), which calls run() and reports its outcome as
// the test run's exit code.
//
// The suite files run in a shuffled order, so no suite can lean on state
// another one left behind (each sets up and restores its own). The order comes
// from a seed: BIZFLOW_TEST_SEED (a whole number) when set, else a random one;
// the seed and the order are printed first, so a failing order reproduces with
// BIZFLOW_TEST_SEED=<seed> npm run test:integration.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

export async function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    timeout: 20_000,
    color: false,
  });
  const grep = process.env.BIZFLOW_TEST_GREP;
  if (grep) mocha.grep(grep);

  const suiteDir = path.join(__dirname, 'suite');
  const sorted = fs
    .readdirSync(suiteDir)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  if (sorted.length === 0) throw new Error(`no *.test.js found in ${suiteDir} (run: node scripts/build-tests.mjs)`);
  const seed = testSeed(process.env.BIZFLOW_TEST_SEED);
  const files = shuffled(sorted, seed);
  console.log(`[bizflow:test-order] BIZFLOW_TEST_SEED=${seed}: ${files.map((f) => f.replace(/\.test\.js$/, '')).join(', ')}`);
  for (const f of files) mocha.addFile(path.join(suiteDir, f));

  await new Promise<void>((resolve, reject) => {
    try {
      mocha.run((failures) => {
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed.`));
        else resolve();
      });
    } catch (err) {
      reject(err);
    }
  });
}

/** The seed from BIZFLOW_TEST_SEED (a whole number), else a random one. */
function testSeed(env: string | undefined): number {
  if (env !== undefined && env.trim() !== '') {
    const n = Number(env);
    if (!Number.isSafeInteger(n) || n < 0) throw new Error(`BIZFLOW_TEST_SEED must be a whole number, not "${env}"`);
    return n >>> 0;
  }
  return Math.floor(Math.random() * 2 ** 32);
}

/** A copy of `items` in the order a Fisher-Yates shuffle driven by mulberry32(seed) gives: the same seed, the same order. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
