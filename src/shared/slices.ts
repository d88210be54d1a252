/**
 * Runs work written in slices (src/core/slices.ts) on a thread that must
 * stay responsive (the extension host): a few milliseconds at a time, each
 * time in a task of its own, so that keystrokes, completion and other
 * extensions wait at most one slice. Stops when `cancelled()` says so
 * (a newer version of the document was asked for) and gives `undefined`.
 */
import type { Slices } from '../core/slices';

export interface SliceOptions {
  /** Time per task (ms); the work pauses at its first yield after it. */
  budgetMs?: number;
  cancelled?: () => boolean;
  /** Told how long each task took, by `clock` (ms; bench/worker-stall.ts measures the longest with `performance.now`). */
  onSlice?: (ms: number) => void;
  clock?: () => number;
}

/** Resolves in a later task of the event loop (after what is queued now: keystrokes, other requests). */
export const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function runInSlices<T>(work: Slices<T>, options: SliceOptions = {}): Promise<T | undefined> {
  const budget = options.budgetMs ?? 4;
  const now = options.clock ?? Date.now;
  for (;;) {
    if (options.cancelled?.()) {
      work.return(undefined as T);
      return undefined;
    }
    const start = now();
    let step = work.next();
    while (!step.done && now() - start < budget) step = work.next();
    options.onSlice?.(now() - start);
    // the result is handed over in a task of its own: whatever the caller does with it (VS Code converts and
    // sends a provider's answer) does not add to the last slice
    await nextTask();
    if (step.done) return step.value;
  }
}
