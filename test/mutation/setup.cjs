// Loaded by Stryker's mocha runner only (stryker.config.mjs, mochaOptions.require):
// marks the process as a mutation run, so the timing and scaling tests
// (test/unit/timing.ts, itTiming) skip themselves. Under Stryker's
// instrumentation every branch is counted, so code runs several times slower
// and a test that measures speed would fail or time out for no mutant at all.
process.env.BIZFLOW_MUTATION = '1';
