/**
 * Work in slices (src/core/slices.ts, src/shared/slices.ts): the outline the editor shows is unpacked and turned
 * into symbols a few milliseconds at a time, each slice a task of its own, so a keystroke waits at most one slice.
 */
import { strict as assert } from 'assert';
import { generateFlow } from '../../bench/generate';
import { buildModel } from '../../src/core/model';
import { buildOutline, packOutline, unpackOutline, unpackOutlineInSlices } from '../../src/core/outline';
import { parseText } from '../../src/core/parse';
import { finish, NODES_PER_SLICE, type Slices } from '../../src/core/slices';
import { runInSlices } from '../../src/shared/slices';

/** Counts to `n`, pausing after each number; `log` records what ran, `closed` whether it was stopped early. */
function* counting(n: number, log: string[], state = { closed: false }): Slices<number> {
  try {
    for (let i = 1; i <= n; i++) {
      log.push(`work ${i}`);
      yield;
    }
    return n;
  } finally {
    if (log.length < n) state.closed = true;
  }
}

/** A clock that advances `step` ms each time it is read. */
const ticking = (step: number) => {
  let t = 0;
  return () => (t += step);
};

describe('work in slices', () => {
  it('finish runs the work through and gives its result', () => {
    const log: string[] = [];
    assert.equal(finish(counting(3, log)), 3);
    assert.deepEqual(log, ['work 1', 'work 2', 'work 3']);
  });

  it('runInSlices runs as much as fits the budget per task, each slice in a task of its own, and hands the result over in another', async () => {
    const log: string[] = [];
    const slices: number[] = [];
    // the clock advances 1 ms per reading: a slice reads it at its start and after each step, so 2 steps fit 2 ms
    const running = runInSlices(counting(5, log), { budgetMs: 2, clock: ticking(1), onSlice: (ms) => slices.push(ms) });
    await Promise.resolve();
    log.push('other task');
    const tasks: string[] = [];
    const probe = setInterval(() => tasks.push(log.join(',')), 0);
    const result = await running;
    clearInterval(probe);
    assert.equal(result, 5);
    // the first slice ran synchronously in runInSlices' call: two steps before anything else
    assert.deepEqual(log.slice(0, 3), ['work 1', 'work 2', 'other task']);
    assert.deepEqual(
      log.filter((x) => x !== 'other task'),
      ['work 1', 'work 2', 'work 3', 'work 4', 'work 5'],
    );
    assert.deepEqual(slices, [3, 3, 2]);
    // other tasks ran between the slices
    assert.ok(tasks.length >= 2, tasks.join(' | '));
  });

  it('with a budget of 0, each slice is one step', async () => {
    const slices: number[] = [];
    assert.equal(await runInSlices(counting(4, []), { budgetMs: 0, clock: ticking(1), onSlice: (ms) => slices.push(ms) }), 4);
    // four steps and the last call (which finds the work done)
    assert.equal(slices.length, 5);
  });

  it('stops when cancelled, gives undefined and lets the work clean up', async () => {
    const log: string[] = [];
    const state = { closed: false };
    let asked = 0;
    const result = await runInSlices(counting(10, log, state), { budgetMs: 0, clock: ticking(1), cancelled: () => ++asked > 3 });
    assert.equal(result, undefined);
    assert.deepEqual(log, ['work 1', 'work 2', 'work 3']);
    assert.ok(state.closed);
  });

  it('cancelled before it starts: nothing runs', async () => {
    const log: string[] = [];
    assert.equal(await runInSlices(counting(3, log), { cancelled: () => true }), undefined);
    assert.deepEqual(log, []);
  });

  describe('the outline', () => {
    const text = generateFlow(1000).text;
    const packedOutline = () => packOutline(text, buildOutline(buildModel(parseText(text))));

    it('unpacked in slices gives what unpackOutline gives, whole and limited', async () => {
      const packed = packedOutline();
      assert.deepEqual(finish(unpackOutlineInSlices(packed)), unpackOutline(packed));
      assert.deepEqual(await runInSlices(unpackOutlineInSlices(packed, 500), { budgetMs: 0 }), unpackOutline(packed, 500));
    });

    it('pauses at least once per NODES_PER_SLICE nodes made', () => {
      const packed = packedOutline();
      for (const max of [Infinity, 2000, 300]) {
        const work = unpackOutlineInSlices(packed, max);
        let pauses = 0;
        let step = work.next();
        while (!step.done) {
          pauses++;
          step = work.next();
        }
        const count = (ns: readonly { children: readonly unknown[] }[]): number => ns.reduce((n, x) => n + 1 + count(x.children as { children: readonly unknown[] }[]), 0);
        const made = count(step.value);
        assert.ok(pauses >= Math.floor(made / NODES_PER_SLICE), `${max}: ${pauses} pauses for ${made} nodes`);
      }
    });
  });
});
