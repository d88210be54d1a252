/**
 * Timing and scaling tests: `itTiming` is `it`, except in a mutation run
 * (`npm run mutation`: test/mutation/setup.cjs sets BIZFLOW_MUTATION=1), where
 * the test is skipped. Instrumented code runs several times slower, so a test
 * that measures speed (a time bound, a near-linear check on 10,000 steps) would
 * time out on every mutant and say nothing about behaviour.
 */
export function itTiming(title: string, fn: Mocha.Func): Mocha.Test {
  return process.env.BIZFLOW_MUTATION === '1' ? it.skip(title, fn) : it(title, fn);
}
