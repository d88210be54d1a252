/**
 * The cost-ratio check every scaling test uses (test/unit/timing.ts): it must fail for work that costs more
 * than allowed, pass for work within the limit, and measure again before failing, since other work on a
 * shared machine only slows a run down. The pieces of work here wait a given time, so their ratio is known.
 */
import { strict as assert } from 'assert';
import { assertCostRatio, itTiming } from './timing';

/** Busy work that lasts `ms` milliseconds. */
function spin(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // waiting
  }
}

describe('assertCostRatio', () => {
  itTiming('fails for work costing about 10 times the baseline when at most 4 times is allowed, naming the ratio', () => {
    assert.throws(
      () => assertCostRatio(() => spin(4), () => spin(0.4), 4, 'ten times', 3),
      (e: Error) => /^ten times: [\d.]+ ms against [\d.]+ ms, [\d.]+× in the best of 3 attempts \(at most 4× expected\)$/.test(e.message),
    );
  });

  itTiming('passes for work costing about 10 times the baseline when 40 times is allowed', () => {
    assertCostRatio(() => spin(4), () => spin(0.4), 40, 'ten times', 3);
  });

  itTiming('measures again when an attempt is over the limit, and passes when a later attempt is within it', () => {
    // the first attempt's runs (1 warm-up + 3 timed) are slow, as if the machine were busy
    let calls = 0;
    assertCostRatio(() => spin(++calls <= 4 ? 8 : 0.4), () => spin(0.4), 4, 'disturbed once', 3);
    assert.ok(calls > 4, `measured again (${calls} runs of the work)`);
  });

  itTiming('gives up after the attempts it is given', () => {
    let calls = 0;
    assert.throws(() => assertCostRatio(() => (calls++, spin(4)), () => spin(0.4), 4, 'ten times', 3, 2));
    assert.equal(calls, 2 * (1 + 3), 'two attempts of one warm-up and three timed runs each');
  });
});
