/**
 * Work done in slices: a generator that yields (nothing) wherever it may be
 * paused, and returns its result. The editor runs such work a few
 * milliseconds at a time across the event loop's tasks (src/shared/slices.ts
 * `runInSlices`), so that typing and other extensions wait at most one
 * slice; everything else runs it through at once (`finish`).
 */
export type Slices<T> = Generator<void, T, undefined>;

/** The result of work done in slices, all at once. */
export function finish<T>(work: Slices<T>): T {
  let step = work.next();
  while (!step.done) step = work.next();
  return step.value;
}

/** How many nodes made between two pauses (a few hundred microseconds' work). */
export const NODES_PER_SLICE = 256;
