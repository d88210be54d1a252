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

/**
 * A large corpus in a test: all of it, except in a mutation run, where a
 * deterministic one in `every` items (spread over the whole list) is used.
 * A corpus test that covers every rule runs for every mutant it covers (for
 * minutes on a busy machine for each surviving one); the sample still checks
 * the same property on every file and kind the stride reaches.
 */
export function corpusSample<T>(items: readonly T[], every: number): readonly T[] {
  return process.env.BIZFLOW_MUTATION === '1' ? items.filter((_, i) => i % every === 0) : items;
}
