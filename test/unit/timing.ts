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
 * The fastest of `rounds` runs of each of two pieces of work, in milliseconds:
 * one untimed run of each first (compiled code, warm caches), then the
 * baseline's runs in a row, then the work's (timed in turns instead, the
 * hostile families of bounded-work.test.ts came out up to 1.4 times slower at
 * twice the size on a busy machine). The fastest run is the least disturbed one. For tests
 * that compare the cost of two inputs (how the cost grows) instead of
 * asserting an absolute time, which is a claim about the machine (absolute
 * speed is `npm run bench`'s business).
 */
export function fastestOf(work: () => unknown, baseline: () => unknown, rounds = 5): { work: number; baseline: number } {
  baseline();
  work();
  const fastest = (f: () => unknown) => {
    let best = Infinity;
    for (let r = 0; r < rounds; r++) {
      const t0 = performance.now();
      f();
      best = Math.min(best, performance.now() - t0);
    }
    return best;
  };
  const b = fastest(baseline);
  return { work: fastest(work), baseline: b };
}

/**
 * Asserts that `work` costs at most `maxRatio` times `baseline` (fastest runs,
 * see `fastestOf`; a baseline under 0.2 ms counts as 0.2 ms, below that
 * the timer and the machine's noise decide). Use it inside `itTiming`.
 *
 * A ratio over the limit is measured again, up to `attempts` times in all, and
 * the lowest ratio decides: other work on a shared machine only ever slows a
 * run down (the layout's near-linear check read 36× and 51× against its 30× at a
 * load of 8–10, and under 15× on a quiet machine), while work that really grows
 * faster than allowed is over the limit in every attempt.
 */
export function assertCostRatio(work: () => unknown, baseline: () => unknown, maxRatio: number, what: string, rounds = 5, attempts = 3): void {
  let best: { work: number; baseline: number; ratio: number } | undefined;
  for (let a = 0; a < attempts; a++) {
    const t = fastestOf(work, baseline, rounds);
    const ratio = t.work / Math.max(t.baseline, 0.2);
    if (ratio <= maxRatio) return;
    if (!best || ratio < best.ratio) best = { ...t, ratio };
  }
  if (best) {
    throw new Error(
      `${what}: ${best.work.toFixed(1)} ms against ${best.baseline.toFixed(1)} ms, ${best.ratio.toFixed(1)}× in the best of ${attempts} attempts (at most ${maxRatio}× expected)`,
    );
  }
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

/**
 * How many runs a property test (or a loop of random cases) makes: `runs`, except in a mutation run, where one
 * in `every` (at least one): with a fixed seed, the first of the same cases. As `corpusSample`, for the tests
 * that cover every rule and would otherwise run in full for every mutant they cover.
 */
export function mutationRuns(runs: number, every: number): number {
  return process.env.BIZFLOW_MUTATION === '1' ? Math.max(1, Math.ceil(runs / every)) : runs;
}

/**
 * Skips the running test in a mutation run: for tests of code Stryker does not mutate (drawing SVG with Mermaid
 * in Chromium, src/node), which would otherwise run, for seconds, for every mutant of src/core they happen to
 * cover, without killing any that the core's own tests do not.
 */
export function skipInMutationRun(test: Mocha.Context): void {
  if (process.env.BIZFLOW_MUTATION === '1') test.skip();
}
