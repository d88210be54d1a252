import { strict as assert } from 'assert';
import { RenderQueue } from '../../src/webview/render-queue';

const tick = () => new Promise<void>((r) => setTimeout(r, 0));

describe('preview render queue', () => {
  it('runs the newest job after the running one and drops the ones in between (latest wins)', async () => {
    const ran: number[] = [];
    const outdatedSeen: boolean[] = [];
    let release!: () => void;
    const queue: RenderQueue<number> = new RenderQueue<number>(async (n) => {
      ran.push(n);
      if (n === 1) await new Promise<void>((r) => (release = r));
      outdatedSeen.push(queue.outdated);
    });
    queue.schedule(1);
    await tick();
    assert.deepStrictEqual(ran, [1]);
    assert.strictEqual(queue.outdated, false, 'nothing newer yet');
    queue.schedule(2);
    queue.schedule(3);
    assert.strictEqual(queue.outdated, true, 'the running job is out of date');
    release();
    await tick();
    await tick();
    assert.deepStrictEqual(ran, [1, 3], 'job 2 was never run');
    assert.deepStrictEqual(outdatedSeen, [true, false]);
    queue.schedule(4);
    await tick();
    assert.deepStrictEqual(ran, [1, 3, 4], 'an idle queue runs at once');
  });

  it('keeps going after a job that throws', async () => {
    const ran: number[] = [];
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const queue = new RenderQueue<number>(async (n) => {
        ran.push(n);
        if (n === 1) throw new Error('boom');
      });
      queue.schedule(1);
      await tick();
      queue.schedule(2);
      await tick();
      assert.deepStrictEqual(ran, [1, 2]);
      assert.strictEqual(errors.length, 1);
    } finally {
      console.error = original;
    }
  });
});
